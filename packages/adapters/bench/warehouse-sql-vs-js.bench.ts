/**
 * Warehouse benchmark on Flagsmith's events table: 1M identities (≈ 10M events), 5 metrics, the same table on DuckDB
 * and on chDB (ClickHouse). Per engine it prints a floor — one `GROUP BY identifier` pass computing a count and a
 * sum, the least any per-identity statistic costs — the kit's totals and daily queries with their ratio to the floor,
 * and pulling the raw rows into JavaScript to aggregate there, with its ratio to the kit's totals.
 * Targets: totals ≤ 3× floor, daily ≤ 6× floor, raw rows ≥ 20× kit totals. Prints figures only, no assertions.
 * `BENCH_IDENTITIES=200000` for a quicker run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, it } from "vitest";
import { createDuckDbNodeQuery } from "../src/duckdb-node";
import type { Experiment } from "../src/experiment";
import type { MetricDefinition } from "../src/metric-definition";
import { numberFromText } from "../src/reference-aggregation";
import { type SqlDialectName, sqlDialects } from "../src/sql-dialect";
import { createSqlWarehouse, type SqlQueryFunction } from "../src/sql-warehouse";
import type { MetricStatsRow } from "../src/stats-types";
import { EXPOSURE_EVENT_NAME, experimentWindow } from "../src/warehouse-event";
import { shareClickHouseSession } from "../test-support/clickhouse-session";
import {
  flagsmithClickHouseDdl,
  GENERATED_EVENT_NAMES,
  generateFlagsmithEvents,
} from "../test-support/flagsmith-events";
import { loadFlagsmithEventsIntoDuckDb } from "../test-support/load-events";

const identities = Number(process.env.BENCH_IDENTITIES ?? 1_000_000);
const ENVIRONMENT = "env-production";
const { purchase, pageView, loadTime } = GENERATED_EVENT_NAMES;

const experiment: Experiment = {
  id: "bench",
  name: "Checkout button",
  hypothesis: "",
  startDate: "2026-03-02",
  endDate: "2026-03-29",
  flagId: "1",
  flagName: "checkout_button",
  environmentKey: ENVIRONMENT,
  variations: [
    { key: "control", name: "Control", value: "a", isControl: true },
    { key: "Variant_1", name: "B", value: "b", isControl: false },
    { key: "Variant_2", name: "C", value: "c", isControl: false },
  ],
  metrics: [],
  segmentId: null,
  rolloutPercentage: 100,
  weights: { control: 34, Variant_1: 33, Variant_2: 33 },
  status: "stopped",
  revision: 1,
  launchedAt: "2026-03-02T00:00:00.000Z",
  stoppedAt: "2026-03-30T00:00:00.000Z",
};
const metric = (id: string, kind: MetricDefinition["kind"], eventName: string, extra: Partial<MetricDefinition> = {}) =>
  ({ id, name: id, kind, eventName, direction: "increase", ...extra }) as MetricDefinition;
const metrics: MetricDefinition[] = [
  metric("purchased", "occurrence", purchase),
  metric("revenue", "sum", purchase),
  metric("average-order", "mean", purchase),
  metric("page-views", "count", pageView),
  metric("load-per-view", "ratio", loadTime, { denominatorEventName: pageView }),
];

const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** Median of three runs after one warm-up. */
async function median<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await run();
  const runs = [await time(run), await time(run), await time(run)].sort((a, b) => a.ms - b.ms);
  return runs[1] as { ms: number; value: T };
}

/** The floor: one pass grouping the environment's events by identifier, counting them and summing their values. */
function floorQuery(dialect: SqlDialectName, table: string) {
  const d = sqlDialects[dialect];
  const environment = dialect === "clickhouse" ? "{p1:String}" : "$1";
  return `SELECT COUNT(*) AS identities, SUM(c) AS events, SUM(s) AS total FROM (
  SELECT identifier, COUNT(*) AS c, SUM(${d.numberFromText("value")}) AS s
  FROM ${table} WHERE environment_key = ${environment}
  GROUP BY identifier
) AS per_identity`;
}

