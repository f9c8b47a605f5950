/**
 * Statistics rows grouped for lookup: one pass over the rows, Maps keyed by the ids (so any string, even
 * `__proto__`, is just a key), and each metric's dates sorted once — linear in the number of rows.
 */
import type { MetricStatsRow, SufficientStats } from "../types";

/** variationKey → statistics. */
export type StatsByVariation = Map<string, SufficientStats>;

/** One metric's daily rows: its dates in ascending order and the statistics per date. */
export type DailyStats = { dates: string[]; byDate: Map<string, StatsByVariation> };

export function isRow(row: unknown): row is MetricStatsRow {
  if (typeof row !== "object" || row === null) return false;
  const { metricId, variationKey, stats } = row as MetricStatsRow;
  return (
    typeof metricId === "string" && typeof variationKey === "string" && typeof stats === "object" && stats !== null
  );
}

/** metricId → variationKey → statistics. The first row for a pair wins; malformed rows are skipped. */
export function totalsByMetric(rows: unknown[]): Map<string, StatsByVariation> {
  const out = new Map<string, StatsByVariation>();
  for (const row of rows) {
    if (!isRow(row)) continue;
    let byVariation = out.get(row.metricId);
    if (byVariation === undefined) {
      byVariation = new Map();
      out.set(row.metricId, byVariation);
    }
    if (!byVariation.has(row.variationKey)) byVariation.set(row.variationKey, row.stats);
  }
  return out;
}

/** A daily row: a statistics row with its date. */
export type DatedRow = MetricStatsRow & { date: string };

/**
 * The daily rows, read in one pass: each metric's rows in input order (grouped by date only when its series is
 * read, by `dailyStatsOf`), how many distinct dates there are, and the rows of the last date in input order.
 */
export type DailyRows = { byMetric: Map<string, DatedRow[]>; dayCount: number; lastDayRows: DatedRow[] };

/** The daily rows of `rows`; rows without a string `date` are skipped. */
export function dailyRowsOf(rows: unknown[]): DailyRows {
  const byMetric = new Map<string, DatedRow[]>();
  const dates = new Set<string>();
  let lastDate = "";
  let lastDayRows: DatedRow[] = [];
  for (const row of rows) {
    if (!isRow(row) || typeof row.date !== "string") continue;
    const dated = row as DatedRow;
    const list = byMetric.get(dated.metricId);
    if (list === undefined) byMetric.set(dated.metricId, [dated]);
    else list.push(dated);
    const { date } = dated;
    dates.add(date);
    if (date > lastDate) {
      lastDate = date;
      lastDayRows = [dated];
    } else if (date === lastDate) {
      lastDayRows.push(dated);
    }
  }
  return { byMetric, dayCount: dates.size, lastDayRows };
}

/** One metric's daily rows by date: dates sorted once; the first row for a date × variation wins. */
export function dailyStatsOf(rows: DatedRow[]): DailyStats {
  const daily: DailyStats = { dates: [], byDate: new Map() };
  for (const { date, variationKey, stats } of rows) {
    let byVariation = daily.byDate.get(date);
    if (byVariation === undefined) {
      byVariation = new Map();
      daily.byDate.set(date, byVariation);
      daily.dates.push(date);
    }
    if (!byVariation.has(variationKey)) byVariation.set(variationKey, stats);
  }
  daily.dates.sort();
  return daily;
}

/** Units per variation: the largest finite n over the given statistics (every unit counts once per metric). */
export function unitsByVariation(keys: string[], groups: Iterable<StatsByVariation>): Map<string, number> {
  const units = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const byVariation of groups) {
    for (const [key, stats] of byVariation) {
      const current = units.get(key);
      const { n } = stats;
      if (current !== undefined && typeof n === "number" && Number.isFinite(n) && n > current) units.set(key, n);
    }
  }
  return units;
}
