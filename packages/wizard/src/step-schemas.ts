import {
  type ExperimentProblem,
  type ExperimentProblemCode,
  type Flag,
  type FlagIneligibility,
  findExperimentProblems,
  flagIneligibility,
  isoDateSchema,
  type Segment,
  type SegmentOverride,
} from "@flagsmith-experimentation/adapters";
import { daysBetween, toIsoDate } from "./dates";
import type { TextKey, WizardMessages } from "./messages";
import { STEP_FIELDS, type WizardField, type WizardStepId, type WizardValues } from "./steps";
import { isValidSplit } from "./weights";

/*
 * The wizard's validation is the domain model's (docs/architecture.md, "Validation is written once"): what makes an
 * experiment launchable comes from `findExperimentProblems` and `isoDateSchema` of
 * `@flagsmith-experimentation/adapters`, keyed by problem code to the wizard's (translatable) messages. The wizard
 * adds only what needs its context: a start date not in the past (it knows "today"), the chosen flag's eligibility
 * (`flagIneligibility` on the loaded flag), the flag's segment overrides, and whole-percent weights that give every
 * variation some traffic (what its weight inputs can express).
 */

/**
 * What the step checks need besides the form values: "today", and the data the adapters returned for
 * the current choices (absent while loading — validation then only checks what it can).
 */
export interface StepContext {
  today: Date;
  messages: WizardMessages;
  /** The flag `flagId` refers to, as last loaded. */
  flag?: Flag | undefined;
  /** The chosen flag's segment overrides, as last loaded (`undefined` = not known yet: the traffic step can't pass). */
  overrides?: readonly SegmentOverride[] | undefined;
  /** Segment display names by id (for messages). */
  segmentName?: ((segmentId: string) => string) | undefined;
  /** The segments as last loaded (a feature-specific one must belong to the chosen flag). */
  segments?: readonly Segment[] | undefined;
  /** The name of an experiment by id, when the wizard knows it (the one that already holds a flag). */
  experimentName?: ((experimentId: string) => string | undefined) | undefined;
}

export interface StepIssue {
  field: WizardField;
  message: string;
}

/** A relative lift the plan can target: more than 0, at most +1000 %. */
export function isDetectableEffect(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= 10;
}

/** Why the chosen flag cannot get an experiment, in the wizard's words. */
export function ineligibilityMessage(
  flag: Flag,
  reason: FlagIneligibility,
  messages: WizardMessages,
  experimentName?: (experimentId: string) => string | undefined,
): string {
  switch (reason.reason) {
    case "no-variations":
      return messages.flagIneligible(flag.name);
    case "unkeyed-options":
      return messages.flagUnkeyedOptions(
        flag.name,
        reason.options.map((o) => o.name),
      );
    case "active-experiment":
      return messages.flagHeldByExperiment(flag.name, experimentName?.(reason.experimentId) ?? reason.experimentId);
  }
}

/** The wizard's words for each domain rule (`treatment-required` names the flag); other rules show the domain's. */
const PROBLEM_WORDS: Partial<Record<ExperimentProblemCode, TextKey>> = {
  "name-required": "nameRequired",
  "hypothesis-required": "hypothesisRequired",
  "start-date-required": "startDateInvalid",
  "end-date-required": "endDateInvalid",
  "end-before-start": "endDateBeforeStart",
  "flag-required": "flagRequired",
  "metrics-required": "metricsRequired",
  "primary-required": "primaryRequired",
  "segment-required": "segmentRequired",
  "weights-keys": "weightsInvalid",
  "weights-sum": "weightsInvalid",
};

function problemMessage(problem: ExperimentProblem, values: WizardValues, context: StepContext): StepIssue {
  const { messages, flag } = context;
  const key = PROBLEM_WORDS[problem.code];
  // The variations come with the flag: their problems are the flag step's.
  const field = (problem.path[0] === "variations" ? "flagId" : problem.path[0]) as WizardField;
  const message =
    problem.code === "treatment-required"
      ? messages.flagIneligible(flag?.name ?? values.flagId)
      : key
        ? messages[key]
        : problem.message;
  return { field, message };
}

/** A date the domain accepts, or "" (which the domain reports as missing). */
function validDate(value: string): string {
  return isoDateSchema.safeParse(value).success ? value : "";
}

/** The checks that need the wizard's context, in the order their fields appear. */
function contextIssues(values: WizardValues, context: StepContext): StepIssue[] {
  const { messages, flag, overrides, segmentName, today } = context;
  const issues: StepIssue[] = [];
  const fromToday = daysBetween(toIsoDate(today), validDate(values.startDate));
  if (fromToday !== undefined && fromToday < 0) issues.push({ field: "startDate", message: messages.startDateInPast });
  const ineligible = flag && flag.id === values.flagId ? flagIneligibility(flag) : null;
  if (flag && ineligible) {
    issues.push({ field: "flagId", message: ineligibilityMessage(flag, ineligible, messages, context.experimentName) });
  }
  const { segmentId } = values;
  const segment = segmentId === null ? undefined : context.segments?.find((s) => s.id === segmentId);
  if (segmentId !== null && segment?.flagId !== undefined && segment.flagId !== values.flagId) {
    issues.push({ field: "segmentId", message: messages.segmentForOtherFlag(segment.name) });
  } else if (segmentId !== null && overrides === undefined) {
    issues.push({ field: "segmentId", message: messages.overridesPending });
  } else if (segmentId !== null && overrides?.some((o) => o.segmentId === segmentId)) {
    const name = segmentName?.(segmentId) ?? segmentId;
    issues.push({ field: "segmentId", message: messages.overrideConflict(flag?.name ?? values.flagId, name) });
  }
  const rollout = values.rolloutPercentage;
  if (!(Number.isInteger(rollout) && rollout >= 1 && rollout <= 100)) {
    issues.push({ field: "rolloutPercentage", message: messages.rolloutInvalid });
  }
  const keys = values.variations.map((v) => v.key);
  const starved = values.variations.find((v) => (values.weights[v.key] ?? 0) <= 0);
  if (!isValidSplit(keys, values.weights)) issues.push({ field: "weights", message: messages.weightsInvalid });
  else if (starved) issues.push({ field: "weights", message: messages.weightZero(starved.name) });
  if (!isDetectableEffect(values.minimumDetectableEffect)) {
    issues.push({ field: "minimumDetectableEffect", message: messages.detectableEffectInvalid });
  }
  return issues;
}

/**
 * Validates one step's fields: the issues in the order the fields appear on screen (first = the field
 * to focus), at most one per field. The review step validates all four editing steps.
 */
export function validateStep(step: WizardStepId, values: WizardValues, context: StepContext): StepIssue[] {
  if (step === "review") {
    return (["details", "flag", "metrics", "traffic"] as const).flatMap((s) => validateStep(s, values, context));
  }
  const domain = findExperimentProblems({
    ...values,
    startDate: validDate(values.startDate),
    endDate: validDate(values.endDate),
  }).map((problem) => problemMessage(problem, values, context));
  const byField = new Map<WizardField, string>();
  for (const issue of [...domain, ...contextIssues(values, context)]) {
    if (!byField.has(issue.field)) byField.set(issue.field, issue.message);
  }
  return STEP_FIELDS[step].flatMap((field) => {
    const message = byField.get(field);
    return message === undefined ? [] : [{ field, message }];
  });
}
