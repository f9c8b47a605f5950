import { describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics } from "./fixtures";
import { createSqlWarehouse } from "./sql-warehouse";

const experiment = demoExperiments[1] as Experiment; // pricing: control + cards
const conversion = demoMetrics[0];
const revenue = demoMetrics[1];
if (!conversion || !revenue) throw new Error("fixtures missing");

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("createSqlWarehouse result handling", () => {
  it("sums increment rows, reads driver types, and fills variations without data with zeros", async () => {
    const warehouse = createSqlWarehouse({
      dialect: "snowflake",
      query: async () => [
        { VARIATION_KEY: "control", N: "100", M0_SUM: 0, M1_SUM: 0, M1_SUM_SQUARES: 0 },
        { VARIATION_KEY: "control", N: 0, M0_SUM: 12n, M1_SUM: "480.5", M1_SUM_SQUARES: 30000 },
      ],
    });
    const rows = await warehouse.fetchMetricStats({ experiment, metrics: [conversion, revenue], granularity: "total" });
    expect(rows).toEqual([
      { metricId: "conversion", variationKey: "control", stats: { kind: "proportion", n: 100, sum: 12 } },
      { metricId: "conversion", variationKey: "cards", stats: { kind: "proportion", n: 0, sum: 0 } },
      {
        metricId: "revenue-per-user",
        variationKey: "control",
        stats: { kind: "mean", n: 100, sum: 480.5, sumSquares: 30000 },
      },
      { metricId: "revenue-per-user", variationKey: "cards", stats: { kind: "mean", n: 0, sum: 0, sumSquares: 0 } },
    ]);
  });

  it("turns daily increments into cumulative rows from the launch day, carrying quiet days forward", async () => {
    const warehouse = createSqlWarehouse({
      dialect: "duckdb",
      query: async () => [
        { variation_key: "control", day: 20458, n: 10, m0_sum: 0 },
        { variation_key: "control", day: "2026-01-07", n: 5, m0_sum: 0 },
        { variation_key: "control", day: "2026-01-07", n: 0, m0_sum: 3 },
      ],
    });
    const rows = await warehouse.fetchMetricStats({ experiment, metrics: [conversion], granularity: "day" });
    // The experiment launched on 2026-01-04 (the window starts there); days come as day numbers or dates.
    expect(rows.filter((r) => r.variationKey === "control").map((r) => [r.date, r.stats])).toEqual([
      ["2026-01-04", { kind: "proportion", n: 0, sum: 0 }],
      ["2026-01-05", { kind: "proportion", n: 10, sum: 0 }],
      ["2026-01-06", { kind: "proportion", n: 10, sum: 0 }],
      ["2026-01-07", { kind: "proportion", n: 15, sum: 3 }],
    ]);
  });

  it("rejects unknown variations and non-numbers as invalid-response", async () => {
    const unknown = createSqlWarehouse({ dialect: "duckdb", query: async () => [{ variation_key: "ghost", n: 1 }] });
    expect(
      (await failure(unknown.fetchMetricStats({ experiment, metrics: [conversion], granularity: "total" }))).kind,
    ).toBe("invalid-response");
    const notANumber = createSqlWarehouse({
      dialect: "duckdb",
      query: async () => [{ variation_key: "control", n: "lots" }],
    });
    const error = await failure(
      notANumber.fetchMetricStats({ experiment, metrics: [conversion], granularity: "total" }),
    );
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toMatch(/not a number in “n”/);
    const notRows = createSqlWarehouse({ dialect: "duckdb", query: async () => "nope" as never });
    expect(
      (await failure(notRows.fetchMetricStats({ experiment, metrics: [conversion], granularity: "total" }))).kind,
    ).toBe("invalid-response");
  });

  it("says which field is missing, never “undefined”, when a row lacks its day or variation", async () => {
    const cases = [
      { rows: [{ variation_key: "control", n: 1 }], granularity: "day", message: /daily row without a date/ },
      { rows: [{ n: 1 }], granularity: "total", message: /row without a variation key/ },
    ] as const;
    for (const { rows, granularity, message } of cases) {
      const warehouse = createSqlWarehouse({ dialect: "duckdb", query: async () => [...rows] });
      const error = await failure(warehouse.fetchMetricStats({ experiment, metrics: [conversion], granularity }));
      expect(error.kind).toBe("invalid-response");
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/undefined/);
    }
  });

  it("reports an unreachable warehouse as a network error with the driver's words and cause", async () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const warehouse = createSqlWarehouse({ dialect: "postgres", query: async () => Promise.reject(cause) });
    const error = await failure(
      warehouse.fetchMetricStats({ experiment, metrics: [conversion], granularity: "total" }),
    );
    expect(error.kind).toBe("network");
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("The warehouse could not be reached: connect ECONNREFUSED 127.0.0.1:5432");
    expect(error.cause).toBe(cause);
    expect(await warehouse.testConnection()).toEqual({
      ok: false,
      message: "Could not read the events table “events”: connect ECONNREFUSED 127.0.0.1:5432",
    });
  });

  it.each([
    ["PostgreSQL syntax error (SQLSTATE 42601)", { code: "42601" }, "query"],
    ["PostgreSQL bad value (SQLSTATE 22P02)", { code: "22P02" }, "query"],
    ["PostgreSQL connection failure (SQLSTATE 08006)", { code: "08006" }, "network"],
    ["PostgreSQL wrong password (SQLSTATE 28P01)", { code: "28P01" }, "unauthorized"],
    ["PostgreSQL statement timeout (SQLSTATE 57014)", { code: "57014" }, "timeout"],
    ["ClickHouse cannot parse (code 6)", { clickhouseCode: 6 }, "query"],
    ["ClickHouse unknown table (code 60, @clickhouse/client)", { code: "60", type: "UNKNOWN_TABLE" }, "query"],
    ["ClickHouse authentication failed (code 516)", { clickhouseCode: 516 }, "unauthorized"],
    ["ClickHouse timeout (code 159)", { clickhouseCode: 159 }, "timeout"],
    ["DuckDB conversion error (no code)", {}, "query"],
    ["a socket timeout", { code: "ETIMEDOUT" }, "timeout"],
    ["fetch failed, caused by a refused connection", { cause: { code: "ECONNREFUSED" } }, "network"],
  ])("tells a %s apart: %j → %s", async (_name, fields, kind) => {
    const cause = Object.assign(new Error("Conversion Error: Could not convert string 'gift-card' to DOUBLE"), fields);
    const warehouse = createSqlWarehouse({ dialect: "postgres", query: async () => Promise.reject(cause) });
    const error = await failure(
      warehouse.fetchMetricStats({ experiment, metrics: [conversion], granularity: "total" }),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toContain("gift-card");
    expect(error.cause).toBe(cause);
  });

  it.each([
    ["9999-12-31", "2026-01-05", "startDate"],
    ["0000-01-01", "2026-01-05", "startDate"],
    ["2026-02-30", "2026-03-05", "startDate"],
    ["2026-01-05", "2026-13-01", "endDate"],
    ["2026-02-01", "2026-01-05", "endDate"],
  ])("refuses the window %s – %s in words before any query", async (startDate, endDate, field) => {
    let calls = 0;
    const warehouse = createSqlWarehouse({
      dialect: "clickhouse",
      query: async () => {
        calls += 1;
        return [];
      },
    });
    const planned: Experiment = { ...experiment, startDate, endDate, launchedAt: undefined, stoppedAt: undefined };
    for (const granularity of ["total", "day"] as const) {
      const error = await failure(
        warehouse.fetchMetricStats({ experiment: planned, metrics: [conversion], granularity }),
      );
      expect(error.kind).toBe("invalid-request");
      expect(error.fieldErrors[field]?.[0]).toMatch(/date/);
      expect(error.message).not.toMatch(/undefined|NaN|Invalid Date/);
    }
    await expect(warehouse.fetchExposureSummary({ experiment: planned })).rejects.toMatchObject({
      kind: "invalid-request",
    });
    expect(calls).toBe(0);
  });

  it("refuses a launch or stop time no warehouse holds", async () => {
    const warehouse = createSqlWarehouse({ dialect: "duckdb", query: async () => [] });
    for (const times of [{ launchedAt: "9999-12-31T00:00:00.000Z" }, { stoppedAt: "not a time" }]) {
      const error = await failure(
        warehouse.fetchMetricStats({
          experiment: { ...experiment, ...times },
          metrics: [conversion],
          granularity: "total",
        }),
      );
      expect(error.kind).toBe("invalid-request");
    }
  });

  it("asks nothing of the warehouse for a draft without dates", async () => {
    let calls = 0;
    const warehouse = createSqlWarehouse({
      dialect: "duckdb",
      query: async () => {
        calls += 1;
        return [];
      },
    });
    const draft = demoExperiments[3] as Experiment;
    expect(await warehouse.fetchMetricStats({ experiment: draft, metrics: [conversion], granularity: "day" })).toEqual(
      [],
    );
    expect(calls).toBe(0);
  });
});
