import { cupedAdjust } from "./cuped";
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
 * Effect of treatment vs control. Absolute: μₜ − μ꜀ with variance vₜ + v꜀ (v = σ²/n).
 * Relative: μₜ/μ꜀ − 1 with the delta-method variance vₜ/μ꜀² + v꜀·μₜ²/μ꜀⁴.
 * Degrees of freedom (Welch–Satterthwaite) from the unscaled variances:
 * (v꜀ + vₜ)² / (v꜀²/(n꜀ − 1) + vₜ²/(nₜ − 1)).
 */
export function effectOfMoments(control: Moments, treatment: Moments, difference: Difference): Effect | Failure {
  const vc = control.variance / control.n;
  const vt = treatment.variance / treatment.n;
  const pooled = vc + vt;
  if (!(pooled > 0)) return insufficient("zero-variance", "both arms have zero variance");
  const df = (pooled * pooled) / ((vc * vc) / (control.n - 1) + (vt * vt) / (treatment.n - 1));
  const n = control.n + treatment.n;
  if (difference === "absolute") {
    return { estimate: treatment.mean - control.mean, variance: pooled, degreesOfFreedom: df, n };
  }
  const mc = control.mean;
  if (mc === 0) return insufficient("zero-control-mean", "relative lift is undefined when the control value is 0");
  const mt = treatment.mean;
  const variance = vt / (mc * mc) + (vc * mt * mt) / (mc * mc * mc * mc);
  const estimate = mt / mc - 1;
  if (!Number.isFinite(variance) || !Number.isFinite(estimate)) {
    return insufficient("zero-control-mean", "the control value is too close to 0 for a relative lift");
  }
  if (!(variance > 0)) return insufficient("zero-variance", "the lift has zero variance");
  return { estimate, variance, degreesOfFreedom: df, n };
}

/** Validated moments of both arms, CUPED-adjusted when both carry a covariate. */
export function armMoments(control: SufficientStats, treatment: SufficientStats): [Moments, Moments] | Failure {
  const c = momentsOf(control, "control");
  if ("reason" in c) return c;
  const t = momentsOf(treatment, "treatment");
  if ("reason" in t) return t;
  if (control.kind !== treatment.kind) {
    return invalid("kind-mismatch", "control and treatment statistics are of different kinds");
  }
  const { moments } = cupedAdjust([control, treatment], [c, t]);
  return [moments[0] as Moments, moments[1] as Moments];
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
