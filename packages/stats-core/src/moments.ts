import { type Failure, insufficient, invalid } from "./reasons";
import type { MeanStats, ProportionStats, RatioStats, SufficientStats } from "./types";

/** Per-arm summary every test works from: units, point estimate and per-unit variance. */
export type Moments = { n: number; mean: number; variance: number };

function finite(...values: unknown[]): boolean {
  return values.every((v) => typeof v === "number" && Number.isFinite(v));
}

/** Sample variance (Σx² − (Σx)²/n)/(n − 1), clamped at 0 against rounding. */
export function sampleVariance(n: number, sum: number, sumSquares: number): number {
  const v = (sumSquares - (sum * sum) / n) / (n - 1);
  return Number.isFinite(v) ? Math.max(v, 0) : 0;
}

/** Checks the count shared by every kind: an integer ≥ 2 (1 unit gives no variance). */
function checkUnits(n: number, subject: string): Failure | null {
  if (!finite(n)) return invalid("non-finite", `${subject}: n must be a finite number`, subject);
  if (n < 0) return invalid("negative", `${subject}: n must not be negative`, subject);
  if (!Number.isInteger(n)) return invalid("not-integer", `${subject}: n must be an integer`, subject);
  if (n === 0) return insufficient("no-units", `${subject}: no units yet`, subject);
  if (n === 1) return insufficient("too-few-units", `${subject}: at least 2 units are needed`, subject);
  return null;
}

/** Σx² can never be below (Σx)²/n; allow for rounding in the warehouse. */
function checkSquares(n: number, sum: number, sumSquares: number, subject: string, label: string): Failure | null {
  if (sumSquares < 0) return invalid("negative", `${subject}: ${label} sum of squares is negative`, subject);
  const floor = (sum * sum) / n;
  if (sumSquares < floor - 1e-9 * Math.max(1, Math.abs(floor))) {
    return invalid("negative", `${subject}: ${label} sum of squares is below (Σx)²/n (negative variance)`, subject);
  }
  return null;
}

function checkCovariate(stats: ProportionStats | MeanStats, subject: string): Failure | null {
  const c = stats.covariate;
  if (c === undefined) return null;
  if (typeof c !== "object" || c === null || !finite(c.sum, c.sumSquares, c.crossSum)) {
    return invalid("non-finite", `${subject}: covariate sums must be finite numbers`, subject);
  }
  return checkSquares(stats.n, c.sum, c.sumSquares, subject, "covariate");
}

function proportionMoments(s: ProportionStats, subject: string): Moments | Failure {
  if (!finite(s.sum)) return invalid("non-finite", `${subject}: sum must be a finite number`, subject);
  if (s.sum < 0) return invalid("negative", `${subject}: sum must not be negative`, subject);
  if (s.sum > s.n) return invalid("sum-exceeds-n", `${subject}: more conversions than units`, subject);
  const p = s.sum / s.n;
  return { n: s.n, mean: p, variance: p * (1 - p) };
}

function meanMoments(s: MeanStats, subject: string): Moments | Failure {
  if (!finite(s.sum, s.sumSquares)) return invalid("non-finite", `${subject}: sums must be finite numbers`, subject);
  const bad = checkSquares(s.n, s.sum, s.sumSquares, subject, "");
  if (bad) return bad;
  return { n: s.n, mean: s.sum / s.n, variance: sampleVariance(s.n, s.sum, s.sumSquares) };
}

/**
 * Ratio Σy/Σx by the delta method with the cross term:
 * Var(ȳ/x̄)·n ≈ σ²ᵧ/μ²ₓ − 2μᵧσₓᵧ/μ³ₓ + μ²ᵧσ²ₓ/μ⁴ₓ.
 */
function ratioMoments(s: RatioStats, subject: string): Moments | Failure {
  if (!finite(s.sum, s.sumSquares, s.denominatorSum, s.denominatorSumSquares, s.crossSum)) {
    return invalid("non-finite", `${subject}: sums must be finite numbers`, subject);
  }
  if (s.denominatorSum < 0) return invalid("negative", `${subject}: denominator sum must not be negative`, subject);
  const bad =
    checkSquares(s.n, s.sum, s.sumSquares, subject, "numerator") ??
    checkSquares(s.n, s.denominatorSum, s.denominatorSumSquares, subject, "denominator");
  if (bad) return bad;
  if (s.denominatorSum === 0) return insufficient("zero-denominator", `${subject}: the denominator is 0`, subject);
  const { n } = s;
  const muY = s.sum / n;
  const muX = s.denominatorSum / n;
  const varY = sampleVariance(n, s.sum, s.sumSquares);
  const varX = sampleVariance(n, s.denominatorSum, s.denominatorSumSquares);
  const covXY = (s.crossSum - (s.sum * s.denominatorSum) / n) / (n - 1);
  const variance =
    varY / (muX * muX) - (2 * muY * covXY) / (muX * muX * muX) + (muY * muY * varX) / (muX * muX * muX * muX);
  return { n, mean: muY / muX, variance: Number.isFinite(variance) && variance > 0 ? variance : 0 };
}

/** Validates sufficient statistics and turns them into moments, or says why it cannot. */
export function momentsOf(stats: SufficientStats, subject: string): Moments | Failure {
  if (typeof stats !== "object" || stats === null) {
    return invalid("kind-mismatch", `${subject}: statistics are missing`, subject);
  }
  const bad = checkUnits(stats.n, subject);
  if (bad) return bad;
  switch (stats.kind) {
    case "proportion": {
      const m = proportionMoments(stats, subject);
      return "reason" in m ? m : (checkCovariate(stats, subject) ?? m);
    }
    case "mean": {
      const m = meanMoments(stats, subject);
      return "reason" in m ? m : (checkCovariate(stats, subject) ?? m);
    }
    case "ratio":
      return ratioMoments(stats, subject);
    default:
      return invalid("kind-mismatch", `${subject}: unknown statistics kind`, subject);
  }
}
