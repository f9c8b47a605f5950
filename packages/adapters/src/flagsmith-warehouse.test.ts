/**
 * Results from Flagsmith's own events table, on three real engines: the same simulated Flagsmith-shaped events give
 * the same sufficient statistics on ClickHouse (chDB, Flagsmith's DDL), DuckDB, PostgreSQL and the TypeScript
 * reference, and Flagsmith's own results query agrees on the four Flagsmith kinds. BigQuery and Snowflake have no
 * engine here: their SQL is checked as text (sql-dialect.test.ts).
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { shareClickHouseSession } from "../test-support/clickhouse-session";
import { expectSameStats } from "../test-support/expect-same-stats";
import {
  anonymousExposures,
  GENERATED_EVENT_NAMES,
  generateFlagsmithEvents,
  withoutExactDuplicates,
} from "../test-support/flagsmith-events";
import {
  flagsmithResultsParams,
  flagsmithResultsQuery,
  readFlagsmithResults,
} from "../test-support/flagsmith-results-query";
import {
  loadFlagsmithEventsIntoClickHouse,
  loadFlagsmithEventsIntoDuckDb,
  loadFlagsmithEventsIntoPostgres,
} from "../test-support/load-events";
import { AdapterError } from "./adapter-error";
import { createDuckDbNodeQuery } from "./duckdb-node";
import type { Experiment } from "./experiment";
import type { MetricStatsRequest } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import { createPostgresQuery } from "./postgres";
import { aggregateFlagsmithMetricStats, assignFlagsmithExposedIdentities } from "./reference-aggregation";
import { createSqlWarehouse, type SqlQueryFunction, type SqlWarehouseOptions } from "./sql-warehouse";
import type { FlagsmithEvent } from "./warehouse-event";

const ENVIRONMENT = "env-production";
const FLAG_NAME = "checkout_button";
const launchedAt = "2026-03-02T09:30:00.000Z";
const stoppedAt = "2026-03-16T17:45:00.000Z";

const experiment: Experiment = {
  id: "exp-flagsmith",
  name: "Checkout button",
  hypothesis: "A bolder button sells more.",
  startDate: "2026-03-02",
  endDate: "2026-03-20",
  flagId: "4711",
  flagName: FLAG_NAME,
  environmentKey: ENVIRONMENT,
  variations: [
    { key: "control", name: "Control", value: "blue", isControl: true },
    { key: "Variant_1", name: "Green", value: "green", isControl: false },
    { key: "Variant_2", name: "Orange", value: "orange", isControl: false },
  ],
  metrics: [{ metricId: "purchased", role: "primary" }],
  segmentId: null,
  rolloutPercentage: 100,
  weights: { control: 34, Variant_1: 33, Variant_2: 33 },
  status: "stopped",
  revision: 3,
  launchedAt,
  stoppedAt,
};

const { purchase, pageView, loadTime } = GENERATED_EVENT_NAMES;
const metric = (id: string, kind: MetricDefinition["kind"], eventName: string, extra: Partial<MetricDefinition> = {}) =>
  ({ id, name: id, kind, eventName, direction: "increase", ...extra }) as MetricDefinition;
/** Flagsmith's four kinds, then the kit's ratio. */
const flagsmithMetrics = [
  metric("purchased", "occurrence", purchase),
  metric("page-views", "count", pageView),
  metric("revenue", "sum", purchase),
  metric("average-order", "mean", purchase),
];
const metrics = [
  ...flagsmithMetrics,
  metric("load-time", "mean", loadTime),
  metric("load-per-view", "ratio", loadTime, { denominatorEventName: pageView }),
];

const window = { start: new Date(launchedAt), end: new Date(stoppedAt) };
const generated = {
  seed: 20260302,
  identities: 2500,
  environmentKey: ENVIRONMENT,
  otherEnvironmentKeys: ["env-staging", "env-development"],
  featureName: FLAG_NAME,
  variants: ["control", "Variant_1", "Variant_2"],
  ...window,
};
/** At-least-once delivery: 6 % of events arrive twice. */
const events: FlagsmithEvent[] = [
  ...generateFlagsmithEvents({ ...generated, duplicateShare: 0.06 }),
  ...anonymousExposures(generated),
];
/**
 * What Flagsmith's query can be compared with: no exact duplicates (it counts them twice) and no exposures without
 * an identifier (it would count them all as one identity, '').
 */
const comparable = withoutExactDuplicates(events.filter((e) => e.identifier !== null && e.identifier !== ""));

const requests: MetricStatsRequest[] = [
  { experiment, metrics, granularity: "total" },
  { experiment, metrics, granularity: "day" },
];

const clickhouse = shareClickHouseSession();
const database = `flagsmith_${process.pid}`;
const comparableDatabase = `flagsmith_comparable_${process.pid}`;

