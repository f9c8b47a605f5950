/**
 * ln Γ and ln B by Stirling's series with the recurrence Γ(x + 1) = x·Γ(x), and the Stirling
 * correction μ(x) that the incomplete beta function needs to stay exact for huge parameters.
 */

const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Stirling's series is used from here up; below, the recurrence shifts the argument here first. */
const STIRLING_FROM = 10;
/** B₂ₖ / (2k(2k − 1)) for k = 1…8: 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156, −3617/122400. */
const STIRLING_COEFFICIENTS = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** μ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ STIRLING_FROM (truncation error < 1e-17). */
function stirlingSeries(x: number): number {
  const inverseSquare = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING_COEFFICIENTS.length - 1; k >= 0; k--) {
    sum = sum * inverseSquare + (STIRLING_COEFFICIENTS[k] as number);
  }
  return sum / x;
}

/** ln Γ(x) for x > 0 (NaN otherwise). Absolute error about 1e-15 · max(1, |ln Γ(x)|). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  let shift = 0;
  let product = 1;
  let z = x;
  while (z < STIRLING_FROM) {
    product *= z;
    z += 1;
    shift++;
  }
  const stirling = (z - 0.5) * Math.log(z) - z + HALF_LN_TWO_PI + stirlingSeries(z);
  return shift === 0 ? stirling : stirling - Math.log(product);
}

/** The Stirling correction μ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x > 0. */
export function stirlingCorrection(x: number): number {
  if (x >= STIRLING_FROM) return stirlingSeries(x);
  return logGamma(x) - ((x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI);
}

/**
 * ln Γ(x + s) − ln Γ(x) for x ≥ STIRLING_FROM, without subtracting two large logarithms:
 * s·ln x + (x + s − ½)·ln(1 + s/x) − s + μ(x + s) − μ(x).
 */
function logGammaIncrement(x: number, s: number): number {
  return s * Math.log(x) + (x + s - 0.5) * Math.log1p(s / x) - s + stirlingSeries(x + s) - stirlingSeries(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0, exact in relative terms even when one is huge. */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large >= STIRLING_FROM) return logGamma(small) - logGammaIncrement(large, small);
  return logGamma(small) + logGamma(large) - logGamma(small + large);
}
