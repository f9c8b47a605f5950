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
import {
  aggregateFlagsmithMetricStats,
  assignFlagsmithExposedIdentities,
  numberFromText,
} from "./reference-aggregation";
import { sqlDialects } from "./sql-dialect";
import { createSqlWarehouse, type SqlQueryFunction, type SqlWarehouseOptions } from "./sql-warehouse";
import type { FlagsmithEvent } from "./warehouse-event";

// Every answer is UTC whatever the process's time zone: run this file in one far from UTC.
process.env.TZ = "Asia/Kolkata";

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

  it("reads a value as a number only where it is one, identically on every engine and in TypeScript", async () => {
    const texts = [
      "12",
      "12.50",
      "-3",
      "+4",
      ".5",
      "5.",
      "1e3",
      "1E-2",
      "1.e5",
      "+.5",
      "00012",
      "-0",
      "0",
      "",
      "gift-card",
      " 12",
      "12 ",
      "1,5",
      "1_000",
      "0x1A",
      "12abc",
      "1.2.3",
      "e5",
      "5e",
      "inf",
      "-inf",
      "nan",
      "Infinity",
      "1e400",
      "٣",
    ];
    const expected = texts.map(numberFromText);
    expect(expected.slice(0, 13)).toEqual([12, 12.5, -3, 4, 0.5, 5, 1000, 0.01, 100000, 0.5, 12, -0, 0]);
    expect(expected.slice(13).every((n) => n === 0)).toBe(true);
    const list = (placeholder: (i: number) => string) => texts.map((_, i) => placeholder(i + 1)).join(", ");
    const read = async (query: SqlQueryFunction, sql: string) =>
      (await query(sql, texts)).map((row) => Number(Object.values(row)[1]));
    const duckdbValues = await read(
      createDuckDbNodeQuery(duck),
      `SELECT i, ${sqlDialects.duckdb.numberFromText("v")} AS n FROM (SELECT unnest([${list((i) => `$${i}`)}]) AS v, unnest(range(${texts.length})) AS i) ORDER BY i`,
    );
    const postgresValues = await read(
      createPostgresQuery(pool),
      `SELECT i, ${sqlDialects.postgres.numberFromText("v")} AS n FROM unnest(ARRAY[${list((i) => `$${i}::text`)}]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
    );
    const clickhouseValues = await read(
      clickhouse.query,
      `SELECT i, ${sqlDialects.clickhouse.numberFromText("v")} AS n FROM (SELECT arrayJoin(arrayEnumerate([${list((i) => `{p${i}:String}`)}])) AS i, [${list((i) => `{p${i}:String}`)}][i] AS v) ORDER BY i`,
    );
    for (const values of [duckdbValues, postgresValues, clickhouseValues]) {
      expect(values.map((n) => (Object.is(n, -0) ? 0 : n))).toEqual(expected.map((n) => (Object.is(n, -0) ? 0 : n)));
    }
  });

  it("a TIMESTAMPTZ column gives the same answer in any session time zone", async () => {
    const request: MetricStatsRequest = { experiment, metrics, granularity: "day" };
    const expected = aggregateFlagsmithMetricStats(events, request);
    const zones = ["America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"];
    const zoned = await DuckDBInstance.create(":memory:");
    const connection = await DuckDBConnection.create(zoned);
    const client = new pg.Client({ connectionString: inject("postgresUrl") });
    await client.connect();
    try {
      await loadFlagsmithEventsIntoDuckDb(connection, "events_tz", events, { timestampType: "timestamptz" });
      await loadFlagsmithEventsIntoPostgres(client, `${schema}.events_tz`, events, { timestampType: "timestamptz" });
      for (const zone of zones) {
        await connection.run(`SET TimeZone = '${zone}'`);
        await client.query(`SET TIME ZONE '${zone}'`);
        const duckRows = await warehouseOn("duckdb", createDuckDbNodeQuery(connection), "events_tz").fetchMetricStats(
          request,
        );
        const pgRows = await warehouseOn(
          "postgres",
          createPostgresQuery(client),
          `${schema}.events_tz`,
        ).fetchMetricStats(request);
        expectSameStats(duckRows, expected);
        expectSameStats(pgRows, expected);
      }
      // ClickHouse's DateTime64 is an instant; its session time zone only changes how it is shown.
      for (const zone of zones) {
        const query: SqlQueryFunction = (sql, params) =>
          clickhouse.query(
            `${sql}
SETTINGS session_timezone = '${zone}'`,
            params,
          );
        expectSameStats(
          await warehouseOn("clickhouse", query, `${database}.events`).fetchMetricStats(request),
          expected,
        );
      }
    } finally {
      connection.closeSync();
      zoned.closeSync();
      await client.end();
    }
  });

  it("reports an engine's refusal as a query error, not a network one", async () => {
    const engines = [
      createSqlWarehouse({
        dialect: "clickhouse",
        query: clickhouse.query,
        eventsTable: `${database}.missing`,
        schema: "flagsmith",
        environmentKey: ENVIRONMENT,
      }),
      createSqlWarehouse({
        dialect: "duckdb",
        query: createDuckDbNodeQuery(duck),
        eventsTable: "missing",
        schema: "flagsmith",
        environmentKey: ENVIRONMENT,
      }),
      createSqlWarehouse({
        dialect: "postgres",
        query: createPostgresQuery(pool),
        eventsTable: `${schema}.missing`,
        schema: "flagsmith",
        environmentKey: ENVIRONMENT,
      }),
    ];
    for (const warehouse of engines) {
      const error = await warehouse.fetchMetricStats(requests[0] as MetricStatsRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdapterError);
      expect((error as AdapterError).kind).toBe("query");
      expect((error as AdapterError).retryable).toBe(false);
      expect((error as AdapterError).message).toMatch(/missing/);
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
