/**
 * Warehouse benchmark: sufficient statistics by the generated SQL inside DuckDB, versus pulling the raw rows into
 * JavaScript and aggregating there. Default 1M identities (≈ 10M events), 5 metrics; override with
 * BENCH_IDENTITIES=200000. Prints figures only — no timing assertions.
 */
import { it } from "vitest";
import { openDuckDbNodeWarehouse } from "../src/duckdb-node";
import type { Experiment } from "../src/experiment";
import { demoExperiments, demoMetrics } from "../src/fixtures";
import type { MetricDefinition } from "../src/metric-definition";
import type { MetricStatsRow } from "../src/stats-types";
import { generateTrafficEvents } from "../src/traffic-simulator";
import { EXPOSURE_EVENT_NAME, experimentWindow } from "../src/warehouse-event";

const identities = Number(process.env.BENCH_IDENTITIES ?? 1_000_000);
const experiment = demoExperiments[0] as Experiment;
const metrics = demoMetrics; // conversion, revenue per user, page load time (ratio), add-to-cart count, support rate

const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

it(`generated SQL vs raw rows into JS — ${identities.toLocaleString("en")} identities`, async () => {
  const duck = await openDuckDbNodeWarehouse();
  const load = await time(() =>
    duck.loadEvents(
      generateTrafficEvents({
        seed: 42,
        identities,
        flagId: experiment.flagId,
        startDate: experiment.startDate,
        endDate: experiment.endDate,
        weights: experiment.weights,
        multipleExposureShare: 0.01,
        events: [
          {
            eventName: "purchase",
            probability: 0.08,
            value: { mean: 42, sd: 20 },
            effects: { green: { probability: 0.1 } },
          },
          { eventName: "add_to_cart", probability: 0.3, eventsPerActiveIdentity: 2.2 },
          {
            eventName: "page_view",
            probability: 0.95,
            eventsPerActiveIdentity: 8.7,
            value: { mean: 850, sd: 250, decimals: 0 },
          },
          { eventName: "support_ticket", probability: 0.03 },
        ],
      }),
    ),
  );
  print(
    `events: ${load.value.toLocaleString("en")} for ${identities.toLocaleString("en")} identities, ${metrics.length} metrics`,
  );
  print(`simulate + load into DuckDB (appender): ${seconds(load.ms)}`);

  const totalsRequest = { experiment, metrics, granularity: "total" as const };
  await duck.warehouse.fetchMetricStats(totalsRequest); // warm-up
  const runs: number[] = [];
  let sqlRows: MetricStatsRow[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await time(() => duck.warehouse.fetchMetricStats(totalsRequest));
    runs.push(run.ms);
    sqlRows = run.value;
  }
  const sqlMs = [...runs].sort((a, b) => a - b)[1] ?? 0;
  const daily = await time(() => duck.warehouse.fetchMetricStats({ ...totalsRequest, granularity: "day" }));
  const payload = Buffer.byteLength(JSON.stringify(sqlRows));
  const dailyPayload = Buffer.byteLength(JSON.stringify(daily.value));

  const js = await time(() => aggregateInJs(duck.connection, experiment, metrics));
  const same = sqlRows.every((row) => {
    const other = js.value.rows.find((r) => r.metricId === row.metricId && r.variationKey === row.variationKey);
    return (
      other !== undefined &&
      Object.entries(row.stats).every(([key, value]) =>
        typeof value === "number"
          ? Math.abs(value - Number((other.stats as Record<string, unknown>)[key])) <=
            1e-6 * Math.max(1, Math.abs(value))
          : true,
      )
    );
  });

  print(
    `generated SQL, totals (median of 3): ${seconds(sqlMs)} → ${sqlRows.length} rows, ${payload.toLocaleString("en")} bytes JSON`,
  );
  print(
    `generated SQL, daily cumulative: ${seconds(daily.ms)} → ${daily.value.length} rows, ${dailyPayload.toLocaleString("en")} bytes JSON`,
  );
  print(
    `raw rows into JS + aggregate: ${seconds(js.ms)} → pulled ${js.value.pulledRows.toLocaleString("en")} rows (≈ ${mb(js.value.pulledBytes)} as JSON)`,
  );
  print(`ratio (JS / SQL, totals): ${(js.ms / sqlMs).toFixed(1)}×`);
  print(`same statistics both ways: ${same ? "yes" : "NO"}`);
  duck.close();
});

