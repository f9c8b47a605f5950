import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { shareClickHouseSession } from "../test-support/clickhouse-session";
import { expectSameStats } from "../test-support/expect-same-stats";
import { loadKitEventsIntoClickHouse } from "../test-support/load-events";
import { type DuckDbNodeWarehouse, openDuckDbNodeWarehouse } from "./duckdb-node";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import type { MetricStatsRequest } from "./host-adapters";
import { createPostgresQuery, loadEventsIntoPostgres } from "./postgres";
import { aggregateMetricStats, assignExposedIdentities } from "./reference-aggregation";
import { createSqlWarehouse } from "./sql-warehouse";
import { simulateTraffic } from "./traffic-simulator";
import { EXPOSURE_EVENT_NAME, type WarehouseEvent } from "./warehouse-event";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by test/postgres-global-setup.ts. */
    postgresUrl: string;
  }
}

/** Not launched: the window is the planned dates (docs/warehouse-sql.md), whose edges the cases below sit on. */
const experiment: Experiment = {
  ...(demoExperiments[0] as Experiment),
  startDate: "2026-03-02",
  endDate: "2026-03-15",
  launchedAt: undefined,
};

const simulated = simulateTraffic({
  seed: 7,
  identities: 2500,
  flagId: experiment.flagId,
  startDate: experiment.startDate,
  endDate: experiment.endDate,
  weights: experiment.weights,
  multipleExposureShare: 0.03,
  preExposureDays: 7,
  events: [
    { eventName: "purchase", probability: 0.12, value: { mean: 40, sd: 18 }, effects: { green: { probability: 0.2 } } },
    { eventName: "add_to_cart", probability: 0.35, eventsPerActiveIdentity: 2.5 },
    {
      eventName: "page_view",
      probability: 0.9,
      eventsPerActiveIdentity: 4,
      value: { mean: 850, sd: 200, decimals: 0 },
    },
    { eventName: "support_ticket", probability: 0.04 },
  ],
});

const at = (iso: string) => new Date(iso);
const row = (identityKey: string, eventName: string, timestamp: string, extra: Partial<WarehouseEvent> = {}) => ({
  identityKey,
  eventName,
  value: null,
  timestamp: at(timestamp),
  flagId: null,
  variantKey: null,
  ...extra,
});
/** Edge cases the rules of docs/warehouse-sql.md decide: each of these must be handled identically everywhere. */
const edgeCases: WarehouseEvent[] = [
  // exposed before the window, then inside it: the first exposure *inside* the window counts
  row("edge-early", EXPOSURE_EVENT_NAME, "2026-03-01T23:59:59.999Z", { flagId: "checkout-cta", variantKey: "orange" }),
  row("edge-early", EXPOSURE_EVENT_NAME, "2026-03-03T10:00:00Z", { flagId: "checkout-cta", variantKey: "green" }),
  row("edge-early", "purchase", "2026-03-03T09:59:59Z", { value: 99 }), // before exposure: only the covariate
  row("edge-early", "purchase", "2026-03-03T10:00:00Z", { value: 10 }), // at exposure: counts
  row("edge-early", "purchase", "2026-03-16T00:00:00Z", { value: 500 }), // after the window: ignored
  // exposed at the very end of the window
  row("edge-late", EXPOSURE_EVENT_NAME, "2026-03-15T23:59:59.999Z", { flagId: "checkout-cta", variantKey: "control" }),
  // exposed after the window: not in the experiment
  row("edge-after", EXPOSURE_EVENT_NAME, "2026-03-16T00:00:00Z", { flagId: "checkout-cta", variantKey: "control" }),
  row("edge-after", "purchase", "2026-03-16T01:00:00Z", { value: 5 }),
  // another flag and an unknown variation do not count
  row("edge-other", EXPOSURE_EVENT_NAME, "2026-03-05T00:00:00Z", { flagId: "pricing-layout", variantKey: "control" }),
  row("edge-other", EXPOSURE_EVENT_NAME, "2026-03-05T00:00:00Z", { flagId: "checkout-cta", variantKey: "purple" }),
  // a purchase without a value counts for conversion and adds 0 revenue
  row("edge-null", EXPOSURE_EVENT_NAME, "2026-03-04T08:00:00Z", { flagId: "checkout-cta", variantKey: "green" }),
  row("edge-null", "purchase", "2026-03-04T09:00:00Z"),
  // a value with characters that would break naive SQL
  row("o'brien; DROP TABLE events; --", EXPOSURE_EVENT_NAME, "2026-03-06T08:00:00Z", {
    flagId: "checkout-cta",
    variantKey: "control",
  }),
  row("o'brien; DROP TABLE events; --", "add_to_cart", "2026-03-07T08:00:00Z"),
];
const events = [...simulated, ...edgeCases];

