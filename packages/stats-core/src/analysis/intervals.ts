/** Intervals at any level for the engine in use, as the lifts, the corrections and the daily series need them. */
import type { Effect } from "../effect";
import { sequentialHalfWidth } from "../sequential";
import { normalQuantile } from "../special/normal";
import { studentTQuantile } from "../special/student-t";
import type { Settings } from "./settings";

/** z₁₋ₐ/₂ for the last level asked: almost every interval of an analysis is at the same level. */
let lastLevel = Number.NaN;
let lastCritical = Number.NaN;

function normalCritical(level: number): number {
  if (level !== lastLevel) {
    lastCritical = normalQuantile(1 - level / 2);
    lastLevel = level;
  }
  return lastCritical;
}

/**
 * The interval at level 1 − `level`: the confidence sequence when sequential applies (frequentist lifts, and
 * every daily series, which is a sequence of looks), Welch's t interval for the fixed-horizon frequentist
 * engine, the normal credible interval for Bayesian. An overflowing half-width gives an unbounded interval.
 */
export function intervalAt(effect: Effect, level: number, s: Settings, dailySeries: boolean): [number, number] {
  const se = Math.sqrt(effect.variance);
  let half: number;
  if (s.tuning !== undefined && (s.engine === "frequentist" || dailySeries)) {
    half = sequentialHalfWidth(effect.variance, effect.n, level, s.rho);
  } else if (s.engine === "frequentist") {
    half = studentTQuantile(1 - level / 2, effect.degreesOfFreedom) * se;
  } else {
    half = normalCritical(level) * se;
  }
  if (!Number.isFinite(half)) half = Number.POSITIVE_INFINITY;
  return [effect.estimate - half, effect.estimate + half];
}

export function excludesZero(ci: [number, number]): boolean {
  return ci[0] > 0 || ci[1] < 0;
}
