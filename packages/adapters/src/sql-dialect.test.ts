import { describe, expect, it } from "vitest";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import { buildConnectionCheckQuery, buildMetricStatsQuery, WarehouseRequestError } from "./metric-stats-sql";
import { NUMERIC_TEXT_PATTERN, quoteTable, SQL_DIALECTS, SqlIdentifierError, sqlDialects } from "./sql-dialect";
import { createSqlWarehouse } from "./sql-warehouse";

const experiment = demoExperiments[0] as Experiment;

const flagsmithExperiment: Experiment = {
  ...experiment,
  flagName: "checkout_button",
  environmentKey: "env-production",
  launchedAt: "2026-03-02T09:30:00.000Z",
  stoppedAt: "2026-03-16T17:45:00.000Z",
};

describe("generated SQL per dialect", () => {
  for (const dialect of SQL_DIALECTS) {
    it(`${dialect}: one placeholder per bound parameter, and no value in the SQL text`, () => {
      const hostileExperiment: Experiment = {
        ...flagsmithExperiment,
        flagName: "x'); DROP TABLE events; --",
        environmentKey: "prod' OR '1'='1",
        variations: experiment.variations.map((v, i) => (i === 1 ? { ...v, name: "'; --" } : v)),
      };
      const metrics = demoMetrics.map((m) => ({ ...m, eventName: `${m.eventName}' OR 1=1 --` }));
      for (const schema of ["kit", "flagsmith"] as const) {
        const { sql: text, params } = buildMetricStatsQuery({
          dialect,
          schema,
          experiment: hostileExperiment,
          metrics,
          granularity: "day",
          covariate: { preExposureDays: 7 },
        });
        // The SQL's own literals (the numeric-text pattern has `?`s) are not placeholders.
        const sql = text.replace(/r?'[^']*'/g, "''");
        expect(sql).not.toContain("DROP TABLE");
        expect(sql).not.toContain("OR 1=1");
        expect(sql).not.toContain("'1'='1");
        expect(sql).not.toContain("checkout");
        expect(sql).not.toContain("$flag_exposure");
        expect(params).toContain(schema === "flagsmith" ? "x'); DROP TABLE events; --" : hostileExperiment.flagId);
        const placeholders =
          dialect === "clickhouse"
            ? new Set(sql.match(/\{p\d+:[^}]+\}/g) ?? []).size
            : dialect === "bigquery" || dialect === "snowflake"
              ? (sql.match(/\?/g) ?? []).length
              : new Set(sql.match(/\$\d+/g) ?? []).size;
        expect(placeholders).toBe(params.length);
      }
    });
  }

  it("ClickHouse binds typed {name:Type} parameters, named p1…pn in order", () => {
    const { sql, params } = buildMetricStatsQuery({
      dialect: "clickhouse",
      schema: "flagsmith",
      experiment: flagsmithExperiment,
      metrics: demoMetrics,
      granularity: "total",
    });
    const names = [...sql.matchAll(/\{(p\d+):([^}]+)\}/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(params.length);
    const placeholderOf = (value: string) => `{p${params.indexOf(value) + 1}:`;
    expect(sql).toContain(`${placeholderOf("2026-03-02 09:30:00.000")}DateTime64(3, 'UTC')}`);
    expect(sql).toContain(`${placeholderOf("2026-03-16 17:45:00.000")}DateTime64(3, 'UTC')}`);
    expect(sql).toContain(`\`environment_key\` = ${placeholderOf("env-production")}String}`);
    expect(sql).toContain(`\`feature_name\` = ${placeholderOf("checkout_button")}String}`);
    expect(params).toContain("$flag_exposure");
  });

  // BigQuery and Snowflake have no engine in the test suite: their SQL is checked as text.
  it("BigQuery (text-checked): Flagsmith's value read with SAFE_CAST behind a pattern, UTC days, `?` placeholders", () => {
    const { sql, params } = buildMetricStatsQuery({
      dialect: "bigquery",
      schema: "flagsmith",
      eventsTable: "my-project.flagsmith.events",
      experiment: flagsmithExperiment,
      metrics: demoMetrics,
      granularity: "day",
    });
    expect(sql).toContain("FROM `my-project`.`flagsmith`.`events`");
    expect(sql).toContain("SAFE_CAST(me_raw_value AS FLOAT64)");
    expect(sql).toContain(`REGEXP_CONTAINS(me_raw_value, r'${NUMERIC_TEXT_PATTERN}')`);
    expect(sql).toContain("UNIX_DATE(DATE(me_ts, 'UTC'))");
    expect(sql).toContain("`environment_key` = ?");
    expect(sql).toContain("`feature_name` = ?");
    expect(sql).toContain("SELECT DISTINCT `identifier` AS me_identity");
    // One variant value: its least equals its greatest (a missing value counts as the empty one).
    expect(sql).toContain("MAX(COALESCE(`value`, '')) AS x_last_variant");
    expect(params).toContain("env-production");
  });

  it("Snowflake (text-checked): TRY_TO_DOUBLE behind a pattern, epoch milliseconds, `?` placeholders", () => {
    const { sql } = buildMetricStatsQuery({
      dialect: "snowflake",
      schema: "flagsmith",
      eventsTable: "FLAGSMITH.EVENTS",
      experiment: flagsmithExperiment,
      metrics: demoMetrics,
      granularity: "total",
    });
    expect(sql).toContain('FROM "FLAGSMITH"."EVENTS"');
    expect(sql).toContain("TRY_TO_DOUBLE(me_raw_value)");
    expect(sql).toContain(`REGEXP_LIKE(me_raw_value, '${NUMERIC_TEXT_PATTERN}')`);
    expect(sql).toContain('DATE_PART(epoch_millisecond, "timestamp") >= CAST(? AS BIGINT)');
    expect(sql).toContain("\"identifier\" <> ''");
  });

  it("the kit's schema reads the value as a number and has no environment filter", () => {
    const { sql } = buildMetricStatsQuery({
      dialect: "duckdb",
      experiment,
      metrics: demoMetrics,
      granularity: "total",
    });
    expect(sql).toContain('"flag_id" = $2');
    expect(sql).toContain("COALESCE(CAST(we_value AS DOUBLE), 0)");
    expect(sql).not.toContain("environment");
    // No exact-duplicate removal: the kit's table has no at-least-once delivery.
    expect(sql).not.toContain("list_distinct");
  });
  it("ClickHouse packs time and event code in one number: up to 511 event names per query, then a readable refusal", () => {
    const manyMetrics = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...(demoMetrics[3] as (typeof demoMetrics)[number]),
        id: `m${i}`,
        eventName: `event_${i}`,
      }));
    const build = (count: number) =>
      buildMetricStatsQuery({ dialect: "clickhouse", experiment, metrics: manyMetrics(count), granularity: "day" });
    expect(build(511).sql).toContain("bitAnd(tc, 511)");
    expect(() => build(512)).toThrow(WarehouseRequestError);
    expect(() => build(512)).toThrow(/at most 511 event names/);
  });

  it("binds parameters in the order their placeholders appear (positional `?` dialects rely on it)", () => {
    const { sql } = buildMetricStatsQuery({
      dialect: "postgres",
      experiment,
      metrics: demoMetrics,
      granularity: "day",
      covariate: { preExposureDays: 7 },
    });
    const order = (sql.match(/\$\d+/g) ?? []).map((p) => Number(p.slice(1)));
    expect(order).toEqual(order.map((_, i) => i + 1));
  });
});

