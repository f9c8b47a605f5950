/** One metric: per-variation statistics, comparisons with control, P(best), lifts and guardrail checks. */
import { type Failure, insufficient } from "../reasons";
import type {
  AnalysisMetric,
  AnalysisVariation,
  MetricAnalysis,
  VariationMetricResult,
  VariationTimeSeries,
} from "../types";
import { type Arm, armsOf, isValid } from "./arms";
import { probabilitiesOfBest } from "./best-variation";
import { type Comparison, compareArms } from "./comparison";
import type { Adjustment } from "./corrections";
import { guardrailOf } from "./guardrail";
import { liftOf } from "./lift";
import type { StatsByVariation } from "./rows";
import type { Settings } from "./settings";

/** A metric's totals analysed up to, but not including, the multiple-testing correction. */
export type MetricDraft = {
  metric: AnalysisMetric;
  /** One per variation, control first. */
  arms: Arm[];
  /** Arm i's comparison with control; null for control and where there is none. */
  comparisons: (Comparison | null)[];
  /** Why arm i has no comparison (its own statistics or the comparison failed); null otherwise. */
  failures: (Failure | null)[];
  probabilities: (number | null)[];
};

/** Primary metrics with a direction decide; informational ones never do. */
export function decides(metric: Pick<AnalysisMetric, "role" | "direction">): boolean {
  return metric.role === "primary" && metric.direction !== "informational";
}

export function draftMetric(
  metric: AnalysisMetric,
  variations: AnalysisVariation[],
  rows: StatsByVariation | undefined,
  s: Settings,
): MetricDraft {
  const arms = armsOf(metric, variations, rows);
  const control = arms[0] as Arm;
  const comparisons: (Comparison | null)[] = [];
  const failures: (Failure | null)[] = [];
  for (const arm of arms) {
    if (!isValid(arm)) {
      comparisons.push(null);
      failures.push(arm.failure);
    } else if (arm.variation.isControl || !isValid(control)) {
      comparisons.push(null);
      failures.push(null);
    } else {
      const comparison = compareArms(control, arm, s);
      comparisons.push("reason" in comparison ? null : comparison);
      failures.push("reason" in comparison ? comparison : null);
    }
  }
  return { metric, arms, comparisons, failures, probabilities: probabilitiesOfBest(metric, arms, comparisons) };
}

function variationResult(
  draft: MetricDraft,
  i: number,
  adjustments: Map<Comparison, Adjustment>,
  s: Settings,
): VariationMetricResult {
  const { metric } = draft;
  const arm = draft.arms[i] as Arm;
  const comparison = draft.comparisons[i] ?? null;
  const failure = draft.failures[i] ?? null;
  const valid = isValid(arm);
  const lift = comparison === null ? null : liftOf(comparison, metric, s, adjustments.get(comparison));
  const guardrail =
    metric.role === "guardrail" && lift !== null ? guardrailOf(lift, metric.direction, s.guardrailMargin) : null;
  const result: VariationMetricResult = {
    variationKey: arm.variation.key,
    name: typeof arm.variation.name === "string" ? arm.variation.name : arm.variation.key,
    isControl: arm.variation.isControl,
    status: failure === null ? "ok" : failure.status,
    n: valid ? arm.moments.n : 0,
    value: valid ? arm.moments.mean : 0,
    standardError: valid ? Math.sqrt(arm.moments.variance / arm.moments.n) : 0,
    lift,
    probabilityOfBeingBest: draft.probabilities[i] ?? null,
    guardrail: guardrail?.status ?? null,
    guardrailDetail: guardrail?.detail ?? null,
  };
  if (failure !== null) result.reason = failure.reason;
  return result;
}

/** The metric's status: the control's problem, else the first treatment's when no treatment could be compared. */
function statusOf(draft: MetricDraft, results: VariationMetricResult[]): Pick<MetricAnalysis, "status" | "reason"> {
  const control = draft.arms[0] as Arm;
  if (!isValid(control)) return { status: control.failure.status, reason: control.failure.reason };
  if (results.every((r) => r.isControl || r.lift === null)) {
    const first = results.find((r) => !r.isControl && r.reason !== undefined);
    return first?.reason !== undefined
      ? { status: first.status, reason: first.reason }
      : insufficient("missing-data", "no treatment has data yet");
  }
  return { status: "ok" };
}

export function assembleMetric(
  draft: MetricDraft,
  adjustments: Map<Comparison, Adjustment>,
  timeSeries: VariationTimeSeries[],
  s: Settings,
): MetricAnalysis {
  const { metric } = draft;
  const variations = draft.arms.map((_, i) => variationResult(draft, i, adjustments, s));
  const analysis: MetricAnalysis = {
    metricId: metric.id,
    name: metric.name,
    kind: metric.kind,
    role: metric.role,
    direction: metric.direction,
    ...statusOf(draft, variations),
    variations,
    timeSeries,
  };
  if (metric.unit !== undefined) analysis.unit = metric.unit;
  return analysis;
}
