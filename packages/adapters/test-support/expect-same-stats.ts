import { expect } from "vitest";
import type { MetricStatsRow } from "../src/stats-types";

/**
 * Asserts two lists of `MetricStatsRow`s are the same rows with the same statistics, to a relative 1e-9: engines
 * add floating-point values in different orders, so sums of decimals agree to about 1e-15, never exactly.
 */
export function expectSameStats(actual: readonly MetricStatsRow[], expected: readonly MetricStatsRow[]): void {
  expect(actual.map((r) => [r.metricId, r.variationKey, r.date])).toEqual(
    expected.map((r) => [r.metricId, r.variationKey, r.date]),
  );
  actual.forEach((row, i) => {
    const want = expected[i]?.stats as unknown as Record<string, unknown>;
    const check = (got: Record<string, unknown>, ref: Record<string, unknown>, path: string) => {
      expect(Object.keys(got).sort(), path).toEqual(Object.keys(ref).sort());
      for (const [key, value] of Object.entries(ref)) {
        if (typeof value === "number") {
          const g = got[key] as number;
          expect(Math.abs(g - value), `${path}.${key}: ${g} vs ${value}`).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(value)),
          );
        } else if (typeof value === "object" && value !== null) {
          check(got[key] as Record<string, unknown>, value as Record<string, unknown>, `${path}.${key}`);
        } else expect(got[key], `${path}.${key}`).toEqual(value);
      }
    };
    check(
      row.stats as unknown as Record<string, unknown>,
      want,
      `${row.metricId}/${row.variationKey}/${row.date ?? "total"}`,
    );
  });
}
