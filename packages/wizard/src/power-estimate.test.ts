import type { MetricDefinition } from "@flagsmith-experimentation/adapters";
import { sampleSizePerVariation } from "@flagsmith-experimentation/stats-core";
import { describe, expect, it } from "vitest";
import { estimatePower } from "./power-estimate";

const everyone = { id: "everyone", name: "All users", expectedDailyTraffic: 10_000 };
const traffic = (expectedDailyTraffic: number | undefined) => ({ ...everyone, expectedDailyTraffic });

const conversion: MetricDefinition = {
  id: "conversion",
  name: "Checkout conversion",
  kind: "occurrence",
  eventName: "purchase",
  direction: "increase",
  baseline: 0.1,
};

describe("estimatePower", () => {
  it("turns the sample size into days of traffic for the smallest arm", () => {
    const perArm = sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.05 });
    const estimate = estimatePower({ metric: conversion, segment: everyone, weights: { control: 50, b: 50 } });
    expect(estimate).toEqual({
      status: "ok",
      lift: 0.05,
      days: Math.ceil(perArm / 5_000),
      sampleSizePerVariation: perArm,
    });
  });

  it("takes longer with an uneven split", () => {
    const even = estimatePower({ metric: conversion, segment: everyone, weights: { control: 50, b: 50 } });
    const uneven = estimatePower({ metric: conversion, segment: everyone, weights: { control: 90, b: 10 } });
    expect(even.status === "ok" && uneven.status === "ok" && uneven.days > even.days).toBe(true);
  });

  it("uses the standard deviation for means", () => {
    const revenue: MetricDefinition = { ...conversion, kind: "sum", baseline: 20, baselineSd: 40 };
    expect(estimatePower({ metric: revenue, segment: traffic(1_000), weights: { a: 50, b: 50 } }).status).toBe("ok");
    expect(
      estimatePower({
        metric: { ...revenue, baselineSd: undefined },
        segment: traffic(1_000),
        weights: { a: 50, b: 50 },
      }),
    ).toEqual({ status: "no-baseline", metricName: "Checkout conversion" });
  });

  it("plans a ratio metric (page-load time) on its per-user delta-method sd", () => {
    const pageLoad: MetricDefinition = {
      ...conversion,
      kind: "ratio",
      denominatorEventName: "page_view",
      direction: "decrease",
      baseline: 800,
      baselineSd: 240,
    };
    // 2(z₀.₉₇₅ + z₀.₈)²·240²/(0.05·800)² = 565.1 → 566 per arm; 1,000 a day split 50/50 → 2 days.
    expect(estimatePower({ metric: pageLoad, segment: traffic(1_000), weights: { a: 50, b: 50 } })).toEqual({
      status: "ok",
      lift: 0.05,
      days: 2,
      sampleSizePerVariation: 566,
    });
  });

  it("says what is missing", () => {
    const weights = { a: 50, b: 50 };
    expect(estimatePower({ metric: undefined, segment: everyone, weights })).toEqual({ status: "no-metric" });
    const perArm = sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.05 });
    const noTraffic = { status: "no-traffic", lift: 0.05, sampleSizePerVariation: perArm };
    expect(estimatePower({ metric: conversion, segment: undefined, weights })).toEqual(noTraffic);
    expect(estimatePower({ metric: conversion, segment: traffic(undefined), weights })).toEqual(noTraffic);
    expect(estimatePower({ metric: conversion, segment: traffic(0), weights })).toEqual(noTraffic);
    expect(estimatePower({ metric: { ...conversion, baseline: undefined }, segment: everyone, weights })).toEqual({
      status: "no-baseline",
      metricName: "Checkout conversion",
    });
  });

  it("takes the editable target and the rollout into account", () => {
    const weights = { a: 50, b: 50 };
    const base = estimatePower({ metric: conversion, audienceDailyTraffic: 10_000, weights });
    const wider = estimatePower({ metric: conversion, audienceDailyTraffic: 10_000, weights, lift: 0.1 });
    const rolledOut = estimatePower({
      metric: conversion,
      audienceDailyTraffic: 10_000,
      rolloutPercentage: 10,
      weights,
    });
    if (base.status !== "ok" || wider.status !== "ok" || rolledOut.status !== "ok")
      throw new Error("expected estimates");
    expect(wider.lift).toBe(0.1);
    expect(wider.days).toBeLessThan(base.days);
    expect(rolledOut.days).toBe(Math.ceil(base.sampleSizePerVariation / 500));
  });
});
