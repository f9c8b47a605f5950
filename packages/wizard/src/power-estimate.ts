import {
  DEFAULT_MINIMUM_DETECTABLE_EFFECT,
  type ExperimentPlanning,
  type MetricDefinition,
  planExperiment,
  type Segment,
} from "@flagsmith-experimentation/adapters";

/** The relative lift a new plan aims to detect: +5 % (the adapters' `DEFAULT_MINIMUM_DETECTABLE_EFFECT`). */
export const DEFAULT_MINIMUM_DETECTABLE_LIFT = DEFAULT_MINIMUM_DETECTABLE_EFFECT;

/** What the power panel says: the days needed, or the sample alone when the traffic is unknown, or what is missing. */
export type PowerEstimate =
  | { status: "ok"; lift: number; days: number; sampleSizePerVariation: number }
  | { status: "no-metric" }
  | { status: "no-traffic"; lift: number; sampleSizePerVariation: number }
  | { status: "no-baseline"; metricName: string };

export interface PowerEstimateInput {
  /** The first primary metric, with its planning figures. */
  metric: MetricDefinition | undefined;
  /** Identities per day in the audience before the rollout (the segment's, or all identities'). */
  audienceDailyTraffic?: number | undefined;
  /** The chosen segment: its `expectedDailyTraffic` is the audience's when `audienceDailyTraffic` is not given. */
  segment?: Segment | undefined;
  /** Share of the audience in the experiment, 1–100. Default 100. */
  rolloutPercentage?: number;
  /** Traffic split in percent. */
  weights: Record<string, number>;
  /** Relative lift to detect; default {@link DEFAULT_MINIMUM_DETECTABLE_LIFT}. */
  lift?: number;
  alpha?: number;
  power?: number;
}

/** The power panel's view of a plan made with the adapters' `planExperiment` (the model the results page reads). */
export function powerEstimateFrom(planning: ExperimentPlanning, metricName: string | undefined): PowerEstimate {
  const { plan, days, gap } = planning;
  const sample = plan.sampleSizePerVariation;
  if (gap === "metric") return { status: "no-metric" };
  if (sample === undefined) return { status: "no-baseline", metricName: metricName ?? "" };
  if (days === undefined)
    return { status: "no-traffic", lift: plan.minimumDetectableEffect, sampleSizePerVariation: sample };
  return { status: "ok", lift: plan.minimumDetectableEffect, days, sampleSizePerVariation: sample };
}

/**
 * How many identities each variation needs to detect `lift` on the primary metric, and how many days the audience
 * takes to bring them (two-sided, α = 0.05, power 0.8): the adapters' `planExperiment`. Proportions need a baseline
 * rate; count, sum, mean and ratio metrics need a baseline and the per-identity standard deviation.
 */
export function estimatePower(input: PowerEstimateInput): PowerEstimate {
  const planning = planExperiment({
    metric: input.metric,
    audienceDailyTraffic: input.audienceDailyTraffic ?? input.segment?.expectedDailyTraffic,
    ...(input.rolloutPercentage !== undefined ? { rolloutPercentage: input.rolloutPercentage } : {}),
    weights: input.weights,
    ...(input.lift !== undefined ? { minimumDetectableEffect: input.lift } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.power !== undefined ? { power: input.power } : {}),
  });
  return powerEstimateFrom(planning, input.metric?.name);
}
