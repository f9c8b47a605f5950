import { type EventsSource, type EventsTableSchema, resolveEventsSource } from "./events-table-schema";
import type { Experiment } from "./experiment";
import type { MetricStatsGranularity } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import { clickHouseMetricStatsSql } from "./metric-stats-sql-clickhouse";
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

/** Names of the per-metric result columns of the metric stats query (metric `i` of the request). */
export function metricColumns(i: number) {
  return {
    sum: `m${i}_sum`,
    sumSquares: `m${i}_sum_squares`,
    denominatorSum: `m${i}_den_sum`,
    denominatorSumSquares: `m${i}_den_sum_squares`,
    crossSum: `m${i}_cross_sum`,
    covariateSum: `m${i}_cov_sum`,
    covariateSumSquares: `m${i}_cov_sum_squares`,
    covariateCrossSum: `m${i}_cov_cross_sum`,
  };
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
 * The exposure CTEs shared by every query: per identity (never a missing or empty one) its first exposure to the
 * flag inside the window, the variant of it, and how many distinct variant values it was exposed to.
 */
function exposureCtes(ctx: Context, experiment: ExperimentForSql, window: { start: number; end: number }): string {
  const { d, p, source: s } = ctx;
  // Placeholders are bound in the order they appear in the text (`?` dialects are positional).
  const exposureEvent = p.bind(EXPOSURE_EVENT_NAME);
  const flag = p.bind(flagValue(s, experiment));
  const environment = environmentFilter(ctx);
  const start = p.bindInstant(window.start);
  const end = p.bindInstant(window.end);
  const keys = experiment.variations.map((v) => p.bind(v.key)).join(", ");
  return `WITH exposures AS (
  SELECT ${s.identity} AS x_identity, MIN(${s.timestamp}) AS x_first, MIN(${s.variant}) AS x_variant,
    COUNT(DISTINCT COALESCE(${s.variant}, '')) AS x_variants
  FROM ${s.table}
  WHERE ${s.event} = ${exposureEvent}
    AND ${s.flag} = ${flag}${environment}
    AND ${d.instant(s.timestamp)} >= ${start}
    AND ${d.instant(s.timestamp)} < ${end}
    AND ${s.identity} <> ''
  GROUP BY ${s.identity}
),
assigned AS (
  SELECT x_identity AS a_identity, x_variant AS a_variant, x_first AS a_first
  FROM exposures
  WHERE x_variants = 1 AND x_variant IN (${keys})
)`;
}

/** Per-identity value columns of a metric: how the identity's value (and a ratio's denominator) is built. */
interface EventColumns {
  /** Column with the identity's number of events of this name. */
  count: string;
  /** Column with the sum of their values. */
  sum: string;
}

/** The identity's metric value from its event columns (`get` reads a column through some day). */
function identityValue(m: MetricDefinition, e: EventColumns, get: (column: string) => string): string {
  switch (m.kind) {
    case "occurrence":
      return `(CASE WHEN ${get(e.count)} > 0 THEN 1 ELSE 0 END)`;
    case "count":
      return get(e.count);
    case "mean":
      return `(CASE WHEN ${get(e.count)} > 0 THEN ${get(e.sum)} / ${get(e.count)} ELSE 0 END)`;
    case "sum":
    case "ratio":
      return get(e.sum);
  }
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
  const anyCovariate = metrics.some(withCovariate);

  if (d.name === "clickhouse") {
    const sql = clickHouseMetricStatsSql({
      d,
      p,
      source: s,
      environmentKey: ctx.environmentKey,
      flag: flagValue(s, experiment),
      variationKeys: experiment.variations.map((v) => v.key),
      window,
      metrics,
      daily,
      preExposureDays: anyCovariate ? Math.max(0, Math.round(covariate?.preExposureDays ?? 0)) : null,
      columns: metricColumns,
    });
    return { sql, params: p.values };
  }

  const parts: string[] = [exposureCtes(ctx, experiment, window)];

  // One count and one sum column per event name, shared by the metrics that read it.
  const eventNames = [
    ...new Set(metrics.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])])),
  ];
  const eventColumns = new Map(eventNames.map((name, j) => [name, { count: `e${j}_n`, sum: `e${j}_s` }]));
  const columnsOf = (name: string) => eventColumns.get(name) as EventColumns;
  const needsSum = new Set(
    metrics.filter((m) => m.kind === "sum" || m.kind === "mean" || m.kind === "ratio").map((m) => m.eventName),
  );

  const names = eventNames.map((name) => p.bind(name)).join(", ");
  const environment = environmentFilter(ctx);
  const lowerBound = anyCovariate
    ? p.bindInstant(window.start - Math.max(0, Math.round(covariate?.preExposureDays ?? 0)) * 86_400_000)
    : p.bindInstant(window.start);
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
  WHERE me_ts >= ${anyCovariate ? d.minusDays("a_first", p.bind(Math.max(0, Math.round(covariate?.preExposureDays ?? 0)), "integer")) : "a_first"}
)`);

  // Per-event conditional aggregates: after exposure (the metric), and before it (the CUPED covariate).
  const aggregates = (when: string, suffix: string) =>
    eventNames.flatMap((name) => {
      const c = columnsOf(name);
      // One parameter per placeholder: positional `?` dialects cannot use one twice.
      const lines = [`    SUM(CASE WHEN me_event = ${p.bind(name)}${when} THEN 1 ELSE 0 END) AS ${c.count}${suffix}`];
      if (needsSum.has(name)) {
        lines.push(
          `    SUM(CASE WHEN me_event = ${p.bind(name)}${when} THEN me_value ELSE 0 END) AS ${c.sum}${suffix}`,
        );
      }
      return lines;
    });

  if (anyCovariate) {
    parts.push(`identity_pre AS (
  SELECT me_a_identity AS pre_identity,
${aggregates("", "").join(",\n")}
  FROM metric_events
  WHERE me_ts < me_first
  GROUP BY me_a_identity
)`);
  }

  const dayExpression = d.dayNumber("me_ts");
  parts.push(`identity_days AS (
  SELECT me_a_identity AS id_identity, me_variant AS id_variant,${daily ? ` ${dayExpression} AS id_day,` : ""}
${aggregates("", "").join(",\n")}
  FROM metric_events
  WHERE me_ts >= me_first
  GROUP BY me_a_identity, me_variant${daily ? `, ${dayExpression}` : ""}
)`);

  // Per identity (and day): the day's part of each column (`_add`) and, for days, its running sum through that day
  // (`_now`). "Before" (through the identity's previous active day) is `_now - _add`.
  const valueNames = eventNames.flatMap((name) => {
    const c = columnsOf(name);
    return needsSum.has(name) ? [c.count, c.sum] : [c.count];
  });
  const running = "PARTITION BY id_identity ORDER BY id_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
  const valueColumns = valueNames.flatMap((name) =>
    daily
      ? [`    ${name} AS ${name}_add`, `    SUM(${name}) OVER (${running}) AS ${name}_now`]
      : [`    ${name} AS ${name}_add`],
  );
  parts.push(`identity_values AS (
  SELECT id_identity AS iv_identity, id_variant AS iv_variant,${daily ? " id_day AS iv_day," : ""}
${valueColumns.join(",\n")}
  FROM identity_days
)`);

  /** A value column through this day: its running sum, or for totals the identity's whole value. */
  const through = (name: string) => (daily ? `${name}_now` : `${name}_add`);
  /** A value column through the identity's previous active day. */
  const before = (name: string) => `(${name}_now - ${name}_add)`;
  /** `SUM(now·now' − was·was')`: the day's change of a product of two per-identity values (a square, a cross sum). */
  const products = (a: [string, string | null], b: [string, string | null]) =>
    a[1] === null || b[1] === null ? `SUM(${a[0]} * ${b[0]})` : `SUM(${a[0]} * ${b[0]} - ${a[1]} * ${b[1]})`;
  const pre = (m: MetricDefinition) =>
    identityValue(m, columnsOf(m.eventName), (column) => `COALESCE(pre_${column}, 0)`);

  type Column = { name: string; exposure: string; metric: string };
  const output: Column[] = [{ name: "n", exposure: "COUNT(*)", metric: "0" }];
  metrics.forEach((m, i) => {
    const c = metricColumns(i);
    const e = columnsOf(m.eventName);
    const now = identityValue(m, e, through);
    const was = daily ? identityValue(m, e, before) : null;
    // The day's change of the identity's value: the day's part where the value is a sum of parts.
    const linear = m.kind === "count" || m.kind === "sum" || m.kind === "ratio";
    const change = was === null ? now : linear ? identityValue(m, e, (column) => `${column}_add`) : `(${now} - ${was})`;
    output.push({ name: c.sum, exposure: "0", metric: `SUM(${change})` });
    if (m.kind !== "occurrence")
      output.push({ name: c.sumSquares, exposure: "0", metric: products([now, was], [now, was]) });
    if (m.kind === "ratio" && m.denominatorEventName) {
      const den = columnsOf(m.denominatorEventName).count;
      const denNow = through(den);
      const denWas = daily ? before(den) : null;
      output.push({ name: c.denominatorSum, exposure: "0", metric: `SUM(${den}_add)` });
      output.push({
        name: c.denominatorSumSquares,
        exposure: "0",
        metric: products([denNow, denWas], [denNow, denWas]),
      });
      output.push({ name: c.crossSum, exposure: "0", metric: products([now, was], [denNow, denWas]) });
    }
    if (withCovariate(m)) {
      const x = pre(m);
      output.push({ name: c.covariateSum, exposure: `SUM(${x})`, metric: "0" });
      output.push({ name: c.covariateSumSquares, exposure: `SUM(${x} * ${x})`, metric: "0" });
      output.push({ name: c.covariateCrossSum, exposure: "0", metric: `SUM(${x} * ${change})` });
    }
  });

  const exposureDay = d.dayNumber("a_first");
  const preJoin = (key: string) => {
    if (!anyCovariate) return "";
    const columns = valueNames.map((name) => `${name} AS pre_${name}`).join(", ");
    return `\n  LEFT JOIN (SELECT pre_identity, ${columns} FROM identity_pre) pre ON pre.pre_identity = ${key}`;
  };
  const select = (columns: string[]) => columns.map((c) => `  ${c}`).join(",\n");
  parts.push(`exposure_increments AS (
  SELECT a_variant AS ei_variant,${daily ? ` ${exposureDay} AS ei_day,` : ""}
${select(output.map((c) => `${d.toDouble(c.exposure)} AS ei_${c.name}`))}
  FROM assigned${preJoin("a_identity")}
  GROUP BY a_variant${daily ? `, ${exposureDay}` : ""}
)`);
  parts.push(`metric_increments AS (
  SELECT iv_variant AS mi_variant,${daily ? " iv_day AS mi_day," : ""}
${select(output.map((c) => `${d.toDouble(c.metric)} AS mi_${c.name}`))}
  FROM identity_values${preJoin("iv_identity")}
  GROUP BY iv_variant${daily ? ", iv_day" : ""}
)`);

  const sql = `${parts.join(",\n")}
SELECT ei_variant AS variation_key,${daily ? " ei_day AS day," : ""}
${select(output.map((c) => `ei_${c.name} AS ${c.name}`))}
FROM exposure_increments
UNION ALL
SELECT mi_variant AS variation_key,${daily ? " mi_day AS day," : ""}
${select(output.map((c) => `mi_${c.name} AS ${c.name}`))}
FROM metric_increments`;
  return { sql, params: p.values };
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
  const ctes = exposureCtes(ctx, options.experiment, window);
  const group = "CASE WHEN x_variants = 1 THEN x_variant END";
  const sql = `${ctes},
counted AS (
  SELECT ${group} AS c_variant, COUNT(*) AS c_identities
  FROM exposures
  WHERE x_variants > 1 OR x_identity IN (SELECT a_identity FROM assigned)
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
