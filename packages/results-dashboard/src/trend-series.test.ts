import type { MetricAnalysis } from "@flagsmith-experimentation/stats-core";
import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario, fourVariationsScenario } from "./analysis-fixtures";
import { buildTrendData, hasDailyView, nearestDateIndex, quantile } from "./trend-series";

function firstMetric(scenario = clearWinnerScenario()) {
  const analysis = analyzeScenario(scenario);
  const metric = analysis.metrics[0];
  if (!metric) throw new Error("no metric");
  return { scenario, metric };
}

describe("buildTrendData", () => {
  it("has a series per variation for values and per treatment for lift, with bands", () => {
    const { metric } = firstMetric();
    const values = buildTrendData(metric, "values");
    expect(values.series.map((series) => series.variationKey)).toEqual(["control", "green"]);
    expect(values.dates).toHaveLength(21);
    const lift = buildTrendData(metric, "lift");
    expect(lift.series.map((series) => series.slot)).toEqual([2]);
    const last = lift.series[0]?.points.at(-1);
    expect(last?.low).toBeLessThan(last?.value ?? 0);
    expect(last?.high).toBeGreaterThan(last?.value ?? 0);
    expect(lift.extent?.[0]).toBeLessThanOrEqual(0);
  });

  it("starts the lift on the first day every variation has the minimum sample", () => {
    const { metric } = firstMetric(); // 1,000 users per arm per day
    const lift = buildTrendData(metric, "lift", { minimumSample: 2_500 });
    expect(lift.liftStartsOn).toBe("2026-03-04");
    expect(lift.dates[0]).toBe("2026-03-04");
    expect(lift.dates).toHaveLength(19);
    const none = buildTrendData(metric, "lift", { minimumSample: 1e9 });
    expect(none.liftStartsOn).toBeUndefined();
    expect(none.series.every((series) => series.points.length === 0)).toBe(true);
    expect(none.smallestArm).toBe(21_000);
  });

  it("fits the axis to the lines and the bands' robust range, and says when wide early bands are cut", () => {
    const { metric } = firstMetric();
    // Make the first three days' intervals absurdly wide, as tiny early samples do.
    const wild: MetricAnalysis = {
      ...metric,
      timeSeries: metric.timeSeries.map((series) => ({
        ...series,
        points: series.points.map((point, index) =>
          point.lift && index < 3 ? { ...point, lift: { ...point.lift, ci: [-10, 30] as [number, number] } } : point,
        ),
      })),
    };
    const data = buildTrendData(wild, "lift", { minimumSample: 0 });
    expect(data.clipped).toBe(true);
    const [low, high] = data.extent ?? [0, 0];
    expect(low).toBeGreaterThan(-1);
    expect(high).toBeLessThan(1);
    for (const point of data.series[0]?.points ?? []) {
      expect(point.value).toBeGreaterThanOrEqual(low);
      expect(point.value).toBeLessThanOrEqual(high);
    }
    expect(buildTrendData(metric, "lift").clipped).toBe(false);
  });

  it("turns cumulative rows into each day's own value: increments per exposed user, or the day's own ratio", () => {
    const { scenario, metric } = firstMetric();
    expect(hasDailyView(metric, scenario.daily)).toBe(true);
    expect(hasDailyView({ kind: "mean" }, scenario.daily)).toBe(false);
    expect(hasDailyView(metric, undefined)).toBe(false);
    const daily = buildTrendData(metric, "daily", { daily: scenario.daily });
    const control = scenario.daily.filter((row) => row.metricId === "conversion" && row.variationKey === "control");
    const [first, second] = control;
    if (!first || !second || first.stats.kind === "ratio" || second.stats.kind === "ratio") throw new Error("rows");
    const points = daily.series[0]?.points ?? [];
    expect(points[0]?.value).toBeCloseTo(first.stats.sum / first.stats.n, 12);
    expect(points[1]?.value).toBeCloseTo((second.stats.sum - first.stats.sum) / second.stats.n, 12);
    const load = analyzeScenario(scenario).metrics.find((candidate) => candidate.kind === "ratio");
    if (!load) throw new Error("no ratio metric");
    const ratioRows = scenario.daily.filter((row) => row.metricId === load.metricId && row.variationKey === "control");
    const [r1, r2] = ratioRows;
    if (r1?.stats.kind !== "ratio" || r2?.stats.kind !== "ratio") throw new Error("rows");
    const ratio = buildTrendData(load, "daily", { daily: scenario.daily }).series[0]?.points ?? [];
    expect(ratio[1]?.value).toBeCloseTo(
      (r2.stats.sum - r1.stats.sum) / (r2.stats.denominatorSum - r1.stats.denominatorSum),
      12,
    );
  });

  it("keeps colour slots stable per variation", () => {
    const { metric } = firstMetric(fourVariationsScenario());
    expect(buildTrendData(metric, "values").series.map((series) => series.slot)).toEqual([1, 2, 3, 4]);
    expect(buildTrendData(metric, "lift").series.map((series) => series.slot)).toEqual([2, 3, 4]);
  });
});

describe("quantile", () => {
  it("interpolates and ignores non-finite values", () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, Number.NaN, 3], 1)).toBe(3);
    expect(quantile([], 0.5)).toBeUndefined();
  });
});

describe("nearestDateIndex", () => {
  const dates = ["2026-03-01", "2026-03-02", "2026-03-05"];
  it("finds the closest day", () => {
    expect(nearestDateIndex(dates, Date.parse("2026-03-01T20:00:00Z"))).toBe(1);
    expect(nearestDateIndex(dates, Date.parse("2026-03-03T00:00:00Z"))).toBe(1);
    expect(nearestDateIndex(dates, Date.parse("2026-03-04T12:00:00Z"))).toBe(2);
    expect(nearestDateIndex(dates, Date.parse("2020-01-01T00:00:00Z"))).toBe(0);
    expect(nearestDateIndex([], 0)).toBe(-1);
  });
});
