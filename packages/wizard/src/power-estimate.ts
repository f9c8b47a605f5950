import type { MetricDefinition, Segment } from "@flagsmith-experimentation/adapters";
import { estimateDuration } from "@flagsmith-experimentation/stats-core";

/** The relative lift the estimate is computed for: +5 %. */
export const DEFAULT_MINIMUM_DETECTABLE_LIFT = 0.05;

export type PowerEstimate =
  | { status: "ok"; lift: number; days: number }
  | { status: "no-metric" }
  | { status: "no-segment" }
  | { status: "no-traffic" }
  | { status: "no-baseline"; metricName: string };

export interface PowerEstimateInput {
  /** The first primary metric, with its planning figures. */
  metric: MetricDefinition | undefined;
  /** The chosen segment, with the identities entering it per day (`expectedDailyTraffic`). */
  segment: Segment | undefined;
  /** Traffic split in percent. */
  weights: Record<string, number>;
  /** Relative lift to detect; default {@link DEFAULT_MINIMUM_DETECTABLE_LIFT}. */
  lift?: number;
  alpha?: number;
  power?: number;
}

/**
 * How many days the experiment needs to detect `lift` on the primary metric (two-sided, α = 0.05,
 * power 0.8, stats-core's `estimateDuration`). Proportions need a baseline rate; count, mean and
 * ratio metrics need a baseline and the per-user standard deviation (for a ratio, its delta-method sd).
 */
export function estimatePower(input: PowerEstimateInput): PowerEstimate {
  const { metric, segment } = input;
  if (!metric) return { status: "no-metric" };
  if (!segment) return { status: "no-segment" };
  const dailyTraffic = segment.expectedDailyTraffic;
  if (dailyTraffic === undefined || !(dailyTraffic > 0)) return { status: "no-traffic" };
  const lift = input.lift ?? DEFAULT_MINIMUM_DETECTABLE_LIFT;
  const baseline = metric.baseline;
  if (baseline === undefined) return { status: "no-baseline", metricName: metric.name };
  // Count, mean and ratio metrics also need the per-user sd (stats-core answers Infinity without it).
  const days = estimateDuration({
    kind: metric.kind,
    baseline,
    sd: metric.baselineSd,
    mde: lift,
    alpha: input.alpha ?? 0.05,
    power: input.power ?? 0.8,
    dailyTraffic,
    weights: input.weights,
  });
  if (!Number.isFinite(days)) return { status: "no-baseline", metricName: metric.name };
  return { status: "ok", lift, days };
}
