/**
 * CUPED (Deng, Xu, Kohavi & Walker 2013) in GrowthBook gbstats' conventions, so the kit and gbstats agree
 * to rounding: θ from the arms' joint (pooled) statistics (gbstats `compute_theta`), adjusted means
 * ȳ − θx̄, and the relative effect's variance of gbstats `frequentist_variance_relative_cuped`.
 * Conversion (0/1) metrics use population moments (÷ n), as gbstats' ProportionStatistic; other metrics
 * sample moments (÷ (n − 1)).
 */
import type { Effect } from "./effect";
import type { Moments } from "./moments";
import { type Failure, insufficient } from "./reasons";
import type { Difference, SufficientStats } from "./types";

/** An arm's metric (post) and covariate (pre) sums. */
export type CovariateArm = {
  n: number;
  postSum: number;
  postSumSquares: number;
  preSum: number;
  preSumSquares: number;
  crossSum: number;
  /** Conversion metric: population moments. */
  binary: boolean;
};

/** The arm's sums, or null when it has no covariate (or is a ratio metric, which CUPED does not cover here). */
export function covariateArmOf(stats: SufficientStats): CovariateArm | null {
  if (stats.kind === "ratio" || stats.covariate === undefined) return null;
  const binary = stats.kind === "proportion";
  return {
    n: stats.n,
    postSum: stats.sum,
    // For a 0/1 metric y² = y, so Σy² = Σy.
    postSumSquares: binary ? stats.sum : stats.sumSquares,
    preSum: stats.covariate.sum,
    preSumSquares: stats.covariate.sumSquares,
    crossSum: stats.covariate.crossSum,
    binary,
  };
}

/** (Co)variance from sums: population (÷ n) for conversion metrics, sample (÷ (n − 1)) otherwise. */
function coMoment(n: number, sumA: number, sumB: number, sumOfProducts: number, binary: boolean): number {
  return binary ? sumOfProducts / n - (sumA * sumB) / (n * n) : (sumOfProducts - (sumA * sumB) / n) / (n - 1);
}

type ArmMoments = { postMean: number; preMean: number; postVariance: number; preVariance: number; covariance: number };

function armMomentsOf(arm: CovariateArm): ArmMoments {
  const { n, binary } = arm;
  return {
    postMean: arm.postSum / n,
    preMean: arm.preSum / n,
    postVariance: coMoment(n, arm.postSum, arm.postSum, arm.postSumSquares, binary),
    preVariance: coMoment(n, arm.preSum, arm.preSum, arm.preSumSquares, binary),
    covariance: coMoment(n, arm.postSum, arm.preSum, arm.crossSum, binary),
  };
}

/**
 * θ = Cov(y, x)/Var(x) of the arms taken together (gbstats `compute_theta` for two arms; the same joint
 * statistics for more). 0 when the joint covariate or metric has no variance (CUPED is then skipped).
 */
export function pooledTheta(arms: CovariateArm[]): number {
  let n = 0;
  const joint = { postSum: 0, postSumSquares: 0, preSum: 0, preSumSquares: 0, crossSum: 0 };
  for (const arm of arms) {
    n += arm.n;
    joint.postSum += arm.postSum;
    joint.postSumSquares += arm.postSumSquares;
    joint.preSum += arm.preSum;
    joint.preSumSquares += arm.preSumSquares;
    joint.crossSum += arm.crossSum;
  }
  const binary = arms.every((arm) => arm.binary);
  const preVariance = coMoment(n, joint.preSum, joint.preSum, joint.preSumSquares, binary);
  const postVariance = coMoment(n, joint.postSum, joint.postSum, joint.postSumSquares, binary);
  if (!(preVariance > 0 && postVariance > 0)) return 0;
  const theta = coMoment(n, joint.postSum, joint.preSum, joint.crossSum, binary) / preVariance;
  return Number.isFinite(theta) ? theta : 0;
}

/** The arm's CUPED-adjusted mean ȳ − θx̄ and per-unit variance σ²ᵧ + θ²σ²ₓ − 2θσₓᵧ. */
export function adjustedMoments(arm: CovariateArm, theta: number): Moments {
  const m = armMomentsOf(arm);
  const variance = m.postVariance + theta * theta * m.preVariance - 2 * theta * m.covariance;
  return {
    n: arm.n,
    mean: m.postMean - theta * m.preMean,
    variance: Number.isFinite(variance) ? Math.max(variance, 0) : 0,
  };
}

/**
 * Treatment vs control with CUPED, θ pooled over the two arms, or null when θ = 0 (no covariate variance:
 * the caller uses the raw statistics, as gbstats does).
 * Absolute: Δ = adjₜ − adj꜀, Var = σ²ₜ,adj/nₜ + σ²꜀,adj/n꜀.
 * Relative: Δ = (adjₜ − adj꜀)/|ȳ꜀| (the unadjusted control mean, as gbstats), and
 * Var = [σ²ₜ,adj/nₜ + (σ²ᵧ꜀·ȳₜ²/ȳ꜀² − 2θσₓᵧ꜀·ȳₜ/ȳ꜀ + θ²σ²ₓ꜀)/n꜀] / ȳ꜀² (gbstats `frequentist_variance_relative_cuped`).
 * Welch–Satterthwaite degrees of freedom from the adjusted per-unit variances.
 */
export function cupedEffect(
  control: CovariateArm,
  treatment: CovariateArm,
  difference: Difference,
): Effect | Failure | null {
  const theta = pooledTheta([control, treatment]);
  if (theta === 0) return null;
  const a = armMomentsOf(control);
  const b = armMomentsOf(treatment);
  const adjustedA = adjustedMoments(control, theta);
  const adjustedB = adjustedMoments(treatment, theta);
  const va = adjustedA.variance / control.n;
  const vb = adjustedB.variance / treatment.n;
  if (!(va + vb > 0)) return insufficient("zero-variance", "both arms have zero variance after CUPED");
  const degreesOfFreedom = ((va + vb) * (va + vb)) / ((va * va) / (control.n - 1) + (vb * vb) / (treatment.n - 1));
  const n = control.n + treatment.n;
  const change = adjustedB.mean - adjustedA.mean;
  if (difference === "absolute") return { estimate: change, variance: va + vb, degreesOfFreedom, n };
  const base = a.postMean;
  if (base === 0) return insufficient("zero-control-mean", "relative lift is undefined when the control value is 0");
  const ratio = b.postMean / base;
  const controlPart =
    (a.postVariance * ratio * ratio - 2 * theta * a.covariance * ratio + theta * theta * a.preVariance) / control.n;
  const variance = (vb + controlPart) / (base * base);
  const estimate = change / Math.abs(base);
  if (!Number.isFinite(variance) || !Number.isFinite(estimate)) {
    return insufficient("zero-control-mean", "the control value is too close to 0 for a relative lift");
  }
  if (!(variance > 0)) return insufficient("zero-variance", "the lift has zero variance");
  return { estimate, variance, degreesOfFreedom, n };
}