const warehouseOn = (
  dialect: SqlWarehouseOptions["dialect"],
  query: SqlQueryFunction,
  eventsTable: string,
  extra: Partial<SqlWarehouseOptions> = {},
) => createSqlWarehouse({ dialect, query, eventsTable, schema: "flagsmith", environmentKey: ENVIRONMENT, ...extra });

describe("Flagsmith's events table on ClickHouse, DuckDB and PostgreSQL", { timeout: 60_000 }, () => {
  let duckInstance: DuckDBInstance;
  let duck: DuckDBConnection;
  let pool: pg.Pool;
  let schema: string;
  const engines: Record<string, () => ReturnType<typeof warehouseOn>> = {};

  beforeAll(async () => {
    await loadFlagsmithEventsIntoClickHouse(clickhouse, database, events);
    await loadFlagsmithEventsIntoClickHouse(clickhouse, comparableDatabase, comparable);
    duckInstance = await DuckDBInstance.create(":memory:");
    duck = await DuckDBConnection.create(duckInstance);
    await loadFlagsmithEventsIntoDuckDb(duck, "events", events);
    pool = new pg.Pool({ connectionString: inject("postgresUrl"), max: 2 });
    schema = `flagsmith_${process.pid}_${Date.now()}`;
    await pool.query(`CREATE SCHEMA ${schema}`);
    await loadFlagsmithEventsIntoPostgres(pool, `${schema}.events`, events);
    engines.ClickHouse = () => warehouseOn("clickhouse", clickhouse.query, `${database}.events`);
    engines.DuckDB = () => warehouseOn("duckdb", createDuckDbNodeQuery(duck), "events");
    engines.PostgreSQL = () => warehouseOn("postgres", createPostgresQuery(pool), `${schema}.events`);
  }, 180_000);

  afterAll(async () => {
    await clickhouse.exec(`DROP DATABASE IF EXISTS ${database}`);
    await clickhouse.exec(`DROP DATABASE IF EXISTS ${comparableDatabase}`);
    duck?.closeSync();
    duckInstance?.closeSync();
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
  });

  it("the simulated data has what real Flagsmith data has", () => {
    const environments = new Set(events.map((e) => e.environmentKey));
    expect([...environments].sort()).toEqual(["env-development", "env-production", "env-staging"]);
    expect(events.length - withoutExactDuplicates(events).length).toBeGreaterThan(500); // exact duplicates
    const values = new Set(events.filter((e) => e.event === purchase).map((e) => e.value));
    expect(values.has("gift-card") && values.has("") && values.has(null)).toBe(true);
    expect(events.some((e) => e.identifier === null)).toBe(true);
    expect(events.some((e) => e.timestamp.getTime() === window.start.getTime())).toBe(true);
    expect(events.some((e) => e.timestamp.getTime() === window.end.getTime())).toBe(true);
    const { assigned, excludedMultipleVariations } = assignFlagsmithExposedIdentities(events, experiment);
    expect(assigned.size).toBeGreaterThan(2000);
    expect(excludedMultipleVariations).toBeGreaterThan(30);
    // The staging environment serves other variants to the same identities: mixing it in would exclude them.
    const mixed = assignFlagsmithExposedIdentities(
      events.map((e) => ({ ...e, environmentKey: ENVIRONMENT })),
      experiment,
    );
    expect(mixed.excludedMultipleVariations).toBeGreaterThan(excludedMultipleVariations);
  });

  for (const request of requests) {
    for (const engine of ["ClickHouse", "DuckDB", "PostgreSQL"]) {
      it(`${engine} gives the TypeScript reference's statistics — ${request.granularity}`, async () => {
        const rows = await engines[engine]?.().fetchMetricStats(request);
        expectSameStats(rows ?? [], aggregateFlagsmithMetricStats(events, request));
      });
    }
  }

  it("daily rows start on the launch day, end on the last day with data, and end at the totals", async () => {
    const daily = await engines.ClickHouse?.().fetchMetricStats(requests[1] as MetricStatsRequest);
    const totals = await engines.ClickHouse?.().fetchMetricStats(requests[0] as MetricStatsRequest);
    const revenue = daily?.filter((r) => r.metricId === "revenue" && r.variationKey === "Variant_1") ?? [];
    expect(revenue[0]?.date).toBe("2026-03-02");
    expect(revenue.at(-1)?.date).toBe("2026-03-16");
    const total = totals?.find((r) => r.metricId === "revenue" && r.variationKey === "Variant_1");
    const last = revenue.at(-1);
    expect(last && total).toBeTruthy();
    if (last && total) expectSameStats([{ ...last, date: undefined }], [total]);
  });

  it("counts the same exposures and exclusions on every engine", async () => {
    const { assigned, excludedMultipleVariations } = assignFlagsmithExposedIdentities(events, experiment);
    for (const engine of Object.values(engines)) {
      const summary = await engine().fetchExposureSummary({ experiment });
      expect(summary.excludedMultipleVariations).toBe(excludedMultipleVariations);
      expect(Object.values(summary.exposures).reduce((a, b) => a + b, 0)).toBe(assigned.size);
    }
  });

  it("equals Flagsmith's own results query on the four Flagsmith kinds (data without exact duplicates)", async () => {
    const warehouse = warehouseOn("clickhouse", clickhouse.query, `${comparableDatabase}.events`);
    const kit = await warehouse.fetchMetricStats({ experiment, metrics: flagsmithMetrics, granularity: "total" });
    const result = await clickhouse.session.queryBindAsync(
      flagsmithResultsQuery(
        `${comparableDatabase}.events`,
        flagsmithMetrics.map((m) => m.kind as "occurrence" | "count" | "sum" | "mean"),
      ),
      flagsmithResultsParams({
        environmentKey: ENVIRONMENT,
        featureName: FLAG_NAME,
        windowStart: window.start,
        windowEnd: window.end,
        events: flagsmithMetrics.map((m) => m.eventName),
      }),
      { format: "JSONEachRow" },
    );
    const flagsmith = readFlagsmithResults(
      result
        .text()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
      flagsmithMetrics.length,
    );
    expect(flagsmith.map((row) => row.variant).sort()).toEqual(["Variant_1", "Variant_2", "control"]);
    for (const row of flagsmith) {
      flagsmithMetrics.forEach((m, i) => {
        const stats = kit.find((r) => r.metricId === m.id && r.variationKey === row.variant)?.stats;
        const expected = row.metrics[i];
        expect(stats?.n, `${m.id}/${row.variant} n`).toBe(row.n);
        expect(Math.abs((stats?.sum ?? Number.NaN) - (expected?.sum ?? 0))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected?.sum ?? 0)),
        );
        const squares = stats && "sumSquares" in stats ? stats.sumSquares : stats?.sum; // occurrence: y² = y
        expect(Math.abs((squares ?? Number.NaN) - (expected?.sumSquares ?? 0))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected?.sumSquares ?? 0)),
        );
      });
    }
  });

  it("counts an exactly repeated event once (Flagsmith's query counts it twice)", async () => {
    const request: MetricStatsRequest = { experiment, metrics, granularity: "total" };
    const withDuplicates = await engines.ClickHouse?.().fetchMetricStats(request);
    const withoutDuplicates = await warehouseOn(
      "clickhouse",
      clickhouse.query,
      `${comparableDatabase}.events`,
    ).fetchMetricStats(request);
    expectSameStats(withDuplicates ?? [], withoutDuplicates);
    const flagsmithCount = async (table: string) => {
      const result = await clickhouse.session.queryBindAsync(
        flagsmithResultsQuery(table, ["count"]),
        flagsmithResultsParams({
          environmentKey: ENVIRONMENT,
          featureName: FLAG_NAME,
          windowStart: window.start,
          windowEnd: window.end,
          events: [pageView],
        }),
        { format: "JSONEachRow" },
      );
      const rows = readFlagsmithResults(
        result
          .text()
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line)),
        1,
      );
      return rows.reduce((total, row) => total + (row.metrics[0]?.sum ?? 0), 0);
    };
    expect(await flagsmithCount(`${database}.events`)).toBeGreaterThan(
      await flagsmithCount(`${comparableDatabase}.events`),
    );
  });

  it("never counts an exposure without an identity as an identity", async () => {
    const anonymous = anonymousExposures(generated);
    const duckOnly = await DuckDBInstance.create(":memory:");
    const connection = await DuckDBConnection.create(duckOnly);
    try {
      await loadFlagsmithEventsIntoDuckDb(connection, "events", anonymous);
      const rows = await warehouseOn("duckdb", createDuckDbNodeQuery(connection), "events").fetchMetricStats({
        experiment,
        metrics: flagsmithMetrics,
        granularity: "total",
      });
      expect(rows.every((row) => row.stats.n === 0)).toBe(true);
    } finally {
      connection.closeSync();
      duckOnly.closeSync();
    }
  });

  it("refuses to mix environments: the flagsmith schema needs one, and it must be the experiment's", async () => {
    let calls = 0;
    const query: SqlQueryFunction = async () => {
      calls += 1;
      return [];
    };
    const noEnvironment = createSqlWarehouse({ dialect: "clickhouse", query, schema: "flagsmith" });
    const error = await noEnvironment
      .fetchMetricStats({ experiment: { ...experiment, environmentKey: "" }, metrics, granularity: "total" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).kind).toBe("invalid-request");
    expect((error as AdapterError).message).toMatch(/environment/);
    const other = createSqlWarehouse({
      dialect: "clickhouse",
      query,
      schema: "flagsmith",
      environmentKey: "env-staging",
    });
    const mismatch = await other.fetchMetricStats(requests[0] as MetricStatsRequest).catch((e: unknown) => e);
    expect((mismatch as AdapterError).kind).toBe("invalid-request");
    expect(calls).toBe(0);
  });
});
