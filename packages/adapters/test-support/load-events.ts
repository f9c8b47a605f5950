/**
 * Loads the same events into each engine of the tests and the benchmark: Flagsmith's table on ClickHouse (its own
 * DDL), DuckDB and PostgreSQL, and the kit's table on ClickHouse.
 */
import { type DuckDBConnection, DuckDBTimestampTZValue, DuckDBTimestampValue } from "@duckdb/node-api";
import type { PostgresQueryable } from "../src/postgres";
import type { FlagsmithEvent, WarehouseEvent } from "../src/warehouse-event";
import type { ClickHouseTestSession } from "./clickhouse-session";
import { flagsmithClickHouseDdl, flagsmithEventJsonLine } from "./flagsmith-events";

/** Flagsmith's table in `database` on ClickHouse, created by Flagsmith's DDL, filled with `events`. */
export async function loadFlagsmithEventsIntoClickHouse(
  clickhouse: ClickHouseTestSession,
  database: string,
  events: Iterable<FlagsmithEvent>,
): Promise<number> {
  await clickhouse.exec(`DROP DATABASE IF EXISTS ${database}`);
  await clickhouse.exec(flagsmithClickHouseDdl(database));
  let rows = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    await clickhouse.session.insert({
      table: `${database}.events`,
      values: Buffer.from(lines.join("\n")),
      format: "JSONEachRow",
      // ISO text with a `Z`: the instant, whatever the session's time zone.
      settings: { date_time_input_format: "best_effort" },
    });
    rows += lines.length;
    lines = [];
  };
  for (const event of events) {
    lines.push(flagsmithEventJsonLine(event));
    if (lines.length >= 200_000) await flush();
  }
  await flush();
  return rows;
}

/** The kit's table (docs/warehouse-sql.md) on ClickHouse, with nullable columns where the kit's table has them. */
export async function loadKitEventsIntoClickHouse(
  clickhouse: ClickHouseTestSession,
  table: string,
  events: Iterable<WarehouseEvent>,
): Promise<number> {
  await clickhouse.exec(`DROP TABLE IF EXISTS ${table}`);
  await clickhouse.exec(`CREATE TABLE ${table} (
  identity_key String,
  event_name LowCardinality(String),
  value Nullable(Float64),
  timestamp DateTime64(3, 'UTC'),
  flag_id Nullable(String),
  variant_key Nullable(String)
) ENGINE = MergeTree ORDER BY (event_name, timestamp)`);
  const lines: string[] = [];
  for (const event of events) {
    lines.push(
      JSON.stringify({
        identity_key: event.identityKey,
        event_name: event.eventName,
        value: event.value,
        timestamp: event.timestamp.toISOString(),
        flag_id: event.flagId,
        variant_key: event.variantKey,
      }),
    );
  }
  await clickhouse.session.insert({
    table,
    values: Buffer.from(lines.join("\n")),
    format: "JSONEachRow",
    settings: { date_time_input_format: "best_effort" },
  });
  return lines.length;
}

/**
 * Flagsmith's columns on DuckDB: text, and `timestamp` as `TIMESTAMP` (UTC wall time) or `TIMESTAMPTZ` (an
 * instant), appended with DuckDB's appender.
 */
export async function loadFlagsmithEventsIntoDuckDb(
  connection: DuckDBConnection,
  table: string,
  events: Iterable<FlagsmithEvent>,
  options: { timestampType?: "timestamp" | "timestamptz" } = {},
): Promise<number> {
  const withZone = options.timestampType === "timestamptz";
  await connection.run(`DROP TABLE IF EXISTS ${table}`);
  await connection.run(`CREATE TABLE ${table} (
  environment_key VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  feature_name VARCHAR,
  timestamp ${withZone ? "TIMESTAMPTZ" : "TIMESTAMP"} NOT NULL,
  identifier VARCHAR,
  value VARCHAR
)`);
  const appender = await connection.createAppender(table);
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  let rows = 0;
  for (const event of events) {
    appender.appendVarchar(event.environmentKey);
    appender.appendVarchar(event.event);
    text(event.featureName);
    const micros = BigInt(event.timestamp.getTime()) * 1000n;
    if (withZone) appender.appendTimestampTZ(new DuckDBTimestampTZValue(micros));
    else appender.appendTimestamp(new DuckDBTimestampValue(micros));
    text(event.identifier);
    text(event.value);
    appender.endRow();
    rows += 1;
  }
  appender.closeSync();
  return rows;
}

/** Flagsmith's columns on PostgreSQL (`timestamp` without or with time zone), inserted in bound batches. */
export async function loadFlagsmithEventsIntoPostgres(
  client: PostgresQueryable,
  table: string,
  events: Iterable<FlagsmithEvent>,
  options: { timestampType?: "timestamp" | "timestamptz" } = {},
): Promise<number> {
  const type = options.timestampType === "timestamptz" ? "timestamptz" : "timestamp";
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(`CREATE TABLE ${table} (
  environment_key text NOT NULL,
  event text NOT NULL,
  feature_name text,
  timestamp ${type} NOT NULL,
  identifier text,
  value text
)`);
  let rows = 0;
  let batch: FlagsmithEvent[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const values = batch.map((event) => {
      const base = params.length;
      // An explicit zone: the instant, whatever the session's time zone (ignored by a column without zone).
      params.push(
        event.environmentKey,
        event.event,
        event.featureName,
        `${event.timestamp.toISOString().replace("T", " ").replace("Z", "")}+00`,
        event.identifier,
        event.value,
      );
      return `(${[1, 2, 3, 4, 5, 6].map((i) => `$${base + i}`).join(", ")})`;
    });
    await client.query(
      `INSERT INTO ${table} (environment_key, event, feature_name, timestamp, identifier, value) VALUES ${values.join(", ")}`,
      params,
    );
    rows += batch.length;
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  await client.query(`ANALYZE ${table}`);
  return rows;
}
