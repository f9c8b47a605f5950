/** A treatment compared with control on one metric, with what every later step reads off it. */
import { gaussianRisk } from "../bayesian";
import { type Effect, effectOf } from "../effect";
import { twoSidedPValue } from "../frequentist";
import { type Failure, OUT_OF_RANGE } from "../reasons";
import { normalCdf } from "../special/normal";
import type { ValidArm } from "./arms";
import type { Settings } from "./settings";

export type Comparison = {
  effect: Effect;
  standardError: number;
  /** Frequentist engine: the two-sided p-value (always-valid when sequential); null for Bayesian. */
  pValue: number | null;
  /**
   * The two-sided p-value that decides significance and enters the multiple-testing correction: the
   * frequentist p-value, or for the Bayesian engine 2·min(P(Δ > 0), P(Δ < 0)).
   */
  decisionP: number;
  /** P(Δ > 0) under the flat-prior Gaussian model of the effect, before the metric's direction is applied. */
  chanceOfIncrease: number;
  /** Bayesian engine: expected loss [choosing control, choosing treatment] for Δ > 0 being good; null otherwise. */
  risk: [number, number] | null;
};

/** Compares a treatment with control by the configured engine, or says why it cannot. */
export function compareArms(control: ValidArm, treatment: ValidArm, s: Settings): Comparison | Failure {
  const effect = effectOf(control.stats, treatment.stats, control.moments, treatment.moments, s.difference);
  if ("reason" in effect) return effect;
  const standardError = Math.sqrt(effect.variance);
  const chanceOfIncrease = normalCdf(effect.estimate / standardError);
  let comparison: Comparison;
  if (s.engine === "frequentist") {
    const pValue = twoSidedPValue(effect, s.alpha, s.tuning);
    comparison = { effect, standardError, pValue, decisionP: pValue, chanceOfIncrease, risk: null };
  } else {
    comparison = {
      effect,
      standardError,
      pValue: null,
      decisionP: Math.min(1, 2 * Math.min(chanceOfIncrease, 1 - chanceOfIncrease)),
      chanceOfIncrease,
      risk: gaussianRisk(effect.estimate, standardError),
    };
  }
  const numbers = [comparison.decisionP, comparison.chanceOfIncrease, ...(comparison.risk ?? [])];
  return numbers.some(Number.isNaN) || !Number.isFinite(effect.estimate) ? OUT_OF_RANGE : comparison;
}
