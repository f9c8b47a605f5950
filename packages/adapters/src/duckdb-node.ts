import { DuckDBConnection, DuckDBInstance, DuckDBTimestampValue } from "@duckdb/node-api";
import { buildCreateEventsTableSql, type EventsTableOptions } from "./events-table-sql";
import { quoteTable, sqlDialects } from "./sql-dialect";
import {
  createSqlWarehouse,
  type SqlQueryFunction,
  type SqlWarehouseAdapter,
  type SqlWarehouseOptions,
} from "./sql-warehouse";
import type { WarehouseEvent } from "./warehouse-event";

/** A `query` function for {@link createSqlWarehouse} over a `@duckdb/node-api` connection. */
export function createDuckDbNodeQuery(connection: DuckDBConnection): SqlQueryFunction {
  return async (sql, params) => {
    const reader = await connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  };
}

/**
 * Appends events to the kit's events table (docs/warehouse-sql.md) (created when missing) with DuckDB's appender: fast enough for
 * millions of simulated events. Returns the number of rows appended.
 */
export async function loadEventsIntoDuckDb(
  connection: DuckDBConnection,
  events: Iterable<WarehouseEvent>,
  options: EventsTableOptions = {},
): Promise<number> {
  const table = options.eventsTable ?? "events";
  if (options.schema === "flagsmith") {
    throw new TypeError("loadEventsIntoDuckDb writes the kit's events (docs/warehouse-sql.md), not Flagsmith's table.");
  }
  await connection.run(buildCreateEventsTableSql("duckdb", options));
  quoteTable(sqlDialects.duckdb, table);
  const parts = table.split(".");
  const name = parts.at(-1) ?? table;
  const schema = parts.length >= 2 ? (parts.at(-2) ?? null) : null;
  const appender = await connection.createAppender(name, schema);
  let rows = 0;
  for (const event of events) {
    appender.appendVarchar(event.identityKey);
    appender.appendVarchar(event.eventName);
    if (event.value === null) appender.appendNull();
    else appender.appendDouble(event.value);
    appender.appendTimestamp(new DuckDBTimestampValue(BigInt(event.timestamp.getTime()) * 1000n));
    if (event.flagId === null) appender.appendNull();
    else appender.appendVarchar(event.flagId);
    if (event.variantKey === null) appender.appendNull();
    else appender.appendVarchar(event.variantKey);
    appender.endRow();
    rows += 1;
  }
  appender.closeSync();
  return rows;
}

export interface DuckDbNodeWarehouse {
  warehouse: SqlWarehouseAdapter;
  query: SqlQueryFunction;
  connection: DuckDBConnection;
  /** Appends events to the events table (see {@link loadEventsIntoDuckDb}). */
  loadEvents(events: Iterable<WarehouseEvent>): Promise<number>;
  close(): void;
}

/**
 * The embedded default for Node: a DuckDB database (in memory unless `path` is given) with the events table,
 * and a warehouse adapter over it.
 */
export async function openDuckDbNodeWarehouse(
  options: Omit<SqlWarehouseOptions, "dialect" | "query"> & { path?: string } = {},
): Promise<DuckDbNodeWarehouse> {
  const instance = await DuckDBInstance.create(options.path ?? ":memory:");
  const connection = await DuckDBConnection.create(instance);
  const table: EventsTableOptions = {
    ...(options.eventsTable ? { eventsTable: options.eventsTable } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
  };
  await connection.run(buildCreateEventsTableSql("duckdb", table));
  const query = createDuckDbNodeQuery(connection);
  const { path: _path, ...warehouseOptions } = options;
  return {
    warehouse: createSqlWarehouse({ ...warehouseOptions, dialect: "duckdb", query }),
    query,
    connection,
    loadEvents: (events) => loadEventsIntoDuckDb(connection, events, table),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
