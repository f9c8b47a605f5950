/** SQL dialects the warehouse SQL is generated for. */
export type SqlDialectName = "duckdb" | "postgres" | "clickhouse" | "bigquery" | "snowflake";

export const SQL_DIALECTS: readonly SqlDialectName[] = ["duckdb", "postgres", "clickhouse", "bigquery", "snowflake"];

/**
 * Types a bound parameter can have (ClickHouse names them in the placeholder; the others cast). An `instant` is a
 * point in time, bound as the dialect's {@link SqlDialect.instantValue}.
 */
export type SqlParamType = "text" | "instant" | "integer";

/**
 * Text read as a number (Flagsmith's `value`): an optional sign, digits with an optional decimal point (or a
 * point and digits), an optional exponent. No spaces, no thousands separators, no `inf` or `nan`. Written with
 * `[.]` rather than an escaped dot so that every dialect's string literal keeps it as it is.
 */
export const NUMERIC_TEXT_PATTERN = "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$";

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
  /** What an `instant` parameter binds: epoch milliseconds, or UTC timestamp text where the dialect compares those. */
  instantValue(epochMs: number): number | string;
  /**
   * A timestamp column as something comparable with an `instant` parameter, the same for a timestamp without time
   * zone (UTC wall time) and one with a time zone, whatever the session's time zone.
   */
  instant(column: string): string;
  /** Days since 1970-01-01 of a timestamp column's UTC calendar day, as an integer (time-zone proof like `instant`). */
  dayNumber(column: string): string;
  /** Casts an expression to a double. */
  toDouble(expression: string): string;
  /**
   * A text expression as a double where it is a finite number written as {@link NUMERIC_TEXT_PATTERN}, else 0
   * (also for NULL). Never fails the query, whatever the text.
   */
  numberFromText(expression: string): string;
  /** A timestamp expression minus a number of days given as an integer placeholder. */
  minusDays(expression: string, daysPlaceholder: string): string;
}

const doubleQuote = (part: string) => `"${part}"`;
const backtick = (part: string) => `\`${part}\``;
/** `2026-03-02 00:00:00.000` — UTC timestamp text without zone. */
const utcText = (epochMs: number) => sqlTimestamp(epochMs);

