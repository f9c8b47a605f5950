import { describe, expect, it } from "vitest";
import { defaultMessages } from "./messages";
import { createWarehouseConnectionSchema, emptyConnectionValues, valuesFromSaved } from "./warehouse-connection-schema";

describe("createWarehouseConnectionSchema", () => {
  it("validates only the chosen type's fields and outputs a typed connection", () => {
    const schema = createWarehouseConnectionSchema(defaultMessages);
    const result = schema.safeParse({
      ...emptyConnectionValues("bigquery"),
      projectId: "acme",
      dataset: "analytics",
      serviceAccountKey: '{"type":"service_account"}',
      host: "ignored",
    });
    expect(result.success && result.data).toEqual({
      type: "bigquery",
      projectId: "acme",
      dataset: "analytics",
      serviceAccountKey: '{"type":"service_account"}',
      eventsTable: "events",
    });
  });

  it("rejects bad JSON keys, unsafe table names and missing secrets", () => {
    const schema = createWarehouseConnectionSchema(defaultMessages);
    const result = schema.safeParse({
      ...emptyConnectionValues("bigquery"),
      projectId: "acme",
      dataset: "analytics",
      serviceAccountKey: "not json",
      eventsTable: "events; drop table x",
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual([
      "eventsTable: Use letters, digits and underscores only (dots between parts).",
      "serviceAccountKey: Paste the key as JSON.",
    ]);
    const missing = schema.safeParse({ ...emptyConnectionValues("postgres"), host: "h", database: "d", user: "u" });
    expect(missing.error?.issues.map((issue) => issue.message)).toEqual(["Password is required."]);
  });

  it("keeps a saved secret when the field is left empty", () => {
    const schema = createWarehouseConnectionSchema(defaultMessages, { secretSaved: true });
    const result = schema.safeParse({ ...emptyConnectionValues("postgres"), host: "h", database: "d", user: "u" });
    expect(result.success && result.data).toEqual({
      type: "postgres",
      host: "h",
      port: 5432,
      database: "d",
      user: "u",
      ssl: true,
      eventsTable: "events",
    });
  });
});

describe("valuesFromSaved", () => {
  it("never copies a secret into the form", () => {
    const saved = { type: "postgres", host: "db", secretSaved: true, password: "leak" } as const;
    expect(valuesFromSaved(saved).password).toBe("");
    expect(valuesFromSaved(saved).host).toBe("db");
  });
});
