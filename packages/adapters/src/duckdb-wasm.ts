import type { AsyncDuckDB, AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { AdapterError } from "./adapter-error";
import {
  buildCreateEventsTableSql,
  buildInsertEventsFromCsvSql,
  type EventsTableOptions,
  eventsCsvLine,
  insertEventsInBatches,
} from "./events-table-sql";
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

/** What the CSV bulk loader needs from a duckdb-wasm database (`AsyncDuckDB` in the browser): in-memory files. */
export interface DuckDbWasmFilesLike {
  registerFileText(name: string, text: string): MaybePromise<unknown>;
  dropFile(name: string): MaybePromise<unknown>;
}

export interface LoadEventsIntoDuckDbWasmOptions extends EventsTableOptions {
  /**
   * The database (`AsyncDuckDB`): when given, each batch goes in as an in-memory CSV file that DuckDB parses
   * natively — about ten times faster than the default, bound-parameter `INSERT`s.
   */
  files?: DuckDbWasmFilesLike;
  /** Events per batch. Default 250 000 with `files` (memory stays flat for large simulations), else 500. */
  batchSize?: number;
}

let csvBatches = 0;

async function insertEventsAsCsv(
  connection: DuckDbWasmConnectionLike,
  files: DuckDbWasmFilesLike,
  events: Iterable<WarehouseEvent>,
  options: EventsTableOptions & { batchSize: number },
): Promise<number> {
  const query = createDuckDbWasmQuery(connection);
  let rows = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    csvBatches += 1;
    const file = `flagsmith-events-${csvBatches}.csv`;
    await files.registerFileText(file, lines.join("\n"));
    const count = lines.length;
    lines = [];
    try {
      await query(buildInsertEventsFromCsvSql(file, options), []);
    } finally {
      await files.dropFile(file);
    }
    rows += count;
  };
  for (const event of events) {
    lines.push(eventsCsvLine(event));
    if (lines.length >= options.batchSize) await flush();
  }
  await flush();
  return rows;
}

/**
 * Creates the events table when missing and appends events (an array or a generator, streamed in batches):
 * as CSV files DuckDB parses natively when `options.files` is given, else as bound-parameter `INSERT`s.
 * Returns the number of rows appended.
 */
export async function loadEventsIntoDuckDbWasm(
  connection: DuckDbWasmConnectionLike,
  events: Iterable<WarehouseEvent>,
  options: LoadEventsIntoDuckDbWasmOptions = {},
): Promise<number> {
  const { files, batchSize, ...table } = options;
  const query = createDuckDbWasmQuery(connection);
  await query(buildCreateEventsTableSql("duckdb", table), []);
  if (files) return insertEventsAsCsv(connection, files, events, { ...table, batchSize: batchSize ?? 250_000 });
  return insertEventsInBatches("duckdb", query, events, { ...table, batchSize: batchSize ?? 500 });
}

/** One DuckDB-Wasm build: its wasm module and the worker script that runs it (absolute or page-relative URLs). */
export interface DuckDbWasmBundle {
  mainModule: string | URL;
  mainWorker: string | URL;
}

/**
 * Where the DuckDB-Wasm files are served: `eh` (WebAssembly exceptions, every current browser) and/or `mvp`
 * (older browsers). DuckDB picks the best one the browser supports.
 */
export type DuckDbWasmBundles =
  | { mvp: DuckDbWasmBundle; eh?: DuckDbWasmBundle }
  | { mvp?: DuckDbWasmBundle; eh: DuckDbWasmBundle };

/**
 * The files of the installed `@duckdb/duckdb-wasm`, located with `new URL(…, import.meta.url)` next to this package
 * (npm, pnpm, Yarn classic and Bun install a peer dependency there). Vite (dev server and build), webpack 5, Parcel
 * and Rspack see these expressions, copy the files into the build and rewrite the URLs; nothing is fetched from a CDN.
 * Bundlers that do not (esbuild, Rollup without a plugin) or Yarn Plug'n'Play need `bundles` passed explicitly.
 */
export function defaultDuckDbWasmBundles(): { mvp: DuckDbWasmBundle; eh: DuckDbWasmBundle } {
  // The published build rewrites `../node_modules/` to `../../../` (see tsup.config.ts): from `dist/` the peer is a
  // sibling of this package in node_modules; from `src/` (the workspace) it is this package's own dev dependency.
  return {
    mvp: {
      mainModule: new URL("../node_modules/@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm", import.meta.url),
      mainWorker: new URL("../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js", import.meta.url),
    },
    eh: {
      mainModule: new URL("../node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", import.meta.url),
      mainWorker: new URL("../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", import.meta.url),
    },
  };
}

/** How long {@link openDuckDbWasmWarehouse} waits for DuckDB-Wasm to start by default. */
export const DEFAULT_DUCKDB_WASM_START_TIMEOUT_MS = 30_000;

export interface OpenDuckDbWasmWarehouseOptions extends Omit<SqlWarehouseOptions, "dialect" | "query"> {
  /** The worker and wasm URLs; default {@link defaultDuckDbWasmBundles} (resolved by your bundler). */
  bundles?: DuckDbWasmBundles;
  /**
   * Give up after this many milliseconds (default 30 000) with an `AdapterError` of kind `timeout`, instead of
   * waiting forever for a worker that never answers (e.g. a wasm URL your server does not serve).
   */
  timeoutMs?: number;
}

