import type { MetricAnalysis, MetricStatsRow } from "@flagsmith-experimentation/stats-core";
import { isFiniteNumber } from "@flagsmith-experimentation/ui";

/**
 * What the trend chart plots: each variation's value cumulated from the start (`values`, what the warehouse
 * returns), each day's own value (`daily`), or each treatment's lift with its interval band (`lift`).
 */
export type TrendView = "values" | "daily" | "lift";

/** Users every variation needs on a day before the lift is drawn from that day on (earlier lifts are noise). */
export const DEFAULT_LIFT_MINIMUM_SAMPLE = 100;

/**
 * A band wider than this many times the median band is left out of the lift axis' range and cut at the axis: the
 * first days' intervals, from tiny samples, can be a hundred times wider than the rest (a sample that merely grows
 * over 20 days narrows its band about 4.5 times, which stays in view).
 */
const BAND_WIDTH_LIMIT = 4;

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
  /** The y axis: every line, zero (lift), and the interval bands' robust range; null when there is nothing to plot. */
  extent: [number, number] | null;
  /** Lift view: interval-band ends lie beyond `extent` (they are cut at the axis; the data table has them). */
  clipped: boolean;
  /** Lift view: the first day every variation had the minimum sample (undefined: none has yet). */
  liftStartsOn?: string;
  /** Lift view: the smallest variation's users on the last day (how far the minimum is). */
  smallestArm: number;
}

export interface TrendOptions {
  /** Lift view: users per variation before the lift is drawn. Default {@link DEFAULT_LIFT_MINIMUM_SAMPLE}. */
  minimumSample?: number;
  /** Daily view: the warehouse's cumulative daily rows for this metric (each day's value is their increment). */
  daily?: readonly MetricStatsRow[];
}

/** A calendar day `YYYY-MM-DD` as the time of its start (00:00 UTC): where the chart plots it. */
export function timeOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The `q` quantile (0–1) of finite values, by linear interpolation; undefined for none. */
export function quantile(values: readonly number[], q: number): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}

/**
 * The range the interval bands may take on the axis: every band no wider than {@link BAND_WIDTH_LIMIT} times the
 * median band; the wider ones (the first days') are cut at the axis. Undefined without bands.
 */
function robustBandRange(bands: readonly (readonly [number, number])[]): [number, number] | undefined {
  const median = quantile(
    bands.map(([low, high]) => high - low),
    0.5,
  );
  if (median === undefined) return undefined;
  const kept = bands.filter(([low, high]) => high - low <= BAND_WIDTH_LIMIT * median);
  if (kept.length === 0) return undefined;
  return [Math.min(...kept.map(([low]) => low)), Math.max(...kept.map(([, high]) => high))];
}

/** The first date on which every variation of the metric has at least `minimum` users; and the smallest arm last. */
function liftStart(metric: MetricAnalysis, minimum: number): { startsOn?: string; smallestArm: number } {
  const smallest = new Map<string, number>();
  for (const series of metric.timeSeries) {
    for (const point of series.points) {
      const n = isFiniteNumber(point.n) ? point.n : 0;
      smallest.set(point.date, Math.min(smallest.get(point.date) ?? Number.POSITIVE_INFINITY, n));
    }
  }
  const arms = metric.timeSeries.length;
  const counted = new Map<string, number>();
  for (const series of metric.timeSeries) {
    for (const point of series.points) counted.set(point.date, (counted.get(point.date) ?? 0) + 1);
  }
  const dates = [...smallest.keys()].sort();
  const last = dates.at(-1);
  const smallestArm = last === undefined ? 0 : (smallest.get(last) ?? 0);
  // A date counts only when every variation has a point that day (a missing arm has no users).
  const startsOn = dates.find((date) => counted.get(date) === arms && (smallest.get(date) ?? 0) >= minimum);
  return startsOn === undefined
    ? { smallestArm }
    : { startsOn, smallestArm: Number.isFinite(smallestArm) ? smallestArm : 0 };
}

/**
 * Each day's own value from cumulative sufficient statistics: the day's increment per exposed user (occurrence,
 * count, sum: new conversions, events or value that day divided by the users exposed so far) or the day's own
 * ratio (numerator and denominator increments). `mean` metrics (an average per user) have no daily increment.
 */
