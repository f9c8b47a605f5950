import { describe, expect, it } from "vitest";
import { buildInsertEventsSql, insertEventsInBatches } from "./events-table-sql";
import type { WarehouseEvent } from "./warehouse-event";

function event(index: number): WarehouseEvent {
  return {
    identityKey: `user-${index}`,
    eventName: "purchase",
    value: index * 1.5,
    timestamp: new Date(Date.UTC(2026, 2, 2, 10, index)),
    flagId: null,
    variantKey: null,
  };
}

describe("buildInsertEventsSql", () => {
  it("binds every value as a parameter, six per event", () => {
    const statement = buildInsertEventsSql("postgres", [event(1), event(2)]);
    expect(statement.params).toEqual([
      "user-1",
      "purchase",
      1.5,
      "2026-03-02 10:01:00.000",
      null,
      null,
      "user-2",
      "purchase",
      3,
      "2026-03-02 10:02:00.000",
      null,
      null,
    ]);
    expect(statement.sql).toContain("$12");
    expect(statement.sql).not.toContain("user-1");
  });
});

describe("insertEventsInBatches", () => {
  it("runs one INSERT per full batch and one for the rest, and counts the rows", async () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const rows = await insertEventsInBatches(
      "duckdb",
      async (sql, params) => {
        statements.push({ sql, params });
      },
      [0, 1, 2, 3, 4].map(event),
      { batchSize: 2, eventsTable: "analytics.events" },
    );
    expect(rows).toBe(5);
    expect(statements.map((statement) => statement.params.length)).toEqual([12, 12, 6]);
    expect(statements[2]?.params[0]).toBe("user-4");
    for (const statement of statements) expect(statement.sql).toMatch(/^INSERT INTO "analytics"\."events" /);
  });

  it("runs nothing for no events", async () => {
    let calls = 0;
    const rows = await insertEventsInBatches(
      "postgres",
      async () => {
        calls += 1;
      },
      [],
      { batchSize: 10 },
    );
    expect(rows).toBe(0);
    expect(calls).toBe(0);
  });
});
