import { checkAlpha, checkDifference, type Effect, effectOfStats } from "./effect";
import { type Failure, hasNaN, invalid, OUT_OF_RANGE } from "./reasons";
import { sequentialHalfWidth, sequentialPValue, sequentialRho } from "./sequential";
import { studentTQuantile, studentTSurvival } from "./special/student-t";
import type { Alternative, FrequentistOptions, FrequentistResult, SufficientStats } from "./types";

export const DEFAULT_TUNING = 5000;

function neutral(failure: Failure): FrequentistResult {
  return { ...failure, estimate: 0, ci: [0, 0], standardError: 0, pValue: 1, degreesOfFreedom: 0 };
}

function clamp01(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1;
}

/**
 * The two-sided p-value of an effect: the always-valid p-value of the confidence sequence when `tuning` is
 * set, else Welch's t-test (from the upper tail, so 1e-200 stays 1e-200). Shared with `analyzeExperiment`.
 */
export function twoSidedPValue(effect: Effect, alpha: number, tuning: number | undefined): number {
  if (tuning !== undefined) {
    return sequentialPValue(effect.estimate, effect.variance, effect.n, sequentialRho(alpha, tuning));
  }
  const t = effect.estimate / Math.sqrt(effect.variance);
  return clamp01(2 * studentTSurvival(Math.abs(t), effect.degreesOfFreedom));
}

/** The test on an already-computed effect. */
function frequentistOfEffect(
  effect: Effect,
  alpha: number,
  alternative: Alternative,
  tuning: number | undefined,
): FrequentistResult {
  const r = computeFrequentist(effect, alpha, alternative, tuning);
  return hasNaN([r.estimate, ...r.ci, r.standardError, r.pValue, r.degreesOfFreedom]) ? neutral(OUT_OF_RANGE) : r;
}

function computeFrequentist(
  effect: Effect,
  alpha: number,
  alternative: Alternative,
  tuning: number | undefined,
): FrequentistResult {
  const se = Math.sqrt(effect.variance);
  const { estimate } = effect;
  if (tuning !== undefined) {
    const rho = sequentialRho(alpha, tuning);
    const half = sequentialHalfWidth(effect.variance, effect.n, alpha, rho);
    const twoSidedP = twoSidedPValue(effect, alpha, tuning);
    const base = { status: "ok" as const, estimate, standardError: se, degreesOfFreedom: Number.POSITIVE_INFINITY };
    if (alternative === "greater") {
      return { ...base, ci: [estimate - half, Number.POSITIVE_INFINITY], pValue: estimate > 0 ? twoSidedP : 1 };
    }
    if (alternative === "less") {
      return { ...base, ci: [Number.NEGATIVE_INFINITY, estimate + half], pValue: estimate < 0 ? twoSidedP : 1 };
    }
    return { ...base, ci: [estimate - half, estimate + half], pValue: twoSidedP };
  }
  const df = effect.degreesOfFreedom;
  const t = estimate / se;
  const base = { status: "ok" as const, estimate, standardError: se, degreesOfFreedom: df };
  // p-values straight from the upper tail: 1e-200 stays 1e-200 instead of 1 − 1 = 0.
  if (alternative === "greater") {
    const q = studentTQuantile(1 - alpha, df);
    return { ...base, ci: [estimate - q * se, Number.POSITIVE_INFINITY], pValue: clamp01(studentTSurvival(t, df)) };
  }
  if (alternative === "less") {
    const q = studentTQuantile(1 - alpha, df);
    return { ...base, ci: [Number.NEGATIVE_INFINITY, estimate + q * se], pValue: clamp01(studentTSurvival(-t, df)) };
  }
  const q = studentTQuantile(1 - alpha / 2, df);
  return { ...base, ci: [estimate - q * se, estimate + q * se], pValue: twoSidedPValue(effect, alpha, undefined) };
}

/**
 * Frequentist two-sample test of treatment vs control: Welch's t-test with Welch–Satterthwaite
 * degrees of freedom, relative lift by the delta method, two- or one-sided; with `sequential`,
 * asymptotic confidence sequences and always-valid p-values. Never throws for data problems.
 */
export function frequentistTest(
  control: SufficientStats,
  treatment: SufficientStats,
  options: FrequentistOptions = {},
): FrequentistResult {
  const { difference = "relative", alpha = 0.05, alternative = "two-sided", sequential } = options ?? {};
  const bad = checkDifference(difference) ?? checkAlpha(alpha);
  if (bad) return neutral(bad);
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    return neutral(invalid("invalid-option", "alternative must be 'two-sided', 'greater' or 'less'"));
  }
  const tuning = sequential === undefined || sequential === null ? undefined : sequential.tuning;
  if (tuning !== undefined && !(Number.isFinite(tuning) && tuning >= 1)) {
    return neutral(invalid("invalid-option", "sequential.tuning must be a number ≥ 1"));
  }
  const effect = effectOfStats(control, treatment, difference);
  if ("reason" in effect) return neutral(effect);
  return frequentistOfEffect(effect, alpha, alternative, tuning);
}
