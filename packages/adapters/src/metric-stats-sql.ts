import type { Experiment } from "./experiment";
import type { MetricStatsGranularity } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import type { CovariateOptions } from "./reference-aggregation";
import {
  quoteColumn,
  quoteTable,
  type SqlDialect,
  type SqlDialectName,
  SqlParams,
  sqlDialects,
  sqlTimestamp,
} from "./sql-dialect";
import { EXPOSURE_EVENT_NAME, experimentWindow } from "./warehouse-event";

/** Column names of the events table (SPEC §7); rename them when your table differs. */
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

export interface SqlTableOptions {
  dialect: SqlDialectName;
  /** Table name, optionally qualified (`analytics.events`). Default `events`. */
  eventsTable?: string;
  columns?: Partial<EventsTableColumns>;
}

export interface MetricStatsQueryOptions extends SqlTableOptions {
  experiment: Pick<Experiment, "flagId" | "startDate" | "endDate" | "variations">;
  metrics: readonly MetricDefinition[];
  granularity: MetricStatsGranularity;
  /** Adds pre-exposure covariate sums (CUPED) for occurrence, count and sum metrics. */
  covariate?: CovariateOptions;
}

/** A generated statement: SQL text with placeholders, and the values to bind, in order. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
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
  table: string;
  col: Record<keyof EventsTableColumns, string>;
}

function context(options: SqlTableOptions): Context {
  const d = sqlDialects[options.dialect];
  if (!d) throw new RangeError(`Unknown SQL dialect ${JSON.stringify(options.dialect)}.`);
  const columns = { ...DEFAULT_EVENTS_TABLE_COLUMNS, ...options.columns };
  const col = Object.fromEntries(Object.entries(columns).map(([key, name]) => [key, quoteColumn(d, name)])) as Record<
    keyof EventsTableColumns,
    string
  >;
  return { d, p: new SqlParams(d), table: quoteTable(d, options.eventsTable ?? "events"), col };
}

/** The exposures and first-exposure CTEs shared by every query (SPEC §7 exposure rule). */
function exposureCtes(ctx: Context, experiment: MetricStatsQueryOptions["experiment"]): string {
  const { p, col, table } = ctx;
  const window = experimentWindow(experiment);
  // Placeholders are bound in the order they appear in the text (`?` dialects are positional).
  const exposureEvent = p.bind(EXPOSURE_EVENT_NAME);
  const flagId = p.bind(experiment.flagId);
  const start = p.bind(sqlTimestamp(window.start), "timestamp");
  const end = p.bind(sqlTimestamp(window.end), "timestamp");
  const keys = experiment.variations.map((v) => p.bind(v.key)).join(", ");
  return `WITH exposures AS (
  SELECT ${col.identityKey} AS exp_identity, ${col.variantKey} AS exp_variant, ${col.timestamp} AS exp_ts
  FROM ${table}
  WHERE ${col.eventName} = ${exposureEvent}
    AND ${col.flagId} = ${flagId}
    AND ${col.timestamp} >= ${start}
    AND ${col.timestamp} < ${end}
    AND ${col.variantKey} IN (${keys})
),
first_exposures AS (
  SELECT exp_identity AS fe_identity, MIN(exp_ts) AS fe_exposed_at, MIN(exp_variant) AS fe_variant,
    COUNT(DISTINCT exp_variant) AS fe_variation_count
  FROM exposures
  GROUP BY exp_identity
)`;
}

/**
 * SQL for per-variation sufficient statistics (SPEC §7). Returns increments — totals per variation, or per
 * variation and day — as rows `variation_key[, day], n, m{i}_sum, …`; {@link metricStatsFromRows} turns them
 * into cumulative `MetricStatsRow`s. The work (and the payload) is one row per variation (× day), whatever
 * the number of events. Every value is a bound parameter; identifiers are validated and quoted.
 */
