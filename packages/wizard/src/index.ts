export { DEFAULT_DURATION_DAYS } from "./dates";
export type { WizardDefaultValues } from "./draft-values";
export type { ExperimentWizardProps } from "./experiment-wizard";
export { DRAFT_SAVE_DELAY_MS, ExperimentWizard } from "./experiment-wizard";
export type { WizardMessages } from "./messages";
export { defaultMessages } from "./messages";
export type { PowerEstimate, PowerEstimateInput } from "./power-estimate";
export { DEFAULT_MINIMUM_DETECTABLE_LIFT, estimatePower } from "./power-estimate";
export type { PreLaunchCheckInput, PreLaunchWarningId } from "./pre-launch-checks";
export { DEFAULT_DIRECTION_WORDS, hypothesisHasDirection, preLaunchWarnings } from "./pre-launch-checks";
export type { StepContext, StepIssue } from "./step-schemas";
export { validateStep } from "./step-schemas";
export type { WizardField, WizardStepId, WizardValues } from "./steps";
export { STEP_FIELDS, WIZARD_STEPS } from "./steps";
export type { WeightIssue, Weights } from "./weights";
export { rebalanceWeights, splitEvenly, weightIssue } from "./weights";
export type {
  GuardedWizardAdapters,
  PlannedMetric,
  PlannedSegment,
  WizardAdapters,
  WizardEnvironment,
} from "./wizard-adapters";
export { guardWizardAdapters } from "./wizard-adapters";