function dailyValues(metric: MetricAnalysis, rows: readonly MetricStatsRow[]): Map<string, TrendPoint[]> {
  const byVariation = new Map<string, MetricStatsRow[]>();
  for (const row of rows) {
    if (row.metricId !== metric.metricId || typeof row.date !== "string") continue;
    const list = byVariation.get(row.variationKey) ?? [];
    list.push(row);
    byVariation.set(row.variationKey, list);
  }
  const result = new Map<string, TrendPoint[]>();
  if (metric.kind === "mean") return result;
  for (const [key, list] of byVariation) {
    list.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
    const points: TrendPoint[] = [];
    let previous: MetricStatsRow["stats"] | undefined;
    for (const row of list) {
      const stats = row.stats;
      const date = row.date ?? "";
      const time = timeOf(date);
      let value: number | undefined;
      if (stats.kind === "ratio") {
        const numerator = stats.sum - (previous?.kind === "ratio" ? previous.sum : 0);
        const denominator = stats.denominatorSum - (previous?.kind === "ratio" ? previous.denominatorSum : 0);
        value = denominator > 0 ? numerator / denominator : undefined;
      } else {
        const increment = stats.sum - (previous && previous.kind !== "ratio" ? previous.sum : 0);
        value = stats.n > 0 ? increment / stats.n : undefined;
      }
      previous = stats;
      if (value !== undefined && isFiniteNumber(value) && Number.isFinite(time)) points.push({ date, time, value });
    }
    result.set(key, points);
  }
  return result;
}

/**
 * The lines to draw for one metric: in the values views one per variation (control included); in the lift view
 * one per treatment with its (sequential) interval band, from the first day every variation has the minimum sample,
 * on an axis that fits every line and the bands' robust range (the widest ends are cut, and `clipped` says so).
 * Points that are not valid are left out, never drawn as 0.
 */
export function buildTrendData(metric: MetricAnalysis, view: TrendView, options: TrendOptions = {}): TrendData {
  const names = new Map(metric.variations.map((variation) => [variation.variationKey, variation.name]));
  const order = metric.variations.map((variation) => variation.variationKey);
  const series: TrendSeries[] = [];
  const dates = new Set<string>();
  const lines: number[] = [];
  const bands: [number, number][] = [];
  const start =
    view === "lift"
      ? liftStart(metric, options.minimumSample ?? DEFAULT_LIFT_MINIMUM_SAMPLE)
      : { startsOn: undefined, smallestArm: 0 };
  const daily = view === "daily" ? dailyValues(metric, options.daily ?? []) : undefined;
  for (const timeSeries of metric.timeSeries) {
    if (view === "lift" && timeSeries.isControl) continue;
    const slotIndex = order.indexOf(timeSeries.variationKey);
    let points: TrendPoint[] = [];
    if (daily) {
      points = daily.get(timeSeries.variationKey) ?? [];
      for (const point of points) lines.push(point.value);
    } else {
      for (const point of timeSeries.points) {
        const time = timeOf(point.date);
        if (!Number.isFinite(time)) continue;
        if (view === "values") {
          if (point.n <= 0 || point.status === "invalid-input" || !isFiniteNumber(point.value)) continue;
          points.push({ date: point.date, time, value: point.value });
          lines.push(point.value);
        } else {
          const lift = point.lift;
          if (!lift || !isFiniteNumber(lift.estimate)) continue;
          if (start.startsOn === undefined || point.date < start.startsOn) continue;
          const entry: TrendPoint = { date: point.date, time, value: lift.estimate };
          if (isFiniteNumber(lift.ci[0]) && isFiniteNumber(lift.ci[1])) {
            entry.low = lift.ci[0];
            entry.high = lift.ci[1];
            bands.push([lift.ci[0], lift.ci[1]]);
          }
          points.push(entry);
          lines.push(lift.estimate);
        }
      }
    }
    for (const point of points) dates.add(point.date);
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
  let extent: [number, number] | null = null;
  let clipped = false;
  if (lines.length > 0) {
    let min = Math.min(...lines);
    let max = Math.max(...lines);
    if (view === "lift") {
      const range = robustBandRange(bands);
      min = Math.min(min, 0, range?.[0] ?? 0);
      max = Math.max(max, 0, range?.[1] ?? 0);
      clipped = bands.some(([low, high]) => low < min || high > max);
    }
    extent = [min, max];
  }
  const data: TrendData = { series, dates: [...dates].sort(), extent, clipped, smallestArm: start.smallestArm };
  if (start.startsOn !== undefined) data.liftStartsOn = start.startsOn;
  return data;
}

/** Whether the daily view can be drawn for a metric (not for averages per user, and only with daily rows). */
export function hasDailyView(metric: Pick<MetricAnalysis, "kind">, daily: readonly MetricStatsRow[] | undefined) {
  return metric.kind !== "mean" && daily !== undefined && daily.length > 0;
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
