import { type EventsSource, type EventsTableSchema, resolveEventsSource } from "./events-table-schema";
import type { Experiment } from "./experiment";
import type { MetricStatsGranularity } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import { metricEvents, outputColumns } from "./metric-stats-columns";
import type { MetricStatsPlanInput } from "./metric-stats-plan";
import { CLICKHOUSE_MAX_EVENT_NAMES, clickHouseMetricStatsSql } from "./metric-stats-sql-clickhouse";
import { duckDbMetricStatsSql } from "./metric-stats-sql-duckdb";
import type { CovariateOptions } from "./reference-aggregation";
import { type SqlDialect, type SqlDialectName, SqlParams, sqlDialects } from "./sql-dialect";
import { EXPOSURE_EVENT_NAME, experimentWindow } from "./warehouse-event";

export type { EventsTableColumns, EventsTableSchema } from "./events-table-schema";
export { DEFAULT_EVENTS_TABLE_COLUMNS } from "./events-table-schema";

export interface SqlTableOptions {
  dialect: SqlDialectName;
  /** Table name, optionally qualified (`analytics.events`). Default `events`. */
  eventsTable?: string;
  /** Which events table: `"kit"` (default, docs/warehouse-sql.md), `"flagsmith"` (Flagsmith's table) or kit column names. */
  schema?: EventsTableSchema;
  /**
   * The environment whose events count (Flagsmith environment key). Required by the `flagsmith` schema, whose one
   * table holds every environment; the kit's table has no environment column.
   */
  environmentKey?: string;
}

/** What the SQL needs from an experiment. */
export type ExperimentForSql = Pick<
  Experiment,
  "flagId" | "flagName" | "environmentKey" | "startDate" | "endDate" | "variations" | "launchedAt" | "stoppedAt"
>;

export interface MetricStatsQueryOptions extends SqlTableOptions {
  experiment: ExperimentForSql;
  metrics: readonly MetricDefinition[];
  granularity: MetricStatsGranularity;
  /** Adds pre-exposure covariate sums (CUPED) for occurrence, count, sum and mean metrics. */
  covariate?: CovariateOptions;
  /** Ends the window of an experiment that has launched and not stopped. Default: the current time. */
  now?: Date;
}

/** A generated statement: SQL text with placeholders, and the values to bind, in order. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** A request the SQL cannot be written for (no environment for Flagsmith's table, an impossible date…). */
export class WarehouseRequestError extends RangeError {
  override readonly name = "WarehouseRequestError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface Context {
  d: SqlDialect;
  p: SqlParams;
  source: EventsSource;
  environmentKey: string | null;
}

function context(options: SqlTableOptions, experiment?: Pick<ExperimentForSql, "environmentKey">): Context {
  const d = sqlDialects[options.dialect];
  if (!d) throw new RangeError(`Unknown SQL dialect ${JSON.stringify(options.dialect)}.`);
  const source = resolveEventsSource(d, options.eventsTable ?? "events", options.schema ?? "kit");
  let environmentKey: string | null = null;
  if (source.environment !== null) {
    const configured = options.environmentKey ?? "";
    const experimentKey = experiment?.environmentKey ?? "";
    if (configured !== "" && experimentKey !== "" && configured !== experimentKey) {
      throw new WarehouseRequestError(
        `This experiment runs in the environment “${experimentKey}”, but the warehouse reads “${configured}”.`,
        "environmentKey",
      );
    }
    environmentKey = configured || experimentKey;
    if (environmentKey === "") {
      throw new WarehouseRequestError(
        "Flagsmith's events table holds every environment: give the warehouse (or the experiment) an environment key.",
        "environmentKey",
      );
    }
  }
  return { d, p: new SqlParams(d), source, environmentKey };
}

/** `AND environment = …` for tables with an environment column. */
function environmentFilter(ctx: Context, column: (name: string) => string = (name) => name): string {
  const { source, environmentKey, p } = ctx;
  return source.environment === null || environmentKey === null
    ? ""
    : `\n    AND ${column(source.environment)} = ${p.bind(environmentKey)}`;
}

