/** SQL dialects the warehouse SQL is generated for. */
export type SqlDialectName = "duckdb" | "postgres" | "clickhouse" | "bigquery" | "snowflake";

export const SQL_DIALECTS: readonly SqlDialectName[] = ["duckdb", "postgres", "clickhouse", "bigquery", "snowflake"];

/** Types a bound parameter can have (ClickHouse needs them in the placeholder; others cast). */
export type SqlParamType = "text" | "timestamp" | "integer";

/** A table or column name, or one part of a qualified name: letters, digits and underscores, not starting with a digit. */
export const SQL_IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** BigQuery project ids may contain hyphens (`my-project.analytics.events`). */
const BIGQUERY_PROJECT_PATTERN = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** A table or column name that does not match the strict identifier pattern. */
export class SqlIdentifierError extends Error {
  override readonly name = "SqlIdentifierError";
  readonly identifier: string;
  constructor(identifier: string, role: string) {
    super(
      `The ${role} name ${JSON.stringify(identifier)} is not allowed: use letters, digits and underscores (a table may be qualified as schema.table).`,
    );
    this.identifier = identifier;
  }
}

/** Everything that differs between the dialects, as small SQL-producing functions. */
export interface SqlDialect {
  name: SqlDialectName;
  /** Quotes one validated identifier part. */
  quote(part: string): string;
  /** Placeholder for the `index`-th (1-based) bound parameter of type `type`, cast where the dialect needs it. */
  placeholder(index: number, type: SqlParamType): string;
  /** Casts an expression to a double. */
  toDouble(expression: string): string;
  /** The UTC calendar day of a timestamp expression, as a date (cheap to group and order by). */
  dayOf(expression: string): string;
  /** `YYYY-MM-DD` text of a date expression. */
  formatDay(expression: string): string;
  /** A timestamp expression minus a number of days given as an integer placeholder. */
  minusDays(expression: string, daysPlaceholder: string): string;
}

const doubleQuote = (part: string) => `"${part}"`;
const backtick = (part: string) => `\`${part}\``;

export const sqlDialects: Record<SqlDialectName, SqlDialect> = {
  duckdb: {
    name: "duckdb",
    quote: doubleQuote,
    placeholder: (i, type) =>
      type === "timestamp" ? `CAST($${i} AS TIMESTAMP)` : type === "integer" ? `CAST($${i} AS INTEGER)` : `$${i}`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    dayOf: (e) => `CAST(${e} AS DATE)`,
    formatDay: (e) => `strftime(${e}, '%Y-%m-%d')`,
    minusDays: (e, days) => `(${e} - to_days(${days}))`,
  },
  postgres: {
    name: "postgres",
    quote: doubleQuote,
    placeholder: (i, type) =>
      type === "timestamp" ? `CAST($${i} AS timestamp)` : type === "integer" ? `CAST($${i} AS integer)` : `$${i}`,
    toDouble: (e) => `CAST(${e} AS double precision)`,
    dayOf: (e) => `CAST(${e} AS date)`,
    formatDay: (e) => `to_char(${e}, 'YYYY-MM-DD')`,
    minusDays: (e, days) => `(${e} - ${days} * INTERVAL '1 day')`,
  },
  clickhouse: {
    name: "clickhouse",
    quote: backtick,
    placeholder: (i, type) =>
      `{p${i}:${type === "timestamp" ? "DateTime64(3, 'UTC')" : type === "integer" ? "UInt32" : "String"}}`,
    toDouble: (e) => `toFloat64(${e})`,
    dayOf: (e) => `toDate(${e}, 'UTC')`,
    formatDay: (e) => `formatDateTime(${e}, '%Y-%m-%d')`,
    minusDays: (e, days) => `(${e} - toIntervalDay(${days}))`,
  },
  bigquery: {
    name: "bigquery",
    quote: backtick,
    placeholder: (_i, type) =>
      type === "timestamp" ? "CAST(? AS TIMESTAMP)" : type === "integer" ? "CAST(? AS INT64)" : "?",
    toDouble: (e) => `CAST(${e} AS FLOAT64)`,
    dayOf: (e) => `DATE(${e}, 'UTC')`,
    formatDay: (e) => `FORMAT_DATE('%Y-%m-%d', ${e})`,
    minusDays: (e, days) => `TIMESTAMP_SUB(${e}, INTERVAL ${days} DAY)`,
  },
  snowflake: {
    name: "snowflake",
    quote: doubleQuote,
    placeholder: (_i, type) =>
      type === "timestamp" ? "CAST(? AS TIMESTAMP_NTZ)" : type === "integer" ? "CAST(? AS INTEGER)" : "?",
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    dayOf: (e) => `CAST(${e} AS DATE)`,
    formatDay: (e) => `TO_CHAR(${e}, 'YYYY-MM-DD')`,
    minusDays: (e, days) => `DATEADD(day, -1 * ${days}, ${e})`,
  },
};

/** Validates a column name and returns it quoted for `dialect`. */
export function quoteColumn(dialect: SqlDialect, name: string): string {
  if (!SQL_IDENTIFIER_PATTERN.test(name)) throw new SqlIdentifierError(name, "column");
  return dialect.quote(name);
}

/** Validates a table name (`table`, `schema.table` or `catalog.schema.table`) and returns it quoted part by part. */
export function quoteTable(dialect: SqlDialect, name: string): string {
  const parts = name.split(".");
  if (parts.length > 3) throw new SqlIdentifierError(name, "table");
  parts.forEach((part, index) => {
    const projectPart = dialect.name === "bigquery" && parts.length === 3 && index === 0;
    const ok = SQL_IDENTIFIER_PATTERN.test(part) || (projectPart && BIGQUERY_PROJECT_PATTERN.test(part));
    if (!ok) throw new SqlIdentifierError(name, "table");
  });
  return parts.map((part) => dialect.quote(part)).join(".");
}

/** Collects bound parameters in order and hands out their placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: SqlDialect) {}

  bind(value: string | number, type: SqlParamType = "text"): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length, type);
  }
}

/** `2026-03-02 00:00:00.000` — the timestamp text every dialect parses as a UTC timestamp without zone. */
export function sqlTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("T", " ").replace("Z", "");
}
