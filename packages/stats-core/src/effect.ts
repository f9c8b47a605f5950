import { covariateArmOf, cupedEffect } from "./cuped";
import { type Moments, momentsOf } from "./moments";
import { type Failure, insufficient, invalid } from "./reasons";
import type { Difference, SufficientStats } from "./types";

/** The treatment-minus-control effect with the variance of its estimate. */
export type Effect = {
  estimate: number;
  variance: number;
  /** Welch–Satterthwaite degrees of freedom. */
  degreesOfFreedom: number;
  /** Total units (for sequential intervals). */
  n: number;
};

/**
 * Effect of treatment vs control from the arms' moments. Absolute: μₜ − μ꜀ with variance vₜ + v꜀ (v = σ²/n).
 * Relative: (μₜ − μ꜀)/|μ꜀| — divided by the magnitude of the control mean, as gbstats, so a treatment that
 * raises a negative mean has a positive lift — with the delta-method variance vₜ/μ꜀² + v꜀·μₜ²/μ꜀⁴.
 * Degrees of freedom (Welch–Satterthwaite) from the unscaled variances: (v꜀ + vₜ)² / (v꜀²/(n꜀ − 1) + vₜ²/(nₜ − 1)).
 */
export function effectOfMoments(control: Moments, treatment: Moments, difference: Difference): Effect | Failure {
  const vc = control.variance / control.n;
  const vt = treatment.variance / treatment.n;
  const pooled = vc + vt;
  if (!(pooled > 0)) return insufficient("zero-variance", "both arms have zero variance");
  const degreesOfFreedom = (pooled * pooled) / ((vc * vc) / (control.n - 1) + (vt * vt) / (treatment.n - 1));
  const n = control.n + treatment.n;
  const change = treatment.mean - control.mean;
  if (difference === "absolute") return { estimate: change, variance: pooled, degreesOfFreedom, n };
  const mc = control.mean;
  if (mc === 0) return insufficient("zero-control-mean", "relative lift is undefined when the control value is 0");
  const mt = treatment.mean;
  const variance = vt / (mc * mc) + (vc * mt * mt) / (mc * mc * mc * mc);
  const estimate = change / Math.abs(mc);
  if (!Number.isFinite(variance) || !Number.isFinite(estimate)) {
    return insufficient("zero-control-mean", "the control value is too close to 0 for a relative lift");
  }
  if (!(variance > 0)) return insufficient("zero-variance", "the lift has zero variance");
  return { estimate, variance, degreesOfFreedom, n };
}

/**
 * The effect from validated statistics and their moments: CUPED (θ pooled over the two arms) when both
 * arms carry a covariate with variance, else the raw moments.
 */
export function effectOf(
  control: SufficientStats,
  treatment: SufficientStats,
  controlMoments: Moments,
  treatmentMoments: Moments,
  difference: Difference,
): Effect | Failure {
  const controlCovariate = covariateArmOf(control);
  const treatmentCovariate = covariateArmOf(treatment);
  if (controlCovariate !== null && treatmentCovariate !== null) {
    const adjusted = cupedEffect(controlCovariate, treatmentCovariate, difference);
    if (adjusted !== null) return adjusted;
  }
  return effectOfMoments(controlMoments, treatmentMoments, difference);
}

/** The effect of treatment vs control from raw sufficient statistics, validated first. */
export function effectOfStats(
  control: SufficientStats,
  treatment: SufficientStats,
  difference: Difference,
): Effect | Failure {
  const c = momentsOf(control, "control");
  if ("reason" in c) return c;
  const t = momentsOf(treatment, "treatment");
  if ("reason" in t) return t;
  if (control.kind !== treatment.kind) {
    return invalid("kind-mismatch", "control and treatment statistics are of different kinds");
  }
  return effectOf(control, treatment, c, t, difference);
}

export function checkDifference(difference: unknown): Failure | null {
  return difference === "relative" || difference === "absolute"
    ? null
    : invalid("invalid-option", "difference must be 'relative' or 'absolute'");
}

export function checkAlpha(alpha: unknown): Failure | null {
  return typeof alpha === "number" && alpha > 0 && alpha < 1
    ? null
    : invalid("invalid-option", "alpha must be a number in (0, 1)");
}