/** The flag as the table names it: its name (Flagsmith) or its id (kit). */
function flagValue(source: EventsSource, experiment: ExperimentForSql): string {
  const flag = source.flagMatchedBy === "name" ? experiment.flagName : experiment.flagId;
  if (typeof flag !== "string" || flag === "") {
    throw new WarehouseRequestError(
      source.flagMatchedBy === "name"
        ? "Flagsmith's events name the flag: the experiment needs its flag's name."
        : "The experiment needs a flag.",
      source.flagMatchedBy === "name" ? "flagName" : "flagId",
    );
  }
  return flag;
}

/**
 * The exposures CTE: per identity (never a missing or empty one) its first exposure to the flag inside the window and
 * the least and greatest of its variant values (equal: it saw one; a missing value counts as the empty one).
 */
function exposuresCte(ctx: Context, experiment: ExperimentForSql, window: { start: number; end: number }): string {
  const { d, p, source: s } = ctx;
  // Placeholders are bound in the order they appear in the text (`?` dialects are positional).
  const exposureEvent = p.bind(EXPOSURE_EVENT_NAME);
  const flag = p.bind(flagValue(s, experiment));
  const environment = environmentFilter(ctx);
  const start = p.bindInstant(window.start);
  const end = p.bindInstant(window.end);
  return `exposures AS (
  SELECT ${s.identity} AS x_identity, MIN(${s.timestamp}) AS x_first, MIN(COALESCE(${s.variant}, '')) AS x_variant,
    MAX(COALESCE(${s.variant}, '')) AS x_last_variant
  FROM ${s.table}
  WHERE ${s.event} = ${exposureEvent}
    AND ${s.flag} = ${flag}${environment}
    AND ${d.instant(s.timestamp)} >= ${start}
    AND ${d.instant(s.timestamp)} < ${end}
    AND ${s.identity} <> ''
  GROUP BY ${s.identity}
)`;
}

/** `… IN (keys)`: the experiment's variation keys, bound here. */
function variationKeys(ctx: Context, experiment: ExperimentForSql): string {
  return experiment.variations.map((v) => ctx.p.bind(v.key)).join(", ");
}

/**
 * SQL for per-variation sufficient statistics (docs/warehouse-sql.md). Returns increments — totals per variation, or per
 * variation and day (`day` = days since 1970-01-01, UTC) — as rows `variation_key[, day], n, m{i}_sum, …`;
 * {@link metricStatsFromRows} turns them into cumulative `MetricStatsRow`s. The work (and the payload) is one row
 * per variation (× day), whatever the number of events. Every value is a bound parameter; identifiers are validated
 * and quoted. Throws {@link WarehouseRequestError} or `ExperimentWindowError` before writing any SQL for a request
 * no warehouse could answer.
 */
export function buildMetricStatsQuery(options: MetricStatsQueryOptions): SqlStatement {
  const { experiment, metrics, granularity, covariate } = options;
  const ctx = context(options, experiment);
  const { d, p, source: s } = ctx;
  const daily = granularity === "day";
  const window = experimentWindow(experiment, options.now);
  const withCovariate = (m: MetricDefinition) => covariate !== undefined && m.kind !== "ratio";
  const preExposureDays = metrics.some(withCovariate) ? Math.max(0, Math.round(covariate?.preExposureDays ?? 0)) : null;

  if (d.name === "clickhouse" && metricEvents(metrics).names.length > CLICKHOUSE_MAX_EVENT_NAMES) {
    throw new WarehouseRequestError(
      `One ClickHouse query reads at most ${CLICKHOUSE_MAX_EVENT_NAMES} event names: ask for fewer metrics at a time.`,
      "metrics",
    );
  }
  // DuckDB and ClickHouse aggregate each identity's events in one pass; the others join events to exposures.
  const plan = d.name === "clickhouse" ? clickHouseMetricStatsSql : d.name === "duckdb" ? duckDbMetricStatsSql : null;
  if (plan) {
    const input: MetricStatsPlanInput = {
      d,
      p,
      source: s,
      environmentKey: ctx.environmentKey,
      flag: flagValue(s, experiment),
      variationKeys: experiment.variations.map((v) => v.key),
      window,
      metrics,
      daily,
      preExposureDays,
    };
    return { sql: plan(input), params: p.values };
  }
  return { sql: portableMetricStatsSql(ctx, experiment, window, metrics, daily, preExposureDays), params: p.values };
}

