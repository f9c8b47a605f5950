import type { ExperimentMetric, Variation } from "@flagsmith-experimentation/adapters";

/** The wizard's five steps, in order. */
export const WIZARD_STEPS = ["details", "flag", "metrics", "traffic", "review"] as const;

export type WizardStepId = (typeof WIZARD_STEPS)[number];

/** What the form holds: the configuration fields of an Experiment, as the user edits them. */
export interface WizardValues {
  name: string;
  hypothesis: string;
  /** `YYYY-MM-DD` */
  startDate: string;
  /** `YYYY-MM-DD` */
  endDate: string;
  flagId: string;
  /** The chosen flag's name: what Flagsmith's exposure events carry (`feature_name`). */
  flagName: string;
  /** The chosen flag's variations as they were when it was picked (control first). */
  variations: Variation[];
  metrics: ExperimentMetric[];
  /** The targeted segment, or `null` for all identities. */
  segmentId: string | null;
  /** Share of the audience (the segment, or all identities) that enters the experiment: a whole percentage, 1–100. */
  rolloutPercentage: number;
  /** Whole percentages per variation key, summing to 100. */
  weights: Record<string, number>;
  /** The plan's target: the smallest relative lift to detect (0.05 = +5 %). */
  minimumDetectableEffect: number;
}

export type WizardField = keyof WizardValues;

/** The fields each step edits, in the order they appear (focus goes to the first invalid one). */
export const STEP_FIELDS: Record<WizardStepId, readonly WizardField[]> = {
  details: ["name", "hypothesis", "startDate", "endDate"],
  flag: ["flagId"],
  metrics: ["metrics"],
  traffic: ["segmentId", "rolloutPercentage", "weights", "minimumDetectableEffect"],
  review: [],
};

export function stepIndex(step: WizardStepId): number {
  return WIZARD_STEPS.indexOf(step);
}

/** The step that edits `field`. */
export function stepOfField(field: string): WizardStepId | undefined {
  return WIZARD_STEPS.find((step) => (STEP_FIELDS[step] as readonly string[]).includes(field));
}
