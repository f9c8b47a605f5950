import { insufficient, invalid } from "./reasons";
import { chiSquareSurvival } from "./special/chi-square";
import type { SrmOptions, SrmResult, StatsReason } from "./types";

const WEIGHT_TOLERANCE = 1e-6;

function failed(status: SrmResult["status"], reason: StatsReason): SrmResult {
  return { status, reason, chiSquare: 0, pValue: 1, degreesOfFreedom: 0, mismatch: false };
}

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness of fit of the observed `users`
 * per arm against the configured `weights` (fractions summing to 1), df = arms with weight > 0, minus 1.
 * An arm with weight 0 is left out of the test; if it received users, that is a mismatch by
 * construction (chiSquare = Infinity, pValue = 0).
 */
export function srmTest(users: number[], weights: number[], options: SrmOptions = {}): SrmResult {
  const threshold = options?.threshold ?? 0.001;
  if (!(Number.isFinite(threshold) && threshold > 0 && threshold < 1)) {
    const f = invalid("invalid-option", "threshold must be a number in (0, 1)");
    return failed(f.status, f.reason);
  }
  if (!Array.isArray(users) || !Array.isArray(weights) || users.length !== weights.length || users.length < 2) {
    const f = invalid("invalid-weights", "users and weights need the same length, at least 2");
    return failed(f.status, f.reason);
  }
  if (users.some((u) => !Number.isFinite(u) || u < 0)) {
    const f = invalid("negative", "user counts must be finite and non-negative");
    return failed(f.status, f.reason);
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    const f = invalid("invalid-weights", "weights must be finite and non-negative");
    return failed(f.status, f.reason);
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(weightSum - 1) > WEIGHT_TOLERANCE) {
    const f = invalid("invalid-weights", "weights must sum to 1");
    return failed(f.status, f.reason);
  }
  // Observed shares from users scaled by the largest count, so Number.MAX_VALUE users cannot overflow the
  // sum: χ² = N·Σ(observedShare − w)²/w over arms with w > 0, which is Σ(observed − expected)²/expected.
  const largest = Math.max(...users);
  if (!(largest > 0)) {
    const f = insufficient("no-units", "no users in any arm yet");
    return failed(f.status, f.reason);
  }
  const scaled = users.map((u) => u / largest);
  const scaledTotal = scaled.reduce((a, b) => a + b, 0);
  const total = largest * scaledTotal;
  const active = weights.flatMap((w, i) =>
    w > 0 ? [{ w: w / weightSum, share: (scaled[i] as number) / scaledTotal }] : [],
  );
  const degreesOfFreedom = active.length - 1;
  if (users.some((u, i) => weights[i] === 0 && u > 0)) {
    return { status: "ok", chiSquare: Number.POSITIVE_INFINITY, pValue: 0, degreesOfFreedom, mismatch: true };
  }
  if (degreesOfFreedom < 1) {
    const f = insufficient("too-few-units", "fewer than two arms receive traffic");
    return failed(f.status, f.reason);
  }
  let discrepancy = 0;
  for (const { w, share } of active) discrepancy += ((share - w) * (share - w)) / w;
  const chiSquare = discrepancy === 0 ? 0 : total * discrepancy;
  // The survival function directly: 1 − CDF would round every p below 1e-16 to 0.
  const pValue = chiSquareSurvival(chiSquare, degreesOfFreedom);
  return { status: "ok", chiSquare, pValue, degreesOfFreedom, mismatch: pValue < threshold };
}
