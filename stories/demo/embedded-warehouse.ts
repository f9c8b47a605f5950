import type { WarehouseEvent } from "@flagsmith-experimentation/adapters";
import { type DuckDbWasmWarehouse, openDuckDbWasmWarehouse } from "@flagsmith-experimentation/adapters/duckdb-wasm";

/**
 * The demo's embedded warehouse: DuckDB-wasm in a Web Worker holding one `events` table in the SPEC §7
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

/** Events per CSV batch handed to the worker: keeps memory flat for large simulations. */
const BATCH_ROWS = 250_000;

/** A CSV field: quoted, with quotes doubled, so any text (commas, quotes, newlines, markup) survives as data. */
function csvText(value: string | null): string {
  return value === null ? "" : `"${value.replaceAll('"', '""')}"`;
}

function csvLine(e: WarehouseEvent): string {
  return `${csvText(e.identityKey)},${csvText(e.eventName)},${e.value ?? ""},${e.timestamp.getTime()},${csvText(e.flagId)},${csvText(e.variantKey)}`;
}

const CSV_COLUMNS =
  "{'identity_key': 'VARCHAR', 'event_name': 'VARCHAR', 'value': 'DOUBLE', 'epoch_ms': 'BIGINT', 'flag_id': 'VARCHAR', 'variant_key': 'VARCHAR'}";

/**
 * Starts DuckDB-wasm through the adapters package (its wasm and worker files bundled from node_modules by
 * Vite, no CDN) and adds a bulk loader: the simulator's events go in as CSV batches that DuckDB parses
 * natively, about 3 µs per event in Chromium — fast enough for a million identities.
 */
export async function startEmbeddedWarehouse(existing?: DuckDbWasmWarehouse): Promise<EmbeddedWarehouse> {
  const duckdb = existing ?? (await openDuckDbWasmWarehouse({ eventsTable: EVENTS_TABLE }));
  let staging = 0;
  const loaded = new Map<string, Promise<number>>();

  async function loadEvents(events: Iterable<WarehouseEvent>): Promise<number> {
    let total = 0;
    let lines: string[] = [];
    const flush = async () => {
      if (lines.length === 0) return;
      staging += 1;
      const file = `events-batch-${staging}.csv`;
      await duckdb.db.registerFileText(file, lines.join("\n"));
      lines = [];
      try {
        await duckdb.connection.query(
          `INSERT INTO ${EVENTS_TABLE} SELECT identity_key, event_name, value, make_timestamp(epoch_ms * 1000), flag_id, variant_key
             FROM read_csv('${file}', header = false, quote = '"', escape = '"', nullstr = '', columns = ${CSV_COLUMNS})`,
        );
      } finally {
        await duckdb.db.dropFile(file);
      }
    };
    for (const event of events) {
      lines.push(csvLine(event));
      total += 1;
      if (lines.length >= BATCH_ROWS) await flush();
    }
    await flush();
    return total;
  }

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
