import { normalQuantile } from "./special/normal";
import type { DurationInput, MdeInput, SampleSizeInput } from "./types";

type Design = { zAlpha: number; zPower: number };

/** Two-sided z critical values with a Bonferroni split of alpha over the comparisons with control. */
function design(alpha: number, power: number, variations: number): Design | null {
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1 && Number.isInteger(variations) && variations >= 2)) {
    return null;
  }
  const comparisons = variations - 1;
  return { zAlpha: normalQuantile(1 - alpha / comparisons / 2), zPower: normalQuantile(power) };
}

function validBaseline(input: Pick<SampleSizeInput, "kind" | "baseline" | "sd">): boolean {
  if (!Number.isFinite(input.baseline)) return false;
  if (input.kind === "occurrence") return input.baseline > 0 && input.baseline < 1;
  return input.baseline !== 0 && typeof input.sd === "number" && Number.isFinite(input.sd) && input.sd > 0;
}

/** Sum of the two arms' per-unit variances under the alternative, and the absolute effect. */
function varianceAndEffect(input: SampleSizeInput): { variance: number; effect: number } | null {
  const { baseline, mde } = input;
  if (input.kind === "occurrence") {
    const treated = baseline * (1 + mde);
    if (!(treated > 0 && treated < 1)) return null;
    return { variance: baseline * (1 - baseline) + treated * (1 - treated), effect: treated - baseline };
  }
  const sd = input.sd ?? 0;
  return { variance: 2 * sd * sd, effect: baseline * mde };
}

/**
 * Units needed per variation to detect a relative lift of `mde` with a two-sided z-test at level
 * `alpha` (Bonferroni-split over the `variations − 1` comparisons) and the given power:
 * n = (z₁₋α/2 + z_power)² · (σ₀² + σ₁²) / δ², rounded up. For proportions σ² = p(1 − p) at the
 * baseline and at baseline·(1 + mde); for means, counts and ratios σ = `sd` in both arms.
 * Returns Infinity when the inputs cannot give a finite answer (e.g. mde = 0, a baseline outside (0, 1)).
 */
export function sampleSizePerVariation(input: SampleSizeInput): number {
  if (typeof input !== "object" || input === null) return Number.POSITIVE_INFINITY;
  const d = design(input.alpha ?? 0.05, input.power ?? 0.8, input.variations ?? 2);
  if (d === null || !validBaseline(input) || !Number.isFinite(input.mde) || input.mde === 0 || input.mde <= -1) {
    return Number.POSITIVE_INFINITY;
  }
  const ve = varianceAndEffect(input);
  if (ve === null || ve.effect === 0) return Number.POSITIVE_INFINITY;
  const z = d.zAlpha + d.zPower;
  const n = Math.ceil((z * z * ve.variance) / (ve.effect * ve.effect) - 1e-9);
  return Number.isFinite(n) ? Math.max(n, 2) : Number.POSITIVE_INFINITY;
}

/**
 * The smallest relative lift (positive) detectable with `sampleSizePerVariation` units per arm —
 * the inverse of `sampleSizePerVariation`, solved by bisection. Infinity when none is reachable.
 */
export function minimumDetectableEffect(input: MdeInput): number {
  if (typeof input !== "object" || input === null) return Number.POSITIVE_INFINITY;
  const n = input.sampleSizePerVariation;
  const d = design(input.alpha ?? 0.05, input.power ?? 0.8, input.variations ?? 2);
  if (d === null || !validBaseline(input) || !(Number.isFinite(n) && n >= 2)) return Number.POSITIVE_INFINITY;
  const z = d.zAlpha + d.zPower;
  const requiredN = (mde: number): number => {
    const ve = varianceAndEffect({ ...input, mde });
    return ve === null ? Number.POSITIVE_INFINITY : (z * z * ve.variance) / (ve.effect * ve.effect);
  };
  // Largest lift the metric allows: proportions must stay below 1.
  let hi = input.kind === "occurrence" ? (1 - 1e-12) / input.baseline - 1 : 1e6;
  if (!(requiredN(hi) <= n)) return Number.POSITIVE_INFINITY;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (requiredN(mid) <= n) hi = mid;
    else lo = mid;
  }
  return hi;
}

function weightShares(weights: number[] | Record<string, number>): number[] | null {
  if (typeof weights !== "object" || weights === null) return null;
  const list = Array.isArray(weights) ? weights : Object.values(weights);
  if (list.length < 2 || list.some((w) => !Number.isFinite(w) || w < 0)) return null;
  const total = list.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  return list.map((w) => w / total);
}

/**
 * Days until every arm reaches `sampleSizePerVariation`, given `dailyTraffic` eligible units per
 * day split by `weights` (the smallest non-zero share decides): ceil(n / (dailyTraffic · min share)).
 * Returns Infinity when it cannot be reached (no traffic, invalid inputs).
 */
export function estimateDuration(input: DurationInput): number {
  if (typeof input !== "object" || input === null) return Number.POSITIVE_INFINITY;
  const shares = weightShares(input.weights);
  if (shares === null || !(Number.isFinite(input.dailyTraffic) && input.dailyTraffic > 0)) {
    return Number.POSITIVE_INFINITY;
  }
  const active = shares.filter((s) => s > 0);
  if (active.length < 2) return Number.POSITIVE_INFINITY;
  const n = sampleSizePerVariation({ ...input, variations: input.variations ?? active.length });
  if (!Number.isFinite(n)) return Number.POSITIVE_INFINITY;
  const days = Math.ceil(n / (input.dailyTraffic * Math.min(...active)) - 1e-9);
  return Number.isFinite(days) ? Math.max(days, 1) : Number.POSITIVE_INFINITY;
}
