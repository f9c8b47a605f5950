import { quoteColumn, quoteTable, type SqlDialect } from "./sql-dialect";

/** Column names of the kit's events table (docs/warehouse-sql.md); pass the ones that differ in your table. */
export interface EventsTableColumns {
  identityKey: string;
  eventName: string;
  value: string;
  timestamp: string;
  flagId: string;
  variantKey: string;
}

export const DEFAULT_EVENTS_TABLE_COLUMNS: EventsTableColumns = {
  identityKey: "identity_key",
  eventName: "event_name",
  value: "value",
  timestamp: "timestamp",
  flagId: "flag_id",
  variantKey: "variant_key",
};

/**
 * Which events table the SQL reads:
 * - `"flagsmith"`: Flagsmith's own events table (`environment_key, event, feature_name, timestamp, identifier,
 *   value`, …): exposures name the flag by its **name** and carry the variant key in `value`; `value` is text and
 *   is read as a number where it is one (else 0); one table holds every environment, so an environment is
 *   required; events delivered twice (same identifier, event, timestamp and value) count once.
 * - `"kit"` (default): the kit's table (docs/warehouse-sql.md) (`identity_key, event_name, value, timestamp, flag_id,
 *   variant_key`): exposures name the flag by its id; `value` is a number.
 * - an object: the kit's table with other column names (`{ identityKey: "user_id" }`).
 */
export type EventsTableSchema = "flagsmith" | "kit" | Partial<EventsTableColumns>;

/** The Flagsmith events table's column names (Flagsmith's ClickHouse DDL). */
export const FLAGSMITH_EVENTS_TABLE_COLUMNS = {
  environmentKey: "environment_key",
  event: "event",
  featureName: "feature_name",
  timestamp: "timestamp",
  identifier: "identifier",
  value: "value",
} as const;

/** An events table resolved for one dialect: quoted names and the rules that differ between the schemas. */
export interface EventsSource {
  table: string;
  identity: string;
  event: string;
  timestamp: string;
  /** The flag of an exposure: its id (kit) or name (Flagsmith). */
  flag: string;
  variant: string;
  value: string;
  /** `null`: the table has no environment column. */
  environment: string | null;
  flagMatchedBy: "id" | "name";
  /** `value` is text that may hold a number (Flagsmith) rather than a number (kit). */
  valueIsText: boolean;
  /** Exact duplicate events count once (Flagsmith delivers events at least once). */
  deduplicate: boolean;
}

function columnName(value: unknown, role: string): string {
  // Only a real string reaches SQL: an object whose `toString` answers differently each time must not.
  if (typeof value !== "string") {
    throw new TypeError(`The ${role} column name must be text, not ${value === null ? "null" : typeof value}.`);
  }
  return value;
}

/** Validates and quotes the table and column names of `schema` for `dialect`. */
export function resolveEventsSource(
  dialect: SqlDialect,
  eventsTable: unknown = "events",
  schema: EventsTableSchema = "kit",
): EventsSource {
  const table = quoteTable(dialect, columnName(eventsTable, "events table"));
  const q = (name: unknown, role: string) => quoteColumn(dialect, columnName(name, role));
  if (schema === "flagsmith") {
    const c = FLAGSMITH_EVENTS_TABLE_COLUMNS;
    return {
      table,
      identity: q(c.identifier, "identifier"),
      event: q(c.event, "event"),
      timestamp: q(c.timestamp, "timestamp"),
      flag: q(c.featureName, "feature name"),
      variant: q(c.value, "value"),
      value: q(c.value, "value"),
      environment: q(c.environmentKey, "environment key"),
      flagMatchedBy: "name",
      valueIsText: true,
      deduplicate: true,
    };
  }
  if (schema !== "kit" && (typeof schema !== "object" || schema === null || Array.isArray(schema))) {
    throw new TypeError('The events table schema must be "flagsmith", "kit" or an object of column names.');
  }
  const overrides = schema === "kit" ? {} : schema;
  const c: Record<keyof EventsTableColumns, unknown> = { ...DEFAULT_EVENTS_TABLE_COLUMNS };
  for (const key of Object.keys(DEFAULT_EVENTS_TABLE_COLUMNS) as (keyof EventsTableColumns)[]) {
    if (Object.hasOwn(overrides, key) && overrides[key] !== undefined) c[key] = overrides[key];
  }
  for (const key of Object.keys(overrides)) {
    if (!Object.hasOwn(DEFAULT_EVENTS_TABLE_COLUMNS, key)) {
      throw new TypeError(
        `“${key}” is not a column of the kit's events table (${Object.keys(DEFAULT_EVENTS_TABLE_COLUMNS).join(", ")}).`,
      );
    }
  }
  return {
    table,
    identity: q(c.identityKey, "identityKey"),
    event: q(c.eventName, "eventName"),
    timestamp: q(c.timestamp, "timestamp"),
    flag: q(c.flagId, "flagId"),
    variant: q(c.variantKey, "variantKey"),
    value: q(c.value, "value"),
    environment: null,
    flagMatchedBy: "id",
    valueIsText: false,
    deduplicate: false,
  };
}
