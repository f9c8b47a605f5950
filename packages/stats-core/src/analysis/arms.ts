/** One record per variation for one metric (totals or a day): its statistics and validated moments. */
import { type Moments, momentsOf } from "../moments";
import { type Failure, insufficient, invalid } from "../reasons";
import type { AnalysisMetric, AnalysisVariation, MetricKind, SufficientStats } from "../types";
import type { StatsByVariation } from "./rows";

/** The sufficient statistics each metric kind is computed as (SPEC §5 keeps three). */
export const STATS_KIND_OF: Record<MetricKind, SufficientStats["kind"]> = {
  occurrence: "proportion",
  count: "mean",
  sum: "mean",
  mean: "mean",
  ratio: "ratio",
};

/** A variation whose statistics are valid: their moments. */
export type ValidArm = { variation: AnalysisVariation; stats: SufficientStats; moments: Moments; failure: null };
/** A variation without usable statistics (none yet, or invalid): why. */
export type InvalidArm = {
  variation: AnalysisVariation;
  stats: SufficientStats | undefined;
  moments: null;
  failure: Failure;
};
export type Arm = ValidArm | InvalidArm;

export function isValid(arm: Arm): arm is ValidArm {
  return arm.failure === null;
}

export function hasStatsKind(kind: unknown): kind is MetricKind {
  return typeof kind === "string" && Object.hasOwn(STATS_KIND_OF, kind);
}

/** Each variation's statistics for `metric`, validated (control first when `variations` is so ordered). */
export function armsOf(
  metric: AnalysisMetric,
  variations: AnalysisVariation[],
  rows: StatsByVariation | undefined,
): Arm[] {
  const expected = hasStatsKind(metric.kind) ? STATS_KIND_OF[metric.kind] : undefined;
  return variations.map((variation): Arm => {
    const stats = rows?.get(variation.key);
    const invalidArm = (failure: Failure): InvalidArm => ({ variation, stats, moments: null, failure });
    if (stats === undefined) {
      return invalidArm(insufficient("missing-data", `${variation.key}: no statistics yet`, variation.key));
    }
    if (expected === undefined) return invalidArm(invalid("kind-mismatch", `unknown metric kind for ${metric.id}`));
    if (stats.kind !== expected) {
      return invalidArm(
        invalid(
          "kind-mismatch",
          `${variation.key}: expected ${expected} statistics for a ${metric.kind} metric`,
          variation.key,
        ),
      );
    }
    const moments = momentsOf(stats, variation.key);
    return "reason" in moments ? invalidArm(moments) : { variation, stats, moments, failure: null };
  });
}
