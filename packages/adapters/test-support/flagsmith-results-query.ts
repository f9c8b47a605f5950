/**
 * Flagsmith's own results query, written out from the semantics of `api/experimentation/results_query.py`
 * (Flagsmith release 2.265.0) as the reference for "the same numbers as Flagsmith". Test-only.
 *
 * What it does, in Flagsmith's terms:
 * - exposures of the environment's `$flag_exposure` events for the feature (by name) inside `[window_start,
 *   window_end)`, grouped per identifier: the first exposure's time, and "quarantined" when the identifier has more
 *   than one distinct variant value;
 * - every non-quarantined identity is joined (LEFT JOIN) to its metric events of the same environment inside the
 *   window, and a metric event counts when it is at or after the identity's first exposure;
 * - per identity: occurrence = at least one event (0/1), count = events, sum = Σ toFloat64OrZero(value),
 *   mean = the average of toFloat64OrZero(value) over its events, 0 without events;
 * - per variant: n = identities, and per metric Σ value and Σ value².
 *
 * Flagsmith's code comments that de-duplication keeps at-least-once delivery from inflating counts, but the metric
 * join counts an exactly repeated conversion twice: compare with it on data without exact duplicates.
 */

export type FlagsmithAggregation = "occurrence" | "count" | "sum" | "mean";

export interface FlagsmithResultsRow {
  variant: string;
  n: number;
  metrics: { sum: number; sumSquares: number }[];
}

/**
 * The query text for ClickHouse, over `table`, with ClickHouse query parameters `{environment_key:String}`,
 * `{feature_name:String}`, `{window_start:DateTime64(3, 'UTC')}`, `{window_end:…}`, `{metric_events:Array(String)}`
 * and `{metric_<i>_event:String}`.
 */
export function flagsmithResultsQuery(table: string, aggregations: readonly FlagsmithAggregation[]): string {
  const after = (i: number) => `m.event = {metric_${i}_event:String} AND m.timestamp >= e.first_exposure`;
  const numeric = "toFloat64OrZero(m.value)";
  const perIdentityValue: Record<FlagsmithAggregation, (i: number) => string> = {
    occurrence: (i) => `countIf(${after(i)}) > 0`,
    count: (i) => `countIf(${after(i)})`,
    sum: (i) => `sumIf(${numeric}, ${after(i)})`,
    mean: (i) => `if(countIf(${after(i)}) > 0, avgIf(${numeric}, ${after(i)}), 0)`,
  };
  const perIdentity = aggregations.map((aggregation, i) => `${perIdentityValue[aggregation](i)} AS m${i}`);
  const perVariant = aggregations.map((_, i) => `sum(m${i}) AS m${i}_sum, sum(m${i} * m${i}) AS m${i}_sum_squares`);
  return `WITH exposures AS (
  SELECT identifier,
    if(uniqExact(value) > 1, '', any(value)) AS variant,
    uniqExact(value) > 1 AS quarantined,
    min(timestamp) AS first_exposure
  FROM ${table}
  WHERE environment_key = {environment_key:String}
    AND event = '$flag_exposure'
    AND feature_name = {feature_name:String}
    AND timestamp >= {window_start:DateTime64(3, 'UTC')}
    AND timestamp < {window_end:DateTime64(3, 'UTC')}
  GROUP BY identifier
),
unit_values AS (
  SELECT e.variant AS variant,
    ${perIdentity.join(",\n    ")}
  FROM exposures AS e
  LEFT JOIN ${table} AS m
    ON m.identifier = e.identifier
    AND m.environment_key = {environment_key:String}
    AND m.event IN {metric_events:Array(String)}
    AND m.timestamp >= {window_start:DateTime64(3, 'UTC')}
    AND m.timestamp < {window_end:DateTime64(3, 'UTC')}
  WHERE e.quarantined = 0
  GROUP BY e.identifier, e.variant
)
SELECT variant, count() AS n,
  ${perVariant.join(",\n  ")}
FROM unit_values
GROUP BY variant
ORDER BY variant`;
}

/** The query's parameters, by name, as a ClickHouse client sends them. */
export function flagsmithResultsParams(options: {
  environmentKey: string;
  featureName: string;
  windowStart: Date;
  windowEnd: Date;
  events: readonly string[];
}): Record<string, unknown> {
  const timestamp = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
  return {
    environment_key: options.environmentKey,
    feature_name: options.featureName,
    window_start: timestamp(options.windowStart),
    window_end: timestamp(options.windowEnd),
    metric_events: [...options.events],
    ...Object.fromEntries(options.events.map((event, i) => [`metric_${i}_event`, event])),
  };
}

/** Reads the query's rows (JSONEachRow objects) back into numbers. */
export function readFlagsmithResults(rows: readonly Record<string, unknown>[], metrics: number): FlagsmithResultsRow[] {
  return rows.map((row) => ({
    variant: String(row.variant),
    n: Number(row.n),
    metrics: Array.from({ length: metrics }, (_, i) => ({
      sum: Number(row[`m${i}_sum`]),
      sumSquares: Number(row[`m${i}_sum_squares`]),
    })),
  }));
}