/**
 * The portable plan (PostgreSQL, BigQuery, Snowflake): assigned identities from the exposures, metric events joined
 * to them, per identity (and day) value columns, running sums over the identity's days, and per variation (and day)
 * the exposure increments and the metric increments.
 */
function portableMetricStatsSql(
  ctx: Context,
  experiment: ExperimentForSql,
  window: { start: number; end: number },
  metrics: readonly MetricDefinition[],
  daily: boolean,
  preExposureDays: number | null,
): string {
  const { d, p, source: s } = ctx;
  const parts: string[] = [
    `WITH ${exposuresCte(ctx, experiment, window)},
assigned AS (
  SELECT x_identity AS a_identity, x_variant AS a_variant, x_first AS a_first
  FROM exposures
  WHERE x_variant = x_last_variant AND x_variant IN (${variationKeys(ctx, experiment)})
)`,
  ];
  // One count and one sum column per event name, shared by the metrics that read it.
  const events = metricEvents(metrics);

  const names = events.names.map((name) => p.bind(name)).join(", ");
  const environment = environmentFilter(ctx);
  const lowerBound = p.bindInstant(window.start - (preExposureDays ?? 0) * 86_400_000);
  const end = p.bindInstant(window.end);
  const value = s.valueIsText ? d.numberFromText("me_raw_value") : d.toDouble("me_raw_value");
  // Flagsmith delivers events at least once: an exact repeat (identity, event, time, value) counts once.
  parts.push(`metric_rows AS (
  SELECT ${s.deduplicate ? "DISTINCT " : ""}${s.identity} AS me_identity, ${s.event} AS me_event, ${s.timestamp} AS me_ts, ${s.value} AS me_raw_value
  FROM ${s.table}
  WHERE ${s.event} IN (${names})${environment}
    AND ${d.instant(s.timestamp)} >= ${lowerBound}
    AND ${d.instant(s.timestamp)} < ${end}
    AND ${s.identity} <> ''
),
metric_events AS (
  SELECT a_identity AS me_a_identity, a_variant AS me_variant, a_first AS me_first, me_event, me_ts,
    COALESCE(${value}, 0) AS me_value
  FROM metric_rows
  JOIN assigned ON me_identity = a_identity
  WHERE me_ts >= ${preExposureDays === null ? "a_first" : d.minusDays("a_first", p.bind(preExposureDays, "integer"))}
)`);

  // Per-event conditional aggregates: after exposure (the metric), and before it (the CUPED covariate).
  const aggregates = () =>
    events.names.flatMap((name) => {
      const c = events.columnsOf(name);
      // One parameter per placeholder: positional `?` dialects cannot use one twice.
      const lines = [`    SUM(CASE WHEN me_event = ${p.bind(name)} THEN 1 ELSE 0 END) AS ${c.count}`];
      if (events.summed(name)) {
        lines.push(`    SUM(CASE WHEN me_event = ${p.bind(name)} THEN me_value ELSE 0 END) AS ${c.sum}`);
      }
      return lines;
    });

  if (preExposureDays !== null) {
    parts.push(`identity_pre AS (
  SELECT me_a_identity AS pre_identity,
${aggregates().join(",\n")}
  FROM metric_events
  WHERE me_ts < me_first
  GROUP BY me_a_identity
)`);
  }

  const dayExpression = d.dayNumber("me_ts");
  parts.push(`identity_days AS (
  SELECT me_a_identity AS id_identity, me_variant AS id_variant,${daily ? ` ${dayExpression} AS id_day,` : ""}
${aggregates().join(",\n")}
  FROM metric_events
  WHERE me_ts >= me_first
  GROUP BY me_a_identity, me_variant${daily ? `, ${dayExpression}` : ""}
)`);

  // Per identity (and day): the day's part of each column (`_add`) and, for days, its running sum through that day
  // (`_now`). "Before" (through the identity's previous active day) is `_now - _add`.
  const running = "PARTITION BY id_identity ORDER BY id_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
  const valueColumns = events.valueColumns.flatMap((name) =>
    daily
      ? [`    ${name} AS ${name}_add`, `    SUM(${name}) OVER (${running}) AS ${name}_now`]
      : [`    ${name} AS ${name}_add`],
  );
  parts.push(`identity_values AS (
  SELECT id_identity AS iv_identity, id_variant AS iv_variant,${daily ? " id_day AS iv_day," : ""}
${valueColumns.join(",\n")}
  FROM identity_days
)`);

  const output = outputColumns(metrics, events, {
    daily,
    withCovariate: (m) => preExposureDays !== null && m.kind !== "ratio",
  });
  const sum = (expression: string | null) => d.toDouble(expression === null ? "0" : `SUM(${expression})`);
  const exposureDay = d.dayNumber("a_first");
  const preJoin = (key: string) => {
    if (preExposureDays === null) return "";
    const columns = events.valueColumns.map((name) => `${name} AS pre_${name}`).join(", ");
    return `\n  LEFT JOIN (SELECT pre_identity, ${columns} FROM identity_pre) pre ON pre.pre_identity = ${key}`;
  };
  const select = (columns: string[]) => columns.map((c) => `  ${c}`).join(",\n");
  parts.push(`exposure_increments AS (
  SELECT a_variant AS ei_variant,${daily ? ` ${exposureDay} AS ei_day,` : ""}
${select(output.map((c) => `${sum(c.exposure)} AS ei_${c.name}`))}
  FROM assigned${preJoin("a_identity")}
  GROUP BY a_variant${daily ? `, ${exposureDay}` : ""}
)`);
  parts.push(`metric_increments AS (
  SELECT iv_variant AS mi_variant,${daily ? " iv_day AS mi_day," : ""}
${select(output.map((c) => `${sum(c.metric)} AS mi_${c.name}`))}
  FROM identity_values${preJoin("iv_identity")}
  GROUP BY iv_variant${daily ? ", iv_day" : ""}
)`);

  return `${parts.join(",\n")}
SELECT ei_variant AS variation_key,${daily ? " ei_day AS day," : ""}
${select(output.map((c) => `ei_${c.name} AS ${c.name}`))}
FROM exposure_increments
UNION ALL
SELECT mi_variant AS variation_key,${daily ? " mi_day AS day," : ""}
${select(output.map((c) => `mi_${c.name} AS ${c.name}`))}
FROM metric_increments`;
}

