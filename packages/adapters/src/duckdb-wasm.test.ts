import { createRequire } from "node:module";
import { createDuckDB, NODE_RUNTIME, VoidLogger } from "@duckdb/duckdb-wasm/blocking";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDuckDbWasmQuery, loadEventsIntoDuckDbWasm } from "./duckdb-wasm";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import { aggregateMetricStats } from "./reference-aggregation";
import { createSqlWarehouse } from "./sql-warehouse";
import { simulateTraffic } from "./traffic-simulator";
import type { WarehouseEvent } from "./warehouse-event";

const require = createRequire(import.meta.url);
const wasm = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

const experiment: Experiment = {
  ...(demoExperiments[1] as Experiment),
  startDate: "2026-01-05",
  endDate: "2026-01-11",
};
const events = simulateTraffic({
  seed: 3,
  identities: 800,
  flagId: experiment.flagId,
  startDate: experiment.startDate,
  endDate: experiment.endDate,
  weights: experiment.weights,
  multipleExposureShare: 0.02,
  events: [
    { eventName: "purchase", probability: 0.2, value: { mean: 30, sd: 10 }, effects: { cards: { value: 0.1 } } },
    {
      eventName: "page_view",
      probability: 0.9,
      eventsPerActiveIdentity: 3,
      value: { mean: 700, sd: 100, decimals: 0 },
    },
    { eventName: "support_ticket", probability: 0.05 },
  ],
});

describe("DuckDB-Wasm executor (the engine the browser runs, here through its Node build)", { timeout: 30_000 }, () => {
  let db: Awaited<ReturnType<typeof createDuckDB>>;
  let connection: ReturnType<Awaited<ReturnType<typeof createDuckDB>>["connect"]>;

  beforeAll(async () => {
    db = await createDuckDB(
      {
        mvp: { mainModule: wasm("duckdb-mvp.wasm"), mainWorker: wasm("duckdb-node-mvp.worker.cjs") },
        eh: { mainModule: wasm("duckdb-eh.wasm"), mainWorker: wasm("duckdb-node-eh.worker.cjs") },
      },
      new VoidLogger(),
      NODE_RUNTIME,
    );
    await db.instantiate();
    connection = db.connect();
    await loadEventsIntoDuckDbWasm(connection, events);
  }, 60_000);

  afterAll(() => connection?.close());

  it("returns the reference statistics, totals and daily", async () => {
    const warehouse = createSqlWarehouse({ dialect: "duckdb", query: createDuckDbWasmQuery(connection) });
    for (const granularity of ["total", "day"] as const) {
      const request = { experiment, metrics: demoMetrics, granularity };
      const actual = await warehouse.fetchMetricStats(request);
      const expected = aggregateMetricStats(events, request);
      expect(actual.length).toBe(expected.length);
      actual.forEach((row, i) => {
        const want = expected[i];
        expect([row.metricId, row.variationKey, row.date]).toEqual([want?.metricId, want?.variationKey, want?.date]);
        for (const [key, value] of Object.entries(want?.stats ?? {})) {
          const got = (row.stats as Record<string, unknown>)[key];
          if (typeof value === "number") expect(got).toBeCloseTo(value, 6);
          else expect(got).toEqual(value);
        }
      });
    }
  }, 30_000);

  it("bulk-loads CSV batches into the same statistics as the INSERT loader", async () => {
    const table = { eventsTable: "events_csv" };
    expect(await loadEventsIntoDuckDbWasm(connection, events, { ...table, files: db, batchSize: 1000 })).toBe(
      events.length,
    );
    const query = createDuckDbWasmQuery(connection);
    const csv = createSqlWarehouse({ dialect: "duckdb", query, ...table });
    const inserted = createSqlWarehouse({ dialect: "duckdb", query });
    for (const granularity of ["total", "day"] as const) {
      const request = { experiment, metrics: demoMetrics, granularity };
      expect(await csv.fetchMetricStats(request)).toEqual(await inserted.fetchMetricStats(request));
    }
    const same = await query(
      `SELECT COUNT(*) AS n FROM (SELECT * FROM events EXCEPT ALL SELECT * FROM events_csv UNION ALL
        (SELECT * FROM events_csv EXCEPT ALL SELECT * FROM events))`,
      [],
    );
    expect(Number(same[0]?.n)).toBe(0);
  });

  it("keeps hostile and empty text, nulls, fractions and milliseconds exactly through CSV", async () => {
    const hostile: WarehouseEvent[] = [
      {
        identityKey: 'a,"b"\nc',
        eventName: "<img src=x onerror=alert(1)>",
        value: 0.1 + 0.2,
        timestamp: new Date("2026-01-05T10:11:12.345Z"),
        flagId: "",
        variantKey: "'; DROP TABLE events; --",
      },
      {
        identityKey: "plain",
        eventName: "x",
        value: null,
        timestamp: new Date("2026-01-06T00:00:00.001Z"),
        flagId: null,
        variantKey: null,
      },
    ];
    const table = { eventsTable: "hostile_csv" };
    await loadEventsIntoDuckDbWasm(connection, hostile, { ...table, files: db });
    const rows = await createDuckDbWasmQuery(connection)(
      "SELECT identity_key, event_name, value, epoch_ms(timestamp) AS ms, flag_id, variant_key FROM hostile_csv ORDER BY ms",
      [],
    );
    expect(
      rows.map((row) => [row.identity_key, row.event_name, row.value, Number(row.ms), row.flag_id, row.variant_key]),
    ).toEqual(hostile.map((e) => [e.identityKey, e.eventName, e.value, e.timestamp.getTime(), e.flagId, e.variantKey]));
  });

  it("loaded every event", async () => {
    const rows = await createDuckDbWasmQuery(connection)("SELECT COUNT(*) AS n FROM events", []);
    expect(Number(rows[0]?.n)).toBe(events.length);
  });
});
