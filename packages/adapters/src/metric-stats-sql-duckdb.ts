import { metricEvents, outputColumns, perIdentityResultSql } from "./metric-stats-columns";
import { bindPlanParameters, type MetricStatsPlanInput } from "./metric-stats-plan";

const DAY_MICROSECONDS = 86_400_000_000;
// Counts are summed as doubles (exact below 2⁵³): DuckDB sums integers into 128-bit integers, whose arithmetic in the
// running sums and products costs up to half of the daily query (most on DuckDB-wasm).
const one = "CAST(1 AS DOUBLE)";
const zero = "CAST(0 AS DOUBLE)";

/**
 * The metric stats query for DuckDB in one pass over the events: per identity (`GROUP BY identifier`) its first
 * exposure, the code of its variant values, and its metric events as one list of `{t, c, x[, k]}` (time in µs, event
 * code, value, and for de-duplication a hash of time, event and value); then per identity the values with list
 * functions — no join of events to exposures, and no table-wide `DISTINCT`: exact repeats are found within each
 * identity's list. Daily: each identity's events after exposure are unnested and summed per day (an integer id
 * per identity keeps the grouping cheap), with running sums over its days; its exposure adds one row on its exposure
 * day. Same result columns as the portable plan.
 */
export function duckDbMetricStatsSql(input: MetricStatsPlanInput): string {
  const { d, source: s, metrics, daily } = input;
  const events = metricEvents(metrics);
  const code = (name: string) => events.names.indexOf(name) + 1;

  const pre = input.preExposureDays;
  const { exposureEvent, flag, start, lower, end, names, environment, keys, preDays } = bindPlanParameters(
    input,
    events.names,
  );

  const summedCodes = events.names.filter(events.summed).map(code);
  const number = s.valueIsText ? d.numberFromText("we_value") : "COALESCE(CAST(we_value AS DOUBLE), 0)";
  const value =
    summedCodes.length === 0 ? "0" : `CASE WHEN we_code IN (${summedCodes.join(", ")}) THEN ${number} ELSE 0 END`;
  // A hash of time, event and value tells exact repeats apart within one identity's list (Flagsmith's table only).
  const key = s.deduplicate ? ", 'k': hash(we_t, we_code, we_value)" : "";
  const deduplicated = s.deduplicate
    ? "CASE WHEN list_unique(list_transform(pi_events, lambda e: e.k)) = len(pi_events) THEN pi_events ELSE list_distinct(pi_events) END"
    : "pi_events";
  const variantCode = `CASE COALESCE(we_variant, '') ${keys.map((k, i) => `WHEN ${k} THEN ${i + 1}`).join(" ")} ELSE 0 END`;

  /** Per event name: its count and (where summed) sum of the identity's events that pass `when`, as `as(column)`. */
  const perEvent = (when: string, as: (column: string) => string) =>
    events.names.flatMap((name) => {
      const c = events.columnsOf(name);
      const matching = `list_filter(ie_events, lambda e: e.c = ${code(name)} AND ${when})`;
      const lines = [`CAST(COALESCE(len(${matching}), 0) AS DOUBLE) AS ${as(c.count)}`];
      if (events.summed(name)) {
        lines.push(`COALESCE(list_sum(list_transform(${matching}, lambda e: e.x)), 0) AS ${as(c.sum)}`);
      }
      return lines;
    });
  const after = "e.t >= ie_first";
  const before = `e.t < ie_first AND e.t >= ie_first - ${preDays} * ${DAY_MICROSECONDS}`;
  const preColumns = pre === null ? [] : perEvent(before, (column) => `pre_${column}`);
  const preNames = pre === null ? [] : events.valueColumns.map((c) => `pre_${c}`);

  const parts: string[] = [
    // The event is compared once, in the CASE that codes it (an `IN` filter as well costs a fifth of this pass).
    `WITH window_events AS (
  SELECT * FROM (
    SELECT ${s.identity} AS we_identity, epoch_us(${s.timestamp}) AS we_t,
      CASE ${s.event} WHEN ${exposureEvent} THEN (CASE WHEN ${s.flag} = ${flag} AND ${d.instant(s.timestamp)} >= ${start} THEN 0 END)
        ${names.map((name, j) => `WHEN ${name} THEN ${j + 1}`).join(" ")} END AS we_code,
      ${s.variant} AS we_variant, ${s.value} AS we_value
    FROM ${s.table}
    WHERE ${environment}${s.identity} <> ''
      AND ${d.instant(s.timestamp)} >= ${lower} AND ${d.instant(s.timestamp)} < ${end}
  ) AS coded
  WHERE we_code IS NOT NULL
)`,
    `per_identity AS (
  SELECT MIN(we_t) FILTER (WHERE we_code = 0) AS pi_first,
    MIN(${variantCode}) FILTER (WHERE we_code = 0) AS pi_low,
    MAX(${variantCode}) FILTER (WHERE we_code = 0) AS pi_high,
    list({'t': we_t, 'c': we_code, 'x': CAST(${value} AS DOUBLE)${key}}) FILTER (WHERE we_code > 0) AS pi_events
  FROM window_events
  GROUP BY we_identity
  HAVING pi_first IS NOT NULL AND pi_low = pi_high AND pi_low > 0
)`,
    `identity_events AS (
  SELECT pi_low AS ie_variant, pi_first AS ie_first, ${deduplicated} AS ie_events
  FROM per_identity
)`,
  ];

  if (!daily) {
    parts.push(`identity_values AS (
  SELECT ie_variant AS iv_variant,
    ${[...perEvent(after, (column) => `${column}_add`), ...preColumns].join(",\n    ")}
  FROM identity_events
)`);
  } else {
    const sums = events.names.flatMap((name) => {
      const c = events.columnsOf(name);
      const j = code(name);
      const lines = [`SUM(CASE WHEN de_event.c = ${j} THEN ${one} ELSE 0 END) AS ${c.count}`];
      if (events.summed(name)) lines.push(`SUM(CASE WHEN de_event.c = ${j} THEN de_event.x ELSE 0 END) AS ${c.sum}`);
      return lines;
    });
    const running = "PARTITION BY id_id ORDER BY id_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
    /** The identity's covariate columns, carried along its rows: ` read(c) AS c,` each. */
    const carried = (read: (column: string) => string) => preNames.map((c) => ` ${read(c)} AS ${c},`).join("");
    // Read twice (exposure rows and event days): computed once.
    parts.push(`identity_after AS MATERIALIZED (
  SELECT row_number() OVER () AS ia_id, ie_variant AS ia_variant, ie_first AS ia_first,${preColumns.map((c) => ` ${c},`).join("")}
    list_filter(ie_events, lambda e: ${after}) AS ia_events
  FROM identity_events
)`);
    parts.push(`day_events AS (
  SELECT ia_id AS de_id, ia_variant AS de_variant,${carried((c) => c)} UNNEST(ia_events) AS de_event
  FROM identity_after
)`);
    parts.push(`identity_days AS (
  SELECT de_id AS id_id, ANY_VALUE(de_variant) AS id_variant, CAST(floor(de_event.t / ${DAY_MICROSECONDS}) AS INTEGER) AS id_day,${carried((c) => `ANY_VALUE(${c})`)}
    ${sums.join(",\n    ")}
  FROM day_events
  GROUP BY de_id, id_day
)`);
    // One exposure row per identity on its exposure day (`n`, the covariate), and one row per day with events.
    parts.push(`identity_values AS (
  SELECT ia_variant AS iv_variant, CAST(floor(ia_first / ${DAY_MICROSECONDS}) AS INTEGER) AS iv_day, ${one} AS iv_exposed,${carried((c) => c)}
    ${events.valueColumns.map((c) => `${zero} AS ${c}_add, ${zero} AS ${c}_now`).join(", ")}
  FROM identity_after
  UNION ALL
  SELECT id_variant, id_day, ${zero},${preNames.map((c) => ` ${c},`).join("")}
    ${events.valueColumns.map((c) => `${c}, SUM(${c}) OVER (${running})`).join(",\n    ")}
  FROM identity_days
)`);
  }

  const output = outputColumns(metrics, events, { daily, withCovariate: (m) => pre !== null && m.kind !== "ratio" });
  return `${parts.join(",\n")}
${perIdentityResultSql(d.toDouble, keys, output, daily)}`;
}
