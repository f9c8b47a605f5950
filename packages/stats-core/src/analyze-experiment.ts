/**
 * `analyzeExperiment`: everything the results dashboard shows, from the experiment's variations, weights,
 * metrics, status and plan and the per-variation sufficient statistics. The steps live in `src/analysis/`:
 * input validation and settings, per-metric analysis (one record per variation), the multiple-testing
 * correction, guardrails, SRM, progress, the daily series and the recommendation.
 */

import type { Lineup } from "./analysis/arms";
import { adjustmentsFor } from "./analysis/corrections";
import { attachTimeSeries } from "./analysis/daily-series";
import { structuralProblem, trafficShares } from "./analysis/input-validation";
import { assembleMetric, decides, draftMetric } from "./analysis/metric-analysis";
import { progressOf } from "./analysis/progress";
import { recommend } from "./analysis/recommendation";
import { type DailyRows, dailyRowsOf, totalsByMetric, unitsByVariation } from "./analysis/rows";
import { DEFAULT_RISK_THRESHOLD, type Settings, settingsOf } from "./analysis/settings";
import { emptySrm, srmOf } from "./analysis/srm-analysis";
import { type Failure, insufficient, invalid } from "./reasons";
import type { AnalysisInput, AnalysisResult, StatsStatus } from "./types";

function failedResult(input: AnalysisInput, failure: Failure, s: Settings | null): AnalysisResult {
  const variations = Array.isArray(input?.variations) ? input.variations : [];
  const control = variations.find((v) => typeof v === "object" && v !== null && v.isControl === true);
  const threshold = s?.srmThreshold ?? 0.001;
  return {
    ...failure,
    engine: s?.engine ?? "bayesian",
    sequential: s?.tuning !== undefined,
    alpha: s?.alpha ?? 0.05,
    difference: s?.difference ?? "relative",
    correction: s?.correction ?? "holm",
    riskThreshold: s?.riskThreshold ?? DEFAULT_RISK_THRESHOLD,
    controlKey: typeof control?.key === "string" ? control.key : "",
    srm: emptySrm(threshold, failure.status, failure.reason),
    metrics: [],
    progress: { plannedSampleSizePerVariation: 0, smallestArm: 0, percentOfPlannedSample: 0 },
    recommendation: {
      // Every input the analysis cannot start from is invalid: look into it (never "keep running" on it).
      verdict: "investigate",
      confidence: 0,
      reasons: [{ code: "invalid-data", reason: failure.reason }],
    },
  };
}

/**
 * Everything the results dashboard shows. One decision rule throughout: a lift is significant exactly when
 * the interval shown excludes 0 (primary metrics: after multiple-testing adjustment), and the recommendation
 * is derived from those flags, the experiment's status and its plan (STATISTICS.md, "Decision rules").
 * Never throws for data problems; linear in the number of rows.
 */
export function analyzeExperiment(input: AnalysisInput): AnalysisResult {
  const structural = structuralProblem(input);
  if (structural) return failedResult(input, structural, null);
  const settings = settingsOf(input);
  if ("reason" in settings) return failedResult(input, settings, null);
  const s = settings;
  const control = input.variations.find((v) => v.isControl);
  if (control === undefined)
    return failedResult(input, invalid("no-control", "exactly one variation must be the control"), s);
  const lineup: Lineup = { control, treatments: input.variations.filter((v) => !v.isControl) };
  const shares = trafficShares(input, [lineup.control, ...lineup.treatments]);
  if ("reason" in shares) return failedResult(input, shares, s);

  const totals = totalsByMetric(input.totals);
  const daily: DailyRows = Array.isArray(input.daily)
    ? dailyRowsOf(input.daily)
    : { byMetric: new Map(), dayCount: 0, lastDayRows: [] };
  const drafts = input.metrics.map((metric) => draftMetric(metric, lineup, totals.get(metric.id), s));
  const family = drafts
    .filter((d) => decides(d.metric))
    .flatMap((d) => d.treatments.flatMap((t) => (t.comparison === null ? [] : [t.comparison])));
  const adjustments = adjustmentsFor(family, s);
  const metrics = drafts.map((draft) => {
    const metric = assembleMetric(draft, adjustments, s);
    attachTimeSeries(metric, draft.metric, lineup, daily.byMetric.get(draft.metric.id), s);
    return metric;
  });

  const units = unitsByVariation(
    shares.map(({ variation }) => variation.key),
    totals.values(),
  );
  const srm = srmOf(shares, units, s.srmThreshold);
  const activeKeys = shares.filter(({ share }) => share > 0).map(({ variation }) => variation.key);
  const progress = progressOf(drafts, shares.length, activeKeys, units, daily, s);

  const anyOk = metrics.some((m) => m.status === "ok");
  const status: StatsStatus = anyOk
    ? "ok"
    : metrics.some((m) => m.status === "invalid-input")
      ? "invalid-input"
      : "insufficient-data";
  const result: AnalysisResult = {
    status,
    engine: s.engine,
    sequential: s.tuning !== undefined,
    alpha: s.alpha,
    difference: s.difference,
    correction: s.correction,
    riskThreshold: s.riskThreshold,
    controlKey: control.key,
    srm,
    metrics,
    progress,
    recommendation: recommend({ metrics, srm, progress, controlKey: control.key, settings: s }),
  };
  if (!anyOk) {
    result.reason =
      metrics.find((m) => m.reason !== undefined)?.reason ??
      insufficient("missing-data", "no metric has data to analyse").reason;
  }
  return result;
}
