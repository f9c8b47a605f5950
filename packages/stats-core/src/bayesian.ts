import { checkAlpha, checkDifference, type Effect, effectOfStats } from "./effect";
import { type Failure, hasNaN, invalid, OUT_OF_RANGE } from "./reasons";
import { normalCdf, normalPartialExpectation, normalQuantile } from "./special/normal";
import type { BayesianOptions, BayesianResult, GaussianPrior, SufficientStats } from "./types";

function neutral(failure: Failure): BayesianResult {
  return { ...failure, estimate: 0, ci: [0, 0], standardError: 0, chanceToWin: 0.5, risk: [0, 0] };
}

/**
 * Risk (expected loss) of a N(mean, sd²) effect: [choosing control, choosing treatment]
 * = [E[max(Δ, 0)], E[max(−Δ, 0)]] = [sd·g(−mean/sd), sd·g(mean/sd)] with g(z) = E[(Z − z)⁺].
 * Each is computed on its own (not one as the other minus the mean), so a tiny risk keeps its digits.
 */
export function gaussianRisk(mean: number, sd: number): [number, number] {
  const z = mean / sd;
  return [sd * normalPartialExpectation(-z), sd * normalPartialExpectation(z)];
}

/** The posterior of the effect and everything read off it. */
function bayesianOfEffect(effect: Effect, alpha: number, prior: GaussianPrior | undefined): BayesianResult {
  const r = computeBayesian(effect, alpha, prior);
  return hasNaN([r.estimate, ...r.ci, r.standardError, r.chanceToWin, ...r.risk]) ? neutral(OUT_OF_RANGE) : r;
}

function computeBayesian(effect: Effect, alpha: number, prior: GaussianPrior | undefined): BayesianResult {
  let mean = effect.estimate;
  let variance = effect.variance;
  if (prior !== undefined) {
    const precision = 1 / variance + 1 / prior.variance;
    mean = (effect.estimate / variance + prior.mean / prior.variance) / precision;
    variance = 1 / precision;
  }
  const sd = Math.sqrt(variance);
  const z = normalQuantile(1 - alpha / 2);
  return {
    status: "ok",
    estimate: mean,
    ci: [mean - z * sd, mean + z * sd],
    standardError: sd,
    chanceToWin: normalCdf(mean / sd),
    risk: gaussianRisk(mean, sd),
  };
}

/**
 * Bayesian test of treatment vs control with a Gaussian model of the effect (relative lift by the
 * delta method, or the absolute difference). Flat prior: posterior N(estimate, variance); proper
 * prior N(m₀, τ²): precision-weighted posterior. Chance to win = P(Δ > 0), credible interval at
 * 1 − alpha, risk = [E[max(Δ, 0)], E[max(−Δ, 0)]].
 */
export function bayesianTest(
  control: SufficientStats,
  treatment: SufficientStats,
  options: BayesianOptions = {},
): BayesianResult {
  const { difference = "relative", alpha = 0.05, prior } = options ?? {};
  const bad = checkDifference(difference) ?? checkAlpha(alpha);
  if (bad) return neutral(bad);
  if (
    prior !== undefined &&
    !(
      typeof prior === "object" &&
      prior !== null &&
      Number.isFinite(prior.mean) &&
      Number.isFinite(prior.variance) &&
      prior.variance > 0
    )
  ) {
    return neutral(invalid("invalid-option", "prior needs a finite mean and a positive, finite variance"));
  }
  const effect = effectOfStats(control, treatment, difference);
  if ("reason" in effect) return neutral(effect);
  return bayesianOfEffect(effect, alpha, prior);
}
