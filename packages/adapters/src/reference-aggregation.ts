import type { MetricStatsRequest } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import type { MetricStatsRow } from "./stats-types";
import {
  DAY_MS,
  datesBetween,
  EXPOSURE_EVENT_NAME,
  type ExperimentWindowInput,
  experimentWindow,
  type FlagsmithEvent,
  utcDay,
  type WarehouseEvent,
} from "./warehouse-event";

export interface CovariateOptions {
  /** Days before each identity's first exposure whose events form the CUPED covariate. */
  preExposureDays: number;
}

export interface AggregationOptions {
  /** Adds a pre-exposure covariate (same metric, before exposure) to occurrence, count, sum and mean stats. */
  covariate?: CovariateOptions;
  /** Ends the window of an experiment that has launched and not stopped. Default: the current time. */
  now?: Date;
}

export interface FlagsmithAggregationOptions extends AggregationOptions {
  /** The environment whose events count. Default: the experiment's `environmentKey`. */
  environmentKey?: string;
}

/** An event in the terms both tables share, after the rules that differ between them were applied. */
interface ReferenceEvent {
  identity: string | null;
  event: string;
  t: number;
  flag: string | null;
  variant: string | null;
  value: number;
}

/** The kit's reading of a Flagsmith `value`: a finite number written as plain decimal text, else 0 (SQL: `numberFromText`). */
export function numberFromText(text: string | null): number {
  if (text === null || !/^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$/.test(text)) return 0;
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
}

function fromKitEvent(event: WarehouseEvent): ReferenceEvent {
  return {
    identity: event.identityKey,
    event: event.eventName,
    t: event.timestamp.getTime(),
    flag: event.flagId,
    variant: event.variantKey,
    value: event.value ?? 0,
  };
}

