import type {
  AnalysisResult,
  MetricAnalysis,
  MetricRole,
  MetricUnit,
  StatsReason,
  StatsReasonCode,
  VariationMetricResult,
} from "@flagsmith-experimentation/stats-core";
import { type Formatters, formatMessage } from "@flagsmith-experimentation/ui";
import type { ResultsPageMessages } from "./messages";

const roleOrder: Record<MetricRole, number> = { primary: 0, secondary: 1, guardrail: 2 };

/** Metrics with primaries first, then secondaries, then guardrails; input order within a role. */
export function orderMetrics(metrics: readonly MetricAnalysis[]): MetricAnalysis[] {
  return metrics
    .map((metric, index) => ({ metric, index }))
    .sort((a, b) => roleOrder[a.metric.role] - roleOrder[b.metric.role] || a.index - b.index)
    .map(({ metric }) => metric);
}

/** The metric the headline figures are about: the first primary, else the first metric. */
export function headlineMetric(analysis: AnalysisResult): MetricAnalysis | undefined {
  return analysis.metrics.find((metric) => metric.role === "primary") ?? analysis.metrics[0];
}

export function treatments(metric: MetricAnalysis): VariationMetricResult[] {
  return metric.variations.filter((variation) => !variation.isControl);
}

export function controlOf(metric: MetricAnalysis): VariationMetricResult | undefined {
  return metric.variations.find((variation) => variation.isControl);
}

/** The variation with the highest probability of being best on a metric (control included). */
export function leaderOf(metric: MetricAnalysis): VariationMetricResult | undefined {
  if (metric.status !== "ok") return undefined;
  let best: VariationMetricResult | undefined;
  for (const variation of metric.variations) {
    const p = variation.probabilityOfBeingBest;
    if (p === null || !Number.isFinite(p)) continue;
    if (!best || p > (best.probabilityOfBeingBest ?? -1)) best = variation;
  }
  return best;
}

/** The treatment to headline: the treatment most likely to be best, else the first with a lift. */
export function leadingTreatment(metric: MetricAnalysis): VariationMetricResult | undefined {
  const candidates = treatments(metric);
  let best: VariationMetricResult | undefined;
  for (const variation of candidates) {
    if (!variation.lift) continue;
    const p = variation.probabilityOfBeingBest ?? -1;
    if (!best || p > (best.probabilityOfBeingBest ?? -1)) best = variation;
  }
  return best ?? candidates[0];
}

/** Name of a variation key as the analysis knows it. */
export function variationName(analysis: AnalysisResult, key: string | undefined): string {
  if (key === undefined) return "";
  for (const metric of analysis.metrics) {
    const found = metric.variations.find((variation) => variation.variationKey === key);
    if (found) return found.name;
  }
  return key;
}

export function metricName(analysis: AnalysisResult, id: string | undefined): string {
  return analysis.metrics.find((metric) => metric.metricId === id)?.name ?? id ?? "";
}

/**
 * A lift as shown everywhere (cards, table, lift bar name, trend, list): a signed percentage for a relative
 * difference ("+4.2%"), a signed value in the metric's unit for an absolute one ("+$1.20", "−35 ms").
 */
export function formatLift(
  analysis: Pick<AnalysisResult, "difference">,
  value: number | null | undefined,
  unit: MetricUnit | undefined,
  f: Formatters,
): string {
  return analysis.difference === "relative" ? f.lift(value) : f.difference(value, unit);
}

/**
 * A variation's value (rate, mean or ratio) in the metric's unit, or "n/a" when it could not be computed: stats-core
 * reports such values as 0, which must not be shown as a real 0 %.
 */
export function variationValue(
  variation: Pick<VariationMetricResult, "value" | "n" | "status">,
  unit: MetricUnit | undefined,
  m: ResultsPageMessages,
  f: Formatters,
): string {
  if (variation.status === "invalid-input" || variation.n <= 0) return m.notAvailable;
  return f.value(variation.value, unit);
}

/** "95%" for alpha 0.05. */
export function intervalLevel(alpha: number, f: Formatters): string {
  return f.percent(1 - alpha);
}

const reasonMessageKeys: Partial<Record<StatsReasonCode, keyof ResultsPageMessages>> = {
  "non-finite": "statsNonFinite",
  negative: "statsNegative",
  "not-integer": "statsNotInteger",
  "sum-exceeds-n": "statsSumExceedsN",
  "no-units": "statsNoUnits",
  "too-few-units": "statsTooFewUnits",
  "zero-variance": "statsZeroVariance",
  "zero-control-mean": "statsZeroControlMean",
  "zero-denominator": "statsZeroDenominator",
  "kind-mismatch": "statsKindMismatch",
  "invalid-option": "statsInvalidOption",
  "invalid-weights": "statsInvalidWeights",
  "invalid-posterior": "statsInvalidPosterior",
  "unknown-variation": "statsUnknownVariation",
  "missing-data": "statsMissingData",
  "no-control": "statsNoControl",
  "out-of-range": "statsOutOfRange",
};

