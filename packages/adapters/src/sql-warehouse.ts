import { AdapterError } from "./adapter-error";
import type { MetricStatsRequest, WarehouseAdapter } from "./host-adapters";
import { type MetricDefinition, metricDefinitionSchema } from "./metric-definition";
import type { ExposureSummary } from "./metric-stats";
import {
  buildConnectionCheckQuery,
  buildExposureSummaryQuery,
  buildMetricStatsQuery,
  type EventsTableColumns,
  metricColumns,
} from "./metric-stats-sql";
import type { CovariateOptions } from "./reference-aggregation";
import type { SqlDialectName } from "./sql-dialect";
import type { MetricStatsRow } from "./stats-types";
import { datesBetween } from "./warehouse-event";

/** Runs SQL with bound parameters in the host's warehouse and returns plain row objects. */
export type SqlQueryFunction = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface SqlWarehouseOptions {
  dialect: SqlDialectName;
  /** The host's query function: the kit generates SQL and never holds credentials. */
  query: SqlQueryFunction;
  /** Default `events`; may be qualified (`analytics.events`). Validated and quoted. */
  eventsTable?: string;
  /** Column names when they differ from `identity_key, event_name, value, timestamp, flag_id, variant_key`. */
  columns?: Partial<EventsTableColumns>;
  /** Adds a pre-exposure CUPED covariate to occurrence, count, sum and mean metrics. */
  covariate?: CovariateOptions;
}

/** The warehouse adapter returned by {@link createSqlWarehouse}; it always offers the exposure health check. */
export type SqlWarehouseAdapter = WarehouseAdapter & Required<Pick<WarehouseAdapter, "fetchExposureSummary">>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalid(message: string, cause?: unknown): AdapterError {
  return new AdapterError("invalid-response", message, { cause, operation: "warehouse.fetchMetricStats" });
}

/** Lower-cases column names (Snowflake answers in upper case). */
function normalise(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]));
}

/** A driver value (number, bigint, numeric string, null) as a finite number. */
function toNumber(value: unknown, column: string): number {
  const n =
    typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : value === null ? 0 : Number(value);
  if (typeof value === "string" && value.trim() === "") throw invalid(`The warehouse returned an empty ${column}.`);
  if (!Number.isFinite(n)) throw invalid(`The warehouse returned a value that is not a number in “${column}”.`);
  return n;
}

function toDay(value: unknown): string {
  if (value === null || value === undefined) throw invalid("The warehouse returned a daily row without a date.");
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalid(`The warehouse returned “${text}” where a date was expected.`);
  return text;
}

type Totals = Map<string, number>;

function addInto(target: Totals, source: Totals) {
  for (const [key, value] of source) target.set(key, (target.get(key) ?? 0) + value);
}

function statsFrom(metric: MetricDefinition, i: number, totals: Totals, covariate: boolean): MetricStatsRow["stats"] {
  const c = metricColumns(i);
  const get = (column: string) => totals.get(column) ?? 0;
  const n = get("n");
  const cov =
    covariate && metric.kind !== "ratio"
      ? {
          covariate: {
            sum: get(c.covariateSum),
            sumSquares: get(c.covariateSumSquares),
            crossSum: get(c.covariateCrossSum),
          },
        }
      : {};
  switch (metric.kind) {
    case "occurrence":
      return { kind: "proportion", n, sum: get(c.sum), ...cov };
    case "count":
    case "sum":
    case "mean":
      return { kind: "mean", n, sum: get(c.sum), sumSquares: get(c.sumSquares), ...cov };
    case "ratio":
      return {
        kind: "ratio",
        n,
        sum: get(c.sum),
        sumSquares: get(c.sumSquares),
        denominatorSum: get(c.denominatorSum),
        denominatorSumSquares: get(c.denominatorSumSquares),
        crossSum: get(c.crossSum),
      };
  }
}

/**
 * Turns the increment rows of {@link buildMetricStatsQuery} into `MetricStatsRow`s: totals, or per day cumulative
 * from the start date through the last day with data. Unknown variations or non-numbers are `invalid-response`.
 */