const clickhouse = shareClickHouseSession();
const directory = mkdtempSync(join(tmpdir(), "fx-bench-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it(`warehouse SQL on Flagsmith's events — ${identities.toLocaleString("en")} identities`, async () => {
  print(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (2 cores)`,
  );
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await DuckDBConnection.create(instance);
  const window = experimentWindow(experiment);
  const load = await time(() =>
    loadFlagsmithEventsIntoDuckDb(
      connection,
      "events",
      generateFlagsmithEvents({
        seed: 42,
        identities,
        environmentKey: ENVIRONMENT,
        otherEnvironmentKeys: ["env-staging"],
        featureName: experiment.flagName,
        variants: experiment.variations.map((v) => v.key),
        start: new Date(window.start),
        end: new Date(window.end),
        duplicateShare: 0.01,
        pageViewsPerIdentity: 4.5,
        edgeCases: false,
      }),
    ),
  );
  print(
    `events: ${load.value.toLocaleString("en")} for ${identities.toLocaleString("en")} identities, ${metrics.length} metrics`,
  );
  print(`simulate + load into DuckDB: ${seconds(load.ms)}`);

  // The same rows into chDB, through a Parquet file, into Flagsmith's own ClickHouse table.
  const parquet = join(directory, "events.parquet");
  await connection.run(`COPY events TO '${parquet}' (FORMAT parquet)`);
  await clickhouse.exec(flagsmithClickHouseDdl("bench"));
  const copy = await time(() =>
    clickhouse.exec(`INSERT INTO bench.events (environment_key, event, feature_name, timestamp, collected_at, identifier, value, traits, metadata, sdk_language, sdk_version)
SELECT environment_key, event, ifNull(feature_name, ''), timestamp, timestamp, ifNull(identifier, ''), ifNull(value, ''), '', '', 'javascript', '10.0.0'
FROM file('${parquet}', Parquet)`),
  );
  print(`copy into chDB (Flagsmith's DDL, MergeTree): ${seconds(copy.ms)}`);
  await clickhouse.exec("OPTIMIZE TABLE bench.events FINAL");

  const engines: { name: string; dialect: SqlDialectName; table: string; query: SqlQueryFunction }[] = [
    { name: "DuckDB", dialect: "duckdb", table: "events", query: createDuckDbNodeQuery(connection) },
    { name: "chDB", dialect: "clickhouse", table: "bench.events", query: clickhouse.query },
  ];
  const totals: Record<string, MetricStatsRow[]> = {};
  for (const engine of engines) {
    const warehouse = createSqlWarehouse({
      dialect: engine.dialect,
      query: engine.query,
      eventsTable: engine.table,
      schema: "flagsmith",
      environmentKey: ENVIRONMENT,
    });
    const floor = await median(() => engine.query(floorQuery(engine.dialect, engine.table), [ENVIRONMENT]));
    const kitTotals = await median(() => warehouse.fetchMetricStats({ experiment, metrics, granularity: "total" }));
    const kitDaily = await median(() => warehouse.fetchMetricStats({ experiment, metrics, granularity: "day" }));
    totals[engine.name] = kitTotals.value;
    print(`${engine.name}: floor (GROUP BY identifier, count + sum): ${seconds(floor.ms)}`);
    print(
      `${engine.name}: kit totals: ${seconds(kitTotals.ms)} = ${ratio(kitTotals.ms, floor.ms)} floor (target ≤ 3×) → ${kitTotals.value.length} rows, ${Buffer.byteLength(JSON.stringify(kitTotals.value)).toLocaleString("en")} bytes JSON`,
    );
    print(
      `${engine.name}: kit daily: ${seconds(kitDaily.ms)} = ${ratio(kitDaily.ms, floor.ms)} floor (target ≤ 6×) → ${kitDaily.value.length} rows`,
    );
    if (engine.name === "DuckDB") {
      const raw = await time(() => aggregateRawRowsInJs(connection));
      const same = sameStats(kitTotals.value, raw.value.rows);
      print(
        `DuckDB: raw rows into JS + aggregate: ${seconds(raw.ms)} = ${ratio(raw.ms, kitTotals.ms)} kit totals (target ≥ 20×), ${raw.value.pulledRows.toLocaleString("en")} rows pulled; same statistics: ${same ? "yes" : "NO"}`,
      );
    }
  }
  print(`same statistics on DuckDB and chDB: ${sameStats(totals.DuckDB ?? [], totals.chDB ?? []) ? "yes" : "NO"}`);
  print(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  await clickhouse.exec("DROP DATABASE IF EXISTS bench");
  connection.closeSync();
  instance.closeSync();
});

function sameStats(a: readonly MetricStatsRow[], b: readonly MetricStatsRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row) => {
      const other = b.find((r) => r.metricId === row.metricId && r.variationKey === row.variationKey);
      return (
        other !== undefined &&
        Object.entries(row.stats).every(([key, value]) =>
          typeof value === "number"
            ? Math.abs(value - Number((other.stats as Record<string, unknown>)[key])) <=
              1e-6 * Math.max(1, Math.abs(value))
            : true,
        )
      );
    })
  );
}

