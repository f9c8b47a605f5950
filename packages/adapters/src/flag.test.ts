import { describe, expect, it } from "vitest";
import { demoFlags, demoMetrics } from "./fixtures";
import { flagSchema, isFlagEligible } from "./flag";
import { metricDefinitionSchema } from "./metric-definition";

describe("flagSchema", () => {
  it("accepts every demo flag", () => {
    for (const flag of demoFlags) expect(flagSchema.parse(flag)).toEqual(flag);
  });

  it("requires exactly one control, keyed “control”", () => {
    const flag = demoFlags[0];
    const noControl = { ...flag, variations: flag?.variations.filter((v) => !v.isControl) };
    expect(flagSchema.safeParse(noControl).success).toBe(false);
    const wrongKey = {
      ...flag,
      variations: [{ key: "control", name: "Impostor", value: "x", isControl: false }],
    };
    expect(flagSchema.safeParse(wrongKey).success).toBe(false);
  });

  it("rejects variation keys that are not slugs", () => {
    const flag = demoFlags[1];
    const bad = {
      ...flag,
      variations: [...(flag?.variations ?? []), { key: "Robert'); DROP", name: "x", value: 1, isControl: false }],
    };
    expect(flagSchema.safeParse(bad).success).toBe(false);
  });

  it("calls a flag eligible only with a non-control variation", () => {
    expect(demoFlags.filter(isFlagEligible).map((f) => f.id)).toEqual([
      "checkout-cta",
      "pricing-layout",
      "search-ranking",
    ]);
  });
});

describe("metricDefinitionSchema", () => {
  it("accepts the demo metrics", () => {
    for (const metric of demoMetrics) expect(metricDefinitionSchema.parse(metric)).toEqual(metric);
  });

  it("requires a denominator for ratios and only for ratios", () => {
    const ratio = { id: "r", name: "R", kind: "ratio", eventName: "a", direction: "decrease" };
    expect(metricDefinitionSchema.safeParse(ratio).success).toBe(false);
    const mean = { id: "m", name: "M", kind: "mean", eventName: "a", denominatorEventName: "b", direction: "increase" };
    expect(metricDefinitionSchema.safeParse(mean).success).toBe(false);
  });
});
