/**
 * The chi-square survival function P(χ²ₖ > x) for whole degrees of freedom k, by the finite sums the
 * upper incomplete gamma function has at integer and half-integer orders (DLMF 8.4.8, 8.4.10):
 * k even: e^(−x/2)·Σ_{j<k/2} (x/2)^j / j!;  k odd: erfc(√(x/2)) + e^(−x/2)·Σ_{j=1}^{(k−1)/2} (x/2)^(j−½) / Γ(j + ½).
 * Each term is formed in logarithms, so the result underflows only when it is below the smallest double.
 */
import { logGamma } from "./log-gamma";
import { normalSurvival } from "./normal";

/** P(χ²ₖ > x) for integer k ≥ 1 (NaN otherwise). 1 for x ≤ 0, 0 for x = ∞. */
export function chiSquareSurvival(x: number, k: number): number {
  if (Number.isNaN(x) || !(Number.isInteger(k) && k >= 1)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const half = x / 2;
  const logHalf = Math.log(half);
  let sum = 0;
  if (k % 2 === 0) {
    for (let j = 0; j < k / 2; j++) sum += Math.exp(-half + j * logHalf - logGamma(j + 1));
    return Math.min(1, sum);
  }
  // erfc(√(x/2)) = 2·Q(√x), Q the standard normal upper tail.
  sum = 2 * normalSurvival(Math.sqrt(x));
  for (let j = 1; j <= (k - 1) / 2; j++) sum += Math.exp(-half + (j - 0.5) * logHalf - logGamma(j + 0.5));
  return Math.min(1, sum);
}