/**
 * SQL for the exposure health check: identities per variation, and one row with no variation key counting the
 * identities excluded for seeing more than one variant value (`variation_key, identities`).
 */
export function buildExposureSummaryQuery(
  options: SqlTableOptions & { experiment: ExperimentForSql; now?: Date },
): SqlStatement {
  const ctx = context(options, options.experiment);
  const { d, p } = ctx;
  const window = experimentWindow(options.experiment, options.now);
  const exposures = exposuresCte(ctx, options.experiment, window);
  const group = "CASE WHEN x_variant = x_last_variant THEN x_variant END";
  const sql = `WITH ${exposures},
counted AS (
  SELECT ${group} AS c_variant, COUNT(*) AS c_identities
  FROM exposures
  WHERE x_variant <> x_last_variant OR x_variant IN (${variationKeys(ctx, options.experiment)})
  GROUP BY ${group}
)
SELECT c_variant AS variation_key, ${d.toDouble("c_identities")} AS identities
FROM counted`;
  return { sql, params: p.values };
}

/** SQL that reads one row of the events table: checks the table and every column the kit reads exist. */
export function buildConnectionCheckQuery(options: SqlTableOptions): SqlStatement {
  const d = sqlDialects[options.dialect];
  if (!d) throw new RangeError(`Unknown SQL dialect ${JSON.stringify(options.dialect)}.`);
  const s = resolveEventsSource(d, options.eventsTable ?? "events", options.schema ?? "kit");
  const columns = [
    ...new Set([
      s.identity,
      s.event,
      s.value,
      s.timestamp,
      s.flag,
      s.variant,
      ...(s.environment ? [s.environment] : []),
    ]),
  ];
  return { sql: `SELECT ${columns.join(", ")} FROM ${s.table} LIMIT 1`, params: [] };
}
