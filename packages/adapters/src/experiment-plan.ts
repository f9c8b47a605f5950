import { estimateDuration, sampleSizePerVariation } from "@flagsmith-experimentation/stats-core";
import type { ExperimentPlan } from "./experiment";
import type { MetricDefinition } from "./metric-definition";

/*
 * The one planning model of the kit. The wizard plans with it (and stores the result as `Experiment.plan`); the
 * results page hands the stored plan to stats-core's `analyzeExperiment({ plan })`, so "% of planned sample" and
 * "days left" measure against the very sample the wizard promised, not a second estimate made from the data.
 */

/** The relative lift a new plan aims to detect (+5 %), and the usual power and significance level. */
export const DEFAULT_MINIMUM_DETECTABLE_EFFECT = 0.05;
export const DEFAULT_PLAN_POWER = 0.8;
export const DEFAULT_PLAN_ALPHA = 0.05;

export interface PlanInput {
  /** The primary metric, with its planning figures (`baseline`, and `baselineSd` for every kind but occurrence). */
  metric: Pick<MetricDefinition, "id" | "kind" | "baseline" | "baselineSd"> | undefined;
  /** Identities per day in the audience before the rollout (the segment's, or all identities'), when known. */
  audienceDailyTraffic: number | undefined;
  /** Share of the audience that enters the experiment, 1–100. Default 100. */
  rolloutPercentage?: number;
  /** Traffic split in percent per variation key. */
  weights: Record<string, number>;
  /** Relative lift to detect, e.g. 0.05. Default {@link DEFAULT_MINIMUM_DETECTABLE_EFFECT}. */
  minimumDetectableEffect?: number;
  power?: number;
  alpha?: number;
}

/** What is missing for a full plan: a primary metric, its baseline figures, or the audience's daily traffic. */
export type PlanGap = "metric" | "baseline" | "traffic";

export interface ExperimentPlanning {
  /** What to store as `Experiment.plan`: the target always, the sample and traffic when they could be computed. */
  plan: ExperimentPlan;
  /** Days until every variation reaches the planned sample, when both the sample and the traffic are known. */
  days: number | undefined;
  /** The first figure missing for `days`, or `undefined` when the plan is complete. */
  gap: PlanGap | undefined;
}

function positive(value: number | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/**
 * Plans an experiment: the identities each variation needs to detect `minimumDetectableEffect` on the primary
 * metric (two-sided test, Bonferroni over the comparisons with control: stats-core's `sampleSizePerVariation`), and
 * the days the audience's traffic, after the rollout and the split, takes to bring them (`estimateDuration`: the
 * smallest variation decides).
 */
export function planExperiment(input: PlanInput): ExperimentPlanning {
  const minimumDetectableEffect = positive(input.minimumDetectableEffect)
    ? input.minimumDetectableEffect
    : DEFAULT_MINIMUM_DETECTABLE_EFFECT;
  const power = input.power ?? DEFAULT_PLAN_POWER;
  const alpha = input.alpha ?? DEFAULT_PLAN_ALPHA;
  const plan: ExperimentPlan = { minimumDetectableEffect, power, alpha };
  const { metric } = input;
  if (!metric) return { plan, days: undefined, gap: "metric" };
  plan.primaryMetricId = metric.id;
  const rollout = positive(input.rolloutPercentage) ? Math.min(100, input.rolloutPercentage) : 100;
  const traffic = positive(input.audienceDailyTraffic) ? (input.audienceDailyTraffic * rollout) / 100 : undefined;
  if (traffic !== undefined) plan.expectedDailyTraffic = traffic;
  const arms = Object.values(input.weights).filter((w) => Number.isFinite(w) && w > 0).length;
  const figures = {
    kind: metric.kind,
    baseline: metric.baseline ?? Number.NaN,
    ...(metric.baselineSd !== undefined ? { sd: metric.baselineSd } : {}),
    mde: minimumDetectableEffect,
    power,
    alpha,
  };
  const sample = sampleSizePerVariation({ ...figures, variations: Math.max(2, arms) });
  if (!Number.isFinite(sample)) return { plan, days: undefined, gap: "baseline" };
  plan.sampleSizePerVariation = sample;
  if (traffic === undefined) return { plan, days: undefined, gap: "traffic" };
  const days = estimateDuration({ ...figures, dailyTraffic: traffic, weights: input.weights });
  return Number.isFinite(days) ? { plan, days, gap: undefined } : { plan, days: undefined, gap: "traffic" };
}