export function metricStatsFromRows(
  rows: readonly Record<string, unknown>[],
  request: MetricStatsRequest,
  options: { covariate?: CovariateOptions } = {},
): MetricStatsRow[] {
  const { experiment, metrics, granularity } = request;
  const keys = new Set(experiment.variations.map((v) => v.key));
  const byGroup = new Map<string, Map<string, Totals>>();
  for (const raw of rows) {
    const row = normalise(raw);
    if (row.variation_key === null || row.variation_key === undefined) {
      throw invalid("The warehouse returned a row without a variation key.");
    }
    const variationKey = String(row.variation_key);
    if (!keys.has(variationKey)) throw invalid(`The warehouse returned an unknown variation “${variationKey}”.`);
    const day = granularity === "day" ? toDay(row.day) : "";
    let days = byGroup.get(variationKey);
    if (!days) {
      days = new Map();
      byGroup.set(variationKey, days);
    }
    const totals: Totals = new Map();
    for (const [column, value] of Object.entries(row)) {
      if (column === "variation_key" || column === "day") continue;
      totals.set(column, toNumber(value, column));
    }
    const existing = days.get(day);
    if (existing) addInto(existing, totals);
    else days.set(day, totals);
  }
  const covariate = options.covariate !== undefined;
  const result: MetricStatsRow[] = [];
  if (granularity === "total") {
    for (const [i, metric] of metrics.entries()) {
      for (const variation of experiment.variations) {
        const totals = byGroup.get(variation.key)?.get("") ?? new Map();
        result.push({
          metricId: metric.id,
          variationKey: variation.key,
          stats: statsFrom(metric, i, totals, covariate),
        });
      }
    }
    return result;
  }
  const lastDay = [...byGroup.values()]
    .flatMap((days) => [...days.keys()])
    .sort()
    .at(-1);
  if (lastDay === undefined) return result;
  const dates = datesBetween(experiment.startDate, lastDay);
  for (const [i, metric] of metrics.entries()) {
    for (const variation of experiment.variations) {
      const running: Totals = new Map();
      const days = byGroup.get(variation.key);
      for (const date of dates) {
        const increment = days?.get(date);
        if (increment) addInto(running, increment);
        result.push({
          metricId: metric.id,
          variationKey: variation.key,
          date,
          stats: statsFrom(metric, i, running, covariate),
        });
      }
    }
  }
  return result;
}

/**
 * A `WarehouseAdapter` over the host's SQL warehouse (SPEC §7): generates dialect-specific SQL that returns only
 * sufficient statistics and runs it through `query`. Throws {@link SqlIdentifierError} at once for a table or
 * column name outside the strict identifier pattern.
 */
export function createSqlWarehouse(options: SqlWarehouseOptions): SqlWarehouseAdapter {
  const table = {
    dialect: options.dialect,
    eventsTable: options.eventsTable ?? "events",
    columns: options.columns ?? {},
  };
  const connectionCheck = buildConnectionCheckQuery(table);

  const run = async (sql: string, params: unknown[], operation: string) => {
    let rows: unknown;
    try {
      rows = await options.query(sql, params);
    } catch (error) {
      if (error instanceof AdapterError) throw error;
      throw new AdapterError("network", `The warehouse could not run the query: ${describe(error)}`, {
        cause: error,
        operation,
      });
    }
    if (!Array.isArray(rows) || rows.some((row) => typeof row !== "object" || row === null)) {
      throw new AdapterError("invalid-response", "The warehouse query function did not return a list of rows.", {
        operation,
      });
    }
    return rows as Record<string, unknown>[];
  };

  const hasWindow = (experiment: MetricStatsRequest["experiment"]) =>
    experiment.startDate !== "" && experiment.endDate !== "" && experiment.variations.length > 0;

  return {
    async testConnection() {
      try {
        await options.query(connectionCheck.sql, connectionCheck.params);
        return { ok: true, message: `Read the events table “${table.eventsTable}”.` };
      } catch (error) {
        return { ok: false, message: `Could not read the events table “${table.eventsTable}”: ${describe(error)}` };
      }
    },
    async fetchMetricStats(request) {
      const metrics = request.metrics.map((metric) => {
        const parsed = metricDefinitionSchema.safeParse(metric);
        if (!parsed.success) {
          throw new AdapterError("invalid-response", `The metric “${metric.name}” is not defined correctly.`, {
            cause: parsed.error,
            operation: "warehouse.fetchMetricStats",
          });
        }
        return parsed.data;
      });
      if (!hasWindow(request.experiment) || metrics.length === 0) {
        return request.granularity === "total" ? metricStatsFromRows([], { ...request, metrics }) : [];
      }
      const statement = buildMetricStatsQuery({
        ...table,
        experiment: request.experiment,
        metrics,
        granularity: request.granularity,
        ...(options.covariate ? { covariate: options.covariate } : {}),
      });
      const rows = await run(statement.sql, statement.params, "warehouse.fetchMetricStats");
      return metricStatsFromRows(
        rows,
        { ...request, metrics },
        options.covariate ? { covariate: options.covariate } : {},
      );
    },
    async fetchExposureSummary({ experiment }): Promise<ExposureSummary> {
      const exposures: Record<string, number> = Object.fromEntries(experiment.variations.map((v) => [v.key, 0]));
      if (!hasWindow(experiment)) return { exposures, excludedMultipleVariations: 0 };
      const statement = buildExposureSummaryQuery({ ...table, experiment });
      const rows = await run(statement.sql, statement.params, "warehouse.fetchExposureSummary");
      let excludedMultipleVariations = 0;
      for (const raw of rows) {
        const row = normalise(raw);
        const key = String(row.variation_key);
        if (!Object.hasOwn(exposures, key)) throw invalid(`The warehouse returned an unknown variation “${key}”.`);
        exposures[key] = toNumber(row.exposed, "exposed");
        excludedMultipleVariations += toNumber(row.excluded, "excluded");
      }
      return { exposures, excludedMultipleVariations };
    },
  };
}