const requests: MetricStatsRequest[] = [
  { experiment, metrics: demoMetrics, granularity: "total" },
  { experiment, metrics: demoMetrics, granularity: "day" },
];

const clickhouse = shareClickHouseSession();
const clickhouseTable = `kit_events_${process.pid}`;

describe("warehouse SQL gives the reference statistics on real engines", { timeout: 30_000 }, () => {
  let duck: DuckDbNodeWarehouse;
  let pool: pg.Pool;
  let schema: string;

  beforeAll(async () => {
    duck = await openDuckDbNodeWarehouse();
    await duck.loadEvents(events);
    pool = new pg.Pool({ connectionString: inject("postgresUrl"), max: 2 });
    schema = `adapters_${process.pid}_${Date.now()}`;
    await pool.query(`CREATE SCHEMA ${schema}`);
    await loadEventsIntoPostgres(pool, events, { eventsTable: `${schema}.events` });
    await loadKitEventsIntoClickHouse(clickhouse, clickhouseTable, events);
  }, 120_000);

  afterAll(async () => {
    duck?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
  });

  it("sanity: the simulated data exercises exclusions and zeros", () => {
    const { assigned, excludedMultipleVariations } = assignExposedIdentities(events, experiment);
    expect(assigned.size).toBeGreaterThan(2000);
    expect(excludedMultipleVariations).toBeGreaterThan(20);
    const totals = aggregateMetricStats(events, requests[0] as MetricStatsRequest);
    const conversion = totals.find((r) => r.metricId === "conversion" && r.variationKey === "control")?.stats;
    expect(conversion?.kind).toBe("proportion");
    expect(conversion && conversion.sum < conversion.n).toBe(true);
  });

  for (const request of requests) {
    it(`DuckDB (node-api) matches the TypeScript reference — ${request.granularity}`, async () => {
      expectSameStats(await duck.warehouse.fetchMetricStats(request), aggregateMetricStats(events, request));
    });

    it(`PostgreSQL matches the TypeScript reference — ${request.granularity}`, async () => {
      const warehouse = createSqlWarehouse({
        dialect: "postgres",
        query: createPostgresQuery(pool),
        eventsTable: `${schema}.events`,
      });
      expectSameStats(await warehouse.fetchMetricStats(request), aggregateMetricStats(events, request));
    });

    it(`ClickHouse matches the TypeScript reference — ${request.granularity}`, async () => {
      const warehouse = createSqlWarehouse({
        dialect: "clickhouse",
        query: clickhouse.query,
        eventsTable: clickhouseTable,
      });
      expectSameStats(await warehouse.fetchMetricStats(request), aggregateMetricStats(events, request));
    });

    it(`with a CUPED covariate, DuckDB, PostgreSQL and ClickHouse match the reference — ${request.granularity}`, async () => {
      const covariate = { preExposureDays: 7 };
      const reference = aggregateMetricStats(events, request, { covariate });
      const duckdb = createSqlWarehouse({ dialect: "duckdb", query: duck.query, covariate });
      const postgres = createSqlWarehouse({
        dialect: "postgres",
        query: createPostgresQuery(pool),
        eventsTable: `${schema}.events`,
        covariate,
      });
      const clickhouseWarehouse = createSqlWarehouse({
        dialect: "clickhouse",
        query: clickhouse.query,
        eventsTable: clickhouseTable,
        covariate,
      });
      expectSameStats(await duckdb.fetchMetricStats(request), reference);
      expectSameStats(await postgres.fetchMetricStats(request), reference);
      expectSameStats(await clickhouseWarehouse.fetchMetricStats(request), reference);
      const withCovariate = reference.find((r) => r.metricId === "revenue-per-user")?.stats;
      expect(withCovariate && "covariate" in withCovariate && withCovariate.covariate?.sum).toBeGreaterThan(0);
    });
  }

  it("an experiment before 1970 (negative epoch times) gives the reference statistics on DuckDB and ClickHouse", async () => {
    // 60 years of whole days earlier: the same days of the week, the same edges.
    const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
    const days = -365 * 60;
    const early: Experiment = {
      ...experiment,
      startDate: shift(`${experiment.startDate}T00:00:00Z`, days).slice(0, 10),
      endDate: shift(`${experiment.endDate}T00:00:00Z`, days).slice(0, 10),
    };
    expect(early.endDate < "1970-01-01").toBe(true);
    const earlyEvents = events.map((e) => ({ ...e, timestamp: new Date(e.timestamp.getTime() + days * 86_400_000) }));
    const earlyDuck = await openDuckDbNodeWarehouse();
    const earlyTable = `${clickhouseTable}_early`;
    try {
      await earlyDuck.loadEvents(earlyEvents);
      await loadKitEventsIntoClickHouse(clickhouse, earlyTable, earlyEvents);
      const clickhouseWarehouse = createSqlWarehouse({
        dialect: "clickhouse",
        query: clickhouse.query,
        eventsTable: earlyTable,
      });
      for (const granularity of ["total", "day"] as const) {
        const request = { experiment: early, metrics: demoMetrics, granularity };
        const reference = aggregateMetricStats(earlyEvents, request);
        expect(reference.some((r) => r.stats.n > 0)).toBe(true);
        expectSameStats(await earlyDuck.warehouse.fetchMetricStats(request), reference);
        expectSameStats(await clickhouseWarehouse.fetchMetricStats(request), reference);
      }
    } finally {
      earlyDuck.close();
      await clickhouse.exec(`DROP TABLE IF EXISTS ${earlyTable}`);
    }
  });

  it("daily rows are cumulative and the last day equals the totals", async () => {
    const daily = await duck.warehouse.fetchMetricStats(requests[1] as MetricStatsRequest);
    const totals = await duck.warehouse.fetchMetricStats(requests[0] as MetricStatsRequest);
    const control = daily.filter((r) => r.metricId === "add-to-cart" && r.variationKey === "control");
    expect(control.map((r) => r.date)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
      "2026-03-13",
      "2026-03-14",
      "2026-03-15",
    ]);
    const ns = control.map((r) => r.stats.n);
    expect([...ns].sort((a, b) => a - b)).toEqual(ns);
    const total = totals.find((r) => r.metricId === "add-to-cart" && r.variationKey === "control");
    expect(control.at(-1)?.stats).toEqual(total?.stats);
  });

  it("counts identities excluded for seeing several variations, identically on both engines", async () => {
    const { assigned, excludedMultipleVariations } = assignExposedIdentities(events, experiment);
    const postgres = createSqlWarehouse({
      dialect: "postgres",
      query: createPostgresQuery(pool),
      eventsTable: `${schema}.events`,
    });
    const fromDuck = await duck.warehouse.fetchExposureSummary({ experiment });
    const fromPostgres = await postgres.fetchExposureSummary({ experiment });
    expect(fromDuck).toEqual(fromPostgres);
    expect(fromDuck.excludedMultipleVariations).toBe(excludedMultipleVariations);
    expect(Object.values(fromDuck.exposures).reduce((a, b) => a + b, 0)).toBe(assigned.size);
  });

  it("tests the connection, and reports a missing table in words", async () => {
    expect(await duck.warehouse.testConnection()).toEqual({ ok: true, message: "Read the events table “events”." });
    const missing = createSqlWarehouse({ dialect: "postgres", query: createPostgresQuery(pool), eventsTable: "nope" });
    const result = await missing.testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Could not read the events table “nope”: relation "nope" does not exist/);
  });

  it("keeps hostile values inert: they are bound parameters", async () => {
    const hostile: Experiment = {
      ...experiment,
      flagId: "checkout-cta' OR '1'='1",
    };
    const rows = await duck.warehouse.fetchMetricStats({
      experiment: hostile,
      metrics: demoMetrics,
      granularity: "total",
    });
    expect(rows.every((r) => r.stats.n === 0)).toBe(true);
    const metric = {
      ...(demoMetrics[3] as (typeof demoMetrics)[number]),
      eventName: "add_to_cart'); DROP TABLE events; --",
    };
    const pgWarehouse = createSqlWarehouse({
      dialect: "postgres",
      query: createPostgresQuery(pool),
      eventsTable: `${schema}.events`,
    });
    const [first] = await pgWarehouse.fetchMetricStats({ experiment, metrics: [metric], granularity: "total" });
    expect(first?.stats).toMatchObject({ kind: "mean", sum: 0 });
    expect(first?.stats.n).toBeGreaterThan(0);
    const count = await pool.query(`SELECT COUNT(*)::int AS n FROM ${schema}.events`);
    expect(count.rows[0].n).toBe(events.length);
    expect(await duck.query("SELECT COUNT(*) AS n FROM events", [])).toEqual([{ n: BigInt(events.length) }]);
  });
});
