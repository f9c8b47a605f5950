/**
 * Warehouse benchmark on Flagsmith's events table: 1M identities (≈ 10M events), 5 metrics, the same table on DuckDB
 * and on chDB (ClickHouse). Per engine it prints a floor — one `GROUP BY identifier` pass computing a count and a
 * sum, the least any per-identity statistic costs — the kit's totals and daily queries with their ratio to the floor,
 * and pulling the raw rows into JavaScript to aggregate there, with its ratio to the kit's totals.
 * Targets: totals ≤ 3× floor, daily ≤ 6× floor, raw rows ≥ 20× kit totals; each ratio is printed with its target
 * and "met" or "missed". Prints figures only, no assertions.
 *
 * The machine may be shared: floor, totals and daily run in turns (one warm-up turn, then `BENCH_ROUNDS`, default
 * 5), each figure is the median, and both clocks are printed — wall time, and the CPU time of this process (both
 * engines run in it), which another process's load disturbs far less — with the load average before and after.
 * `BENCH_IDENTITIES=200000` for a quicker run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
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

const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 5));
const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Wall-clock and CPU milliseconds of one run (CPU: every thread of this process, where both engines run). */
interface Timing {
  wall: number;
  cpu: number;
}

async function time<T>(run: () => Promise<T>): Promise<Timing & { value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000, value };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Runs each query once to warm up, then `rounds` turns of all of them one after the other (so that a change in the
 * machine's load falls on all of them alike); per query the median wall and CPU times and its last result.
 */
async function alternating<K extends string>(
  runs: Record<K, () => Promise<unknown>>,
): Promise<Record<K, Timing & { value: unknown }>> {
  const names = Object.keys(runs) as K[];
  for (const name of names) await runs[name]();
  const timings = Object.fromEntries(names.map((name) => [name, [] as (Timing & { value: unknown })[]])) as Record<
    K,
    (Timing & { value: unknown })[]
  >;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) timings[name].push(await time(runs[name]));
  }
  return Object.fromEntries(
    names.map((name) => {
      const all = timings[name];
      return [
        name,
        { wall: median(all.map((t) => t.wall)), cpu: median(all.map((t) => t.cpu)), value: all.at(-1)?.value },
      ];
    }),
  ) as Record<K, Timing & { value: unknown }>;
}

/** `4.2× (target ≤ 3×: missed)`. */
function against(ratio: number, target: { at: "most" | "least"; times: number }): string {
  const met = target.at === "most" ? ratio <= target.times : ratio >= target.times;
  return `${ratio.toFixed(1)}× (target ${target.at === "most" ? "≤" : "≥"} ${target.times}×: ${met ? "met" : "missed"})`;
}

/** A query's times and its ratios to a baseline's, wall and CPU, each against the target. */
function versus(query: Timing, baseline: Timing, target: { at: "most" | "least"; times: number }): string {
  return `wall ${seconds(query.wall)} = ${against(query.wall / baseline.wall, target)}, CPU ${seconds(query.cpu)} = ${against(query.cpu / baseline.cpu, target)}`;
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
  print(`load average before: ${load()} (${availableParallelism()} cores)`);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await DuckDBConnection.create(instance);
  const window = experimentWindow(experiment);
  const loaded = await time(() =>
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
    `events: ${loaded.value.toLocaleString("en")} for ${identities.toLocaleString("en")} identities, ${metrics.length} metrics`,
  );
  print(`simulate + load into DuckDB: ${seconds(loaded.wall)}`);

  // The same rows into chDB, through a Parquet file, into Flagsmith's own ClickHouse table.
  const parquet = join(directory, "events.parquet");
  await connection.run(`COPY events TO '${parquet}' (FORMAT parquet)`);
  await clickhouse.exec(flagsmithClickHouseDdl("bench"));
  const copy = await time(() =>
    clickhouse.exec(`INSERT INTO bench.events (environment_key, event, feature_name, timestamp, collected_at, identifier, value, traits, metadata, sdk_language, sdk_version)
SELECT environment_key, event, ifNull(feature_name, ''), timestamp, timestamp, ifNull(identifier, ''), ifNull(value, ''), '', '', 'javascript', '10.0.0'
FROM file('${parquet}', Parquet)`),
  );
  print(`copy into chDB (Flagsmith's DDL, MergeTree): ${seconds(copy.wall)}`);
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
    print(`${engine.name}: load average before: ${load()}`);
    const measured = await alternating({
      floor: () => engine.query(floorQuery(engine.dialect, engine.table), [ENVIRONMENT]),
      totals: () => warehouse.fetchMetricStats({ experiment, metrics, granularity: "total" }),
      daily: () => warehouse.fetchMetricStats({ experiment, metrics, granularity: "day" }),
    });
    const { floor } = measured;
    const kitTotals = measured.totals.value as MetricStatsRow[];
    const kitDaily = measured.daily.value as MetricStatsRow[];
    totals[engine.name] = kitTotals;
    print(
      `${engine.name}: floor (GROUP BY identifier, count + sum): wall ${seconds(floor.wall)}, CPU ${seconds(floor.cpu)} (medians of ${rounds}, run in turns with the kit's queries)`,
    );
    print(
      `${engine.name}: kit totals: ${versus(measured.totals, floor, { at: "most", times: 3 })} → ${kitTotals.length} rows, ${Buffer.byteLength(JSON.stringify(kitTotals)).toLocaleString("en")} bytes JSON`,
    );
    print(
      `${engine.name}: kit daily: ${versus(measured.daily, floor, { at: "most", times: 6 })} → ${kitDaily.length} rows`,
    );
    print(`${engine.name}: load average after: ${load()}`);
    if (engine.name === "DuckDB") {
      const raw = await time(() => aggregateRawRowsInJs(connection));
      const same = sameStats(kitTotals, raw.value.rows);
      print(
        `DuckDB: raw rows into JS + aggregate (once): ${versus(raw, measured.totals, { at: "least", times: 20 })} kit totals, ${raw.value.pulledRows.toLocaleString("en")} rows pulled; same statistics: ${same ? "yes" : "NO"}`,
      );
    }
  }
  print(`same statistics on DuckDB and chDB: ${sameStats(totals.DuckDB ?? [], totals.chDB ?? []) ? "yes" : "NO"}`);
  print(`load average after: ${load()}`);
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
