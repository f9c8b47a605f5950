import { describe, expect, it } from "vitest";
import { experimentSchema } from "./experiment";
import { demoExperiments, demoFlags, demoMetrics, demoOverrides, demoSegments, simulateDemoTraffic } from "./fixtures";
import { flagSchema, isFlagEligible } from "./flag";
import { metricDefinitionSchema } from "./metric-definition";
import { segmentOverrideSchema, segmentSchema } from "./segment";

describe("demo fixtures", () => {
  it("are valid domain objects", () => {
    for (const flag of demoFlags) expect(flagSchema.safeParse(flag).success).toBe(true);
    for (const segment of demoSegments) expect(segmentSchema.safeParse(segment).success).toBe(true);
    for (const override of demoOverrides) expect(segmentOverrideSchema.safeParse(override).success).toBe(true);
    for (const metric of demoMetrics) expect(metricDefinitionSchema.safeParse(metric).success).toBe(true);
    for (const experiment of demoExperiments) expect(experimentSchema.safeParse(experiment).error).toBeUndefined();
  });

  it("cover every status, metric kind, and both eligible and single-variant flags", () => {
    expect(new Set(demoExperiments.map((e) => e.status))).toEqual(
      new Set(["draft", "running", "scheduled", "concluded"]),
    );
    expect(new Set(demoMetrics.map((m) => m.kind))).toEqual(new Set(["occurrence", "count", "sum", "ratio"]));
    expect(demoMetrics.some((m) => m.direction === "informational")).toBe(true);
    expect(demoMetrics.find((m) => m.id === "page-load-time")).toMatchObject({ direction: "decrease", unit: "ms" });
    expect(demoMetrics.find((m) => m.id === "revenue-per-user")).toMatchObject({ kind: "sum", unit: "currency" });
    expect(demoFlags.map(isFlagEligible)).toContain(false);
  });

  it("reference each other consistently", () => {
    const flagIds = new Set(demoFlags.map((f) => f.id));
    const segmentIds = new Set(demoSegments.map((s) => s.id));
    const metricIds = new Set(demoMetrics.map((m) => m.id));
    for (const override of demoOverrides) {
      expect(flagIds.has(override.flagId)).toBe(true);
      expect(segmentIds.has(override.segmentId)).toBe(true);
    }
    for (const experiment of demoExperiments.filter((e) => e.status !== "draft")) {
      expect(flagIds.has(experiment.flagId)).toBe(true);
      if (experiment.segmentId !== null) expect(segmentIds.has(experiment.segmentId)).toBe(true);
      for (const m of experiment.metrics) expect(metricIds.has(m.metricId)).toBe(true);
      const overridden = demoOverrides.some(
        (o) => o.flagId === experiment.flagId && o.segmentId === experiment.segmentId,
      );
      expect(overridden).toBe(false);
    }
  });

  it("simulate the same demo traffic every time", () => {
    const a = simulateDemoTraffic({ identities: 200 });
    expect(a).toEqual(simulateDemoTraffic({ identities: 200 }));
    expect(a.length).toBeGreaterThan(400);
  });
});
