import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario } from "./analysis-fixtures";
import { buildTrendData, nearestDateIndex } from "./trend-series";

describe("buildTrendData", () => {
  it("has a series per variation for values and per treatment for lift, with bands", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    const metric = analysis.metrics[0];
    if (!metric) throw new Error("no metric");
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
