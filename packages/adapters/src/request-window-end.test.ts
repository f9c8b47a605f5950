import { describe, expect, it } from "vitest";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import { createInMemoryAdapters } from "./in-memory-adapters";
import { createSqlWarehouse } from "./sql-warehouse";
import { simulateTraffic } from "./traffic-simulator";

/** Launched and still running: its window ends "now", which the request's `now` sets when given. */
const running: Experiment = {
  ...(demoExperiments[0] as Experiment),
  status: "running",
  launchedAt: "2026-03-02T00:00:00.000Z",
  stoppedAt: undefined,
};
const metrics = demoMetrics.filter((metric) => running.metrics.some((entry) => entry.metricId === metric.id));
const early = new Date("2026-03-05T12:00:00.000Z");
const late = new Date("2026-03-12T12:00:00.000Z");

/** A SQL warehouse whose query function records the bound parameters and answers nothing. */
function recordingWarehouse(clock: Date) {
  const params: unknown[][] = [];
  const warehouse = createSqlWarehouse({
    dialect: "duckdb",
    now: () => clock,
    query: async (_sql, bound) => {
      params.push(bound);
      return [];
    },
  });
  return { warehouse, params };
}

describe("a request's `now` ends a running experiment's window instead of the warehouse's clock", () => {
  it("in the SQL warehouse: metric statistics and the exposure summary", async () => {
    const byClock = recordingWarehouse(early);
    await byClock.warehouse.fetchMetricStats({ experiment: running, metrics, granularity: "day" });
    await byClock.warehouse.fetchExposureSummary?.({ experiment: running });
    const byRequest = recordingWarehouse(late);
    await byRequest.warehouse.fetchMetricStats({ experiment: running, metrics, granularity: "day", now: early });
    await byRequest.warehouse.fetchExposureSummary?.({ experiment: running, now: early });
    expect(byRequest.params).toEqual(byClock.params);
    const byLateClock = recordingWarehouse(late);
    await byLateClock.warehouse.fetchMetricStats({ experiment: running, metrics, granularity: "day" });
    expect(byLateClock.params[0]).not.toEqual(byClock.params[0]);
  });

  it("in the in-memory reference warehouse", async () => {
    const events = simulateTraffic({
      seed: 3,
      identities: 400,
      flagId: running.flagId,
      startDate: "2026-03-02",
      endDate: "2026-03-14",
      weights: running.weights,
      events: [{ eventName: "purchase", probability: 0.2, value: { mean: 30, sd: 10 } }],
    });
    const world = { experiments: [running], metrics, events };
    const byClock = createInMemoryAdapters({ ...world, aggregation: { now: early } }).warehouse;
    const byRequest = createInMemoryAdapters({ ...world, aggregation: { now: late } }).warehouse;
    const request = { experiment: running, metrics, granularity: "total" } as const;
    const expected = await byClock.fetchMetricStats(request);
    expect(await byRequest.fetchMetricStats({ ...request, now: early })).toEqual(expected);
    expect(await byRequest.fetchMetricStats(request)).not.toEqual(expected);
    expect(await byRequest.fetchExposureSummary?.({ experiment: running, now: early })).toEqual(
      await byClock.fetchExposureSummary?.({ experiment: running }),
    );
  });
});
