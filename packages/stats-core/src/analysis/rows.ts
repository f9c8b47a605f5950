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

/** metricId → its daily statistics. Rows without a string `date` are skipped. */
export function dailyByMetric(rows: unknown[]): Map<string, DailyStats> {
  const out = new Map<string, DailyStats>();
  for (const row of rows) {
    if (!isRow(row)) continue;
    const { date } = row;
    if (typeof date !== "string") continue;
    let daily = out.get(row.metricId);
    if (daily === undefined) {
      daily = { dates: [], byDate: new Map() };
      out.set(row.metricId, daily);
    }
    let byVariation = daily.byDate.get(date);
    if (byVariation === undefined) {
      byVariation = new Map();
      daily.byDate.set(date, byVariation);
      daily.dates.push(date);
    }
    if (!byVariation.has(row.variationKey)) byVariation.set(row.variationKey, row.stats);
  }
  for (const daily of out.values()) daily.dates.sort();
  return out;
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
