import betaln from "@stdlib/math-base-special-betaln";
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { momentsOf } from "./moments";
import { integrateVector } from "./quadrature";
import type {
  BetaPosterior,
  NormalPosterior,
  Posterior,
  ProbabilityOfBeingBestOptions,
  SufficientStats,
} from "./types";

const NORMAL_TAIL_SDS = 10;
const NORMAL_BREAKS = [-1.5, 1.5];
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const BETA_BREAKS = [-12, -6, -3, -1, 0, 1, 3, 6, 12];

type Continuous = {
  cdf: (x: number) => number;
  pdf: (x: number) => number;
  lo: number;
  hi: number;
  breaks: number[];
  /** Standard deviation, for spacing panel edges. */
  spread: number;
};
type Arm = { kind: "continuous"; dist: Continuous } | { kind: "point"; at: number } | { kind: "invalid" };

function isPositiveFinite(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

function normalArm(p: NormalPosterior, sign: number): Arm {
  if (!Number.isFinite(p.mean) || !Number.isFinite(p.sd) || p.sd < 0) return { kind: "invalid" };
  const mean = sign * p.mean;
  if (p.sd === 0) return { kind: "point", at: mean };
  const sd = p.sd;
  return {
    kind: "continuous",
    dist: {
      cdf: (x) => normalCdf(x, mean, sd),
      // The normal density is elementary; inlined because it is the hot path of the integration.
      pdf: (x) => {
        const z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * SQRT_TWO_PI);
      },
      lo: mean - NORMAL_TAIL_SDS * sd,
      hi: mean + NORMAL_TAIL_SDS * sd,
      breaks: NORMAL_BREAKS.map((k) => mean + k * sd),
      spread: sd,
    },
  };
}

function betaArm(p: BetaPosterior, higherIsBetter: boolean): Arm {
  if (!isPositiveFinite(p.alpha) || !isPositiveFinite(p.beta)) return { kind: "invalid" };
  // Lower is better: rank 1 − X, which is Beta(β, α).
  const a = higherIsBetter ? p.alpha : p.beta;
  const b = higherIsBetter ? p.beta : p.alpha;
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  const lnB = betaln(a, b);
  return {
    kind: "continuous",
    dist: {
      cdf: (x) => betaCdf(x, a, b),
      // Density exp((a − 1)ln x + (b − 1)ln(1 − x) − ln B(a, b)) with ln B computed once (stdlib betaln).
      pdf: (x) => {
        if (!(x > 0 && x < 1)) return 0;
        const d = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
        return Number.isFinite(d) ? d : 0;
      },
      lo: 0,
      hi: 1,
      // Extra edges in the tails: a skewed beta's tail reaches further than a normal's.
      breaks: BETA_BREAKS.map((k) => mean + k * sd),
      spread: sd,
    },
  };
}

/** Panel edges at each posterior's bulk, dropping edges closer than a tenth of the narrowest spread. */
function panelBreaks(lower: number, upper: number, dists: Continuous[]): number[] {
  const candidates = dists
    .flatMap((d) => d.breaks)
    .filter((x) => x > lower && x < upper)
    .sort((x, y) => x - y);
  const minGap = Math.min(...dists.map((d) => d.spread)) / 2;
  const breaks = [lower];
  for (const x of candidates) {
    if (x - (breaks[breaks.length - 1] as number) > minGap && upper - x > minGap) breaks.push(x);
  }
  breaks.push(upper);
  return breaks;
}

/** Exact two-normal case: P(X₁ > X₀) = Φ((μ₁ − μ₀)/√(σ₀² + σ₁²)). */
function twoNormals(a: NormalPosterior, b: NormalPosterior, higherIsBetter: boolean): number[] {
  const diff = higherIsBetter ? b.mean - a.mean : a.mean - b.mean;
  const pB = normalCdf(diff / Math.sqrt(a.sd * a.sd + b.sd * b.sd), 0, 1);
  return [1 - pB, pB];
}

function isNormal(p: Posterior | undefined): p is NormalPosterior {
  return (
    typeof p === "object" &&
    p !== null &&
    p.distribution === "normal" &&
    Number.isFinite(p.mean) &&
    Number.isFinite(p.sd) &&
    p.sd > 0
  );
}

function toArm(p: Posterior, higherIsBetter: boolean): Arm {
  if (typeof p !== "object" || p === null) return { kind: "invalid" };
  if (p.distribution === "normal") return normalArm(p, higherIsBetter ? 1 : -1);
  if (p.distribution === "beta") return betaArm(p, higherIsBetter);
  return { kind: "invalid" };
}

/**
 * P(arm i has the best value) for each arm, by deterministic numerical integration of
 * ∫ fᵢ(x) ∏_{j≠i} Fⱼ(x) dx (adaptive Gauss–Kronrod on panels placed at each posterior's bulk).
 * Normal and beta posteriors may be mixed; sd = 0 is a point mass (ties share equally).
 * `higherIsBetter: false` ranks the lowest value best. Invalid posteriors get 0; if none is valid
 * every arm gets 1/K. The result sums to 1 and is accurate to about 1e-9.
 */
