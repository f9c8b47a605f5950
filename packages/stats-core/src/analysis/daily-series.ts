/**
 * Per metric, one series per variation over the daily (cumulative) rows: the value and, for treatments, the
 * lift with the engine's interval — the confidence sequence when `sequential` is on, for both engines, since a
 * daily series is a sequence of looks. One pass over the dates, sorted once when the metric's rows are grouped.
 * A metric's series is computed when first read: the dashboard draws one metric at a time, so opening the
 * results does not pay for the other metrics' daily intervals.
 */
import { effectOf } from "../effect";
import type { AnalysisMetric, AnalysisVariation, LiftPoint, MetricAnalysis, VariationTimeSeries } from "../types";
import { type Arm, armOf, isValid, type Lineup } from "./arms";
import { excludesZero, intervalAt } from "./intervals";
import { type DatedRow, dailyStatsOf } from "./rows";
import type { Settings } from "./settings";

function unitsOf(arm: Arm): number {
  const n = arm.stats?.n;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
}

function pointOf(date: string, arm: Arm, control: Arm | null, s: Settings): LiftPoint {
  if (!isValid(arm)) return { date, status: arm.failure.status, n: unitsOf(arm), value: 0, lift: null };
  const point: LiftPoint = { date, status: "ok", n: arm.moments.n, value: arm.moments.mean, lift: null };
  if (control === null || !isValid(control)) return point;
  const effect = effectOf(control.stats, arm.stats, control.moments, arm.moments, s.difference);
  if ("reason" in effect) return { ...point, status: effect.status };
  const ci = intervalAt(effect, s.alpha, s, true);
  point.lift = { estimate: effect.estimate, ci, significant: excludesZero(ci) };
  return point;
}

function seriesOf(variation: AnalysisVariation): VariationTimeSeries {
  return { variationKey: variation.key, isControl: variation.isControl, points: [] };
}

/** The series, control first, from the metric's daily rows. */
function timeSeriesOf(metric: AnalysisMetric, lineup: Lineup, rows: DatedRow[], s: Settings): VariationTimeSeries[] {
  const daily = dailyStatsOf(rows);
  const controlSeries = seriesOf(lineup.control);
  const treatmentSeries = lineup.treatments.map((variation) => ({ variation, series: seriesOf(variation) }));
  for (const date of daily.dates) {
    const byVariation = daily.byDate.get(date);
    const control = armOf(metric, lineup.control, byVariation);
    controlSeries.points.push(pointOf(date, control, null, s));
    for (const { variation, series } of treatmentSeries) {
      series.points.push(pointOf(date, armOf(metric, variation, byVariation), control, s));
    }
  }
  return [controlSeries, ...treatmentSeries.map(({ series }) => series)];
}

/**
 * Gives `analysis` its `timeSeries`: empty without daily rows, else computed from `rows` on first read and kept
 * (an enumerable property like any other to spread, JSON or structured cloning, which read it; assigning
 * replaces it). The rows are read then, so they must not change in between: treat the input as immutable.
 */
export function attachTimeSeries(
  analysis: MetricAnalysis,
  metric: AnalysisMetric,
  lineup: Lineup,
  rows: DatedRow[] | undefined,
  s: Settings,
): void {
  if (rows === undefined) {
    analysis.timeSeries = [];
    return;
  }
  let series: VariationTimeSeries[] | undefined;
  Object.defineProperty(analysis, "timeSeries", {
    configurable: true,
    enumerable: true,
    get: () => {
      series ??= timeSeriesOf(metric, lineup, rows, s);
      return series;
    },
    set: (value: VariationTimeSeries[]) => {
      series = value;
    },
  });
}