export function buildMetricStatsQuery(options: MetricStatsQueryOptions): SqlStatement {
  const ctx = context(options);
  const { d, p, col, table } = ctx;
  const { experiment, metrics, granularity, covariate } = options;
  const daily = granularity === "day";
  const window = experimentWindow(experiment);
  const withCovariate = (m: MetricDefinition) => covariate !== undefined && m.kind !== "ratio";
  const anyCovariate = metrics.some(withCovariate);
  const countsEvents = (m: MetricDefinition) => m.kind === "occurrence" || m.kind === "count";
  const unsupported = metrics.find((m) => m.kind === "mean");
  if (unsupported) {
    throw new RangeError(
      `The warehouse SQL cannot compute “${unsupported.name}” yet: metrics of kind “mean” (average value per identity) are not supported by this version.`,
    );
  }

  const parts: string[] = [exposureCtes(ctx, experiment)];
  parts.push(`assigned AS (
  SELECT fe_identity AS a_identity, fe_variant AS a_variant, fe_exposed_at AS a_exposed_at
  FROM first_exposures
  WHERE fe_variation_count = 1
)`);

  const eventNames = [
    ...new Set(metrics.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])])),
  ];
  const names = eventNames.map((name) => p.bind(name)).join(", ");
  const lowerBound = anyCovariate
    ? d.minusDays("a.a_exposed_at", p.bind(Math.max(0, Math.round(covariate?.preExposureDays ?? 0)), "integer"))
    : "a.a_exposed_at";
  const end = p.bind(sqlTimestamp(window.end), "timestamp");
  parts.push(`metric_events AS (
  SELECT a.a_identity AS me_identity, a.a_variant AS me_variant, a.a_exposed_at AS me_exposed_at,
    e.${col.eventName} AS me_event, COALESCE(${d.toDouble(`e.${col.value}`)}, 0) AS me_value, e.${col.timestamp} AS me_ts
  FROM ${table} e
  JOIN assigned a ON e.${col.identityKey} = a.a_identity
  WHERE e.${col.eventName} IN (${names})
    AND e.${col.timestamp} >= ${lowerBound}
    AND e.${col.timestamp} < ${end}
)`);

  if (anyCovariate) {
    const pre = metrics
      .map((m, i) =>
        withCovariate(m)
          ? `    SUM(CASE WHEN me_event = ${p.bind(m.eventName)} THEN ${countsEvents(m) ? "1" : "me_value"} ELSE 0 END) AS m${i}_pre`
          : null,
      )
      .filter((line): line is string => line !== null);
    parts.push(`identity_pre AS (
  SELECT me_identity AS pre_identity,
${pre.join(",\n")}
  FROM metric_events
  WHERE me_ts < me_exposed_at
  GROUP BY me_identity
)`);
  }

  const sums = metrics.flatMap((m, i) => {
    const lines = [
      `    SUM(CASE WHEN me_event = ${p.bind(m.eventName)} THEN ${countsEvents(m) ? "1" : "me_value"} ELSE 0 END) AS m${i}_num`,
    ];
    if (m.kind === "ratio" && m.denominatorEventName) {
      lines.push(`    SUM(CASE WHEN me_event = ${p.bind(m.denominatorEventName)} THEN 1 ELSE 0 END) AS m${i}_den`);
    }
    return lines;
  });
  const dayExpression = d.dayOf("me_ts");
  parts.push(`identity_days AS (
  SELECT me_identity AS id_identity, me_variant AS id_variant,${daily ? ` ${dayExpression} AS id_day,` : ""}
${sums.join(",\n")}
  FROM metric_events
  WHERE me_ts >= me_exposed_at
  GROUP BY me_identity, me_variant${daily ? `, ${dayExpression}` : ""}
)`);

  // Per identity (and day): the day's part of each column (`_add`) and, for days, its running sum through that day
  // (`_now`, one window per column). "Before" (through the identity's previous active day) is `_now - _add`.
  // Sums that are linear in the identity's value need no running sum: their daily increment is the day's part.
  const valueNames = metrics.flatMap((m, i) => [`m${i}_num`, ...(m.kind === "ratio" ? [`m${i}_den`] : [])]);
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
  /** A value column through the identity's previous active day; null for totals (nothing came before). */
  const before = (name: string) => (daily ? `(${name}_now - ${name}_add)` : null);
  /** The per-identity metric value from a value column: an occurrence counts identities with at least one event. */
  const y = (m: MetricDefinition, v: string) =>
    m.kind === "occurrence" ? `(CASE WHEN ${v} > 0 THEN 1 ELSE 0 END)` : v;
  /** `SUM(now² − before²)` of two per-identity values (their products, for a cross sum). */
  const squares = (aNow: string, aWas: string | null, bNow: string, bWas: string | null) =>
    aWas === null || bWas === null ? `SUM(${aNow} * ${bNow})` : `SUM(${aNow} * ${bNow} - ${aWas} * ${bWas})`;
  const x = (m: MetricDefinition, i: number) =>
    m.kind === "occurrence" ? `(CASE WHEN COALESCE(m${i}_pre, 0) > 0 THEN 1 ELSE 0 END)` : `COALESCE(m${i}_pre, 0)`;

  type Column = { name: string; exposure: string; metric: string };
  const output: Column[] = [{ name: "n", exposure: "COUNT(*)", metric: "0" }];
  metrics.forEach((m, i) => {
    const c = metricColumns(i);
    const num = `m${i}_num`;
    const now = y(m, through(num));
    const numBefore = before(num);
    const was = numBefore === null ? null : y(m, numBefore);
    // The day's change of the identity's value: the day's part, except for an occurrence's 0/1 indicator.
    const change = m.kind === "occurrence" ? (was === null ? now : `${now} - ${was}`) : `${num}_add`;
    output.push({ name: c.sum, exposure: "0", metric: `SUM(${change})` });
    if (m.kind !== "occurrence") {
      output.push({ name: c.sumSquares, exposure: "0", metric: squares(now, was, now, was) });
    }
    if (m.kind === "ratio") {
      const den = `m${i}_den`;
      output.push({ name: c.denominatorSum, exposure: "0", metric: `SUM(${den}_add)` });
      output.push({
        name: c.denominatorSumSquares,
        exposure: "0",
        metric: squares(through(den), before(den), through(den), before(den)),
      });
      output.push({ name: c.crossSum, exposure: "0", metric: squares(now, was, through(den), before(den)) });
    }
    if (withCovariate(m)) {
      output.push({ name: c.covariateSum, exposure: `SUM(${x(m, i)})`, metric: "0" });
      output.push({ name: c.covariateSumSquares, exposure: `SUM(${x(m, i)} * ${x(m, i)})`, metric: "0" });
      output.push({ name: c.covariateCrossSum, exposure: "0", metric: `SUM(${x(m, i)} * (${change}))` });
    }
  });

  const exposureDay = d.dayOf("a_exposed_at");
  const preJoin = (key: string) => (anyCovariate ? `\n  LEFT JOIN identity_pre ON pre_identity = ${key}` : "");
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
SELECT ei_variant AS variation_key,${daily ? ` ${d.formatDay("ei_day")} AS day,` : ""}
${select(output.map((c) => `ei_${c.name} AS ${c.name}`))}
FROM exposure_increments
UNION ALL
SELECT mi_variant AS variation_key,${daily ? ` ${d.formatDay("mi_day")} AS day,` : ""}
${select(output.map((c) => `mi_${c.name} AS ${c.name}`))}
FROM metric_increments`;
  return { sql, params: p.values };
}

/**
 * SQL for the exposure health check: identities per variation (`exposed`) and identities excluded for seeing
 * more than one variation (`excluded`, counted under the first key they saw alphabetically).
 */
export function buildExposureSummaryQuery(
  options: SqlTableOptions & { experiment: MetricStatsQueryOptions["experiment"] },
): SqlStatement {
  const ctx = context(options);
  const { d } = ctx;
  const sql = `${exposureCtes(ctx, options.experiment)}
SELECT fe_variant AS variation_key,
  ${d.toDouble("SUM(CASE WHEN fe_variation_count = 1 THEN 1 ELSE 0 END)")} AS exposed,
  ${d.toDouble("SUM(CASE WHEN fe_variation_count > 1 THEN 1 ELSE 0 END)")} AS excluded
FROM first_exposures
GROUP BY fe_variant`;
  return { sql, params: ctx.p.values };
}

/** SQL that reads one row of the events table: checks the table and every column exist. */
export function buildConnectionCheckQuery(options: SqlTableOptions): SqlStatement {
  const { col, table } = context(options);
  const columns = Object.values(col).join(", ");
  return { sql: `SELECT ${columns} FROM ${table} LIMIT 1`, params: [] };
}
