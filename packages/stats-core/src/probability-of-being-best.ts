import { momentsOf } from "./moments";
import { integrateVector } from "./quadrature";
import { betaPdf, incompleteBeta } from "./special/incomplete-beta";
import { normalCdf, normalCdfAndPdfInto } from "./special/normal";
import type {
  BetaPosterior,
  NormalPosterior,
  Posterior,
  ProbabilityOfBeingBestOptions,
  SufficientStats,
} from "./types";

/** A normal arm cannot win beyond μ + 7σ (Φ(−7) ≈ 1.3e-12), nor lose to one whose μ − 7σ is above. */
const NORMAL_TAIL_SDS = 7;
/** Initial panel edges per normal arm, in sd from its mean: where its density and CDF change most. */
const NORMAL_EDGES = [-3, 3];
/** Initial panels are at least this many of the narrowest arm's sd wide (the 21-point rule is exact well beyond). */
const MIN_PANEL_SDS = 3.5;
/** Initial panel edges per beta arm, in sd from its mean: a skewed beta's tail reaches further than a normal's. */
const BETA_EDGES = [-12, -6, -3, -1, 0, 1, 3, 6, 12];
/**
 * Largest Kronrod–Gauss difference accepted per panel. That difference is the error of the 10-point Gauss rule;
 * the 21-point Kronrod value kept is far more accurate (~1e-12 against a reference integration; see the tests
 * and the benchmark), well inside the 1e-6 promised.
 */
const PANEL_TOLERANCE = 1e-7;

type NormalArm = { kind: "normal"; mean: number; sd: number };
type BetaArm = { kind: "beta"; a: number; b: number; mean: number; sd: number };
type ContinuousArm = NormalArm | BetaArm;
type Arm = ContinuousArm | { kind: "point"; at: number } | { kind: "invalid" };

