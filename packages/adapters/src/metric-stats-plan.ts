import type { EventsSource } from "./events-table-schema";
import type { MetricDefinition } from "./metric-definition";
import type { SqlDialect, SqlParams } from "./sql-dialect";
import { DAY_MS, EXPOSURE_EVENT_NAME } from "./warehouse-event";

/**
 * What an engine-specific metric stats plan needs, resolved by `buildMetricStatsQuery`: the dialect and the
 * parameters to bind into, the events table, and the request. Every plan returns the same result columns: one row
 * per variation (and day) with `n` and the metric columns of `metricColumns`, as increments.
 */
export interface MetricStatsPlanInput {
  d: SqlDialect;
  p: SqlParams;
  source: EventsSource;
  environmentKey: string | null;
  flag: string;
  variationKeys: readonly string[];
  window: { start: number; end: number };
  metrics: readonly MetricDefinition[];
  daily: boolean;
  /** Days before exposure for the CUPED covariate; `null` without one. */
  preExposureDays: number | null;
}

/** The placeholders of a per-identity plan's values, bound once each (both plans' dialects can reuse one). */
export interface PlanParameters {
  exposureEvent: string;
  flag: string;
  /** Window start: the earliest exposure that counts. */
  start: string;
  /** The earliest metric event read: the window start, or that many days earlier for the covariate. */
  lower: string;
  end: string;
  /** Metric event names, in the order of `metricEvents(metrics).names` (code `j + 1`). */
  names: string[];
  /** `environment = …␠AND␠`, or nothing for a table without environments. */
  environment: string;
  /** Variation keys, in the order of the experiment's variations (code `i + 1`). */
  keys: string[];
  /** Days of the covariate before exposure (integer), `null` without one. */
  preDays: string | null;
}

export function bindPlanParameters(input: MetricStatsPlanInput, eventNames: readonly string[]): PlanParameters {
  const { p, source: s, window, preExposureDays: pre } = input;
  const exposureEvent = p.bind(EXPOSURE_EVENT_NAME);
  const flag = p.bind(input.flag);
  const start = p.bindInstant(window.start);
  const lower = pre === null ? start : p.bindInstant(window.start - pre * DAY_MS);
  const end = p.bindInstant(window.end);
  const names = eventNames.map((name) => p.bind(name));
  const environment =
    s.environment && input.environmentKey !== null ? `${s.environment} = ${p.bind(input.environmentKey)} AND ` : "";
  const keys = input.variationKeys.map((key) => p.bind(key));
  const preDays = pre === null ? null : p.bind(pre, "integer");
  return { exposureEvent, flag, start, lower, end, names, environment, keys, preDays };
}
