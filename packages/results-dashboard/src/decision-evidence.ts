import type { DecisionEvidence } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { isFiniteNumber } from "@flagsmith-experimentation/ui";
import { treatments } from "./analysis-view";

const probability = (value: number | null): number | null =>
  isFiniteNumber(value) ? Math.min(1, Math.max(0, value)) : null;

/**
 * The evidence a decision is recorded with (docs/decision-rules.md, "Acting on results"): the verdict, the identities analysed per variation and each
 * primary metric's comparison with control at that moment. Non-finite figures become `null`, never NaN.
 */
export function decisionEvidence(analysis: AnalysisResult): DecisionEvidence {
  const users: Record<string, number> = {};
  for (const [key, n] of Object.entries(analysis.srm.users)) {
    if (isFiniteNumber(n) && n >= 0) users[key] = Math.round(n);
  }
  const metrics: DecisionEvidence["metrics"] = [];
  for (const metric of analysis.metrics) {
    if (metric.role !== "primary") continue;
    for (const variation of treatments(metric)) {
      const lift = variation.lift;
      const interval = lift && isFiniteNumber(lift.ci[0]) && isFiniteNumber(lift.ci[1]) ? lift.ci : null;
      metrics.push({
        metricId: metric.metricId,
        variationKey: variation.variationKey,
        lift: lift && isFiniteNumber(lift.estimate) ? lift.estimate : null,
        interval: interval ? [interval[0], interval[1]] : null,
        significant: lift?.significant ?? false,
        chanceToWin: probability(lift?.chanceToWin ?? null),
        pValue: probability(lift?.adjustedPValue ?? lift?.pValue ?? null),
      });
    }
  }
  return { verdict: analysis.recommendation.verdict, users, metrics };
}
