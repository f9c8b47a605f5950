import type { WarehouseEvent } from "@flagsmith-experimentation/adapters";
import { type DuckDbWasmWarehouse, openDuckDbWasmWarehouse } from "@flagsmith-experimentation/adapters/duckdb-wasm";

/**
 * The demo's embedded warehouse: DuckDB-wasm in a Web Worker holding one `events` table in the kit's format (docs/warehouse-sql.md)
 * event model. The warehouse adapter the kit generates SQL for only ever sees its `query` function.
 */
export interface EmbeddedWarehouse {
  /** The host-side query function handed to `createSqlWarehouse` (`?` parameters, plain rows). */
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Appends events to the `events` table (an array or a generator, streamed in batches); returns how many. */
  loadEvents(events: Iterable<WarehouseEvent>): Promise<number>;
  /**
   * Loads a data set once per `key` (later calls wait for the first load): the demo keys an experiment's
   * simulated traffic by its configuration, so reopening it never duplicates events.
   */
  loadOnce(key: string, events: () => Iterable<WarehouseEvent>): Promise<number>;
  /** Rows in the `events` table. */
  countEvents(): Promise<number>;
  close(): Promise<void>;
}

export const EVENTS_TABLE = "events";

/**
 * Starts DuckDB-wasm through the adapters package (its wasm and worker files bundled from node_modules by
 * Vite, no CDN), whose loader puts the simulator's events in as CSV batches that DuckDB parses natively —
 * fast enough for a million identities.
 */
export async function startEmbeddedWarehouse(existing?: DuckDbWasmWarehouse): Promise<EmbeddedWarehouse> {
  const duckdb = existing ?? (await openDuckDbWasmWarehouse({ eventsTable: EVENTS_TABLE }));
  const loaded = new Map<string, Promise<number>>();
  const loadEvents = (events: Iterable<WarehouseEvent>) => duckdb.loadEvents(events);

  return {
    query: duckdb.query,
    loadEvents,
    loadOnce(key, events) {
      const existing = loaded.get(key);
      if (existing) return existing;
      const pending = loadEvents(events());
      loaded.set(key, pending);
      pending.catch(() => loaded.delete(key));
      return pending;
    },
    async countEvents() {
      const rows = await duckdb.query(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${EVENTS_TABLE}`, []);
      return Number(rows[0]?.n ?? 0);
    },
    close: () => duckdb.close(),
  };
}

let shared: Promise<EmbeddedWarehouse> | undefined;

/** One embedded warehouse per page: stories and tests that switch between demo pages reuse it. */
export function sharedEmbeddedWarehouse(): Promise<EmbeddedWarehouse> {
  if (!shared) {
    shared = startEmbeddedWarehouse();
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