function isPositiveFinite(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

function normalArm(p: NormalPosterior, sign: number): Arm {
  if (!Number.isFinite(p.mean) || !Number.isFinite(p.sd) || p.sd < 0) return { kind: "invalid" };
  const mean = sign * p.mean;
  return p.sd === 0 ? { kind: "point", at: mean } : { kind: "normal", mean, sd: p.sd };
}

function betaArm(p: BetaPosterior, higherIsBetter: boolean): Arm {
  if (!isPositiveFinite(p.alpha) || !isPositiveFinite(p.beta)) return { kind: "invalid" };
  // Lower is better: rank 1 − X, which is Beta(β, α).
  const a = higherIsBetter ? p.alpha : p.beta;
  const b = higherIsBetter ? p.beta : p.alpha;
  const total = a + b;
  return { kind: "beta", a, b, mean: a / total, sd: Math.sqrt((a * b) / (total * total * (total + 1))) };
}

function toArm(p: Posterior, higherIsBetter: boolean): Arm {
  if (typeof p !== "object" || p === null) return { kind: "invalid" };
  if (p.distribution === "normal") return normalArm(p, higherIsBetter ? 1 : -1);
  if (p.distribution === "beta") return betaArm(p, higherIsBetter);
  return { kind: "invalid" };
}

function cdfOf(arm: ContinuousArm, x: number): number {
  if (arm.kind === "normal") return normalCdf((x - arm.mean) / arm.sd);
  return incompleteBeta(arm.a, arm.b, x).lower;
}

/** Where an arm's density is not negligible. */
function supportOf(arm: ContinuousArm): [number, number] {
  if (arm.kind === "beta") return [0, 1];
  return [arm.mean - NORMAL_TAIL_SDS * arm.sd, arm.mean + NORMAL_TAIL_SDS * arm.sd];
}

/** Panel edges at each arm's bulk, dropping edges closer than MIN_PANEL_SDS of the narrowest spread. */
function panelBreaks(lower: number, upper: number, arms: ContinuousArm[]): number[] {
  const candidates = arms
    .flatMap((arm) => (arm.kind === "normal" ? NORMAL_EDGES : BETA_EDGES).map((k) => arm.mean + k * arm.sd))
    .filter((x) => x > lower && x < upper)
    .sort((x, y) => x - y);
  const minGap = Math.min(...arms.map((arm) => arm.sd)) * MIN_PANEL_SDS;
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
  const pB = normalCdf(diff / Math.sqrt(a.sd * a.sd + b.sd * b.sd));
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

/**
 * ∫ fᵢ(x) ∏_{j≠i} Fⱼ(x) dx for every continuous arm i at once over [lower, upper]: each node evaluates
 * every arm's CDF and density once, and prefix/suffix products give all K integrands.
 */
function integrateArms(arms: ContinuousArm[], lower: number, upper: number): Float64Array {
  const m = arms.length;
  const cdfs = new Float64Array(m);
  const pdfs = new Float64Array(m);
  const prefix = new Float64Array(m + 1);
  const out = new Float64Array(m);
  const integrand = (x: number): Float64Array => {
    for (let j = 0; j < m; j++) {
      const arm = arms[j] as ContinuousArm;
      if (arm.kind === "normal") {
        normalCdfAndPdfInto(x, arm.mean, arm.sd, cdfs, pdfs, j);
      } else {
        cdfs[j] = incompleteBeta(arm.a, arm.b, x).lower;
        pdfs[j] = betaPdf(x, arm.a, arm.b);
      }
    }
    prefix[0] = 1;
    for (let j = 0; j < m; j++) prefix[j + 1] = (prefix[j] as number) * (cdfs[j] as number);
    let suffix = 1;
    for (let j = m - 1; j >= 0; j--) {
      out[j] = (pdfs[j] as number) * (prefix[j] as number) * suffix;
      suffix *= cdfs[j] as number;
    }
    return out;
  };
  return integrateVector(integrand, panelBreaks(lower, upper, arms), m, PANEL_TOLERANCE);
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
  const valid = arms.flatMap((arm, i) => (arm.kind === "invalid" ? [] : [{ arm, i }]));
  if (valid.length === 0) return posteriors.map(() => 1 / k);
  if (valid.length === 1) return arms.map((arm) => (arm.kind === "invalid" ? 0 : 1));

  const continuous = valid.flatMap(({ arm, i }) => (arm.kind === "normal" || arm.kind === "beta" ? [{ arm, i }] : []));
  const points = valid.flatMap(({ arm, i }) => (arm.kind === "point" ? [{ at: arm.at, i }] : []));
  const result = new Array<number>(k).fill(0);
  const top = points.length > 0 ? Math.max(...points.map(({ at }) => at)) : Number.NEGATIVE_INFINITY;

  if (continuous.length > 0) {
    const dists = continuous.map(({ arm }) => arm);
    // Below the highest lower bound every other arm's CDF is negligible; above the highest upper bound
    // every density is. Point masses at `top` also win below it.
    const supports = dists.map(supportOf);
    const lower = Math.max(top, ...supports.map(([lo]) => lo));
    const upper = Math.max(...supports.map(([, hi]) => hi));
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
      // Magnitudes beyond floating point: rank by location, ties share.
      const best = Math.max(...dists.map((arm) => arm.mean));
      const tied = dists.filter((arm) => arm.mean === best).length;
      continuous.forEach(({ arm, i }) => {
        result[i] = arm.mean === best ? 1 / tied : 0;
      });
    } else if (upper > lower) {
      const integral = integrateArms(dists, lower, upper);
      continuous.forEach(({ i }, j) => {
        result[i] = integral[j] as number;
      });
    }
  }
  if (points.length > 0) {
    const winners = points.filter(({ at }) => at === top);
    const below = continuous.reduce((acc, { arm }) => acc * cdfOf(arm, top), 1);
    for (const { i } of winners) result[i] = below / winners.length;
  }
  const clean = result.map((p) => (Number.isFinite(p) && p > 0 ? Math.min(p, 1) : 0));
  const sum = clean.reduce((x, y) => x + y, 0);
  if (!(sum > 0)) {
    // Every integral vanished (e.g. absurd scales): share among the valid arms.
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
