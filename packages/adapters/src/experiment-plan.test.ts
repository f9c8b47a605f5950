import { analyzeExperiment, estimateDuration, sampleSizePerVariation } from "@flagsmith-experimentation/stats-core";
import { describe, expect, it } from "vitest";
import { experimentPlanSchema } from "./experiment";
import { planExperiment } from "./experiment-plan";

const conversion = { id: "conversion", kind: "occurrence" as const, baseline: 0.1 };

describe("planExperiment", () => {
  it("plans the sample per variation and the days the audience takes to bring it", () => {
    const planning = planExperiment({
      metric: conversion,
      audienceDailyTraffic: 10_000,
      weights: { control: 50, b: 50 },
    });
    const sample = sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.05 });
    expect(planning).toEqual({
      plan: {
        minimumDetectableEffect: 0.05,
        power: 0.8,
        alpha: 0.05,
        primaryMetricId: "conversion",
        sampleSizePerVariation: sample,
        expectedDailyTraffic: 10_000,
      },
      days: Math.ceil(sample / 5_000),
      gap: undefined,
    });
    expect(experimentPlanSchema.safeParse(planning.plan).success).toBe(true);
  });

  it("takes an editable target: a larger detectable lift needs fewer identities and days", () => {
    const at5 = planExperiment({ metric: conversion, audienceDailyTraffic: 1_000, weights: { control: 50, b: 50 } });
    const at10 = planExperiment({
      metric: conversion,
      audienceDailyTraffic: 1_000,
      weights: { control: 50, b: 50 },
      minimumDetectableEffect: 0.1,
    });
    expect(at10.plan.minimumDetectableEffect).toBe(0.1);
    expect(at10.plan.sampleSizePerVariation).toBeLessThan(at5.plan.sampleSizePerVariation ?? 0);
    expect(at10.days).toBeLessThan(at5.days ?? 0);
  });

  it("counts only the rolled-out share of the audience, and every arm with traffic", () => {
    const weights = { control: 34, b: 33, c: 33 };
    const planning = planExperiment({
      metric: conversion,
      audienceDailyTraffic: 10_000,
      rolloutPercentage: 20,
      weights,
    });
    expect(planning.plan.expectedDailyTraffic).toBe(2_000);
    expect(planning.plan.sampleSizePerVariation).toBe(
      sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.05, variations: 3 }),
    );
    expect(planning.days).toBe(
      estimateDuration({ kind: "occurrence", baseline: 0.1, mde: 0.05, dailyTraffic: 2_000, weights }),
    );
  });

  it("keeps what it can when figures are missing, and says which", () => {
    const weights = { control: 50, b: 50 };
    expect(planExperiment({ metric: undefined, audienceDailyTraffic: 1, weights })).toEqual({
      plan: { minimumDetectableEffect: 0.05, power: 0.8, alpha: 0.05 },
      days: undefined,
      gap: "metric",
    });
    const noBaseline = planExperiment({
      metric: { id: "m", kind: "sum", baseline: 20 },
      audienceDailyTraffic: 1,
      weights,
    });
    expect(noBaseline.gap).toBe("baseline");
    expect(noBaseline.plan).not.toHaveProperty("sampleSizePerVariation");
    const noTraffic = planExperiment({ metric: conversion, audienceDailyTraffic: undefined, weights });
    expect(noTraffic.gap).toBe("traffic");
    expect(noTraffic.plan.sampleSizePerVariation).toBeGreaterThan(0);
    for (const bad of [0, -0.1, Number.NaN]) {
      expect(
        planExperiment({ metric: conversion, audienceDailyTraffic: 1, weights, minimumDetectableEffect: bad }).plan,
      ).toMatchObject({ minimumDetectableEffect: 0.05 });
    }
  });
});

describe("the stored plan on the results page", () => {
  it("is the sample the analysis measures progress against", () => {
    const { plan } = planExperiment({
      metric: conversion,
      audienceDailyTraffic: 10_000,
      weights: { control: 50, b: 50 },
    });
    const planned = plan.sampleSizePerVariation ?? 0;
    const analysis = analyzeExperiment({
      variations: [
        { key: "control", name: "Control", isControl: true },
        { key: "b", name: "B", isControl: false },
      ],
      weights: { control: 50, b: 50 },
      metrics: [
        {
          id: "conversion",
          name: "Conversion",
          kind: "occurrence",
          direction: "increase",
          role: "primary",
        },
      ],
      totals: [
        { metricId: "conversion", variationKey: "control", stats: { kind: "proportion", n: 1_000, sum: 100 } },
        { metricId: "conversion", variationKey: "b", stats: { kind: "proportion", n: 1_000, sum: 110 } },
      ],
      plan,
    });
    expect(analysis.progress.plannedSampleSizePerVariation).toBe(planned);
    expect(analysis.progress.percentOfPlannedSample).toBeCloseTo((100 * 1_000) / planned, 10);
  });
});
