import { assignVariation, srmTest } from "@flagsmith-experimentation/stats-core";
import { describe, expect, it } from "vitest";
import type { Experiment } from "./experiment";
import { demoExperiments, demoMetrics, demoWorld, simulateDemoTraffic } from "./fixtures";
import { createInMemoryAdapters } from "./in-memory-adapters";
import { aggregateMetricStats, assignExposedIdentities } from "./reference-aggregation";
import { generateTrafficEvents, simulateTraffic, type TrafficSimulationOptions } from "./traffic-simulator";
import { EXPOSURE_EVENT_NAME } from "./warehouse-event";

const base: TrafficSimulationOptions = {
  seed: 11,
  identities: 6000,
  flagId: "pricing-layout",
  startDate: "2026-01-05",
  endDate: "2026-01-18",
  weights: { control: 50, cards: 50 },
  events: [
    { eventName: "purchase", probability: 0.1, value: { mean: 40, sd: 15 }, effects: { cards: { probability: 0.5 } } },
  ],
};

const pricing = demoExperiments[1] as Experiment;
const experiment: Experiment = { ...pricing, startDate: base.startDate, endDate: base.endDate };

function exposuresPerVariation(options: TrafficSimulationOptions) {
  const { assigned } = assignExposedIdentities(simulateTraffic(options), experiment);
  const counts: Record<string, number> = { control: 0, cards: 0 };
  for (const a of assigned.values()) counts[a.variationKey] = (counts[a.variationKey] ?? 0) + 1;
  return counts;
}

describe("traffic simulator", { timeout: 30_000 }, () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = simulateTraffic({ ...base, identities: 300 });
    const b = simulateTraffic({ ...base, identities: 300 });
    const c = simulateTraffic({ ...base, identities: 300, seed: 12 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("buckets identities exactly as Flagsmith does (stats-core assignVariation)", () => {
    for (const event of generateTrafficEvents({ ...base, identities: 500 })) {
      if (event.eventName !== EXPOSURE_EVENT_NAME) continue;
      expect(event.variantKey).toBe(
        assignVariation("pricing-layout", event.identityKey, [{ key: "cards", weight: 50, priority: 0 }]),
      );
    }
  });

  it("keeps events inside the window and after exposure", () => {
    const events = simulateTraffic({ ...base, identities: 500 });
    const first = new Map<string, number>();
    for (const e of events) {
      if (e.eventName === EXPOSURE_EVENT_NAME && !first.has(e.identityKey))
        first.set(e.identityKey, e.timestamp.getTime());
    }
    for (const e of events) {
      expect(e.timestamp.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-01-05T00:00:00Z"));
      expect(e.timestamp.getTime()).toBeLessThan(Date.parse("2026-01-19T00:00:00Z"));
      if (e.eventName !== EXPOSURE_EVENT_NAME)
        expect(e.timestamp.getTime()).toBeGreaterThanOrEqual(first.get(e.identityKey) ?? 0);
    }
  });

  it("splits traffic by weight without SRM, and with the SRM fault the test flags it", () => {
    const healthy = exposuresPerVariation(base);
    expect(srmTest([healthy.control ?? 0, healthy.cards ?? 0], [0.5, 0.5]).mismatch).toBe(false);
    const faulty = exposuresPerVariation({ ...base, srm: { variationKey: "cards", dropShare: 0.1 } });
    expect(srmTest([faulty.control ?? 0, faulty.cards ?? 0], [0.5, 0.5]).mismatch).toBe(true);
  });

  it("applies the configured true effect", () => {
    const rows = aggregateMetricStats(simulateTraffic(base), {
      experiment,
      metrics: demoMetrics.filter((m) => m.id === "conversion"),
      granularity: "total",
    });
    const rate = (key: string) => {
      const stats = rows.find((r) => r.variationKey === key)?.stats;
      return stats ? stats.sum / stats.n : Number.NaN;
    };
    expect(rate("cards") / rate("control")).toBeGreaterThan(1.3);
    expect(rate("cards") / rate("control")).toBeLessThan(1.7);
  });

  it("follows the day-of-week pattern", () => {
    const events = simulateTraffic({ ...base, dayOfWeek: [1, 1, 1, 1, 1, 0, 0], events: [] });
    const first = new Map<string, Date>();
    for (const e of events) if (!first.has(e.identityKey)) first.set(e.identityKey, e.timestamp);
    const weekdays = new Set([...first.values()].map((t) => t.getUTCDay()));
    expect([...weekdays].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("adds identities exposed to two variations when asked", () => {
    const events = simulateTraffic({ ...base, identities: 2000, multipleExposureShare: 0.05 });
    const { excludedMultipleVariations } = assignExposedIdentities(events, experiment);
    expect(excludedMultipleVariations).toBeGreaterThan(40);
    expect(excludedMultipleVariations).toBeLessThan(160);
  });
});

describe("in-memory warehouse over simulated traffic", () => {
  it("serves totals, cumulative days and the exposure health check", async () => {
    const events = simulateDemoTraffic({ identities: 1500 });
    const { warehouse } = createInMemoryAdapters({ ...demoWorld, events });
    const running = demoExperiments[0] as Experiment;
    const totals = await warehouse.fetchMetricStats({
      experiment: running,
      metrics: demoMetrics,
      granularity: "total",
    });
    expect(totals).toHaveLength(demoMetrics.length * running.variations.length);
    expect(totals.every((r) => r.stats.n > 300)).toBe(true);
    const daily = await warehouse.fetchMetricStats({
      experiment: running,
      metrics: demoMetrics.slice(0, 1),
      granularity: "day",
    });
    // Once launched, the window runs from the launch (docs/warehouse-sql.md): the first day is the launch day.
    expect(daily[0]?.date).toBe(running.launchedAt?.slice(0, 10));
    const summary = await warehouse.fetchExposureSummary?.({ experiment: running });
    expect(Object.values(summary?.exposures ?? {}).reduce((a, b) => a + b, 0)).toBe(1500);
    expect(summary?.excludedMultipleVariations).toBe(0);
  });
});
