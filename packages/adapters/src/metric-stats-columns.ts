import type { MetricDefinition } from "./metric-definition";

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

/** Per-identity value columns of one event name: its number of events and the sum of their values. */
export interface EventColumns {
  count: string;
  sum: string;
}

/** The event names a request reads, each with its value columns (`e{j}_n`, `e{j}_s`), shared by its metrics. */
export interface MetricEvents {
  /** Metric and denominator event names, each once, in order of first use. */
  names: string[];
  columnsOf(name: string): EventColumns;
  /** Whether the values of `name` are summed (sum, mean, ratio numerators), not only counted. */
  summed(name: string): boolean;
  /** Every value column a plan computes per identity: counts, and sums where summed. */
  valueColumns: string[];
}

export function metricEvents(metrics: readonly MetricDefinition[]): MetricEvents {
  const names = [
    ...new Set(metrics.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])])),
  ];
  const columns = new Map(names.map((name, j) => [name, { count: `e${j}_n`, sum: `e${j}_s` }]));
  const summed = new Set(
    metrics.filter((m) => m.kind === "sum" || m.kind === "mean" || m.kind === "ratio").map((m) => m.eventName),
  );
  const columnsOf = (name: string) => columns.get(name) as EventColumns;
  return {
    names,
    columnsOf,
    summed: (name) => summed.has(name),
    valueColumns: names.flatMap((name) => {
      const c = columnsOf(name);
      return summed.has(name) ? [c.count, c.sum] : [c.count];
    }),
  };
}

/** The identity's metric value from its event columns (`get` reads a column through some day). */
export function identityValue(m: MetricDefinition, e: EventColumns, get: (column: string) => string): string {
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
 * One result column as per-row expressions to sum: `exposure` over one row per assigned identity (on its exposure day),
 * `metric` over the per-identity (per-day) value rows; `null` where that side adds nothing.
 */
export interface OutputColumn {
  name: string;
  exposure: string | null;
  metric: string | null;
}

/**
 * The result columns (`n`, then each metric's sums) over value rows that carry, per value column `c`, the part of
 * it that the row adds (`c_add`) and, daily, its running total through the row's day (`c_now`); the identity's
 * pre-exposure covariate columns are `pre_c`. A daily row adds the change of the identity's value that day:
 * `now − was` for the value, `now² − was²` for its square, where `was` is the value through the previous active day.
 */
export function outputColumns(
  metrics: readonly MetricDefinition[],
  events: MetricEvents,
  options: { daily: boolean; withCovariate: (m: MetricDefinition) => boolean },
): OutputColumn[] {
  const { daily } = options;
  /** A value column through this day: its running sum, or for totals the identity's whole value. */
  const through = (name: string) => (daily ? `${name}_now` : `${name}_add`);
  /** A value column through the identity's previous active day. */
  const before = (name: string) => `(${name}_now - ${name}_add)`;
  /** `now·now' − was·was'`: the day's change of a product of two per-identity values (a square, a cross sum). */
  const products = (a: [string, string | null], b: [string, string | null]) =>
    a[1] === null || b[1] === null ? `${a[0]} * ${b[0]}` : `${a[0]} * ${b[0]} - ${a[1]} * ${b[1]}`;
  const pre = (m: MetricDefinition) =>
    identityValue(m, events.columnsOf(m.eventName), (column) => `COALESCE(pre_${column}, 0)`);

  const output: OutputColumn[] = [{ name: "n", exposure: "1", metric: null }];
  metrics.forEach((m, i) => {
    const c = metricColumns(i);
    const e = events.columnsOf(m.eventName);
    const now = identityValue(m, e, through);
    const was = daily ? identityValue(m, e, before) : null;
    // The day's change of the identity's value: the day's part where the value is a sum of parts.
    const linear = m.kind === "count" || m.kind === "sum" || m.kind === "ratio";
    const change = was === null ? now : linear ? identityValue(m, e, (column) => `${column}_add`) : `(${now} - ${was})`;
    const metric = (name: string, expression: string) => output.push({ name, exposure: null, metric: expression });
    metric(c.sum, change);
    if (m.kind !== "occurrence") metric(c.sumSquares, products([now, was], [now, was]));
    if (m.kind === "ratio" && m.denominatorEventName) {
      const den = events.columnsOf(m.denominatorEventName).count;
      const denNow = through(den);
      const denWas = daily ? before(den) : null;
      metric(c.denominatorSum, `${den}_add`);
      metric(c.denominatorSumSquares, products([denNow, denWas], [denNow, denWas]));
      metric(c.crossSum, products([now, was], [denNow, denWas]));
    }
    if (options.withCovariate(m)) {
      const x = pre(m);
      output.push({ name: c.covariateSum, exposure: x, metric: null });
      output.push({ name: c.covariateSumSquares, exposure: `${x} * ${x}`, metric: null });
      metric(c.covariateCrossSum, `${x} * ${change}`);
    }
  });
  return output;
}

/**
 * The last step of the per-identity plans (DuckDB, ClickHouse): per variation (and day) the sums of the result
 * columns over `identity_values`, whose rows carry `iv_variant` (the 1-based position of the variation's key in
 * `keys`, placeholders) and, daily, `iv_day` and `iv_exposed` (1 on the identity's exposure row, else 0).
 */
export function perIdentityResultSql(
  toDouble: (expression: string) => string,
  keys: readonly string[],
  output: readonly OutputColumn[],
  daily: boolean,
): string {
  const sums = output.map((column) => {
    const exposure = column.exposure === null ? null : daily ? `iv_exposed * (${column.exposure})` : column.exposure;
    const summed = [exposure, column.metric].filter((e) => e !== null).join(" + ");
    return `${toDouble(`SUM(${summed})`)} AS ${column.name}`;
  });
  return `SELECT [${keys.join(", ")}][iv_variant] AS variation_key,${daily ? " iv_day AS day," : ""}
  ${sums.join(",\n  ")}
FROM identity_values
GROUP BY iv_variant${daily ? ", iv_day" : ""}`;
}
