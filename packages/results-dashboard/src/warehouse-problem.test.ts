import { AdapterError } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { defaultMessages as m } from "./messages";
import { describeWarehouseProblem } from "./warehouse-problem";

/**
 * The texts below are what each engine (or its driver) says, copied from a real run (DuckDB 1.5) or the engines'
 * documented error formats: the form must put them in the user's words and keep them for "Details".
 */
const missingTable = {
  duckdb:
    'Catalog Error: Table with name "analytics.events" does not exist because schema "analytics" does not exist.\n\nLINE 1: SELECT 1 FROM "analytics"."events" LIMIT 1',
  postgres: 'relation "analytics.events" does not exist',
  clickhouse: "Code: 60. DB::Exception: Table analytics.events does not exist. (UNKNOWN_TABLE)",
  bigquery: "Not found: Table my-project:analytics.events was not found in location US",
  snowflake: "SQL compilation error:\nObject 'ANALYTICS.PUBLIC.EVENTS' does not exist or not authorized.",
};

describe("describeWarehouseProblem", () => {
  it.each(Object.entries(missingTable))("says a missing table in the user's words (%s)", (_, driver) => {
    const problem = describeWarehouseProblem(
      { message: `Could not read the events table “analytics.events”: ${driver}` },
      "analytics.events",
      m,
    );
    expect(problem.summary).toBe(
      "Table analytics.events was not found. Check the events table's name and schema, and that this user can read it.",
    );
    expect(problem.details).toContain(driver);
  });

  it("reads the driver's error behind an AdapterError of kind query", () => {
    const error = new AdapterError("query", undefined, {
      cause: new Error('Catalog Error: Table with name evnts does not exist!\nDid you mean "pg_views"?'),
    });
    const problem = describeWarehouseProblem({ error }, "evnts", m);
    expect(problem.summary).toMatch(/^Table evnts was not found\./);
    expect(problem.details).toContain("Did you mean");
  });

  it("names a missing column", () => {
    const problem = describeWarehouseProblem(
      { message: 'Binder Error: Referenced column "identity_key" not found in FROM clause!' },
      "events",
      m,
    );
    expect(problem.summary).toBe(
      "Table events has no column identity_key. Check that it has the columns the kit reads.",
    );
  });

  it("tells refused credentials, refused permissions, an unreachable server and a timeout apart", () => {
    expect(
      describeWarehouseProblem({ message: 'password authentication failed for user "kit"' }, "events", m).summary,
    ).toBe(m.warehouseAuth);
    expect(describeWarehouseProblem({ message: "permission denied for table events" }, "events", m).summary).toBe(
      "This user is not allowed to read events.",
    );
    expect(describeWarehouseProblem({ message: "connect ECONNREFUSED 10.0.0.5:5432" }, "events", m).summary).toBe(
      m.warehouseUnreachable,
    );
    expect(describeWarehouseProblem({ error: new AdapterError("timeout") }, "events", m).summary).toBe(
      m.warehouseTimeout,
    );
  });

  it("falls back to a plain sentence, keeping whatever the warehouse said", () => {
    const problem = describeWarehouseProblem({ message: "Parser Error: syntax error at or near ')'" }, "events", m);
    expect(problem).toEqual({
      summary: "The warehouse could not read events.",
      details: "Parser Error: syntax error at or near ')'",
    });
  });
});
