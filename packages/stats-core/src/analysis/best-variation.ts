/**
 * Each variation's probability of being best on one metric. With exactly two variations this is the
 * treatment's chance to win — P(Δ > 0 in the good direction) under the Gaussian model of the effect that the
 * comparison uses — so the results never show two different numbers for one question. With more, it is
 * P(variation i has the best true value) from each variation's N(mean, σ²/n), CUPED-adjusted with θ pooled
 * over all variations when every one has a covariate.
 */
import { adjustedMoments, covariateArmOf, pooledTheta } from "../cuped";
import type { Moments } from "../moments";
import { probabilityOfBeingBest } from "../probability-of-being-best";
import type { AnalysisMetric, NormalPosterior } from "../types";
import { type Arm, isValid, type ValidArm } from "./arms";
import type { Comparison } from "./comparison";

function posteriorMoments(arms: ValidArm[]): Moments[] {
  const covariates = arms.map((arm) => covariateArmOf(arm.stats));
  if (covariates.some((c) => c === null)) return arms.map((arm) => arm.moments);
  const withCovariate = covariates as NonNullable<(typeof covariates)[number]>[];
  const theta = pooledTheta(withCovariate);
  if (theta === 0) return arms.map((arm) => arm.moments);
  return withCovariate.map((c) => adjustedMoments(c, theta));
}

/**
 * P(best) per arm (same order as `arms`, control first), null where the arm has no valid statistics, and
 * all null when the control has none, fewer than two arms are valid, or the metric is informational.
 * `comparisons[i]` is arm i's comparison with control (null for control and failed comparisons).
 */
export function probabilitiesOfBest(
  metric: AnalysisMetric,
  arms: Arm[],
  comparisons: (Comparison | null)[],
): (number | null)[] {
  const none = arms.map(() => null);
  const control = arms[0];
  if (metric.direction === "informational" || control === undefined || !isValid(control)) return none;
  const valid = arms.flatMap((arm, i) => (isValid(arm) ? [{ arm, i }] : []));
  if (valid.length < 2) return none;
  const higherIsBetter = metric.direction !== "decrease";
  const result: (number | null)[] = [...none];
  const [, only] = valid;
  const onlyComparison = only === undefined ? null : comparisons[only.i];
  if (valid.length === 2 && only !== undefined && onlyComparison) {
    const chance = higherIsBetter ? onlyComparison.chanceOfIncrease : 1 - onlyComparison.chanceOfIncrease;
    result[0] = 1 - chance;
    result[only.i] = chance;
    return result;
  }
  const moments = posteriorMoments(valid.map(({ arm }) => arm));
  const posteriors = moments.map(
    (m): NormalPosterior => ({ distribution: "normal", mean: m.mean, sd: Math.sqrt(m.variance / m.n) }),
  );
  const probabilities = probabilityOfBeingBest(posteriors, { higherIsBetter });
  valid.forEach(({ i }, j) => {
    result[i] = probabilities[j] as number;
  });
  return result;
}