/**
 * The baseline: stream the environment's raw exposure and metric rows out of DuckDB and compute the same totals in
 * plain JavaScript (first exposure, exclusions, de-duplication, numeric text), as an app without warehouse SQL would.
 */
async function aggregateRawRowsInJs(connection: DuckDBConnection) {
  const { start, end } = experimentWindow(experiment);
  const iso = (t: number) => new Date(t).toISOString().replace("T", " ").replace("Z", "");
  let pulledRows = 0;
  const first = new Map<string, { t: number; key: string; many: boolean }>();
  const keys = new Set(experiment.variations.map((v) => v.key));
  const exposures = await connection.stream(
    `SELECT identifier, value, epoch_ms("timestamp") AS t FROM events
     WHERE environment_key = $1 AND event = $2 AND feature_name = $3
       AND "timestamp" >= CAST($4 AS TIMESTAMP) AND "timestamp" < CAST($5 AS TIMESTAMP)`,
    [ENVIRONMENT, EXPOSURE_EVENT_NAME, experiment.flagName, iso(start), iso(end)],
  );
  for await (const rows of exposures.yieldRowsJs()) {
    for (const [identity, key, t] of rows as [string | null, string | null, number | bigint][]) {
      pulledRows += 1;
      if (!identity) continue;
      const at = Number(t);
      const seen = first.get(identity);
      if (!seen) first.set(identity, { t: at, key: key ?? "", many: false });
      else {
        if (seen.key !== (key ?? "")) seen.many = true;
        if (at < seen.t) seen.t = at;
      }
    }
  }
  const names = [purchase, pageView, loadTime];
  const perIdentity = new Map<string, Float64Array>(); // per event name: count, sum
  const seenEvents = new Set<string>();
  const metricEvents = await connection.stream(
    `SELECT identifier, event, value, epoch_ms("timestamp") AS t FROM events
     WHERE environment_key = $1 AND event IN ($2, $3, $4)
       AND "timestamp" >= CAST($5 AS TIMESTAMP) AND "timestamp" < CAST($6 AS TIMESTAMP)`,
    [ENVIRONMENT, ...names, iso(start), iso(end)],
  );
  for await (const rows of metricEvents.yieldRowsJs()) {
    for (const [identity, name, value, t] of rows as [string | null, string, string | null, number | bigint][]) {
      pulledRows += 1;
      if (!identity) continue;
      const exposure = first.get(identity);
      if (!exposure || exposure.many || !keys.has(exposure.key) || Number(t) < exposure.t) continue;
      const key = `${identity}\u0000${name}\u0000${t}\u0000${value}`;
      if (seenEvents.has(key)) continue;
      seenEvents.add(key);
      let acc = perIdentity.get(identity);
      if (!acc) {
        acc = new Float64Array(names.length * 2);
        perIdentity.set(identity, acc);
      }
      const j = names.indexOf(name as (typeof names)[number]);
      acc[j * 2] = (acc[j * 2] ?? 0) + 1;
      acc[j * 2 + 1] = (acc[j * 2 + 1] ?? 0) + numberFromText(value);
    }
  }
  const result: MetricStatsRow[] = [];
  for (const m of metrics) {
    const j = names.indexOf(m.eventName as (typeof names)[number]);
    const dj = m.denominatorEventName ? names.indexOf(m.denominatorEventName as (typeof names)[number]) : -1;
    for (const key of keys) {
      let n = 0;
      let sum = 0;
      let sumSquares = 0;
      let den = 0;
      let denSq = 0;
      let cross = 0;
      for (const [identity, exposure] of first) {
        if (exposure.many || exposure.key !== key) continue;
        n += 1;
        const acc = perIdentity.get(identity);
        const count = acc?.[j * 2] ?? 0;
        const total = acc?.[j * 2 + 1] ?? 0;
        const y = {
          occurrence: count > 0 ? 1 : 0,
          count,
          sum: total,
          mean: count > 0 ? total / count : 0,
          ratio: total,
        }[m.kind];
        const d = dj >= 0 ? (acc?.[dj * 2] ?? 0) : 0;
        sum += y;
        sumSquares += y * y;
        den += d;
        denSq += d * d;
        cross += y * d;
      }
      const stats: MetricStatsRow["stats"] =
        m.kind === "occurrence"
          ? { kind: "proportion", n, sum }
          : m.kind === "ratio"
            ? { kind: "ratio", n, sum, sumSquares, denominatorSum: den, denominatorSumSquares: denSq, crossSum: cross }
            : { kind: "mean", n, sum, sumSquares };
      result.push({ metricId: m.id, variationKey: key, stats });
    }
  }
  return { rows: result, pulledRows };
}