/** Flagsmith's events of one environment, each exact repeat (identifier, event, time, value) once. */
function fromFlagsmithEvents(events: Iterable<FlagsmithEvent>, environmentKey: string): ReferenceEvent[] {
  const seen = new Set<string>();
  const result: ReferenceEvent[] = [];
  for (const event of events) {
    if (event.environmentKey !== environmentKey) continue;
    const t = event.timestamp.getTime();
    if (event.event !== EXPOSURE_EVENT_NAME) {
      const key = JSON.stringify([event.identifier, event.event, t, event.value]);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    result.push({
      identity: event.identifier,
      event: event.event,
      t,
      flag: event.featureName,
      variant: event.value,
      value: numberFromText(event.value),
    });
  }
  return result;
}

interface Assignment {
  variationKey: string;
  exposedAt: number;
}

interface ExposureRecord {
  first: number;
  variationKey: string | null;
  /** Distinct variant values, a missing one counted as the empty text. */
  values: Set<string>;
}

type ExperimentForReference = ExperimentWindowInput & { variations: readonly { key: string }[] };

/**
 * Who is in the experiment (docs/warehouse-sql.md): an identity (never a missing or empty one) exposed to the flag inside the
 * window; its first such exposure decides its variation; one exposed to more than one variant value is excluded.
 */
function assign(events: Iterable<ReferenceEvent>, experiment: ExperimentForReference, flag: string, now?: Date) {
  const { start, end } = experimentWindow(experiment, now);
  const keys = new Set(experiment.variations.map((v) => v.key));
  const exposures = new Map<string, ExposureRecord>();
  for (const event of events) {
    if (event.event !== EXPOSURE_EVENT_NAME || event.flag !== flag) continue;
    if (event.identity === null || event.identity === "" || event.t < start || event.t >= end) continue;
    const record = exposures.get(event.identity);
    if (!record) {
      exposures.set(event.identity, {
        first: event.t,
        variationKey: event.variant,
        values: new Set([event.variant ?? ""]),
      });
      continue;
    }
    record.values.add(event.variant ?? "");
    if (event.t < record.first) record.first = event.t;
  }
  const assigned = new Map<string, Assignment>();
  let excludedMultipleVariations = 0;
  for (const [identity, record] of exposures) {
    if (record.values.size > 1) excludedMultipleVariations += 1;
    else if (record.variationKey !== null && keys.has(record.variationKey)) {
      assigned.set(identity, { variationKey: record.variationKey, exposedAt: record.first });
    }
  }
  return { assigned, excludedMultipleVariations };
}

/** Who is in the experiment, from the kit's events table (flag matched by id). */
export function assignExposedIdentities(
  events: Iterable<WarehouseEvent>,
  experiment: MetricStatsRequest["experiment"],
  options: { now?: Date } = {},
): { assigned: Map<string, Assignment>; excludedMultipleVariations: number } {
  const reference = (function* () {
    for (const event of events) yield fromKitEvent(event);
  })();
  return assign(reference, experiment, experiment.flagId, options.now);
}

interface MetricEvent {
  eventName: string;
  value: number;
  t: number;
}

/** Numerator and denominator of one identity's metric over events with `from <= t < to`. */
function identityValue(metric: MetricDefinition, events: readonly MetricEvent[], from: number, to: number) {
  let count = 0;
  let sum = 0;
  let denominator = 0;
  for (const event of events) {
    if (event.t < from || event.t >= to) continue;
    if (event.eventName === metric.eventName) {
      count += 1;
      sum += event.value;
    }
    if (metric.kind === "ratio" && event.eventName === metric.denominatorEventName) denominator += 1;
  }
  const numerator = {
    occurrence: count > 0 ? 1 : 0,
    count,
    sum,
    mean: count > 0 ? sum / count : 0,
    ratio: sum,
  }[metric.kind];
  return { numerator, denominator };
}

function aggregate(
  events: readonly ReferenceEvent[],
  request: MetricStatsRequest,
  flag: string,
  options: AggregationOptions,
): MetricStatsRow[] {
  const { experiment, metrics, granularity } = request;
  const window = experimentWindow(experiment, options.now);
  const { end } = window;
  const { assigned } = assign(events, experiment, flag, options.now);
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
    if (!eventNames.has(event.event) || event.identity === null) continue;
    const assignment = assigned.get(event.identity);
    if (!assignment) continue;
    if (event.t >= end || event.t < assignment.exposedAt - preMs) continue;
    let list = eventsByIdentity.get(event.identity);
    if (!list) {
      list = [];
      eventsByIdentity.set(event.identity, list);
    }
    list.push({ eventName: event.event, value: event.value, t: event.t });
    if (event.t >= assignment.exposedAt && utcDay(event.t) > lastDataDay) lastDataDay = utcDay(event.t);
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
  const days = datesBetween(utcDay(window.start), lastDataDay);
  for (const metric of metrics) {
    for (const variation of experiment.variations) {
      for (const date of days) {
        const cutoff = Math.min(end, Date.parse(`${date}T00:00:00.000Z`) + DAY_MS);
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

/**
 * The plain-TypeScript reference for the warehouse SQL over the kit's events table: the same rules (docs/warehouse-sql.md),
 * computed by definition over events in memory. Tests assert that every engine returns exactly these statistics;
 * the in-memory warehouse adapter uses it. Daily rows run from the window's first day through the last day with
 * data.
 */
export function aggregateMetricStats(
  events: readonly WarehouseEvent[],
  request: MetricStatsRequest,
  options: AggregationOptions = {},
): MetricStatsRow[] {
  return aggregate(events.map(fromKitEvent), request, request.experiment.flagId, options);
}

/**
 * The same reference over Flagsmith's events table (docs/warehouse-sql.md): one environment's events, the flag matched by name,
 * variant keys read from `value`, other values read as numbers where they are numbers (else 0), and exact
 * duplicates counted once.
 */
export function aggregateFlagsmithMetricStats(
  events: Iterable<FlagsmithEvent>,
  request: MetricStatsRequest,
  options: FlagsmithAggregationOptions = {},
): MetricStatsRow[] {
  const environmentKey = options.environmentKey ?? request.experiment.environmentKey;
  if (!environmentKey) throw new RangeError("Flagsmith's events are read for one environment: give its key.");
  return aggregate(fromFlagsmithEvents(events, environmentKey), request, request.experiment.flagName, options);
}

/** Who is in the experiment, from Flagsmith's events table (one environment, flag matched by name). */
export function assignFlagsmithExposedIdentities(
  events: Iterable<FlagsmithEvent>,
  experiment: MetricStatsRequest["experiment"],
  options: { environmentKey?: string; now?: Date } = {},
): { assigned: Map<string, Assignment>; excludedMultipleVariations: number } {
  const environmentKey = options.environmentKey ?? experiment.environmentKey;
  return assign(fromFlagsmithEvents(events, environmentKey), experiment, experiment.flagName, options.now);
}
