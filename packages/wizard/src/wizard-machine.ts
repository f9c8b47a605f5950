import type { Experiment, Flag, SegmentOverride, Variation } from "@flagsmith-experimentation/adapters";
import type { WizardMessages } from "./messages";
import type { StepContext, StepIssue } from "./step-schemas";
import {
  STEP_FIELDS,
  stepIndex,
  stepOfField,
  WIZARD_STEPS,
  type WizardField,
  type WizardStepId,
  type WizardValues,
} from "./steps";
import { alignWeights, type Weights } from "./weights";

/*
 * The wizard as an explicit state machine: everything about where the user is and what the wizard is doing lives in
 * one `WizardState`, changed only by `wizardReducer` through the events below (pure, tested in
 * wizard-machine.test.ts). The React component renders the state and turns clicks and adapter answers into events;
 * the form values themselves stay in react-hook-form.
 */

export type LaunchState =
  | { status: "idle" }
  | { status: "launching" }
  /** `retryAt` (epoch ms): the server asked to wait (rate limited); the launch retries by itself then. */
  | { status: "failed"; error: unknown; retryAt?: number | undefined }
  /** The stored draft is not the revision the user reviewed: show what changed, and review again. */
  | { status: "conflict"; current: Experiment };

/** Where focus goes after the next render: the step heading, or a field (the first invalid one). */
export type FocusRequest = { target: "heading" } | { target: "field"; field: WizardField | undefined };

export interface WizardState {
  step: WizardStepId;
  /** Steps that passed validation on the way forward. */
  completed: readonly WizardStepId[];
  /** The user came from the review (an "Edit …" button, or a launch sent back): offer "Back to review". */
  returnToReview: boolean;
  /** After a failed "Next", the current step's issues follow the user's corrections live. */
  attempted: boolean;
  /** The current step's validation issues, in screen order (shown on the fields and counted in a summary). */
  issues: readonly StepIssue[];
  /** A message for one step (e.g. why the launch sent the user back to it). */
  notice: { step: WizardStepId; message: string } | undefined;
  /** A new object for every request: the component moves focus when it changes. */
  focus: FocusRequest | undefined;
  dialogOpen: boolean;
  /** "Cancel" asked whether to keep the draft. */
  cancelOpen: boolean;
  launch: LaunchState;
  /** The launched (or scheduled) experiment: the wizard is read-only from then on. */
  launched: Experiment | undefined;
}

export type WizardEvent =
  /** Go to a step: backwards freely; forwards only through the validation of every step in between (`check`). */
  | { type: "navigate"; target: WizardStepId; check: (step: WizardStepId) => readonly StepIssue[] }
  /** "Edit <step>" on the review. */
  | { type: "edit"; target: Exclude<WizardStepId, "review"> }
  /** The current step's issues, re-checked after a change. */
  | { type: "revalidate"; issues: readonly StepIssue[] }
  /** The user picked another flag: a notice about the old one no longer applies. */
  | { type: "flag-picked" }
  | { type: "dialog"; open: boolean }
  | { type: "launch-started" }
  /** The launch found a problem: back to `step`, with a notice or the step's issues. */
  | {
      type: "launch-blocked";
      step: WizardStepId;
      notice?: string;
      issues?: readonly StepIssue[];
      /** The issues are the server's field errors (not found by the wizard's own checks). */
      fromServer?: boolean;
    }
  | { type: "launch-failed"; error: unknown; retryAt?: number | undefined }
  /** The launch found the stored draft changed since the review. */
  | { type: "launch-conflict"; current: Experiment }
  /** The user chose a version after a launch conflict: back to the review, to review it again. */
  | { type: "review-again" }
  | { type: "cancel-dialog"; open: boolean }
  | { type: "launched"; experiment: Experiment };

/** The state a wizard opens in: at the first step, or read-only at the review for a launched experiment. */
export function initialWizardState(saved: Experiment | undefined): WizardState {
  const launched = saved && saved.status !== "draft" ? saved : undefined;
  return {
    step: launched ? "review" : "details",
    completed: [],
    returnToReview: false,
    attempted: false,
    issues: [],
    notice: undefined,
    focus: undefined,
    dialogOpen: false,
    cancelOpen: false,
    launch: { status: "idle" },
    launched,
  };
}

function goTo(state: WizardState, target: WizardStepId): WizardState {
  return {
    ...state,
    step: target,
    issues: [],
    attempted: false,
    notice: state.notice && state.notice.step !== target ? undefined : state.notice,
    focus: { target: "heading" },
  };
}

function showIssues(state: WizardState, target: WizardStepId, issues: readonly StepIssue[]): WizardState {
  return { ...state, step: target, issues, attempted: true, focus: { target: "field", field: issues[0]?.field } };
}

/** Validates the steps from the current one up to (not including) `target`, stopping at the first invalid one. */
function navigate(state: WizardState, target: WizardStepId, check: (step: WizardStepId) => readonly StepIssue[]) {
  const from = stepIndex(state.step);
  const to = stepIndex(target);
  if (to === from) return state;
  if (to < from) return goTo(state, target);
  const completed = new Set(state.completed);
  for (let index = from; index < to; index++) {
    const step = WIZARD_STEPS[index] as WizardStepId;
    const issues = check(step);
    if (issues.length > 0) return showIssues({ ...state, completed: [...completed] }, step, issues);
    completed.add(step);
  }
  return goTo({ ...state, completed: [...completed] }, target);
}

