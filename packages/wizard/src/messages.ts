import type { MetricRole } from "@flagsmith-experimentation/adapters";
import {
  defaultErrorMessages,
  type ErrorMessages,
  messageKey,
  resolveMessages as resolveCatalogue,
} from "@flagsmith-experimentation/ui";
import { DEFAULT_DIRECTION_WORDS } from "./pre-launch-checks";

/**
 * Every user-visible string of the wizard. Hosts override any subset through the `messages` prop;
 * strings that embed values are functions so translations can reorder them. Numbers and dates arrive
 * already formatted with `Intl` in the wizard's `locale`.
 */
export interface WizardMessages extends ErrorMessages {
  /** Shown instead of a number that is missing. */
  notAvailable: string;

  // Steps (their names are also the `h2` of each step and the step-list items).
  stepDetails: string;
  stepFlag: string;
  stepMetrics: string;
  stepTraffic: string;
  stepReview: string;
  stepListLabel: string;
  stepStateDone: string;
  stepStateCurrent: string;
  stepStateUpcoming: string;
  stepPosition: (current: number, total: number) => string;

  // Navigation
  next: string;
  back: string;
  cancel: string;
  backToReview: string;

  // Validation
  errorSummary: (count: number) => string;
  nameRequired: string;
  hypothesisRequired: string;
  startDateInvalid: string;
  startDateInPast: string;
  endDateInvalid: string;
  endDateBeforeStart: string;
  flagRequired: string;
  flagIneligible: (flagName: string) => string;
  metricsRequired: string;
  primaryRequired: string;
  segmentRequired: string;
  weightsInvalid: string;
  weightZero: (variationName: string) => string;
  rolloutInvalid: string;
  detectableEffectInvalid: string;
  segmentForOtherFlag: (segmentName: string) => string;

  // Adapter states
  retry: string;
  loadingResource: (what: string) => string;
  overridesPending: string;
  loadFailed: (what: string, reason: string) => string;
  resourceFlags: string;
  resourceFlag: string;
  resourceSegments: string;
  resourceOverrides: string;
  resourceMetrics: string;
  resourceDraft: string;

  // Step 1
  nameLabel: string;
  hypothesisLabel: string;
  hypothesisHint: string;
  startDateLabel: string;
  endDateLabel: string;
  datesHint: string;
  scheduledNote: (localStart: string) => string;
  durationNote: (days: string) => string;

  // Step 2
  flagLabel: string;
  flagSearchHint: string;
  flagsEmpty: string;
  flagsNoMatch: (search: string) => string;
  flagOptionVariations: (count: string) => string;
  flagOptionIneligible: string;
  flagIneligibleReason: (flagName: string) => string;
  flagUnkeyedOptions: (flagName: string, optionNames: readonly string[]) => string;
  flagHeldByExperiment: (flagName: string, experimentName: string) => string;
  flagOptionUnkeyed: string;
  flagOptionHeld: string;
  fixOptionKeys: string;
  flagDisabledWarning: (flagName: string) => string;
  addVariation: string;
  variationsCaption: (flagName: string) => string;
  variationColumn: string;
  valueColumn: string;
  roleColumn: string;
  controlRole: string;
  treatmentRole: string;
  flagPickPrompt: string;

  // Step 3
  metricsLegend: string;
  metricsHint: string;
  metricsEmpty: string;
  roleFor: (metricName: string) => string;
  rolePrimary: string;
  roleSecondary: string;
  roleGuardrail: string;
  directionIncrease: string;
  directionDecrease: string;
  multiplePrimaryWarning: (count: number) => string;