export function probabilityOfBeingBest(posteriors: Posterior[], options: ProbabilityOfBeingBestOptions = {}): number[] {
  if (!Array.isArray(posteriors)) return [];
  const k = posteriors.length;
  if (k === 0) return [];
  const higherIsBetter = options?.higherIsBetter !== false;
  const [first, second] = posteriors;
  if (k === 2 && isNormal(first) && isNormal(second)) {
    const exact = twoNormals(first, second, higherIsBetter);
    if (exact.every(Number.isFinite)) return exact;
  }
  const arms = posteriors.map((p) => toArm(p, higherIsBetter));
  const valid = arms.map((a, i) => ({ a, i })).filter(({ a }) => a.kind !== "invalid");
  if (valid.length === 0) return posteriors.map(() => 1 / k);
  if (valid.length === 1) return arms.map((a) => (a.kind === "invalid" ? 0 : 1));

  const continuous = valid.filter(({ a }) => a.kind === "continuous") as { a: { dist: Continuous }; i: number }[];
  const points = valid.filter(({ a }) => a.kind === "point") as { a: { at: number }; i: number }[];
  const result = new Array<number>(k).fill(0);
  const top = points.length > 0 ? Math.max(...points.map(({ a }) => a.at)) : Number.NEGATIVE_INFINITY;

  if (continuous.length > 0) {
    const dists = continuous.map(({ a }) => a.dist);
    const m = dists.length;
    // Below the highest lower bound every other arm's CDF is negligible; above the highest upper bound
    // every density is. Point masses at `top` also win below it.
    const lower = Math.max(top, ...dists.map((d) => d.lo));
    const upper = Math.max(...dists.map((d) => d.hi));
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
      // Magnitudes beyond floating point: rank by location, ties share.
      const locations = continuous.map(({ a }) => (a.dist.lo + a.dist.hi) / 2);
      const best = Math.max(...locations);
      const tied = locations.filter((x) => x === best).length;
      continuous.forEach(({ i }, j) => {
        result[i] = locations[j] === best ? 1 / tied : 0;
      });
    } else if (upper > lower) {
      const breaks = panelBreaks(lower, upper, dists);
      const prefix = new Float64Array(m + 1);
      const out = new Float64Array(m);
      const cdfs = new Float64Array(m);
      const integrand = (x: number): Float64Array => {
        prefix[0] = 1;
        for (let j = 0; j < m; j++) {
          cdfs[j] = (dists[j] as Continuous).cdf(x);
          prefix[j + 1] = (prefix[j] as number) * (cdfs[j] as number);
        }
        let suffix = 1;
        for (let j = m - 1; j >= 0; j--) {
          out[j] = (dists[j] as Continuous).pdf(x) * (prefix[j] as number) * suffix;
          suffix *= cdfs[j] as number;
        }
        return out;
      };
      const integral = integrateVector(integrand, breaks, m);
      continuous.forEach(({ i }, j) => {
        result[i] = integral[j] as number;
      });
    }
  }
  if (points.length > 0) {
    const winners = points.filter(({ a }) => a.at === top);
    const below = continuous.reduce((acc, { a }) => acc * a.dist.cdf(top), 1);
    for (const { i } of winners) result[i] = below / winners.length;
  }
  const clean = result.map((p) => (Number.isFinite(p) && p > 0 ? Math.min(p, 1) : 0));
  const sum = clean.reduce((x, y) => x + y, 0);
  if (!(sum > 0)) {
    // Every integral vanished (e.g. absurd scales): fall back to the best-placed valid arm(s).
    return clean.map((_, i) => (valid.some((v) => v.i === i) ? 1 / valid.length : 0));
  }
  return clean.map((p) => p / sum);
}

/** Normal approximation of the sampling distribution of an arm's mean: N(mean, variance/n). */
export function normalPosterior(stats: SufficientStats): NormalPosterior | null {
  const m = momentsOf(stats, "variation");
  if ("reason" in m) return null;
  return { distribution: "normal", mean: m.mean, sd: Math.sqrt(m.variance / m.n) };
}

/** Beta–binomial posterior of a conversion rate: Beta(α₀ + conversions, β₀ + n − conversions), flat prior by default. */
export function betaPosterior(
  stats: { n: number; sum: number },
  prior: { alpha: number; beta: number } = { alpha: 1, beta: 1 },
): BetaPosterior | null {
  if (typeof stats !== "object" || stats === null || typeof prior !== "object" || prior === null) return null;
  const { n, sum } = stats;
  if (!(Number.isFinite(n) && Number.isFinite(sum) && sum >= 0 && n >= sum)) return null;
  if (!(isPositiveFinite(prior.alpha) && isPositiveFinite(prior.beta))) return null;
  return { distribution: "beta", alpha: prior.alpha + sum, beta: prior.beta + n - sum };
}
