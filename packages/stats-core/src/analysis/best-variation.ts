/**
 * Each variation's probability of being best on one metric. With exactly two variations this is the
 * treatment's chance to win — P(Δ > 0 in the good direction) under the Gaussian model of the effect that the
 * comparison uses — so the results never show two different numbers for one question. With more, it is
 * P(variation i has the best true value) from each variation's N(mean, σ²/n), CUPED-adjusted with θ pooled
 * over all variations when every one has a covariate.
 */
import { adjustedMoments, type CovariateArm, covariateArmOf, pooledTheta } from "../cuped";
import type { Moments } from "../moments";
import { probabilityOfBeingBest } from "../probability-of-being-best";
import type { AnalysisMetric, NormalPosterior } from "../types";
import { type Arm, isValid, type ValidArm } from "./arms";
import type { Comparison } from "./comparison";

export type BestProbabilities = { control: number | null; treatments: (number | null)[] };

function posteriorMoments(arms: ValidArm[]): Moments[] {
  const covariates: CovariateArm[] = [];
  for (const arm of arms) {
    const covariate = covariateArmOf(arm.stats);
    if (covariate === null) return arms.map((a) => a.moments);
    covariates.push(covariate);
  }
  const theta = pooledTheta(covariates);
  if (theta === 0) return arms.map((arm) => arm.moments);
  return covariates.map((c) => adjustedMoments(c, theta));
}

/**
 * P(best) for the control and each treatment, null where a variation has no valid statistics, and all null
 * when the control has none, no treatment is valid, or the metric is informational.
 */
export function probabilitiesOfBest(
  metric: AnalysisMetric,
  control: Arm,
  treatments: { arm: Arm; comparison: Comparison | null }[],
): BestProbabilities {
  const none: BestProbabilities = { control: null, treatments: treatments.map(() => null) };
  if (metric.direction === "informational" || !isValid(control)) return none;
  const valid = treatments.filter((t) => isValid(t.arm));
  const higherIsBetter = metric.direction !== "decrease";
  const [only] = valid;
  if (only === undefined) return none;
  if (valid.length === 1 && only.comparison !== null) {
    const increase = only.comparison.chanceOfIncrease;
    const chance = higherIsBetter ? increase : 1 - increase;
    return { control: 1 - chance, treatments: treatments.map((t) => (t === only ? chance : null)) };
  }
  const arms = [control, ...valid.map((t) => t.arm)].filter(isValid);
  const posteriors = posteriorMoments(arms).map(
    (m): NormalPosterior => ({ distribution: "normal", mean: m.mean, sd: Math.sqrt(m.variance / m.n) }),
  );
  const probabilities = probabilityOfBeingBest(posteriors, { higherIsBetter });
  const byArm = new Map<Arm, number>(arms.map((arm, j) => [arm, probabilities[j] ?? 0]));
  return { control: byArm.get(control) ?? null, treatments: treatments.map((t) => byArm.get(t.arm) ?? null) };
}