  // Step 4
  segmentLabel: string;
  segmentHint: string;
  segmentsEmpty: string;
  segmentAllIdentities: string;
  segmentSearchHint: string;
  rolloutLabel: string;
  rolloutHintAll: string;
  rolloutHintSegment: string;
  detectableEffectLabel: string;
  detectableEffectHint: string;
  powerSample: (lift: string, perVariation: string) => string;
  overrideConflict: (flagName: string, segmentName: string) => string;
  weightsLegend: string;
  weightsHint: string;
  weightFor: (variationName: string) => string;
  weightEmpty: string;
  weightNotWhole: string;
  weightOutOfRange: string;
  weightsTotal: (total: string) => string;
  splitEvenly: string;
  powerHeading: string;
  powerEstimate: (lift: string, days: string) => string;
  powerUnavailableTraffic: string;
  powerUnavailableBaseline: (metricName: string) => string;
  powerUnavailableMetric: string;
  powerTooShort: (plannedDays: string, neededDays: string) => string;

  // Step 5
  reviewIntro: string;
  editStep: (stepName: string) => string;
  summaryName: string;
  summaryHypothesis: string;
  summaryDates: string;
  summaryDateRange: (start: string, end: string) => string;
  summaryStatusScheduled: (localStart: string) => string;
  summaryStatusImmediate: string;
  summaryFlag: string;
  summaryVariations: string;
  summarySegment: string;
  summaryRollout: string;
  summaryPlan: string;
  summaryPlanValue: (lift: string, perVariation: string | undefined) => string;
  summaryEnvironment: string;
  summaryWeights: string;
  summaryNone: string;
  warningsHeading: string;
  warningNoDirection: string;
  /** Words that say which way a metric should move; translate them with the hypothesis hint. */
  directionWords: readonly string[];
  warningNoGuardrail: string;
  warningTooShort: (plannedDays: string, neededDays: string) => string;
  warningUnevenWeights: string;
  launch: string;
  confirmTitle: string;
  confirmBody: (experimentName: string) => string;
  confirmScheduledBody: (startDate: string) => string;
  confirmLaunch: string;
  cancelLaunch: string;
  launching: string;
  launchFailed: (reason: string) => string;
  launched: (experimentName: string) => string;
  launchedScheduled: (experimentName: string, startDate: string) => string;
  readOnlyNote: string;
  staleFlag: (flagName: string) => string;
  staleSegment: (segmentName: string) => string;
  staleMissing: string;
  launchRetryingIn: (seconds: string) => string;
  retryNow: string;
  launchFieldErrors: string;
  launchFlagHeld: (experimentName: string) => string;
  launchedStartedNow: (experimentName: string, plannedStart: string) => string;

  // Changed somewhere else
  conflictLaunch: string;
  conflictSave: string;
  conflictLaunchedElsewhere: (experimentName: string) => string;
  conflictTable: string;
  conflictField: string;
  conflictMine: string;
  conflictTheirs: string;
  conflictSame: string;
  keepMine: string;
  useTheirs: string;

  // Cancel
  cancelTitle: string;
  cancelBody: (experimentName: string) => string;
  keepDraft: string;
  deleteDraft: string;
  continueEditing: string;
  cancelFailed: (reason: string) => string;

  // Environment
  environmentLabel: string;

  // Draft
  draftSaving: string;
  draftSaved: string;
  draftSaveFailed: (reason: string) => string;
}