export const sqlDialects: Record<SqlDialectName, SqlDialect> = {
  duckdb: {
    name: "duckdb",
    quote: doubleQuote,
    placeholder: (i, type) =>
      type === "instant" ? `CAST($${i} AS BIGINT)` : type === "integer" ? `CAST($${i} AS INTEGER)` : `$${i}`,
    instantValue: (t) => t,
    instant: (c) => `epoch_ms(${c})`,
    dayNumber: (c) => `CAST(floor(epoch_ms(${c}) / 86400000) AS INTEGER)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    numberFromText: (e) =>
      `COALESCE(CASE WHEN regexp_full_match(${e}, '${NUMERIC_TEXT_PATTERN}') AND isfinite(TRY_CAST(${e} AS DOUBLE)) THEN TRY_CAST(${e} AS DOUBLE) END, 0)`,
    minusDays: (e, days) => `(${e} - to_days(${days}))`,
  },
  postgres: {
    name: "postgres",
    quote: doubleQuote,
    // An instant is bound untyped, as UTC text with an explicit zone: PostgreSQL types it after the column it is
    // compared with, so a `timestamp` column reads it as UTC wall time and a `timestamptz` column as the instant,
    // whatever the session's time zone — and the comparison can use an index.
    placeholder: (i, type) => (type === "integer" ? `CAST($${i} AS integer)` : `$${i}`),
    instantValue: (t) => `${sqlTimestamp(t)}+00`,
    instant: (c) => c,
    dayNumber: (c) => `CAST(floor(extract(epoch FROM ${c}) / 86400) AS integer)`,
    toDouble: (e) => `CAST(${e} AS double precision)`,
    // numeric holds any exponent up to 4 digits; values a double cannot hold (or hardly: below 1e-300) count as 0.
    numberFromText: (e) =>
      `(CASE WHEN ${e} ~ '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]{1,4})?$' AND length(${e}) <= 400 THEN (CASE WHEN abs(CAST(${e} AS numeric)) < 1.7976931348623157e308 AND abs(CAST(${e} AS numeric)) >= 1e-300 THEN CAST(CAST(${e} AS numeric) AS double precision) ELSE 0 END) ELSE 0 END)`,
    minusDays: (e, days) => `(${e} - ${days} * INTERVAL '1 day')`,
  },
  clickhouse: {
    name: "clickhouse",
    quote: backtick,
    placeholder: (i, type) =>
      `{p${i}:${type === "instant" ? "DateTime64(3, 'UTC')" : type === "integer" ? "UInt32" : "String"}}`,
    instantValue: utcText,
    // DateTime64 is an instant whatever the column's display time zone.
    instant: (c) => c,
    dayNumber: (c) => `toInt32(toDate32(${c}, 'UTC'))`,
    toDouble: (e) => `toFloat64(${e})`,
    numberFromText: (e) => `ifNull(if(isFinite(toFloat64OrZero(${e})), toFloat64OrZero(${e}), 0), 0)`,
    minusDays: (e, days) => `(${e} - toIntervalDay(${days}))`,
  },
  bigquery: {
    name: "bigquery",
    quote: backtick,
    placeholder: (_i, type) =>
      type === "instant" ? "CAST(? AS TIMESTAMP)" : type === "integer" ? "CAST(? AS INT64)" : "?",
    instantValue: utcText,
    // BigQuery's TIMESTAMP is an instant (UTC).
    instant: (c) => c,
    dayNumber: (c) => `UNIX_DATE(DATE(${c}, 'UTC'))`,
    toDouble: (e) => `CAST(${e} AS FLOAT64)`,
    numberFromText: (e) =>
      `COALESCE(IF(REGEXP_CONTAINS(${e}, r'${NUMERIC_TEXT_PATTERN}') AND NOT IS_INF(SAFE_CAST(${e} AS FLOAT64)), SAFE_CAST(${e} AS FLOAT64), 0), 0)`,
    minusDays: (e, days) => `TIMESTAMP_SUB(${e}, INTERVAL ${days} DAY)`,
  },
  snowflake: {
    name: "snowflake",
    quote: doubleQuote,
    placeholder: (_i, type) =>
      type === "instant" ? "CAST(? AS BIGINT)" : type === "integer" ? "CAST(? AS INTEGER)" : "?",
    instantValue: (t) => t,
    instant: (c) => `DATE_PART(epoch_millisecond, ${c})`,
    dayNumber: (c) => `CAST(FLOOR(DATE_PART(epoch_millisecond, ${c}) / 86400000) AS INTEGER)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    numberFromText: (e) =>
      `COALESCE(IFF(REGEXP_LIKE(${e}, '${NUMERIC_TEXT_PATTERN}') AND ABS(TRY_TO_DOUBLE(${e})) < 'inf'::DOUBLE, TRY_TO_DOUBLE(${e}), 0), 0)`,
    minusDays: (e, days) => `DATEADD(day, -1 * ${days}, ${e})`,
  },
};

/** A name for an error message, without calling anything on a value that is not text. */
function describeName(name: unknown): string {
  return typeof name === "string" ? name : `(${name === null ? "null" : typeof name})`;
}

/** Validates a column name and returns it quoted for `dialect`. */
export function quoteColumn(dialect: SqlDialect, name: string): string {
  if (typeof name !== "string" || !SQL_IDENTIFIER_PATTERN.test(name))
    throw new SqlIdentifierError(describeName(name), "column");
  return dialect.quote(name);
}

/** Validates a table name (`table`, `schema.table` or `catalog.schema.table`) and returns it quoted part by part. */
export function quoteTable(dialect: SqlDialect, name: string): string {
  if (typeof name !== "string") throw new SqlIdentifierError(describeName(name), "table");
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

  /** Binds a point in time (epoch milliseconds) the way the dialect compares it with {@link SqlDialect.instant}. */
  bindInstant(epochMs: number): string {
    return this.bind(this.dialect.instantValue(epochMs), "instant");
  }
}

/** `2026-03-02 00:00:00.000` — the timestamp text every dialect parses as a UTC timestamp without zone. */
export function sqlTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("T", " ").replace("Z", "");
}
