import { buildCreateEventsTableSql, type EventsTableOptions, insertEventsInBatches } from "./events-table-sql";
import { quoteTable, sqlDialects } from "./sql-dialect";
import type { SqlQueryFunction } from "./sql-warehouse";
import type { WarehouseEvent } from "./warehouse-event";

/** What the executor needs from a `pg` `Pool` or `Client` (or any driver with the same `query`). */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A `query` function for {@link createSqlWarehouse} (dialect `postgres`) over a `pg` pool or client. */
export function createPostgresQuery(client: PostgresQueryable): SqlQueryFunction {
  return async (sql, params) => {
    const result = await client.query(sql, params);
    return result.rows as Record<string, unknown>[];
  };
}

/** Creates the kit's events table (docs/warehouse-sql.md) when missing, inserts events in batches of bound parameters, then analyzes it. */
export async function loadEventsIntoPostgres(
  client: PostgresQueryable,
  events: Iterable<WarehouseEvent>,
  options: EventsTableOptions & { batchSize?: number } = {},
): Promise<number> {
  await client.query(buildCreateEventsTableSql("postgres", options));
  const rows = await insertEventsInBatches("postgres", (sql, params) => client.query(sql, params), events, {
    ...options,
    batchSize: options.batchSize ?? 1000,
  });
  // Fresh statistics let the planner hash-join events to exposures instead of looping.
  await client.query(`ANALYZE ${quoteTable(sqlDialects.postgres, options.eventsTable ?? "events")}`);
  return rows;
}
