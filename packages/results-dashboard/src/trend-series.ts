import type { MetricAnalysis } from "@flagsmith-experimentation/stats-core";
import { isFiniteNumber } from "@flagsmith-experimentation/ui";

export type TrendView = "values" | "lift";

export interface TrendPoint {
  date: string;
  /** Milliseconds since the epoch at 00:00 UTC of `date`. */
  time: number;
  value: number;
  low?: number;
  high?: number;
}

export interface TrendSeries {
  variationKey: string;
  name: string;
  isControl: boolean;
  /** 1-based colour slot (`--color-chart-N`), stable per variation across views. */
  slot: number;
  points: TrendPoint[];
}

export interface TrendData {
  series: TrendSeries[];
  /** Every date that has a point, ascending. */
  dates: string[];
  /** Finite y extent over values and bands; null when there is nothing to plot. */
  extent: [number, number] | null;
}

function timeOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The lines to draw for one metric: in the values view one per variation (control included); in the lift view
 * one per treatment with its (sequential) interval band. Points that are not valid are left out, never drawn as 0.
 */
export function buildTrendData(metric: MetricAnalysis, view: TrendView): TrendData {
  const names = new Map(metric.variations.map((variation) => [variation.variationKey, variation.name]));
  const order = metric.variations.map((variation) => variation.variationKey);
  const series: TrendSeries[] = [];
  const dates = new Set<string>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const timeSeries of metric.timeSeries) {
    if (view === "lift" && timeSeries.isControl) continue;
    const slotIndex = order.indexOf(timeSeries.variationKey);
    const points: TrendPoint[] = [];
    for (const point of timeSeries.points) {
      const time = timeOf(point.date);
      if (!Number.isFinite(time)) continue;
      if (view === "values") {
        if (point.n <= 0 || point.status === "invalid-input" || !isFiniteNumber(point.value)) continue;
        points.push({ date: point.date, time, value: point.value });
        min = Math.min(min, point.value);
        max = Math.max(max, point.value);
      } else {
        const lift = point.lift;
        if (!lift || !isFiniteNumber(lift.estimate)) continue;
        const entry: TrendPoint = { date: point.date, time, value: lift.estimate };
        if (isFiniteNumber(lift.ci[0]) && isFiniteNumber(lift.ci[1])) {
          entry.low = lift.ci[0];
          entry.high = lift.ci[1];
          min = Math.min(min, lift.ci[0]);
          max = Math.max(max, lift.ci[1]);
        }
        points.push(entry);
        min = Math.min(min, lift.estimate, 0);
        max = Math.max(max, lift.estimate, 0);
      }
      dates.add(point.date);
    }
    points.sort((a, b) => a.time - b.time);
    series.push({
      variationKey: timeSeries.variationKey,
      name: names.get(timeSeries.variationKey) ?? timeSeries.variationKey,
      isControl: timeSeries.isControl,
      slot: (slotIndex < 0 ? series.length : slotIndex) + 1,
      points,
    });
  }
  series.sort((a, b) => a.slot - b.slot);
  return {
    series,
    dates: [...dates].sort(),
    extent: Number.isFinite(min) && Number.isFinite(max) ? [min, max] : null,
  };
}

/** Index of the date nearest to `time` in ascending `dates` (binary search). */
export function nearestDateIndex(dates: readonly string[], time: number): number {
  if (dates.length === 0) return -1;
  let lo = 0;
  let hi = dates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeOf(dates[mid] ?? "") < time) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(timeOf(dates[lo - 1] ?? "") - time) <= Math.abs(timeOf(dates[lo] ?? "") - time)) return lo - 1;
  return lo;
}
