import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { stringKeyed } from "./string-keyed";

const weights = stringKeyed(z.number().check(z.gte(0), z.lte(100)));

describe("stringKeyed", () => {
  it("accepts an object whose every value matches, keyed by any string", () => {
    expect(weights.parse({ control: 50, Variant_1: 50 })).toEqual({ control: 50, Variant_1: 50 });
    expect(weights.parse({})).toEqual({});
  });

  it("reports a bad value at its key, as z.record does", () => {
    const record = z.record(z.string(), z.number().check(z.gte(0), z.lte(100)));
    const input = { control: 50, cards: 150, other: "x" };
    const paths = (schema: typeof weights | typeof record) =>
      (schema.safeParse(input).error?.issues ?? []).map((issue) => [issue.code, issue.path]);
    expect(paths(weights)).toEqual([
      ["too_big", ["cards"]],
      ["invalid_type", ["other"]],
    ]);
    expect(paths(weights)).toEqual(paths(record));
  });

  it("rejects what is not an object", () => {
    for (const bad of [null, undefined, 3, "control", [50, 50]]) {
      expect(weights.safeParse(bad).success).toBe(false);
    }
  });
});
