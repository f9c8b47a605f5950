import type { MetricStatsRequest } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import type { MetricStatsRow } from "./stats-types";
import { DAY_MS, datesBetween, EXPOSURE_EVENT_NAME, experimentWindow, type WarehouseEvent } from "./warehouse-event";

export interface CovariateOptions {
  /** Days before each identity's first exposure whose events form the CUPED covariate. */
  preExposureDays: number;
}

export interface AggregationOptions {
  /** Adds a pre-exposure covariate (same metric, before exposure) to occurrence, count, sum and mean stats. */
  covariate?: CovariateOptions;
}

interface Assignment {
  variationKey: string;
  exposedAt: number;
}

interface ExposureRecord {
  first: number;
  variationKey: string;
  variations: Set<string>;
}

/** Who is in the experiment, per SPEC §7: first exposure in the window decides; several variations exclude. */
export function assignExposedIdentities(
  events: Iterable<WarehouseEvent>,
  experiment: MetricStatsRequest["experiment"],
): { assigned: Map<string, Assignment>; excludedMultipleVariations: number } {
  const { start, end } = experimentWindow(experiment);
  const keys = new Set(experiment.variations.map((v) => v.key));
  const exposures = new Map<string, ExposureRecord>();
  for (const event of events) {
    if (event.eventName !== EXPOSURE_EVENT_NAME || event.flagId !== experiment.flagId) continue;
    if (event.variantKey === null || !keys.has(event.variantKey)) continue;
    const t = event.timestamp.getTime();
    if (t < start || t >= end) continue;
    const record = exposures.get(event.identityKey);
    if (!record) {
      exposures.set(event.identityKey, {
        first: t,
        variationKey: event.variantKey,
        variations: new Set([event.variantKey]),
      });
      continue;
    }
    record.variations.add(event.variantKey);
    if (t < record.first) {
      record.first = t;
      record.variationKey = event.variantKey;
    }
  }
  const assigned = new Map<string, Assignment>();
  let excludedMultipleVariations = 0;
  for (const [identity, record] of exposures) {
    if (record.variations.size > 1) excludedMultipleVariations += 1;
    else assigned.set(identity, { variationKey: record.variationKey, exposedAt: record.first });
  }
  return { assigned, excludedMultipleVariations };
}

interface MetricEvent {
  eventName: string;
  value: number;
  t: number;
}

/** Numerator and denominator of one identity's metric over events with `from <= t < to`. */
function identityValue(metric: MetricDefinition, events: readonly MetricEvent[], from: number, to: number) {
  let numerator = 0;
  let denominator = 0;
  let occurrences = 0;
  const addsValues = metric.kind === "sum" || metric.kind === "mean" || metric.kind === "ratio";
  for (const event of events) {
    if (event.t < from || event.t >= to) continue;
    if (event.eventName === metric.eventName) {
      numerator += addsValues ? event.value : 1;
      occurrences += 1;
    }
    if (metric.kind === "ratio" && event.eventName === metric.denominatorEventName) denominator += 1;
  }
  if (metric.kind === "occurrence") numerator = numerator > 0 ? 1 : 0;
  // Flagsmith's `mean`: the average value of the identity's events, 0 when it has none.
  if (metric.kind === "mean") numerator = occurrences > 0 ? numerator / occurrences : 0;
  return { numerator, denominator };
}

function utcDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The plain-TypeScript reference for the warehouse SQL: the same rules (SPEC §7), computed by definition
 * over events in memory. Tests assert that DuckDB and PostgreSQL return exactly these statistics; the
 * in-memory warehouse adapter uses it. Daily rows run from the start date through the last day with data.
 */
export function aggregateMetricStats(
  events: readonly WarehouseEvent[],
  request: MetricStatsRequest,
  options: AggregationOptions = {},
): MetricStatsRow[] {
  const { experiment, metrics, granularity } = request;
  const { end } = experimentWindow(experiment);
  const { assigned } = assignExposedIdentities(events, experiment);
  const preMs = (options.covariate?.preExposureDays ?? 0) * DAY_MS;
  const eventNames = new Set(
    metrics.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])]),
  );

  const eventsByIdentity = new Map<string, MetricEvent[]>();
  let lastDataDay = "";
  for (const assignment of assigned.values()) {
    const day = utcDay(assignment.exposedAt);
    if (day > lastDataDay) lastDataDay = day;
  }
  for (const event of events) {
    if (!eventNames.has(event.eventName)) continue;
    const assignment = assigned.get(event.identityKey);
    if (!assignment) continue;
    const t = event.timestamp.getTime();
    if (t >= end || t < assignment.exposedAt - preMs) continue;
    let list = eventsByIdentity.get(event.identityKey);
    if (!list) {
      list = [];
      eventsByIdentity.set(event.identityKey, list);
    }
    list.push({ eventName: event.eventName, value: event.value ?? 0, t });
    if (t >= assignment.exposedAt && utcDay(t) > lastDataDay) lastDataDay = utcDay(t);
  }

  const statsAt = (metric: MetricDefinition, variationKey: string, cutoff: number): MetricStatsRow["stats"] => {
    let n = 0;
    let sum = 0;
    let sumSquares = 0;
    let denominatorSum = 0;
    let denominatorSumSquares = 0;
    let crossSum = 0;
    let covariateSum = 0;
    let covariateSumSquares = 0;
    let covariateCrossSum = 0;
    for (const [identity, assignment] of assigned) {
      if (assignment.variationKey !== variationKey || assignment.exposedAt >= cutoff) continue;
      n += 1;
      const list = eventsByIdentity.get(identity) ?? [];
      const y = identityValue(metric, list, assignment.exposedAt, cutoff);
      sum += y.numerator;
      sumSquares += y.numerator * y.numerator;
      denominatorSum += y.denominator;
      denominatorSumSquares += y.denominator * y.denominator;
      crossSum += y.numerator * y.denominator;
      if (options.covariate) {
        const x = identityValue(metric, list, assignment.exposedAt - preMs, assignment.exposedAt).numerator;
        covariateSum += x;
        covariateSumSquares += x * x;
        covariateCrossSum += x * y.numerator;
      }
    }
    const covariate = options.covariate
      ? { covariate: { sum: covariateSum, sumSquares: covariateSumSquares, crossSum: covariateCrossSum } }
      : {};
    switch (metric.kind) {
      case "occurrence":
        return { kind: "proportion", n, sum, ...covariate };
      case "count":
      case "sum":
      case "mean":
        return { kind: "mean", n, sum, sumSquares, ...covariate };
      case "ratio":
        return { kind: "ratio", n, sum, sumSquares, denominatorSum, denominatorSumSquares, crossSum };
    }
  };

  const rows: MetricStatsRow[] = [];
  if (granularity === "total") {
    for (const metric of metrics) {
      for (const variation of experiment.variations) {
        rows.push({ metricId: metric.id, variationKey: variation.key, stats: statsAt(metric, variation.key, end) });
      }
    }
    return rows;
  }
  if (lastDataDay === "") return rows;
  const days = datesBetween(experiment.startDate, lastDataDay);
  for (const metric of metrics) {
    for (const variation of experiment.variations) {
      for (const date of days) {
        const cutoff = Date.parse(`${date}T00:00:00.000Z`) + DAY_MS;
        rows.push({
          metricId: metric.id,
          variationKey: variation.key,
          date,
          stats: statsAt(metric, variation.key, cutoff),
        });
      }
    }
  }
  return rows;
}