/** The baseline: stream the raw rows out of DuckDB and compute the same totals in plain JavaScript. */
async function aggregateInJs(
  connection: Awaited<ReturnType<typeof openDuckDbNodeWarehouse>>["connection"],
  exp: Experiment,
  defs: readonly MetricDefinition[],
) {
  const { start, end } = experimentWindow(exp);
  const iso = (t: number) => new Date(t).toISOString().replace("T", " ").replace("Z", "");
  let pulledRows = 0;
  let pulledBytes = 0;
  const first = new Map<string, { t: number; key: string; many: boolean }>();
  const keys = exp.variations.map((v) => v.key);
  const exposures = await connection.stream(
    `SELECT identity_key, variant_key, epoch_ms("timestamp") AS t FROM events
     WHERE event_name = $1 AND flag_id = $2 AND "timestamp" >= CAST($3 AS TIMESTAMP) AND "timestamp" < CAST($4 AS TIMESTAMP)`,
    [EXPOSURE_EVENT_NAME, exp.flagId, iso(start), iso(end)],
  );
  for await (const rows of exposures.yieldRowsJs()) {
    for (const [identity, key, t] of rows as [string, string, number | bigint][]) {
      pulledRows += 1;
      pulledBytes += identity.length + key.length + 40;
      if (!keys.includes(key)) continue;
      const at = Number(t);
      const seen = first.get(identity);
      if (!seen) first.set(identity, { t: at, key, many: false });
      else {
        if (seen.key !== key) seen.many = true;
        if (at < seen.t) seen.t = at;
      }
    }
  }
  const names = [
    ...new Set(defs.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])])),
  ];
  const perIdentity = new Map<string, Float64Array>();
  const slots = defs.length * 2;
  const metricEvents = await connection.stream(
    `SELECT identity_key, event_name, value, epoch_ms("timestamp") AS t FROM events
     WHERE event_name IN (${names.map((_, i) => `$${i + 3}`).join(", ")})
       AND "timestamp" >= CAST($1 AS TIMESTAMP) AND "timestamp" < CAST($2 AS TIMESTAMP)`,
    [iso(start), iso(end), ...names],
  );
  for await (const rows of metricEvents.yieldRowsJs()) {
    for (const [identity, name, value, t] of rows as [string, string, number | null, number | bigint][]) {
      pulledRows += 1;
      pulledBytes += identity.length + name.length + 50;
      const exposure = first.get(identity);
      if (!exposure || exposure.many || Number(t) < exposure.t) continue;
      let acc = perIdentity.get(identity);
      if (!acc) {
        acc = new Float64Array(slots);
        perIdentity.set(identity, acc);
      }
      for (const [i, m] of defs.entries()) {
        if (name === m.eventName) {
          acc[i * 2] = (acc[i * 2] ?? 0) + (m.kind === "sum" || m.kind === "ratio" ? (value ?? 0) : 1);
        }
        if (m.kind === "ratio" && name === m.denominatorEventName) acc[i * 2 + 1] = (acc[i * 2 + 1] ?? 0) + 1;
      }
    }
  }
  const rows: MetricStatsRow[] = [];
  defs.forEach((m, i) => {
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
        let y = acc ? (acc[i * 2] ?? 0) : 0;
        if (m.kind === "occurrence") y = y > 0 ? 1 : 0;
        const d = acc ? (acc[i * 2 + 1] ?? 0) : 0;
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
      rows.push({ metricId: m.id, variationKey: key, stats });
    }
  });
  return { rows, pulledRows, pulledBytes };
}
