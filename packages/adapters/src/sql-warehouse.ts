import { AdapterError } from "./adapter-error";
import type { EventsTableSchema } from "./events-table-schema";
import type { MetricStatsRequest, WarehouseAdapter } from "./host-adapters";
import { type MetricDefinition, metricDefinitionSchema } from "./metric-definition";
import type { ExposureSummary } from "./metric-stats";
import { metricColumns } from "./metric-stats-columns";
import {
  buildConnectionCheckQuery,
  buildExposureSummaryQuery,
  buildMetricStatsQuery,
  WarehouseRequestError,
} from "./metric-stats-sql";
import type { CovariateOptions } from "./reference-aggregation";
import type { SqlDialectName } from "./sql-dialect";
import type { MetricStatsRow } from "./stats-types";
import { warehouseErrorKind } from "./warehouse-error";
import { DAY_MS, datesBetween, ExperimentWindowError, experimentWindow, utcDay } from "./warehouse-event";

/** Runs SQL with bound parameters in the host's warehouse and returns plain row objects. */
export type SqlQueryFunction = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface SqlWarehouseOptions {
  dialect: SqlDialectName;
  /** The host's query function: the kit generates SQL and never holds credentials. */
  query: SqlQueryFunction;
  /** Default `events`; may be qualified (`analytics.events`). Validated and quoted. */
  eventsTable?: string;
  /**
   * Which events table: `"flagsmith"` (Flagsmith's own, docs/warehouse-sql.md), `"kit"` (default, docs/warehouse-sql.md), or the kit's table
   * with other column names (`{ identityKey: "user_id", timestamp: "event_time" }`).
   */
  schema?: EventsTableSchema;
  /** The environment whose events count; required by the `flagsmith` schema unless experiments carry one. */
  environmentKey?: string;
  /** Adds a pre-exposure CUPED covariate to occurrence, count, sum and mean metrics. */
  covariate?: CovariateOptions;
  /** The clock that ends the window of a running experiment. Default: `() => new Date()`. */
  now?: () => Date;
}

/** The warehouse adapter returned by {@link createSqlWarehouse}; it always offers the exposure health check. */
export type SqlWarehouseAdapter = WarehouseAdapter & Required<Pick<WarehouseAdapter, "fetchExposureSummary">>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalid(message: string, cause?: unknown): AdapterError {
  return new AdapterError("invalid-response", message, { cause, operation: "warehouse.fetchMetricStats" });
}

