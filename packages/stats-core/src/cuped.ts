import type { Moments } from "./moments";
import type { CovariateStats, SufficientStats } from "./types";

type WithCovariate = { n: number; sum: number; sumSquares: number; covariate: CovariateStats };

function withCovariate(stats: SufficientStats): WithCovariate | null {
  if (stats.kind === "ratio" || stats.covariate === undefined) return null;
  // For a 0/1 metric y² = y, so Σy² = Σy.
  const sumSquares = stats.kind === "proportion" ? stats.sum : stats.sumSquares;
  return { n: stats.n, sum: stats.sum, sumSquares, covariate: stats.covariate };
}

/**
 * CUPED (Deng et al. 2013) with θ pooled across arms from within-arm (co)variances:
 * θ = Σᵢ Sₓᵧ,ᵢ / Σᵢ Sₓₓ,ᵢ. Each arm's mean becomes ȳᵢ − θ(x̄ᵢ − x̄), x̄ the pooled covariate mean,
 * and its per-unit variance σ²ᵧ + θ²σ²ₓ − 2θσₓᵧ. Returns the moments unchanged (θ = 0) when an arm
 * has no covariate or the covariate has no variance. `moments` must be the validated moments of `stats`.
 */
export function cupedAdjust(stats: SufficientStats[], moments: Moments[]): { moments: Moments[]; theta: number } {
  const arms = stats.map(withCovariate);
  if (arms.length === 0 || arms.some((a) => a === null)) return { moments, theta: 0 };
  const list = arms as WithCovariate[];
  let sxy = 0;
  let sxx = 0;
  let totalN = 0;
  let totalX = 0;
  for (const a of list) {
    sxy += a.covariate.crossSum - (a.sum * a.covariate.sum) / a.n;
    sxx += a.covariate.sumSquares - (a.covariate.sum * a.covariate.sum) / a.n;
    totalN += a.n;
    totalX += a.covariate.sum;
  }
  const scale = list.reduce((m, a) => Math.max(m, Math.abs(a.covariate.sumSquares)), 0);
  if (!(sxx > 1e-12 * Math.max(1, scale)) || !Number.isFinite(sxy)) return { moments, theta: 0 };
  const theta = sxy / sxx;
  const pooledX = totalX / totalN;
  const adjusted = list.map((a, i) => {
    const m = moments[i] as Moments;
    const xBar = a.covariate.sum / a.n;
    const varX = Math.max(0, (a.covariate.sumSquares - (a.covariate.sum * a.covariate.sum) / a.n) / (a.n - 1));
    const covXY = (a.covariate.crossSum - (a.sum * a.covariate.sum) / a.n) / (a.n - 1);
    const variance = m.variance + theta * theta * varX - 2 * theta * covXY;
    return {
      n: m.n,
      mean: m.mean - theta * (xBar - pooledX),
      variance: Number.isFinite(variance) && variance > 0 ? variance : 0,
    };
  });
  if (adjusted.some((m) => !Number.isFinite(m.mean))) return { moments, theta: 0 };
  return { moments: adjusted, theta };
}