export const defaultMessages: WizardMessages = {
  ...defaultErrorMessages,
  notAvailable: "n/a",
  stepDetails: "Experiment Details",
  stepFlag: "Flag & Variations",
  stepMetrics: "Select Metrics",
  stepTraffic: "Segments & Traffic",
  stepReview: "Review & Launch",
  stepListLabel: "Experiment steps",
  stepStateDone: "completed",
  stepStateCurrent: "current step",
  stepStateUpcoming: "not started",
  stepPosition: (current, total) => `Step ${current} of ${total}`,

  next: "Next",
  back: "Back",
  cancel: "Cancel",
  backToReview: "Back to review",

  errorSummary: (count) => (count === 1 ? "1 problem needs fixing." : `${count} problems need fixing.`),
  nameRequired: "Enter a name for the experiment.",
  hypothesisRequired: "Enter a hypothesis: what you expect to change, and why.",
  startDateInvalid: "Enter a start date.",
  startDateInPast: "The start date can't be in the past.",
  endDateInvalid: "Enter an end date.",
  endDateBeforeStart: "The end date can't be before the start date.",
  flagRequired: "Choose a multivariate flag.",
  flagIneligible: (flag) => `“${flag}” has no variation besides control, so there is nothing to compare.`,
  metricsRequired: "Choose at least one metric.",
  primaryRequired: "Give at least one metric the Primary role.",
  segmentRequired: "Choose a segment, or all identities.",
  weightsInvalid: "The weights must be whole percentages that add up to 100.",
  weightZero: (variation) => `“${variation}” gets no traffic: give every variation at least 1 %.`,
  rolloutInvalid: "Enter a whole percentage from 1 to 100.",
  detectableEffectInvalid: "Enter a lift above 0 % and at most 1000 %, such as 5.",
  segmentForOtherFlag: (segment) =>
    `“${segment}” is specific to another flag: choose another segment, or all identities.`,

  retry: "Retry",
  loadingResource: (what) => `Loading ${what}…`,
  overridesPending: "Checking the flag's segment overrides: wait for them to load, or press Retry.",
  loadFailed: (what, reason) => `Couldn't load ${what}: ${reason}`,
  resourceFlags: "flags",
  resourceFlag: "the flag",
  resourceSegments: "segments",
  resourceOverrides: "the flag's segment overrides",
  resourceMetrics: "metrics",
  resourceDraft: "the saved draft",

  nameLabel: "Name",
  hypothesisLabel: "Hypothesis",
  hypothesisHint:
    "Say what you expect and in which direction, e.g. “Showing the total earlier will increase checkout conversion.” It stays attached to the experiment after launch.",
  startDateLabel: "Start date",
  endDateLabel: "End date",
  datesHint:
    "Dates are days in UTC: data counts from 00:00 UTC on the start date to the end of the end date. A start date after today (in UTC) schedules the experiment.",
  scheduledNote: (start) =>
    `The experiment will be scheduled: it starts ${start} (your time), 00:00 UTC on the start date.`,
  durationNote: (days) => `Planned duration: ${days}.`,

  flagLabel: "Flag",
  flagSearchHint: "Type to search multivariate flags, then choose one.",
  flagsEmpty: "This project has no flags yet.",
  flagsNoMatch: (search) => `No flag matches “${search}”.`,
  flagOptionVariations: (count) => `${count} variations`,
  flagOptionIneligible: "needs another variation",
  flagIneligibleReason: (flag) =>
    `“${flag}” can't be used: an experiment needs the control plus at least one other variation, and this flag only has its control value.`,
  flagUnkeyedOptions: (flag, options) =>
    `“${flag}” can't be used: ${options.length === 1 ? "the option" : "the options"} ${options.map((o) => `“${o}”`).join(", ")} ${options.length === 1 ? "has" : "have"} no key, and SDKs never report an exposure for an option without one. Give every option a key in Flagsmith.`,
  flagHeldByExperiment: (flag, experiment) =>
    `“${flag}” can't be used: the experiment “${experiment}” already holds it, and a flag has one experiment at a time. Stop that experiment first, or choose another flag.`,
  flagOptionUnkeyed: "options without a key",
  flagOptionHeld: "already in an experiment",
  fixOptionKeys: "Give the options keys",
  flagDisabledWarning: (flag) =>
    `“${flag}” is off in this environment. SDKs record no exposures for a disabled flag, so the experiment would collect no data: turn it on before launching.`,
  addVariation: "Add a variation",
  variationsCaption: (flag) => `Variations of “${flag}”`,
  variationColumn: "Variation",
  valueColumn: "Value",
  roleColumn: "Role",
  controlRole: "Control",
  treatmentRole: "Treatment",
  flagPickPrompt: "Choose a flag to see its variations.",

  metricsLegend: "Metrics",
  metricsHint: "Choose the metrics to measure and give each a role. Decisions are based on primary metrics.",
  metricsEmpty: "No metrics are defined yet.",
  roleFor: (metric) => `Role for ${metric}`,
  rolePrimary: "Primary",
  roleSecondary: "Secondary",
  roleGuardrail: "Guardrail",
  directionIncrease: "higher is better",
  directionDecrease: "lower is better",
  multiplePrimaryWarning: (count) =>
    `${count} metrics have the Primary role. With multiple primary metrics the results are harder to interpret, and they will be corrected for multiple comparisons.`,

  segmentLabel: "Segment",
  segmentHint: "Target one segment, or all identities in this environment.",
  segmentsEmpty: "No segments are defined yet: create one in Flagsmith first.",
  segmentAllIdentities: "All identities",
  segmentSearchHint: "Type to search the segments, then choose one, or all identities.",
  rolloutLabel: "Rollout percentage",
  rolloutHintAll:
    "The share of all identities in this environment that enter the experiment; the others keep the flag's value.",
  rolloutHintSegment: "The share of the segment's identities that enter the experiment.",
  detectableEffectLabel: "Minimum detectable effect",
  detectableEffectHint:
    "The smallest relative lift on the primary metric the experiment should detect, in %. A smaller lift needs more identities.",
  powerSample: (lift, perVariation) =>
    `To detect a lift of ${lift}, each variation needs about ${perVariation} identities.`,
  overrideConflict: (flag, segment) =>
    `“${flag}” already has a segment override for “${segment}”. Pick another segment, or remove the override in Flagsmith and try again.`,
  weightsLegend: "Traffic split",
  weightsHint:
    "Whole percentages. Typing one rebalances the fields you haven't typed in, so the total stays 100 %; what you type is never changed.",
  weightFor: (variation) => `Weight for ${variation}`,
  weightEmpty: "Enter a weight from 0 to 100.",
  weightNotWhole: "Use a whole percentage, such as 33.",
  weightOutOfRange: "Enter a weight from 0 to 100.",
  weightsTotal: (total) => `Total: ${total}`,
  splitEvenly: "Split evenly",
  powerHeading: "Power estimate",
  powerEstimate: (lift, days) => `With this traffic, the experiment detects a lift of ${lift} in about ${days}.`,
  powerUnavailableTraffic: "No duration estimate: the audience's expected daily traffic is unknown.",
  powerUnavailableBaseline: (metric) =>
    `No power estimate: “${metric}” needs a baseline (and, for counts and averages, a standard deviation).`,
  powerUnavailableMetric: "Choose a primary metric to see a power estimate.",
  powerTooShort: (planned, needed) =>
    `The planned dates cover ${planned}, but about ${needed} are needed: extend the end date or accept a larger detectable lift.`,

  reviewIntro: "Check the configuration. After launch it can no longer be changed.",
  editStep: (step) => `Edit ${step}`,
  summaryName: "Name",
  summaryHypothesis: "Hypothesis",
  summaryDates: "Dates",
  summaryDateRange: (start, end) => `${start} – ${end}`,
  summaryStatusScheduled: (start) => `Scheduled: starts ${start} (your time), 00:00 UTC on the start date.`,
  summaryStatusImmediate: "Starts as soon as it is launched.",
  summaryFlag: "Flag",
  summaryVariations: "Variations",
  summarySegment: "Segment",
  summaryRollout: "Rollout",
  summaryPlan: "Plan",
  summaryPlanValue: (lift, perVariation) =>
    perVariation === undefined
      ? `Detect a lift of ${lift}`
      : `Detect a lift of ${lift} with about ${perVariation} identities per variation`,
  summaryEnvironment: "Environment",
  summaryWeights: "Traffic split",
  summaryNone: "Not set",
  warningsHeading: "Before you launch",
  warningNoDirection:
    "The hypothesis doesn't say which way you expect the metric to move (e.g. “increase” or “reduce”).",
  directionWords: DEFAULT_DIRECTION_WORDS,
  warningNoGuardrail: "No guardrail metric: nothing will warn you if the change hurts something else.",
  warningTooShort: (planned, needed) =>
    `The planned ${planned} are shorter than the ${needed} the power estimate needs.`,
  warningUnevenWeights:
    "The traffic split is very uneven: the smaller variations will take much longer to show a result.",
  launch: "Launch Experiment",
  confirmTitle: "Launch this experiment?",
  confirmBody: (name) =>
    `“${name}” will start serving variations to the chosen segment. Its configuration is then locked.`,
  confirmScheduledBody: (start) => `It is scheduled to start ${start} (your time).`,
  confirmLaunch: "Confirm launch",
  cancelLaunch: "Cancel",
  launching: "Launching…",
  launchFailed: (reason) => `The experiment was not launched: ${reason} Your configuration is kept; try again.`,
  launched: (name) => `“${name}” is running.`,
  launchedScheduled: (name, start) => `“${name}” is scheduled to start on ${start}.`,
  readOnlyNote: "This experiment has been launched: its configuration is read-only.",
  staleFlag: (flag) =>
    `“${flag}” changed since you picked it (its variations or overrides are different). Check this step again before launching.`,
  staleSegment: (segment) =>
    `The flag now has an override for “${segment}”. Pick another segment or remove the override before launching.`,
  staleMissing: "The flag or segment no longer exists. Choose again before launching.",
  launchRetryingIn: (seconds) => `Rate limited: retrying in ${seconds}.`,
  retryNow: "Retry now",
  launchFieldErrors: "The experiment was not launched: the server refused some fields. They are marked below.",
  launchFlagHeld: (experiment) =>
    `The experiment was not launched: “${experiment}” already holds this flag, and a flag has one experiment at a time. Stop it first, or choose another flag.`,
  launchedStartedNow: (name, start) =>
    `“${name}” is running: this backend starts experiments at launch, so ${start} is kept as the planned start only.`,

  conflictLaunch: "This draft was changed somewhere else after you reviewed it, so nothing was launched.",
  conflictSave:
    "This draft was changed somewhere else (another tab or a colleague). Your changes are kept on this page: keep them, or use the saved version.",
  conflictLaunchedElsewhere: (name) => `“${name}” was launched somewhere else: it can no longer change.`,
  conflictTable: "What changed",
  conflictField: "Field",
  conflictMine: "Yours",
  conflictTheirs: "Saved",
  conflictSame: "The saved version has the same configuration.",
  keepMine: "Keep my changes",
  useTheirs: "Use the saved version",

  cancelTitle: "Keep this draft?",
  cancelBody: (name) =>
    name.trim() === ""
      ? "What you entered is saved as a draft. Keep it to finish later, or delete it."
      : `“${name}” is saved as a draft. Keep it to finish later, or delete it.`,
  keepDraft: "Keep draft",
  deleteDraft: "Delete draft",
  continueEditing: "Continue editing",
  cancelFailed: (reason) => `The draft could not be saved or deleted: ${reason}`,

  environmentLabel: "Environment",

  draftSaving: "Saving draft…",
  draftSaved: "Draft saved",
  draftSaveFailed: (reason) => `Draft not saved: ${reason} Your changes are kept on this page.`,
};

/** The catalogue keys whose messages are plain strings. */
export type TextKey = {
  [K in keyof WizardMessages]: WizardMessages[K] extends string ? K : never;
}[keyof WizardMessages];

/** The label of a metric role: "Primary", "Secondary" or "Guardrail". */
export function roleLabel(role: MetricRole, messages: WizardMessages): string {
  return messages[messageKey("role", role)];
}

/** The defaults with the host's overrides on top; an override that is `undefined` keeps the default. */
export function resolveMessages(overrides: Partial<WizardMessages> | undefined): WizardMessages {
  return resolveCatalogue(defaultMessages, overrides);
}
