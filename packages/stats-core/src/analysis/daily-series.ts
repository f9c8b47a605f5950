/**
 * Per metric, one series per variation over the daily (cumulative) rows: the value and, for treatments, the
 * lift with the engine's interval — the confidence sequence when `sequential` is on, for both engines, since a
 * daily series is a sequence of looks. One pass over the dates, which were sorted once when grouping.
 */
import { effectOf } from "../effect";
import type { AnalysisMetric, AnalysisVariation, LiftPoint, VariationTimeSeries } from "../types";
import { type Arm, armOf, isValid, type Lineup } from "./arms";
import { excludesZero, intervalAt } from "./intervals";
import type { DailyStats } from "./rows";
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

/** The series, control first; empty when the metric has no daily rows. */
export function timeSeriesOf(
  metric: AnalysisMetric,
  lineup: Lineup,
  daily: DailyStats | undefined,
  s: Settings,
): VariationTimeSeries[] {
  if (daily === undefined) return [];
  const controlSeries = seriesOf(lineup.control);
  const treatmentSeries = lineup.treatments.map((variation) => ({ variation, series: seriesOf(variation) }));
  for (const date of daily.dates) {
    const rows = daily.byDate.get(date);
    const control = armOf(metric, lineup.control, rows);
    controlSeries.points.push(pointOf(date, control, null, s));
    for (const { variation, series } of treatmentSeries) {
      series.points.push(pointOf(date, armOf(metric, variation, rows), control, s));
    }
  }
  return [controlSeries, ...treatmentSeries.map(({ series }) => series)];
}
