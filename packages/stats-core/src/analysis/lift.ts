/** A comparison as the results show it: the interval (adjusted when the correction changed the p-value) and outcome. */
import type { AnalysisMetric, LiftOutcome, LiftResult, MetricDirection } from "../types";
import type { Comparison } from "./comparison";
import type { Adjustment } from "./corrections";
import { excludesZero, intervalAt } from "./intervals";
import type { Settings } from "./settings";

/** Better or worse by the metric's direction when the interval excludes 0; informational metrics have no "better". */
export function outcomeOf(ci: [number, number], direction: MetricDirection): LiftOutcome {
  if (direction === "informational" || !excludesZero(ci)) return "inconclusive";
  const rose = ci[0] > 0;
  return rose === (direction === "increase") ? "better" : "worse";
}

export function liftOf(
  comparison: Comparison,
  metric: AnalysisMetric,
  s: Settings,
  adjustment: Adjustment | undefined,
): LiftResult {
  const { effect } = comparison;
  const unadjustedCi = intervalAt(effect, s.alpha, s, false);
  const adjusted = adjustment !== undefined;
  const ci = adjusted ? intervalAt(effect, adjustment.level, s, false) : unadjustedCi;
  const judged = s.engine === "bayesian" && metric.direction !== "informational";
  const decreaseIsGood = metric.direction === "decrease";
  const risk = comparison.risk;
  return {
    estimate: effect.estimate,
    ci,
    unadjustedCi,
    standardError: comparison.standardError,
    pValue: comparison.pValue,
    adjustedPValue: comparison.pValue === null ? null : (adjustment?.adjustedP ?? comparison.pValue),
    chanceToWin: judged ? (decreaseIsGood ? 1 - comparison.chanceOfIncrease : comparison.chanceOfIncrease) : null,
    risk: judged && risk !== null ? (decreaseIsGood ? [risk[1], risk[0]] : [risk[0], risk[1]]) : null,
    significant: excludesZero(ci),
    adjusted,
    outcome: outcomeOf(ci, metric.direction),
  };
}
