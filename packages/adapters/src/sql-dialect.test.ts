import { describe, expect, it } from "vitest";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import { buildConnectionCheckQuery, buildExposureSummaryQuery, buildMetricStatsQuery } from "./metric-stats-sql";
import { quoteTable, SQL_DIALECTS, SqlIdentifierError, sqlDialects } from "./sql-dialect";
import { createSqlWarehouse } from "./sql-warehouse";

const experiment = demoExperiments[0] as Experiment;

describe("generated SQL per dialect", () => {
  for (const dialect of SQL_DIALECTS) {
    it(`${dialect}: daily stats with a CUPED covariate`, () => {
      const statement = buildMetricStatsQuery({
        dialect,
        eventsTable: dialect === "bigquery" ? "my-project.analytics.events" : "analytics.events",
        experiment,
        metrics: demoMetrics,
        granularity: "day",
        covariate: { preExposureDays: 14 },
      });
      expect(statement.sql).toMatchSnapshot();
      expect(statement.params).toMatchSnapshot();
    });

    it(`${dialect}: totals and the exposure summary`, () => {
      const totals = buildMetricStatsQuery({ dialect, experiment, metrics: demoMetrics, granularity: "total" });
      expect(totals.sql).toMatchSnapshot();
      const summary = buildExposureSummaryQuery({ dialect, experiment });
      expect(summary.sql).toMatchSnapshot();
      expect(summary.params).toEqual([
        "$flag_exposure",
        "checkout-cta",
        "2026-03-02 00:00:00.000",
        "2026-03-30 00:00:00.000",
        "control",
        "green",
        "orange",
      ]);
    });

    it(`${dialect}: one placeholder per bound parameter, and no value in the SQL text`, () => {
      const hostileExperiment: Experiment = {
        ...experiment,
        flagId: "x'); DROP TABLE events; --",
        variations: experiment.variations.map((v, i) => (i === 1 ? { ...v, name: "'; --" } : v)),
      };
      const metrics = demoMetrics.map((m) => ({ ...m, eventName: `${m.eventName}' OR 1=1 --` }));
      const { sql, params } = buildMetricStatsQuery({
        dialect,
        experiment: hostileExperiment,
        metrics,
        granularity: "day",
        covariate: { preExposureDays: 7 },
      });
      expect(sql).not.toContain("DROP TABLE");
      expect(sql).not.toContain("OR 1=1");
      expect(sql).not.toContain("checkout");
      expect(sql).not.toContain("$flag_exposure");
      expect(params).toContain("x'); DROP TABLE events; --");
      const placeholders =
        dialect === "clickhouse"
          ? (sql.match(/\{p\d+:[^}]+\}/g) ?? []).length
          : dialect === "bigquery" || dialect === "snowflake"
            ? (sql.match(/\?/g) ?? []).length
            : new Set(sql.match(/\$\d+/g) ?? []).size;
      expect(placeholders).toBe(params.length);
    });
  }

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
      createSqlWarehouse({ dialect: "duckdb", query: async () => [], columns: { value: 'value" FROM x; --' } }),
    ).toThrow(/The column name .* is not allowed/);
  });

  it("quotes valid names per dialect, and lets BigQuery projects carry hyphens", () => {
    expect(quoteTable(sqlDialects.postgres, "analytics.events")).toBe('"analytics"."events"');
    expect(quoteTable(sqlDialects.clickhouse, "analytics.events")).toBe("`analytics`.`events`");
    expect(quoteTable(sqlDialects.bigquery, "my-project.analytics.events")).toBe("`my-project`.`analytics`.`events`");
    expect(() => quoteTable(sqlDialects.postgres, "my-project.analytics.events")).toThrow(SqlIdentifierError);
  });

  it("uses custom column names in every statement", () => {
    const { sql } = buildConnectionCheckQuery({
      dialect: "snowflake",
      eventsTable: "EVENTS",
      columns: { identityKey: "USER_ID", timestamp: "EVENT_TIME" },
    });
    expect(sql).toBe(
      'SELECT "USER_ID", "event_name", "value", "EVENT_TIME", "flag_id", "variant_key" FROM "EVENTS" LIMIT 1',
    );
  });
});
