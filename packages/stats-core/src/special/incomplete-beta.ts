/**
 * The regularized incomplete beta function I_x(a, b) and its complement, by the continued fraction of
 * DLMF 8.17.22 on the side of the mean where it converges, with the prefactor x^a·y^b/B(a, b) computed
 * without cancellation for huge a and b (so Beta posteriors with n = 1e12 stay exact and fast).
 */
import { logBeta, stirlingCorrection } from "./log-gamma";

const TWO_PI = 2 * Math.PI;
/** Both parameters at least this large: the prefactor goes through Stirling's formula (see `powerTerm`). */
const LARGE_PARAMETERS = 8;
const MAX_ITERATIONS = 1_000_000;
const TINY = 1e-300;

/**
 * t − ln(1 + t), accurate for small |t| (series in r = t/(2 + t), where ln(1 + t) = 2·artanh r). Far from 0,
 * `onePlusT` (1 + t computed without cancellation by the caller, when t is near −1) gives the logarithm.
 */
export function xMinusLog1p(t: number, onePlusT: number = 1 + t): number {
  if (t < -0.46 || t > 0.86) return t - Math.log(onePlusT);
  const r = t / (2 + t);
  const r2 = r * r;
  // t − ln(1 + t) = 2r²/(1 − r) − 2r³·Σₖ r²ᵏ/(2k + 3)
  let sum = 0;
  let power = 1;
  for (let k = 0; k < 60; k++) {
    const term = power / (2 * k + 3);
    sum += term;
    if (term <= 1e-17 * sum) break;
    power *= r2;
  }
  return (2 * r2) / (1 - r) - 2 * r * r2 * sum;
}

/**
 * x^a·y^b / B(a, b) with y = 1 − x given separately (so either may be tiny without rounding).
 * For a, b ≥ 8, with r = a + b and λ = a − r·x = r·y − b (the distance from the mean, scaled):
 * x^a·y^b/B(a, b) = √(ab/(2πr)) · exp(−a·ρ(−λ/a) − b·ρ(λ/b)) · exp(μ(r) − μ(a) − μ(b)), ρ(t) = t − ln(1 + t),
 * μ the Stirling correction. Every term is O(1) near the mean, so nothing large cancels.
 */
export function powerTerm(a: number, b: number, x: number, y: number): number {
  if (a >= LARGE_PARAMETERS && b >= LARGE_PARAMETERS) {
    const r = a + b;
    const lambda = x <= y ? a - r * x : r * y - b;
    // 1 − λ/a = x·r/a and 1 + λ/b = y·r/b: exact even when x or y is tiny.
    const exponent = -(a * xMinusLog1p(-lambda / a, (x * r) / a) + b * xMinusLog1p(lambda / b, (y * r) / b));
    const correction = stirlingCorrection(r) - stirlingCorrection(a) - stirlingCorrection(b);
    return Math.sqrt((a * b) / (TWO_PI * r)) * Math.exp(exponent + correction);
  }
  const logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
  return Math.exp(a * logX + b * logY - logBeta(a, b));
}

/**
 * I_x(a, b) by its continued fraction (DLMF 8.17.22) for x < (a + 1)/(a + b + 2), where it converges:
 * I_x(a, b) = x^a·y^b/(a·B(a, b)) / (1 + d₁/(1 + d₂/(1 + …))) with
 * d₂ₖ₊₁ = −(a + k)(a + b + k)x/((a + 2k)(a + 2k + 1)), d₂ₖ = k(b − k)x/((a + 2k − 1)(a + 2k)).
 * Evaluated as its odd contraction g = (1 + d₁) + K(Aₖ/Bₖ), Aₖ = −d₂ₖ₋₁d₂ₖ, Bₖ = 1 + d₂ₖ + d₂ₖ₊₁, by modified
 * Lentz. When x is near 1 or near the mean, each 1 + d₂ₖ₊₁ is a small difference of numbers close to 1;
 * written with λ = a − (a + b)x it is the exact polynomial
 * Nₖ/((a + 2k)(a + 2k + 1)), Nₖ = 3ak + 4k² + a + 2k + λ(a + k) − k(a + k)(a − λ)/(a + b),
 * so no digits are lost (the same idea as DiDonato & Morris's BFRAC).
 */
function continuedFraction(a: number, b: number, x: number, y: number): number {
  const front = powerTerm(a, b, x, y) / a;
  if (front === 0) return 0;
  const r = a + b;
  const lambda = x <= y ? a - r * x : r * y - b;
  const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);
  /** 1 + d₂ₖ₊₁ without cancellation. */
  const onePlusOdd = (k: number) =>
    (3 * a * k + 4 * k * k + a + 2 * k + lambda * (a + k) - (k * (a + k) * (a - lambda)) / r) /
    ((a + 2 * k) * (a + 2 * k + 1));
  const odd = (k: number) => (-(a + k) * (r + k) * x) / ((a + 2 * k) * (a + 2 * k + 1));
  const even = (k: number) => (k * (b - k) * x) / ((a + 2 * k - 1) * (a + 2 * k));
  let value = guard(onePlusOdd(0));
  let c = value;
  let d = 0;
  for (let k = 1; k <= MAX_ITERATIONS; k++) {
    const evenK = even(k);
    const numerator = -odd(k - 1) * evenK;
    const denominator = onePlusOdd(k) + evenK;
    d = 1 / guard(denominator + numerator * d);
    c = guard(denominator + numerator / c);
    const step = c * d;
    value *= step;
    if (Math.abs(step - 1) <= 1e-16) break;
  }
  return front / value;
}

/**
 * I_x(a, b) (`lower`) and 1 − I_x(a, b) (`upper`) for a, b > 0 and x in [0, 1], y = 1 − x. The one
 * computed directly keeps full relative precision; the other is 1 minus it. NaN for invalid arguments.
 */
export function incompleteBeta(a: number, b: number, x: number, y: number = 1 - x): { lower: number; upper: number } {
  if (!(a > 0 && b > 0 && x >= 0 && y >= 0) || a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY) {
    return { lower: Number.NaN, upper: Number.NaN };
  }
  if (x === 0) return { lower: 0, upper: 1 };
  if (y === 0) return { lower: 1, upper: 0 };
  if (x < (a + 1) / (a + b + 2)) {
    const lower = continuedFraction(a, b, x, y);
    return { lower, upper: 1 - lower };
  }
  const upper = continuedFraction(b, a, y, x);
  return { lower: 1 - upper, upper };
}

/** The Beta(a, b) density x^(a−1)(1 − x)^(b−1)/B(a, b), exact for huge a and b (0 outside (0, 1)). */
export function betaPdf(x: number, a: number, b: number): number {
  if (!(x > 0 && x < 1)) return 0;
  const y = 1 - x;
  return powerTerm(a, b, x, y) / (x * y);
}
