/** One metric: per-variation statistics, comparisons with control, P(best), lifts and guardrail checks. */
import { type Failure, insufficient } from "../reasons";
import type { AnalysisMetric, MetricAnalysis, VariationMetricResult } from "../types";
import { type Arm, armOf, isValid, type Lineup } from "./arms";
import { probabilitiesOfBest } from "./best-variation";
import { type Comparison, compareArms } from "./comparison";
import type { Adjustment } from "./corrections";
import { guardrailOf } from "./guardrail";
import { liftOf } from "./lift";
import type { StatsByVariation } from "./rows";
import type { Settings } from "./settings";

/** The control on one metric: its statistics and probability of being best. */
export type ControlDraft = { arm: Arm; probabilityOfBeingBest: number | null };

/** A treatment on one metric: its statistics, its comparison with control (or why there is none), P(best). */
export type TreatmentDraft = {
  arm: Arm;
  comparison: Comparison | null;
  /** Why there is no comparison: the treatment's own statistics, or the comparison failed; null otherwise. */
  failure: Failure | null;
  probabilityOfBeingBest: number | null;
};

/** A metric's totals analysed up to, but not including, the multiple-testing correction: one record per variation. */
export type MetricDraft = { metric: AnalysisMetric; control: ControlDraft; treatments: TreatmentDraft[] };

/** Primary metrics with a direction decide; informational ones never do. */
export function decides(metric: Pick<AnalysisMetric, "role" | "direction">): boolean {
  return metric.role === "primary" && metric.direction !== "informational";
}

function compareWithControl(arm: Arm, control: Arm, s: Settings): Pick<TreatmentDraft, "comparison" | "failure"> {
  if (!isValid(arm)) return { comparison: null, failure: arm.failure };
  if (!isValid(control)) return { comparison: null, failure: null };
  const comparison = compareArms(control, arm, s);
  return "reason" in comparison ? { comparison: null, failure: comparison } : { comparison, failure: null };
}

export function draftMetric(
  metric: AnalysisMetric,
  lineup: Lineup,
  rows: StatsByVariation | undefined,
  s: Settings,
): MetricDraft {
  const control = armOf(metric, lineup.control, rows);
  const compared = lineup.treatments.map((variation) => {
    const arm = armOf(metric, variation, rows);
    return { arm, ...compareWithControl(arm, control, s) };
  });
  const best = probabilitiesOfBest(metric, control, compared);
  return {
    metric,
    control: { arm: control, probabilityOfBeingBest: best.control },
    treatments: compared.map((t, i) => ({ ...t, probabilityOfBeingBest: best.treatments[i] ?? null })),
  };
}

function resultOf(
  arm: Arm,
  failure: Failure | null,
  probabilityOfBeingBest: number | null,
  lift: VariationMetricResult["lift"],
  guardrail: ReturnType<typeof guardrailOf>,
): VariationMetricResult {
  const valid = isValid(arm);
  const result: VariationMetricResult = {
    variationKey: arm.variation.key,
    name: typeof arm.variation.name === "string" ? arm.variation.name : arm.variation.key,
    isControl: arm.variation.isControl,
    status: failure === null ? "ok" : failure.status,
    n: valid ? arm.moments.n : 0,
    value: valid ? arm.moments.mean : 0,
    standardError: valid ? Math.sqrt(arm.moments.variance / arm.moments.n) : 0,
    lift,
    probabilityOfBeingBest,
    guardrail: guardrail?.status ?? null,
    guardrailDetail: guardrail?.detail ?? null,
  };
  if (failure !== null) result.reason = failure.reason;
  return result;
}

/** The metric's status: the control's problem, else the first treatment's when no treatment could be compared. */
function statusOf(draft: MetricDraft, treatments: VariationMetricResult[]): Pick<MetricAnalysis, "status" | "reason"> {
  const { arm } = draft.control;
  if (!isValid(arm)) return { status: arm.failure.status, reason: arm.failure.reason };
  if (treatments.every((r) => r.lift === null)) {
    const first = treatments.find((r) => r.reason !== undefined);
    return first?.reason !== undefined
      ? { status: first.status, reason: first.reason }
      : insufficient("missing-data", "no treatment has data yet");
  }
  return { status: "ok" };
}

/** The metric as the results show it; its `timeSeries` is left empty for `attachTimeSeries`. */
export function assembleMetric(
  draft: MetricDraft,
  adjustments: Map<Comparison, Adjustment>,
  s: Settings,
): MetricAnalysis {
  const { metric, control } = draft;
  const controlFailure = isValid(control.arm) ? null : control.arm.failure;
  const treatments = draft.treatments.map((t) => {
    const lift = t.comparison === null ? null : liftOf(t.comparison, metric, s, adjustments.get(t.comparison));
    const guardrail =
      metric.role === "guardrail" && lift !== null ? guardrailOf(lift, metric.direction, s.guardrailMargin) : null;
    return resultOf(t.arm, t.failure, t.probabilityOfBeingBest, lift, guardrail);
  });
  const analysis: MetricAnalysis = {
    metricId: metric.id,
    name: metric.name,
    kind: metric.kind,
    role: metric.role,
    direction: metric.direction,
    ...statusOf(draft, treatments),
    variations: [resultOf(control.arm, controlFailure, control.probabilityOfBeingBest, null, null), ...treatments],
    timeSeries: [],
  };
  if (metric.unit !== undefined) analysis.unit = metric.unit;
  return analysis;
}
