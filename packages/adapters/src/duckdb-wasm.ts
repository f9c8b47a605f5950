import type { AsyncDuckDB, AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import duckdbEhWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import duckdbMvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import duckdbEhWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import duckdbMvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import { buildCreateEventsTableSql, type EventsTableOptions, insertEventsInBatches } from "./events-table-sql";
import {
  createSqlWarehouse,
  type SqlQueryFunction,
  type SqlWarehouseAdapter,
  type SqlWarehouseOptions,
} from "./sql-warehouse";
import type { WarehouseEvent } from "./warehouse-event";

type MaybePromise<T> = T | Promise<T>;

/** What the executor needs from a duckdb-wasm connection (async in the browser, blocking in Node). */
export interface DuckDbWasmConnectionLike {
  prepare(sql: string): MaybePromise<{
    query(...params: unknown[]): MaybePromise<{ toArray(): { toJSON(): Record<string, unknown> }[] }>;
    close(): MaybePromise<void>;
  }>;
}

/** A `query` function for {@link createSqlWarehouse} (dialect `duckdb`) over a `@duckdb/duckdb-wasm` connection. */
export function createDuckDbWasmQuery(connection: DuckDbWasmConnectionLike): SqlQueryFunction {
  return async (sql, params) => {
    const statement = await connection.prepare(sql);
    try {
      const table = await statement.query(...params);
      return table.toArray().map((row) => row.toJSON());
    } finally {
      await statement.close();
    }
  };
}

/** Creates the events table when missing and inserts events in batches of bound parameters. */
export async function loadEventsIntoDuckDbWasm(
  connection: DuckDbWasmConnectionLike,
  events: Iterable<WarehouseEvent>,
  options: EventsTableOptions & { batchSize?: number } = {},
): Promise<number> {
  const query = createDuckDbWasmQuery(connection);
  await query(buildCreateEventsTableSql("duckdb", options), []);
  return insertEventsInBatches("duckdb", query, events, { ...options, batchSize: options.batchSize ?? 500 });
}

/** The wasm and worker files, resolved from node_modules by the bundler (Vite `?url`): no CDN. */
export const duckDbWasmBundles = {
  mvp: { mainModule: duckdbMvpWasm, mainWorker: duckdbMvpWorker },
  eh: { mainModule: duckdbEhWasm, mainWorker: duckdbEhWorker },
};

export interface DuckDbWasmWarehouse {
  warehouse: SqlWarehouseAdapter;
  query: SqlQueryFunction;
  db: AsyncDuckDB;
  connection: AsyncDuckDBConnection;
  loadEvents(events: Iterable<WarehouseEvent>): Promise<number>;
  close(): Promise<void>;
}

/**
 * The embedded default in the browser: starts DuckDB-Wasm in a Web Worker (wasm bundled from node_modules),
 * creates the events table and returns a warehouse adapter over it.
 */
export async function openDuckDbWasmWarehouse(
  options: Omit<SqlWarehouseOptions, "dialect" | "query"> = {},
): Promise<DuckDbWasmWarehouse> {
  const duckdb = await import("@duckdb/duckdb-wasm");
  const bundle = await duckdb.selectBundle(duckDbWasmBundles);
  if (!bundle.mainWorker) throw new Error("DuckDB-Wasm found no worker script for this browser.");
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const connection = await db.connect();
  const table: EventsTableOptions = {
    ...(options.eventsTable ? { eventsTable: options.eventsTable } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  };
  const query = createDuckDbWasmQuery(connection);
  await query(buildCreateEventsTableSql("duckdb", table), []);
  return {
    warehouse: createSqlWarehouse({ ...options, dialect: "duckdb", query }),
    query,
    db,
    connection,
    loadEvents: (events) => loadEventsIntoDuckDbWasm(connection, events, table),
    close: async () => {
      await connection.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
