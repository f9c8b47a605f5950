import betaln from "@stdlib/math-base-special-betaln";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";

/** Above this many degrees of freedom the t and normal quantiles agree to double precision in practice. */
const NORMAL_LIMIT = 1e12;

/** Student-t density (1 + x²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, 1/2)), with ln B from stdlib. */
function tPdf(x: number, df: number): number {
  return Math.exp(-((df + 1) / 2) * Math.log1p((x * x) / df) - 0.5 * Math.log(df) - betaln(df / 2, 0.5));
}

/**
 * Lower-tail Student-t quantile for p ≤ 0.5, by safeguarded Newton iteration on stdlib's t CDF
 * (bracketed, bisection when a step leaves the bracket). Solving in the lower tail keeps full
 * relative precision for tiny p. Used instead of stdlib's t-quantile, whose inverse incomplete
 * beta pulls ~15 kB (gzip) into the bundle.
 */
function lowerQuantile(p: number, df: number): number {
  let x = normalQuantile(p, 0, 1);
  // Bracket: the t quantile is at or below the normal one in the lower tail.
  let hi = Math.min(0, x);
  let lo = hi - 1;
  while (tCdf(lo, df) > p && lo > -1e300) lo *= 2;
  x = Math.max(lo, Math.min(hi, x));
  for (let i = 0; i < 200; i++) {
    const f = tCdf(x, df) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const newton = x - f / tPdf(x, df);
    const next = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** Quantile of Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df >= NORMAL_LIMIT) return normalQuantile(p, 0, 1);
  return p < 0.5 ? lowerQuantile(p, df) : -lowerQuantile(1 - p, df);
}
