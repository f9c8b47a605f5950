import { describe, expect, it } from "vitest";
import { demoFlags, demoMetrics } from "./fixtures";
import { flagIneligibility, flagSchema, isFlagEligible } from "./flag";
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

  it("keeps Flagsmith option keys verbatim, upper case included, but never “control” for a treatment", () => {
    const flag = { ...demoFlags[1], variations: [...(demoFlags[1]?.variations ?? [])] };
    const withKey = (key: string) => ({
      ...flag,
      variations: [...flag.variations, { key, name: key, value: key, isControl: false }],
    });
    expect(flagSchema.safeParse(withKey("Variant_1")).success).toBe(true);
    expect(flagSchema.safeParse(withKey("BLUE-button_2")).success).toBe(true);
    expect(flagSchema.safeParse(withKey("control")).success).toBe(false);
    expect(flagSchema.safeParse(withKey("has space")).success).toBe(false);
  });

  it("fills in enabled = true when a host leaves it out", () => {
    const { enabled: _, ...withoutEnabled } = demoFlags[0] ?? { enabled: true };
    expect(flagSchema.parse(withoutEnabled)).toMatchObject({ enabled: true });
    expect(flagSchema.parse({ ...withoutEnabled, enabled: false })).toMatchObject({ enabled: false });
  });

  it("says why a flag cannot get an experiment", () => {
    const [checkout, , , tour] = demoFlags;
    if (!checkout || !tour) throw new Error("fixtures changed");
    expect(flagIneligibility(checkout)).toBeNull();
    expect(flagIneligibility(tour)).toEqual({ reason: "no-variations" });
    const unkeyed = { ...checkout, unkeyedOptions: [{ name: "Option 7", value: "teal" }] };
    expect(flagIneligibility(unkeyed)).toEqual({ reason: "unkeyed-options", options: unkeyed.unkeyedOptions });
    const held = { ...unkeyed, activeExperimentId: "exp-9" };
    expect(flagIneligibility(held)).toEqual({ reason: "active-experiment", experimentId: "exp-9" });
    expect(isFlagEligible(held)).toBe(false);
  });

  it("calls a flag eligible only with a non-control variation", () => {
    expect(demoFlags.filter(isFlagEligible).map((f) => f.id)).toEqual([
      "checkout-cta",
      "pricing-layout",
      "search-ranking",
      "product-gallery",
      "image-cdn",
      "shipping-banner",
      "nav-menu",
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

  it("knows Flagsmith's aggregations and the informational direction", () => {
    for (const kind of ["occurrence", "count", "sum", "mean"]) {
      const metric = { id: kind, name: kind, kind, eventName: "purchase", direction: "informational" };
      expect(metricDefinitionSchema.parse(metric)).toEqual(metric);
    }
    const old = { id: "p", name: "P", kind: "proportion", eventName: "purchase", direction: "increase" };
    expect(metricDefinitionSchema.safeParse(old).success).toBe(false);
  });

  it("keeps usable planning figures and drops unusable ones instead of failing the metric", () => {
    const base = { id: "c", name: "C", kind: "occurrence", eventName: "purchase", direction: "increase" } as const;
    expect(metricDefinitionSchema.parse({ ...base, baseline: 0.1, baselineSd: 0.3 })).toMatchObject({
      baseline: 0.1,
      baselineSd: 0.3,
    });
    const dropped = metricDefinitionSchema.parse({ ...base, baseline: "lots", baselineSd: -1 });
    expect(dropped.baseline).toBeUndefined();
    expect(dropped.baselineSd).toBeUndefined();
  });
});