describe("identifiers", () => {
  const hostile = [
    'events"; DROP TABLE users; --',
    "events`; DROP TABLE users",
    "events WHERE 1=1",
    "1events",
    "a.b.c.d",
    "",
    "événements",
    "events\u0000",
  ];

  it.each(hostile)("refuses the table name %j", (name) => {
    expect(() => createSqlWarehouse({ dialect: "postgres", query: async () => [], eventsTable: name })).toThrow(
      SqlIdentifierError,
    );
  });

  it("refuses hostile column names", () => {
    expect(() =>
      createSqlWarehouse({ dialect: "duckdb", query: async () => [], schema: { value: 'value" FROM x; --' } }),
    ).toThrow(/The column name .* is not allowed/);
  });

  it("quotes valid names per dialect, and lets BigQuery projects carry hyphens", () => {
    expect(quoteTable(sqlDialects.postgres, "analytics.events")).toBe('"analytics"."events"');
    expect(quoteTable(sqlDialects.clickhouse, "analytics.events")).toBe("`analytics`.`events`");
    expect(quoteTable(sqlDialects.bigquery, "my-project.analytics.events")).toBe("`my-project`.`analytics`.`events`");
    expect(() => quoteTable(sqlDialects.postgres, "my-project.analytics.events")).toThrow(SqlIdentifierError);
  });

  it("takes column names only as text: an object that answers differently each time never reaches SQL", () => {
    let calls = 0;
    const shifty = {
      toString() {
        calls += 1;
        return calls === 1 ? "value" : 'value" FROM secrets; --';
      },
    };
    expect(() =>
      createSqlWarehouse({ dialect: "duckdb", query: async () => [], schema: { value: shifty as unknown as string } }),
    ).toThrow(/must be text/);
    expect(() =>
      createSqlWarehouse({ dialect: "duckdb", query: async () => [], eventsTable: shifty as unknown as string }),
    ).toThrow(/must be text/);
    expect(() =>
      createSqlWarehouse({ dialect: "duckdb", query: async () => [], schema: { userId: "x" } as never }),
    ).toThrow(/not a column of the kit's events table/);
    expect(calls).toBe(0);
  });

  it("uses custom column names in every statement", () => {
    const { sql } = buildConnectionCheckQuery({
      dialect: "snowflake",
      eventsTable: "EVENTS",
      schema: { identityKey: "USER_ID", timestamp: "EVENT_TIME" },
    });
    expect(sql).toBe(
      'SELECT "USER_ID", "event_name", "value", "EVENT_TIME", "flag_id", "variant_key" FROM "EVENTS" LIMIT 1',
    );
  });
});
