import type { EventsSource } from "./events-table-schema";
import type { MetricDefinition } from "./metric-definition";
import type { SqlDialect, SqlParams } from "./sql-dialect";
import { EXPOSURE_EVENT_NAME } from "./warehouse-event";

/** What the ClickHouse plan needs, resolved by `buildMetricStatsQuery`. */
export interface ClickHousePlanInput {
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
  /** Names of the result columns of metric `i`. */
  columns: (i: number) => Record<string, string>;
}

/**
 * The metric stats query for ClickHouse in one pass over the events: per identity (`GROUP BY identifier`) its first
 * exposure, variant values and its metric events as parallel arrays, then per identity the metric values with
 * array functions (de-duplication: `arrayEnumerateUniq`; after exposure: a filter against the first exposure) —
 * no join of events to exposures, whose hash table costs more than the whole aggregation. Same result columns as
 * the portable plan: one row per variation (and day) with `n` and the metric columns.
 */
export function clickHouseMetricStatsSql(input: ClickHousePlanInput): string {
  const { d, p, source: s, metrics, daily, window } = input;
  const eventNames = [
    ...new Set(metrics.flatMap((m) => [m.eventName, ...(m.denominatorEventName ? [m.denominatorEventName] : [])])),
  ];
  const code = (name: string) => eventNames.indexOf(name) + 1;
  const exposure = `${s.event} = ${p.bind(EXPOSURE_EVENT_NAME)} AND ${s.flag} = ${p.bind(input.flag)}`;
  const start = p.bindInstant(window.start);
  const pre = input.preExposureDays;
  const lower = pre === null ? start : p.bindInstant(window.start - pre * 86_400_000);
  const end = p.bindInstant(window.end);
  const names = eventNames.map((name) => p.bind(name));
  const environment =
    s.environment && input.environmentKey !== null ? `${s.environment} = ${p.bind(input.environmentKey)} AND ` : "";
  const keys = input.variationKeys.map((key) => p.bind(key)).join(", ");
  // Array elements cannot be NULL (groupArray skips them). Numbers are read per row, before grouping; among one
  // identity's events an exact repeat is recognised by a 64-bit hash of its timestamp, event and value (arrays of
  // numbers are far cheaper to build than arrays of text or tuples). One variant value: its min equals its max.
  const number = s.valueIsText ? d.numberFromText(s.value) : `toFloat64(ifNull(${s.value}, 0))`;
  const unique = s.deduplicate ? "arrayEnumerateUniq(pi_k)" : "arrayMap(x -> 1, pi_t)";

  /** Per event name j after exposure (code array `iv_pc`, 0 where excluded): count and sum, through day `dd`. */
  const count = (j: number, when: string) =>
    when === "" ? `countEqual(iv_pc, ${j})` : `arrayCount((c, t) -> c = ${j}${when}, iv_pc, iv_day)`;
  const total = (j: number, when: string) =>
    when === ""
      ? `arraySum((c, x) -> if(c = ${j}, x, 0), iv_pc, pi_x)`
      : `arraySum((c, t, x) -> if(c = ${j}${when}, x, 0), iv_pc, iv_day, pi_x)`;
  const value = (m: MetricDefinition, when: string) => {
    const j = code(m.eventName);
    switch (m.kind) {
      case "occurrence":
        return `if(${count(j, when)} > 0, 1, 0)`;
      case "count":
        return `toFloat64(${count(j, when)})`;
      case "mean":
        return `if(${count(j, when)} > 0, ${total(j, when)} / ${count(j, when)}, 0)`;
      case "sum":
      case "ratio":
        return total(j, when);
    }
  };
  const denominator = (m: MetricDefinition, when: string) =>
    `toFloat64(${count(code(m.denominatorEventName ?? ""), when)})`;
  const preValue = (m: MetricDefinition) => value(m, "").replaceAll("iv_pc", "iv_pre");

  // Per identity (and, daily, per active day `dd`): the metric value through the day (`now`) and before it (`was`).
  const through = daily ? " AND t <= dd" : "";
  const before = " AND t < dd";
  const perMetric = metrics.flatMap((m, i) => {
    const lines = [`${value(m, through)} AS y${i}_now`];
    if (daily) lines.push(`${value(m, before)} AS y${i}_was`);
    if (m.kind === "ratio") {
      lines.push(`${denominator(m, through)} AS d${i}_now`);
      if (daily) lines.push(`${denominator(m, before)} AS d${i}_was`);
    }
    if (pre !== null && m.kind !== "ratio") lines.push(`${preValue(m)} AS x${i}`);
    return lines;
  });

  const sums: string[] = [daily ? "sum(iv_exposed) AS n" : "count() AS n"];
  metrics.forEach((m, i) => {
    const c = input.columns(i);
    const delta = (a: string, b: string) =>
      daily ? `${a}_now * ${b}_now - ${a}_was * ${b}_was` : `${a}_now * ${b}_now`;
    sums.push(`sum(${daily ? `y${i}_now - y${i}_was` : `y${i}_now`}) AS ${c.sum}`);
    if (m.kind !== "occurrence") sums.push(`sum(${delta(`y${i}`, `y${i}`)}) AS ${c.sumSquares}`);
    if (m.kind === "ratio") {
      sums.push(`sum(${daily ? `d${i}_now - d${i}_was` : `d${i}_now`}) AS ${c.denominatorSum}`);
      sums.push(`sum(${delta(`d${i}`, `d${i}`)}) AS ${c.denominatorSumSquares}`);
      sums.push(`sum(${delta(`y${i}`, `d${i}`)}) AS ${c.crossSum}`);
    }
    if (pre !== null && m.kind !== "ratio") {
      const exposed = daily ? "iv_exposed * " : "";
      sums.push(`sum(${exposed}x${i}) AS ${c.covariateSum}`);
      sums.push(`sum(${exposed}x${i} * x${i}) AS ${c.covariateSumSquares}`);
      sums.push(`sum(x${i} * (${daily ? `y${i}_now - y${i}_was` : `y${i}_now`})) AS ${c.covariateCrossSum}`);
    }
  });

  const days = daily
    ? `,
    arraySort(arrayDistinct(arrayConcat([pi_first_day], arrayFilter((t, c) -> c > 0, iv_day, iv_pc)))) AS iv_days`
    : "";
  return `WITH per_identity AS (
  SELECT pi_identity, minIf(pi_ts, pi_exposed) AS pi_first, minIf(pi_variant, pi_exposed) AS pi_first_variant,
    maxIf(pi_variant, pi_exposed) AS pi_last_variant,
    groupArrayIf(pi_ts, NOT pi_exposed) AS pi_t, groupArrayIf(pi_code, NOT pi_exposed) AS pi_c,
    groupArrayIf(pi_number, NOT pi_exposed) AS pi_x${s.deduplicate ? ", groupArrayIf(pi_key, NOT pi_exposed) AS pi_k" : ""}
  FROM (
    SELECT ${s.identity} AS pi_identity, ${s.timestamp} AS pi_ts, ifNull(${s.variant}, '') AS pi_variant,
      (${exposure} AND ${s.timestamp} >= ${start}) AS pi_exposed,
      indexOf([${names.join(", ")}], ${s.event}) AS pi_code, ${number} AS pi_number${s.deduplicate ? `, cityHash64(${s.timestamp}, ${s.event}, ${s.value}) AS pi_key` : ""}
    FROM ${s.table}
    WHERE ${environment}${s.identity} <> ''
      AND ${s.timestamp} >= ${lower} AND ${s.timestamp} < ${end}
      AND ((${exposure}) OR ${s.event} IN (${names.join(", ")}))
  )
  GROUP BY pi_identity
  HAVING countIf(pi_exposed) > 0 AND pi_first_variant = pi_last_variant AND pi_first_variant IN (${keys})
),
identity_values AS (
  SELECT pi_first_variant AS iv_variant, toInt32(toDate32(pi_first, 'UTC')) AS pi_first_day,
    ${unique} AS iv_unique,
    arrayMap((t, u, c) -> if(t >= pi_first AND u = 1, c, 0), pi_t, iv_unique, pi_c) AS iv_pc,
    ${pre === null ? "" : `arrayMap((t, u, c) -> if(t < pi_first AND t >= pi_first - toIntervalDay(${p.bind(pre, "integer")}) AND u = 1, c, 0), pi_t, iv_unique, pi_c) AS iv_pre,\n    `}${daily ? "arrayMap(t -> toInt32(toDate32(t, 'UTC')), pi_t) AS iv_day," : ""} pi_x${days}
  FROM per_identity
),
identity_rows AS (
  SELECT iv_variant${daily ? ", dd, if(dd = pi_first_day, 1, 0) AS iv_exposed" : ""},
    ${perMetric.join(",\n    ")}
  FROM identity_values${daily ? "\n  ARRAY JOIN iv_days AS dd" : ""}
)
SELECT iv_variant AS variation_key,${daily ? " dd AS day," : ""}
  ${sums.map((sum) => sum.replace(/^(\w+)\((.*)\) AS (\w+)$/, "toFloat64($1($2)) AS $3")).join(",\n  ")}
FROM identity_rows
GROUP BY iv_variant${daily ? ", dd" : ""}`;
}
