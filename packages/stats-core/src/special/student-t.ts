/**
 * Student's t distribution for any real degrees of freedom ν > 0 (Welch's are fractional): both tails
 * through the incomplete beta function, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½), and the quantile by
 * safeguarded Newton iteration from the Cornish–Fisher expansion.
 */
import { incompleteBeta } from "./incomplete-beta";
import { logBeta } from "./log-gamma";
import { normalCdf, normalPdf, normalQuantile } from "./normal";

/** Beyond this many degrees of freedom t and the standard normal agree to double precision. */
const NORMAL_LIMIT = 1e300;

/** ν/(ν + t²) and t²/(ν + t²), each computed from the smaller ratio so neither loses digits or overflows. */
function betaArguments(t: number, df: number): { x: number; y: number } {
  const absolute = Math.abs(t);
  if (absolute * absolute <= df) {
    const q = (t * t) / df;
    return { x: 1 / (1 + q), y: q / (1 + q) };
  }
  const q = df / absolute / absolute;
  return { x: q / (1 + q), y: 1 / (1 + q) };
}

/** P(T > t) for t ≥ 0 (`upper`) and P(T ≤ t) (`lower`), each to full relative precision. */
function tails(t: number, df: number): { lower: number; upper: number } {
  if (df >= NORMAL_LIMIT) return { lower: normalCdf(t), upper: normalCdf(-t) };
  if (t === 0) return { lower: 0.5, upper: 0.5 };
  const { x, y } = betaArguments(t, df);
  // I_x(ν/2, ½) = P(|T| > |t|); its complement is P(|T| ≤ |t|).
  const { lower: outside, upper: inside } = incompleteBeta(df / 2, 0.5, x, y);
  const far = 0.5 * outside;
  const near = 0.5 + 0.5 * inside;
  return t > 0 ? { lower: near, upper: far } : { lower: far, upper: near };
}

/** P(T ≤ t) for T ~ t(ν). NaN when ν ≤ 0 or an argument is NaN. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  return tails(t, df).lower;
}

/** P(T > t) for T ~ t(ν), computed directly (a p-value of 1e-200 keeps its digits). */
export function studentTSurvival(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  return tails(t, df).upper;
}

/** ln of the t density's normalising constant, 1/(√ν·B(ν/2, ½)). */
function logNormaliser(df: number): number {
  return -0.5 * Math.log(df) - logBeta(df / 2, 0.5);
}

function density(t: number, df: number, logScale: number): number {
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) + logScale);
}

/** The t density (1 + t²/ν)^(−(ν+1)/2) / (√ν·B(ν/2, ½)). */
export function studentTPdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df >= NORMAL_LIMIT) return normalPdf(t);
  return density(t, df, logNormaliser(df));
}

/**
 * A starting point for the lower-tail quantile: the Cornish–Fisher expansion
 * t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) (Abramowitz & Stegun 26.7.5), good for moderate ν.
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  return z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df);
}

/**
 * Lower-tail quantile (p < ½, so t < 0) by Newton's method on the lower tail, which keeps full
 * relative precision for tiny p; a step that leaves the bracket is replaced by bisection.
 */
function lowerQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  // The t quantile lies at or below the normal one in the lower tail; doubling brackets it within a factor 2.
  let high = Math.min(0, z);
  let low = high - 1;
  while (studentTCdf(low, df) > p) {
    // Heavy tails (ν < 1) can put the quantile beyond the largest double.
    if (low < -1e300) return Number.NEGATIVE_INFINITY;
    high = low;
    low *= 2;
  }
  const logScale = logNormaliser(df);
  let x = cornishFisher(z, df);
  if (!(x > low && x < high)) x = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(x, df) - p;
    if (f === 0) return x;
    if (f > 0) high = x;
    else low = x;
    const newton = x - f / density(x, df, logScale);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - x) <= 4e-16 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** The quantile of Student's t with ν degrees of freedom (ν may be fractional). */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df >= NORMAL_LIMIT) return normalQuantile(p);
  return p < 0.5 ? lowerQuantile(p, df) : -lowerQuantile(1 - p, df);
}
