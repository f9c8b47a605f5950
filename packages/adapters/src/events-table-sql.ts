import {
  DEFAULT_EVENTS_TABLE_COLUMNS,
  type EventsTableColumns,
  type EventsTableSchema,
  FLAGSMITH_EVENTS_TABLE_COLUMNS,
} from "./events-table-schema";
import { quoteColumn, quoteTable, sqlDialects } from "./sql-dialect";
import type { WarehouseEvent } from "./warehouse-event";

export interface EventsTableOptions {
  /** Default `events`. */
  eventsTable?: string;
  /** The table's shape: the kit's (default, or with other column names) or Flagsmith's. */
  schema?: EventsTableSchema;
}

/** The kit's column names for `schema`; the loaders write the kit's events only. */
function kitColumns(schema: EventsTableSchema | undefined, what: string): EventsTableColumns {
  if (schema === "flagsmith") {
    throw new TypeError(
      `${what} writes the kit's events (docs/warehouse-sql.md), not Flagsmith's table: use schema "kit".`,
    );
  }
  return { ...DEFAULT_EVENTS_TABLE_COLUMNS, ...(schema === "kit" || schema === undefined ? {} : schema) };
}

/**
 * `CREATE TABLE IF NOT EXISTS` for an events table on DuckDB or PostgreSQL (demos, tests, benchmarks): the kit's
 * (docs/warehouse-sql.md), or with `schema: "flagsmith"` the columns of Flagsmith's table the kit reads, as text, with `timestamp`
 * a timestamp without time zone holding UTC.
 */
export function buildCreateEventsTableSql(dialect: "duckdb" | "postgres", options: EventsTableOptions = {}): string {
  const d = sqlDialects[dialect];
  const text = dialect === "duckdb" ? "VARCHAR" : "text";
  const double = dialect === "duckdb" ? "DOUBLE" : "double precision";
  const table = quoteTable(d, options.eventsTable ?? "events");
  if (options.schema === "flagsmith") {
    const f = FLAGSMITH_EVENTS_TABLE_COLUMNS;
    return `CREATE TABLE IF NOT EXISTS ${table} (
  ${quoteColumn(d, f.environmentKey)} ${text} NOT NULL,
  ${quoteColumn(d, f.event)} ${text} NOT NULL,
  ${quoteColumn(d, f.featureName)} ${text},
  ${quoteColumn(d, f.timestamp)} TIMESTAMP NOT NULL,
  ${quoteColumn(d, f.identifier)} ${text},
  ${quoteColumn(d, f.value)} ${text}
)`;
  }
  const c = kitColumns(options.schema, "buildCreateEventsTableSql");
  return `CREATE TABLE IF NOT EXISTS ${table} (
  ${quoteColumn(d, c.identityKey)} ${text} NOT NULL,
  ${quoteColumn(d, c.eventName)} ${text} NOT NULL,
  ${quoteColumn(d, c.value)} ${double},
  ${quoteColumn(d, c.timestamp)} TIMESTAMP NOT NULL,
  ${quoteColumn(d, c.flagId)} ${text},
  ${quoteColumn(d, c.variantKey)} ${text}
)`;
}

/**
 * Inserts events in batches of `batchSize` rows, each one multi-row `INSERT` with bound parameters run through
 * `run` (the executors for PostgreSQL and DuckDB-Wasm share this). Returns the number of rows inserted.
 */
export async function insertEventsInBatches(
  dialect: "duckdb" | "postgres",
  run: (sql: string, params: unknown[]) => Promise<unknown>,
  events: Iterable<WarehouseEvent>,
  options: EventsTableOptions & { batchSize: number },
): Promise<number> {
  let batch: WarehouseEvent[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const statement = buildInsertEventsSql(dialect, batch, options);
    await run(statement.sql, statement.params);
    rows += batch.length;
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  return rows;
}

/** A multi-row `INSERT … VALUES` with bound parameters for a batch of events (PostgreSQL `$n` placeholders). */
export function buildInsertEventsSql(
  dialect: "duckdb" | "postgres",
  events: readonly WarehouseEvent[],
  options: EventsTableOptions = {},
): { sql: string; params: unknown[] } {
  const d = sqlDialects[dialect];
  const c = kitColumns(options.schema, "buildInsertEventsSql");
  const columns = [c.identityKey, c.eventName, c.value, c.timestamp, c.flagId, c.variantKey]
    .map((name) => quoteColumn(d, name))
    .join(", ");
  const params: unknown[] = [];
  const rows = events.map((event) => {
    const base = params.length;
    params.push(
      event.identityKey,
      event.eventName,
      event.value,
      event.timestamp.toISOString().replace("T", " ").replace("Z", ""),
      event.flagId,
      event.variantKey,
    );
    const p = (i: number) => `$${base + i}`;
    return `(${p(1)}, ${p(2)}, CAST(${p(3)} AS ${dialect === "duckdb" ? "DOUBLE" : "double precision"}), CAST(${p(4)} AS TIMESTAMP), ${p(5)}, ${p(6)})`;
  });
  return {
    sql: `INSERT INTO ${quoteTable(d, options.eventsTable ?? "events")} (${columns}) VALUES ${rows.join(", ")}`,
    params,
  };
}

/** A CSV field: quoted, with quotes doubled, so any text (commas, quotes, newlines, markup) stays data. */
function csvText(value: string | null): string {
  return value === null ? "" : `"${value.replaceAll('"', '""')}"`;
}

/**
 * Events as CSV lines for {@link buildInsertEventsFromCsvSql}: text quoted (an unquoted empty field is NULL),
 * `value` as the shortest text that reads back as the same double, `timestamp` as epoch milliseconds.
 */
export function eventsCsvLine(event: WarehouseEvent): string {
  const value = event.value === null ? "" : String(event.value);
  return `${csvText(event.identityKey)},${csvText(event.eventName)},${value},${event.timestamp.getTime()},${csvText(event.flagId)},${csvText(event.variantKey)}`;
}

/**
 * DuckDB `INSERT … SELECT … FROM read_csv(file)` for a file of {@link eventsCsvLine} lines: DuckDB parses the
 * batch natively, far faster than bound-parameter `INSERT`s. `file` must be a plain file name (letters, digits,
 * `._-`); it is registered with the database by the caller.
 */
export function buildInsertEventsFromCsvSql(file: string, options: EventsTableOptions = {}): string {
  if (!/^[A-Za-z0-9._-]+$/.test(file)) throw new RangeError(`Not a plain CSV file name: ${JSON.stringify(file)}.`);
  const d = sqlDialects.duckdb;
  const c = kitColumns(options.schema, "buildInsertEventsFromCsvSql");
  const columns = [c.identityKey, c.eventName, c.value, c.timestamp, c.flagId, c.variantKey]
    .map((name) => quoteColumn(d, name))
    .join(", ");
  const csvColumns =
    "{'c_identity': 'VARCHAR', 'c_event': 'VARCHAR', 'c_value': 'DOUBLE', 'c_epoch_ms': 'BIGINT', 'c_flag': 'VARCHAR', 'c_variant': 'VARCHAR'}";
  return `INSERT INTO ${quoteTable(d, options.eventsTable ?? "events")} (${columns})
SELECT c_identity, c_event, c_value, make_timestamp(c_epoch_ms * 1000), c_flag, c_variant
FROM read_csv('${file}', header = false, delim = ',', quote = '"', escape = '"', nullstr = '',
  allow_quoted_nulls = false, auto_detect = false, columns = ${csvColumns})`;
}
