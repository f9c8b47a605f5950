/** One record per variation for one metric (totals or a day): its statistics and validated moments. */
import { type Moments, momentsOf } from "../moments";
import { type Failure, insufficient, invalid } from "../reasons";
import type { AnalysisMetric, AnalysisVariation, MetricKind, SufficientStats } from "../types";
import type { StatsByVariation } from "./rows";

/** The sufficient statistics each metric kind is computed as (the public API keeps three: docs/public-api.md). */
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

/** The experiment's variations: the control and the others, in input order. */
export type Lineup = { control: AnalysisVariation; treatments: AnalysisVariation[] };

function invalidArm(variation: AnalysisVariation, stats: SufficientStats | undefined, failure: Failure): InvalidArm {
  return { variation, stats, moments: null, failure };
}

/** One variation's statistics for `metric`, validated. */
export function armOf(metric: AnalysisMetric, variation: AnalysisVariation, rows: StatsByVariation | undefined): Arm {
  const stats = rows?.get(variation.key);
  if (stats === undefined) {
    return invalidArm(
      variation,
      stats,
      insufficient("missing-data", `${variation.key}: no statistics yet`, variation.key),
    );
  }
  const expected = hasStatsKind(metric.kind) ? STATS_KIND_OF[metric.kind] : undefined;
  if (expected === undefined) {
    return invalidArm(variation, stats, invalid("kind-mismatch", `unknown metric kind for ${metric.id}`));
  }
  if (stats.kind !== expected) {
    const message = `${variation.key}: expected ${expected} statistics for a ${metric.kind} metric`;
    return invalidArm(variation, stats, invalid("kind-mismatch", message, variation.key));
  }
  const moments = momentsOf(stats, variation.key);
  return "reason" in moments ? invalidArm(variation, stats, moments) : { variation, stats, moments, failure: null };
}
