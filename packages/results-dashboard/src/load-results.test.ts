import type {
  Experiment,
  MetricStatsGranularity,
  MetricStatsRow,
  WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  createInMemoryAdapters,
  demoExperiments,
  demoMetrics,
  demoWorld,
  simulateDemoTraffic,
} from "@flagsmith-experimentation/adapters/testing";
import { analyzeExperiment } from "@flagsmith-experimentation/stats-core";
import { describe, expect, it } from "vitest";
import { loadResults, type ResultsAdapters, totalsFromDaily } from "./load-results";

const experiment = demoExperiments[0] as Experiment;
const metrics = experiment.metrics.flatMap((entry) => demoMetrics.filter((metric) => metric.id === entry.metricId));

/** Traffic through the 10th only: the experiment is still running and later days have no data. */
const events = simulateDemoTraffic({
  identities: 1200,
  seed: 11,
  experiment: { ...experiment, endDate: "2026-03-10" },
});

/** The in-memory reference adapters, with a warehouse that records the granularity of each request. */
function recordingAdapters(
  fetchMetricStats?: WarehouseAdapter["fetchMetricStats"],
): ResultsAdapters & { granularities: MetricStatsGranularity[] } {
  const memory = createInMemoryAdapters({ ...demoWorld, events, experiments: [experiment], metrics: demoMetrics });
  const granularities: MetricStatsGranularity[] = [];
  const fetch = fetchMetricStats ?? memory.warehouse.fetchMetricStats;
  return {
    granularities,
    persistence: memory.persistence,
    metrics: memory.metrics,
    warehouse: {
      fetchMetricStats: (request) => {
        granularities.push(request.granularity);
        return fetch(request);
      },
      ...(memory.warehouse.fetchExposureSummary ? { fetchExposureSummary: memory.warehouse.fetchExposureSummary } : {}),
    },
  };
}

const stats = (n: number, sum: number): MetricStatsRow["stats"] => ({ kind: "proportion", n, sum });

describe("loadResults", () => {
  it("asks the warehouse once, for daily rows, and analyses the same totals a totals request returns", async () => {
    const adapters = recordingAdapters();
    const loaded = await loadResults(experiment.id, adapters);
    expect(adapters.granularities).toEqual(["day"]);
    expect(loaded.kind).toBe("ready");

    const reference = createInMemoryAdapters({ ...demoWorld, events, metrics: demoMetrics }).warehouse;
    const totals = await reference.fetchMetricStats({ experiment, metrics, granularity: "total" });
    const daily = await reference.fetchMetricStats({ experiment, metrics, granularity: "day" });
    expect(totals.every((row) => row.stats.n > 300)).toBe(true);
    expect(totalsFromDaily(daily, experiment, metrics)).toEqual(totals);
    const roles = new Map(experiment.metrics.map((entry) => [entry.metricId, entry.role]));
    const expected = analyzeExperiment({
      variations: experiment.variations.map(({ key, name, isControl }) => ({ key, name, isControl })),
      weights: experiment.weights,
      metrics: metrics.map((metric) => ({ ...metric, role: roles.get(metric.id) ?? "secondary" })),
      totals,
      daily,
    });
    expect(loaded.kind === "ready" && loaded.analysis).toEqual(expected);
  });

  it("asks for the totals too when the daily rows leave out a variation", async () => {
    const adapters = recordingAdapters(async (request) => {
      const memory = createInMemoryAdapters({ ...demoWorld, events, metrics: demoMetrics }).warehouse;
      const rows = await memory.fetchMetricStats(request);
      return request.granularity === "day" ? rows.filter((row) => row.variationKey !== "orange") : rows;
    });
    const loaded = await loadResults(experiment.id, adapters);
    expect(adapters.granularities).toEqual(["day", "total"]);
    expect(loaded.kind === "ready" && loaded.analysis.srm.users.orange).toBeGreaterThan(300);
  });

  it("is empty when the warehouse has no data for the experiment", async () => {
    const adapters = recordingAdapters(async (request) =>
      createInMemoryAdapters({ ...demoWorld, events: [], metrics: demoMetrics }).warehouse.fetchMetricStats(request),
    );
    const loaded = await loadResults(experiment.id, adapters);
    expect(loaded.kind).toBe("empty");
    expect(adapters.granularities).toEqual(["day", "total"]);
  });
});