function sameIssues(a: readonly StepIssue[], b: readonly StepIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every((issue, index) => issue.field === b[index]?.field && issue.message === b[index]?.message)
  );
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  if (state.launched && event.type !== "dialog") return state;
  switch (event.type) {
    case "navigate":
      return navigate(state, event.target, event.check);
    case "edit":
      return goTo({ ...state, returnToReview: true }, event.target);
    case "revalidate":
      if (!state.attempted || state.step === "review" || sameIssues(state.issues, event.issues)) return state;
      return { ...state, issues: event.issues };
    case "flag-picked":
      return state.notice?.step === "flag" ? { ...state, notice: undefined } : state;
    case "dialog":
      if (state.launch.status === "launching") return state;
      return { ...state, dialogOpen: event.open, launch: event.open ? state.launch : { status: "idle" } };
    case "launch-started":
      return { ...state, launch: { status: "launching" } };
    case "launch-blocked": {
      const notice = event.notice === undefined ? undefined : { step: event.step, message: event.notice };
      const closed: WizardState = {
        ...state,
        dialogOpen: false,
        launch: { status: "idle" },
        returnToReview: true,
        notice,
      };
      if (event.issues && event.issues.length > 0) {
        const shown = showIssues(closed, event.step, event.issues);
        // The server's field errors stay until the next "Next": the wizard's own checks would not find them again.
        return event.fromServer ? { ...shown, attempted: false } : shown;
      }
      return goTo(closed, event.step);
    }
    case "launch-failed":
      return { ...state, launch: { status: "failed", error: event.error, retryAt: event.retryAt } };
    case "launch-conflict":
      return { ...state, dialogOpen: true, launch: { status: "conflict", current: event.current } };
    case "review-again":
      return goTo({ ...state, dialogOpen: false, launch: { status: "idle" } }, "review");
    case "cancel-dialog":
      return { ...state, cancelOpen: event.open };
    case "launched":
      return {
        ...state,
        launched: event.experiment,
        dialogOpen: false,
        launch: { status: "idle" },
        focus: { target: "heading" },
      };
  }
}

/** What a step looks like in the step list. */
export function stepState(state: WizardState, step: WizardStepId): "done" | "current" | "upcoming" {
  if (step === state.step) return "current";
  return state.launched || state.completed.includes(step) ? "done" : "upcoming";
}

export interface LaunchReadinessInput {
  values: WizardValues;
  /** The flag as it is now (`undefined`: it no longer exists). */
  flag: Flag | undefined;
  /** The flag's segment overrides as they are now. */
  overrides: readonly SegmentOverride[];
  /** The rest of the validation context (today, messages, segment names). */
  context: Omit<StepContext, "flag" | "overrides">;
  validate: (step: WizardStepId, values: WizardValues, context: StepContext) => StepIssue[];
  messages: Pick<WizardMessages, "staleMissing" | "staleFlag" | "staleSegment">;
  segmentName: (segmentId: string) => string;
}

export type LaunchReadiness =
  | { status: "ready" }
  /** The flag or segment changed since the user chose it: back to that step with a notice. */
  | {
      status: "stale";
      step: WizardStepId;
      notice: string;
      /** For a flag whose variations changed: the fresh variations, and the weights carried over to them. */
      refresh?: { flag: Flag; variations: Variation[]; weights: Weights };
    }
  /** A step no longer validates: back to it, with its issues. */
  | { status: "invalid"; step: WizardStepId; issues: StepIssue[] };

function sameVariations(a: readonly Variation[], b: readonly Variation[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((v) => {
    const other = b.find((w) => w.key === v.key);
    return other !== undefined && other.value === v.value && other.isControl === v.isControl;
  });
}

/**
 * Whether the reviewed configuration can launch against the flag and overrides as they are now: the flag still
 * exists with the same variations, the segment has no override on it, and every step still validates.
 */
export function checkLaunchReadiness(input: LaunchReadinessInput): LaunchReadiness {
  const { values, flag, overrides, messages } = input;
  if (!flag) return { status: "stale", step: "flag", notice: messages.staleMissing };
  if (!sameVariations(flag.variations, values.variations)) {
    const weights = alignWeights(
      flag.variations.map((v) => v.key),
      values.weights,
    );
    return {
      status: "stale",
      step: "flag",
      notice: messages.staleFlag(flag.name),
      refresh: { flag, variations: flag.variations, weights },
    };
  }
  const { segmentId } = values;
  if (segmentId !== null && overrides.some((o) => o.segmentId === segmentId)) {
    return { status: "stale", step: "traffic", notice: messages.staleSegment(input.segmentName(segmentId)) };
  }
  const issues = input.validate("review", values, { ...input.context, flag, overrides });
  const first = issues[0];
  if (!first) return { status: "ready" };
  const step = stepOfField(first.field) ?? "details";
  return {
    status: "invalid",
    step,
    issues: issues.filter((i) => (STEP_FIELDS[step] as readonly string[]).includes(i.field)),
  };
}