/** A readable cause for a stats-core reason (its own `message` is for developers). */
export function reasonDetail(reason: StatsReason | undefined, m: ResultsPageMessages): string {
  if (!reason) return m.notAvailable;
  const key = reasonMessageKeys[reason.code];
  return key ? m[key] : m.statsOther;
}

/** The readable status of a metric or analysis that is not `ok`, with its cause. */
export function describeReason(
  status: MetricAnalysis["status"],
  reason: StatsReason | undefined,
  m: ResultsPageMessages,
): string {
  const base = status === "insufficient-data" ? m.statusInsufficientData : m.statusInvalidInput;
  if (!reason) return base;
  return `${base}: ${reasonDetail(reason, m)}`;
}

export function roleLabel(role: MetricRole, m: ResultsPageMessages): string {
  return role === "primary" ? m.rolePrimary : role === "secondary" ? m.roleSecondary : m.roleGuardrail;
}

/** A p-value in a sentence: "p = 0.042", or "p < 0.001" below the floor (never "p = < 0.001"). */
export function pValueText(
  pValue: number | null | undefined,
  m: Pick<ResultsPageMessages, "pValueLabel" | "pValueBelowLabel" | "adjustedPValueLabel" | "adjustedPValueBelowLabel">,
  f: Pick<Formatters, "pValueParts">,
  adjusted = false,
): string {
  const { relation, value } = f.pValueParts(pValue);
  const template = adjusted
    ? relation === "<"
      ? m.adjustedPValueBelowLabel
      : m.adjustedPValueLabel
    : relation === "<"
      ? m.pValueBelowLabel
      : m.pValueLabel;
  return formatMessage(template, { value });
}

/**
 * Text of a lift's significance: the Bayesian chance to beat control — named "probability of being best" with two
 * variations, where it is that very number (one question, one number) — or the (adjusted) p-value (frequentist).
 */
export function significanceText(
  metric: Pick<MetricAnalysis, "variations">,
  variation: VariationMetricResult,
  m: ResultsPageMessages,
  f: Formatters,
): string {
  const lift = variation.lift;
  if (!lift) return m.notAvailable;
  if (lift.chanceToWin !== null) {
    const template = metric.variations.length === 2 ? m.probabilityBestText : m.chanceToWin;
    return formatMessage(template, { value: f.probability(lift.chanceToWin) });
  }
  if (lift.adjustedPValue !== null && lift.adjusted) return pValueText(lift.adjustedPValue, m, f, true);
  if (lift.pValue !== null) return pValueText(lift.pValue, m, f);
  return m.notAvailable;
}

/** The size of a change on the analysis' scale, unsigned: "4.2%" (relative) or "35 ms" (absolute). */
export function changeSize(
  analysis: Pick<AnalysisResult, "difference">,
  size: number,
  unit: MetricUnit | undefined,
  f: Formatters,
): string {
  return analysis.difference === "relative" ? f.liftSize(size) : f.value(Math.abs(size), unit);
}

/**
 * A guardrail's movement against its tolerance: "Worse by 4.2%, within the 5.0% tolerance", "Worse by 12.0%,
 * beyond the 5.0% tolerance", "No harm: better by 1.3%", or, while unclear, how bad it could still be.
 */
export function guardrailText(
  analysis: Pick<AnalysisResult, "difference">,
  metric: Pick<MetricAnalysis, "unit">,
  variation: Pick<VariationMetricResult, "guardrail" | "guardrailDetail">,
  m: ResultsPageMessages,
  f: Formatters,
): string {
  const detail = variation.guardrailDetail;
  if (!detail || variation.guardrail === null) return "";
  const size = changeSize(analysis, detail.size, metric.unit, f);
  const tolerance = changeSize(analysis, detail.tolerance, metric.unit, f);
  if (variation.guardrail === "harmed") return formatMessage(m.guardrailHarmedText, { size, tolerance });
  if (variation.guardrail === "fine") {
    if (detail.change === "worse") return formatMessage(m.guardrailWithinText, { size, tolerance });
    return detail.change === "better" ? formatMessage(m.guardrailBetterText, { size }) : m.guardrailUnchangedText;
  }
  const change =
    detail.change === "worse" ? m.changeWorse : detail.change === "better" ? m.changeBetter : m.changeUnchanged;
  return formatMessage(m.guardrailUncertainText, {
    change,
    size,
    worst: changeSize(analysis, Math.max(0, detail.worstCaseHarm), metric.unit, f),
    tolerance,
  });
}

/**
 * Conversions and users beside a rate ("1,234 / 12,600 users") for occurrence metrics, users alone for the others;
 * nothing for a variation without users.
 */
export function countsText(
  metric: Pick<MetricAnalysis, "kind">,
  variation: Pick<VariationMetricResult, "value" | "n" | "status">,
  m: Pick<ResultsPageMessages, "conversionsOfUsers" | "usersCount">,
  f: Pick<Formatters, "count">,
): string | undefined {
  if (variation.status === "invalid-input" || !(variation.n > 0)) return undefined;
  if (metric.kind === "occurrence") {
    return formatMessage(m.conversionsOfUsers, {
      conversions: f.count(Math.round(variation.value * variation.n)),
      users: f.count(variation.n),
    });
  }
  return formatMessage(m.usersCount, { users: f.count(variation.n) });
}