export interface DuckDbWasmWarehouse {
  warehouse: SqlWarehouseAdapter;
  query: SqlQueryFunction;
  db: AsyncDuckDB;
  connection: AsyncDuckDBConnection;
  /** Appends events to the events table as CSV batches (see {@link loadEventsIntoDuckDbWasm}); returns how many. */
  loadEvents(events: Iterable<WarehouseEvent>): Promise<number>;
  close(): Promise<void>;
}

const OPERATION = "openDuckDbWasmWarehouse";

/** The worker or the wasm could not be loaded (`network`), or the call itself cannot work here (`invalid-request`). */
function startFailure(message: string, cause?: unknown, kind: "network" | "invalid-request" = "network"): AdapterError {
  return new AdapterError(kind, message, { cause, operation: OPERATION });
}

/**
 * A Worker for `url`. A script on another origin (a CDN for static assets) cannot be a worker directly: it is
 * loaded through a same-origin `blob:` worker that imports it. Returns the worker and what to release after it.
 */
function startWorker(url: string): { worker: Worker; release: () => void } {
  const here = globalThis.location?.href;
  const absolute = new URL(url, here);
  if (!here || absolute.origin === new URL(here).origin) return { worker: new Worker(absolute), release: () => {} };
  const loader = URL.createObjectURL(
    new Blob([`importScripts(${JSON.stringify(absolute.href)});`], { type: "text/javascript" }),
  );
  return { worker: new Worker(loader), release: () => URL.revokeObjectURL(loader) };
}

/**
 * The embedded default in the browser: starts DuckDB-Wasm in a Web Worker, creates the events table and returns a
 * warehouse adapter over it. The worker and wasm files come from `options.bundles`, else from the installed
 * `@duckdb/duckdb-wasm` through your bundler ({@link defaultDuckDbWasmBundles}). Rejects with an `AdapterError`:
 * kind `network` when the worker or wasm cannot be loaded, `timeout` when DuckDB does not start within
 * `options.timeoutMs`, `invalid-request` outside a browser or with `bundles` that name no build.
 */
export async function openDuckDbWasmWarehouse(
  options: OpenDuckDbWasmWarehouseOptions = {},
): Promise<DuckDbWasmWarehouse> {
  const { bundles: given, timeoutMs = DEFAULT_DUCKDB_WASM_START_TIMEOUT_MS, ...warehouseOptions } = options;
  if (typeof Worker === "undefined") {
    const message = "DuckDB-Wasm runs in a browser (Web Workers); in Node use the duckdb-node subpath.";
    throw startFailure(message, undefined, "invalid-request");
  }
  const duckdb = await import("@duckdb/duckdb-wasm");
  let bundles: DuckDbWasmBundles;
  try {
    bundles = given ?? defaultDuckDbWasmBundles();
  } catch (error) {
    throw startFailure("The DuckDB-Wasm files could not be located: pass their URLs as `bundles`.", error);
  }
  const asText = (bundle: DuckDbWasmBundle | undefined) =>
    bundle && { mainModule: String(bundle.mainModule), mainWorker: String(bundle.mainWorker), pthreadWorker: null };
  const eh = asText(bundles.eh);
  const mvp = asText(bundles.mvp) ?? eh;
  if (!mvp)
    throw startFailure("`bundles` names no DuckDB-Wasm build: give `eh` and/or `mvp`.", undefined, "invalid-request");
  const bundle = await duckdb.selectBundle({ mvp, ...(eh ? { eh } : {}) });
  const workerUrl = bundle.mainWorker ?? mvp.mainWorker;

  let workerStart: ReturnType<typeof startWorker>;
  try {
    workerStart = startWorker(workerUrl);
  } catch (error) {
    throw startFailure(`The DuckDB-Wasm worker could not be started from ${workerUrl}.`, error);
  }
  const { worker, release } = workerStart;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let failed: (error: AdapterError) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  // DuckDB only logs a worker error and leaves its pending requests unanswered: turn it into a rejection.
  const onWorkerError = (event: Event) => {
    const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : "";
    failed(startFailure(`The DuckDB-Wasm worker could not be loaded from ${workerUrl}${detail}.`, event));
  };
  worker.addEventListener("error", onWorkerError);
  const timer = setTimeout(
    () =>
      failed(
        new AdapterError(
          "timeout",
          `DuckDB-Wasm did not start within ${timeoutMs} ms (worker ${workerUrl}, wasm ${bundle.mainModule}).`,
          { operation: OPERATION },
        ),
      ),
    timeoutMs,
  );
  const table: EventsTableOptions = {
    ...(warehouseOptions.eventsTable ? { eventsTable: warehouseOptions.eventsTable } : {}),
    ...(warehouseOptions.schema ? { schema: warehouseOptions.schema } : {}),
  };
  const start = async () => {
    try {
      await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    } catch (error) {
      throw startFailure(`DuckDB-Wasm could not load its WebAssembly module from ${bundle.mainModule}.`, error);
    }
    const connection = await db.connect();
    const query = createDuckDbWasmQuery(connection);
    await query(buildCreateEventsTableSql("duckdb", table), []);
    return { connection, query };
  };
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await Promise.race([start(), failure]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
    worker.removeEventListener("error", onWorkerError);
    release();
  }
  const { connection, query } = started;
  return {
    warehouse: createSqlWarehouse({ ...warehouseOptions, dialect: "duckdb", query }),
    query,
    db,
    connection,
    loadEvents: (events) => loadEventsIntoDuckDbWasm(connection, events, { ...table, files: db }),
    close: async () => {
      await connection.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