describe("loadResults: the planned end date", () => {
  // A running experiment, fixed-horizon analysis, far from its planned sample, with every treatment clearly ahead on
  // its one primary metric: acting on the leader is valid only once the planned end date is over (UTC).
  const running: Experiment = {
    ...experiment,
    status: "running",
    endDate: "2026-03-29",
    metrics: [{ metricId: "conversion", role: "primary" }],
  };
  delete running.plan;
  const totals: MetricStatsRow[] = running.variations.map((variation) => ({
    metricId: "conversion",
    variationKey: variation.key,
    stats: stats(2_000, variation.isControl ? 200 : 320),
  }));
  const adapters = (): ResultsAdapters => {
    const memory = createInMemoryAdapters({ ...demoWorld, experiments: [running], metrics: demoMetrics });
    return { ...memory, warehouse: { fetchMetricStats: async () => totals } };
  };
  const open = (today: Date) => loadResults(running.id, adapters(), { engine: "frequentist" }, undefined, today);
  const basis = (loaded: Awaited<ReturnType<typeof loadResults>>) =>
    loaded.kind === "ready"
      ? loaded.analysis.recommendation.reasons.find((reason) => reason.code === "decision-valid")
      : undefined;

  it("keeps running on the last planned day", async () => {
    const loaded = await open(new Date("2026-03-29T23:00:00Z"));
    expect(loaded.kind === "ready" && loaded.analysis.recommendation.verdict).toBe("keep-running");
    expect(basis(loaded)).toBeUndefined();
  });

  it("declares the winner once that day is over, saying why", async () => {
    const loaded = await open(new Date("2026-03-30T00:30:00Z"));
    expect(loaded.kind === "ready" && loaded.analysis.recommendation.verdict).toBe("declare-winner");
    expect(basis(loaded)).toEqual({ code: "decision-valid", basis: "planned-end-reached" });
  });
});

describe("totalsFromDaily", () => {
  const window = { endDate: "2026-03-04", variations: experiment.variations.slice(0, 2) };
  const [control, green] = window.variations.map((v) => v.key);

  it("takes each variation's latest day on or before the end date, even when its later days are missing", () => {
    const daily: MetricStatsRow[] = [
      { metricId: "conversion", variationKey: String(control), date: "2026-03-02", stats: stats(10, 1) },
      { metricId: "conversion", variationKey: String(control), date: "2026-03-03", stats: stats(20, 3) },
      { metricId: "conversion", variationKey: String(control), date: "2026-03-05", stats: stats(99, 9) },
      // The treatment's first exposures came a day later, and it had no new events on the 4th.
      { metricId: "conversion", variationKey: String(green), date: "2026-03-03", stats: stats(7, 2) },
    ];
    expect(totalsFromDaily(daily, window, [{ id: "conversion" }])).toEqual([
      { metricId: "conversion", variationKey: control, stats: stats(20, 3) },
      { metricId: "conversion", variationKey: green, stats: stats(7, 2) },
    ]);
  });

  it("gives up when a metric × variation has no day, or the rows carry no dates", () => {
    const dated: MetricStatsRow = {
      metricId: "conversion",
      variationKey: String(control),
      date: "2026-03-02",
      stats: stats(1, 0),
    };
    expect(totalsFromDaily([dated], window, [{ id: "conversion" }])).toBeUndefined();
    const undated = [control, green].map((key) => ({
      metricId: "conversion",
      variationKey: String(key),
      stats: stats(1, 0),
    }));
    expect(totalsFromDaily(undated, window, [{ id: "conversion" }])).toBeUndefined();
  });
});