/** A request no warehouse could answer, refused before any query with the field that is wrong. */
function refused(error: unknown, operation: string): AdapterError | null {
  if (error instanceof ExperimentWindowError || error instanceof WarehouseRequestError) {
    const field = error.field ?? "experiment";
    return new AdapterError("invalid-request", error.message, {
      cause: error,
      operation,
      fieldErrors: { [field]: [error.message] },
    });
  }
  return null;
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

/** A row's day: days since 1970-01-01 (what the generated SQL returns), or a `YYYY-MM-DD` text or date. */
function toDay(value: unknown): string {
  if (value === null || value === undefined) throw invalid("The warehouse returned a daily row without a date.");
  if (value instanceof Date) return utcDay(value.getTime());
  const number = typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number.NaN;
  const text = String(value);
  if (Number.isInteger(number) || /^-?\d{1,6}$/.test(text)) {
    const t = (Number.isInteger(number) ? number : Number(text)) * DAY_MS;
    if (Number.isFinite(t) && Math.abs(t) < 8.64e15) return utcDay(t);
  }
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
  options: { covariate?: CovariateOptions; now?: Date } = {},
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
  const dates = datesBetween(utcDay(experimentWindow(experiment, options.now).start), lastDay);
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
 * A `WarehouseAdapter` over the host's SQL warehouse (docs/warehouse-sql.md): generates dialect-specific SQL that returns only
 * sufficient statistics and runs it through `query`. Throws {@link SqlIdentifierError} at once for a table or
 * column name outside the strict identifier pattern. Fails with `AdapterError` kind `invalid-request` (before any
 * query) for an experiment no warehouse can answer, and kind `query` when the warehouse refuses the SQL or the data.
 */
export function createSqlWarehouse(options: SqlWarehouseOptions): SqlWarehouseAdapter {
  const table = {
    dialect: options.dialect,
    eventsTable: options.eventsTable ?? "events",
    schema: options.schema ?? "kit",
    ...(options.environmentKey !== undefined ? { environmentKey: options.environmentKey } : {}),
  };
  const connectionCheck = buildConnectionCheckQuery(table);
  const clock = options.now ?? (() => new Date());

  const run = async (sql: string, params: unknown[], operation: string) => {
    let rows: unknown;
    try {
      rows = await options.query(sql, params);
    } catch (error) {
      if (error instanceof AdapterError) throw error;
      const kind = warehouseErrorKind(error);
      const what = kind === "query" ? "The warehouse could not run the query" : "The warehouse could not be reached";
      throw new AdapterError(kind, `${what}: ${describe(error)}`, { cause: error, operation });
    }
    if (!Array.isArray(rows) || rows.some((row) => typeof row !== "object" || row === null)) {
      throw new AdapterError("invalid-response", "The warehouse query function did not return a list of rows.", {
        operation,
      });
    }
    return rows as Record<string, unknown>[];
  };

  /** Builds the statement first: a request no warehouse can answer never reaches `query`. */
  const statementFor = <T>(build: () => T, operation: string): T => {
    try {
      return build();
    } catch (error) {
      throw refused(error, operation) ?? error;
    }
  };

  const hasWindow = (experiment: MetricStatsRequest["experiment"]) =>
    experiment.variations.length > 0 &&
    (experiment.launchedAt !== undefined || (experiment.startDate !== "" && experiment.endDate !== ""));

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
      const operation = "warehouse.fetchMetricStats";
      const metrics = request.metrics.map((metric) => {
        const parsed = metricDefinitionSchema.safeParse(metric);
        if (!parsed.success) {
          throw new AdapterError("invalid-response", `The metric “${metric.name}” is not defined correctly.`, {
            cause: parsed.error,
            operation,
          });
        }
        return parsed.data;
      });
      const now = request.now ?? clock();
      const readOptions = options.covariate ? { covariate: options.covariate, now } : { now };
      if (!hasWindow(request.experiment) || metrics.length === 0) {
        return request.granularity === "total" ? metricStatsFromRows([], { ...request, metrics }, readOptions) : [];
      }
      const statement = statementFor(
        () =>
          buildMetricStatsQuery({
            ...table,
            experiment: request.experiment,
            metrics,
            granularity: request.granularity,
            ...readOptions,
          }),
        operation,
      );
      const rows = await run(statement.sql, statement.params, operation);
      return metricStatsFromRows(rows, { ...request, metrics }, readOptions);
    },
    async fetchExposureSummary({ experiment, now }): Promise<ExposureSummary> {
      const operation = "warehouse.fetchExposureSummary";
      const exposures: Record<string, number> = Object.fromEntries(experiment.variations.map((v) => [v.key, 0]));
      if (!hasWindow(experiment)) return { exposures, excludedMultipleVariations: 0 };
      const statement = statementFor(
        () => buildExposureSummaryQuery({ ...table, experiment, now: now ?? clock() }),
        operation,
      );
      const rows = await run(statement.sql, statement.params, operation);
      let excludedMultipleVariations = 0;
      for (const raw of rows) {
        const row = normalise(raw);
        const identities = toNumber(row.identities, "identities");
        if (row.variation_key === null || row.variation_key === undefined) {
          excludedMultipleVariations += identities;
          continue;
        }
        const key = String(row.variation_key);
        if (!Object.hasOwn(exposures, key)) throw invalid(`The warehouse returned an unknown variation “${key}”.`);
        exposures[key] = identities;
      }
      return { exposures, excludedMultipleVariations };
    },
  };
}
