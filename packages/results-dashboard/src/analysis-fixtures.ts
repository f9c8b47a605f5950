/**
 * Deterministic experiments for tests, stories and the benchmark: per-variation sufficient statistics built from
 * chosen true values (with a damped, seeded day-to-day wobble), analysed by the REAL `analyzeExperiment`.
 * Nothing here hard-codes an analysis result.
 */
import {
  type Experiment,
  guardWarehouseAdapter,
  type MetricDefinition,
  type MetricRole,
  type MetricStatsRow,
  type WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  createInMemoryAdapters,
  demoWorld,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { type AnalysisOptions, type AnalysisResult, analyzeExperiment } from "@flagsmith-experimentation/stats-core";
import type { ResultsAdapters } from "./load-results";

/** True per-unit behaviour of one metric in one arm. */
export interface ArmTruth {
  /** Conversion rate (proportion), mean per user (mean/count) or mean numerator per user (ratio). */
  mean: number;
  /** Per-user standard deviation (mean/count/ratio numerator). */
  sd?: number;
  /** Ratio only: mean and sd of the denominator per user, and the correlation of numerator and denominator. */
  denominatorMean?: number;
  denominatorSd?: number;
  correlation?: number;
}

export interface ScenarioMetric {
  metric: MetricDefinition;
  role: MetricRole;
  /** Truth per variation key. */
  arms: Record<string, ArmTruth>;
}

export interface ScenarioArm {
  key: string;
  name: string;
  /** Configured weight in percent. */
  weight: number;
  /** Observed share of traffic (0–1); defaults to weight / 100. Differ from the weight to simulate SRM. */
  share?: number;
}

export interface ScenarioSpec {
  id: string;
  name: string;
  hypothesis?: string;
  arms: ScenarioArm[];
  metrics: ScenarioMetric[];
  usersPerDay: number;
  days: number;
  startDate?: string;
  status?: Experiment["status"];
  /** Seed of the day-to-day wobble. */
  seed?: number;
}

export interface Scenario {
  experiment: Experiment;
  metrics: MetricDefinition[];
  totals: MetricStatsRow[];
  daily: MetricStatsRow[];
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function statsFor(metric: MetricDefinition, truth: ArmTruth, n: number, wobble: number): MetricStatsRow["stats"] {
  const mean = truth.mean * wobble;
  const sd = truth.sd ?? Math.max(Math.abs(truth.mean), 1);
  switch (metric.kind) {
    case "occurrence": {
      const sum = Math.min(n, Math.max(0, Math.round(n * Math.min(1, mean))));
      return { kind: "proportion", n, sum };
    }
    case "count":
    case "sum":
    case "mean":
      return { kind: "mean", n, sum: n * mean, sumSquares: n * (sd * sd + mean * mean) };
    case "ratio": {
      const dMean = truth.denominatorMean ?? 1;
      const dSd = truth.denominatorSd ?? 0.5;
      const rho = truth.correlation ?? 0.5;
      return {
        kind: "ratio",
        n,
        sum: n * mean,
        sumSquares: n * (sd * sd + mean * mean),
        denominatorSum: n * dMean,
        denominatorSumSquares: n * (dSd * dSd + dMean * dMean),
        crossSum: n * (rho * sd * dSd + mean * dMean),
      };
    }
  }
}

/** Builds an experiment with cumulative daily rows and totals (the last day) from the spec. */
export function buildScenario(spec: ScenarioSpec): Scenario {
  const startDate = spec.startDate ?? "2026-03-02";
  const endDate = addDays(startDate, Math.max(spec.days, 14) - 1);
  const random = mulberry32(spec.seed ?? 7);
  const experiment: Experiment = {
    id: spec.id,
    name: spec.name,
    hypothesis: spec.hypothesis ?? "The change improves the primary metric.",
    startDate,
    endDate,
    flagId: `${spec.id}-flag`,
    flagName: `${spec.id}_flag`,
    environmentKey: "production",
    rolloutPercentage: 100,
    variations: spec.arms.map((arm, index) => ({
      key: arm.key,
      name: arm.name,
      value: index === 0 ? "off" : arm.key,
      isControl: arm.key === "control",
    })),
    metrics: spec.metrics.map(({ metric, role }) => ({ metricId: metric.id, role })),
    segmentId: "everyone",
    weights: Object.fromEntries(spec.arms.map((arm) => [arm.key, arm.weight])),
    status: spec.status ?? "running",
    revision: 2,
    launchedAt: `${addDays(startDate, -1)}T09:00:00.000Z`,
  };
  const daily: MetricStatsRow[] = [];
  const totals: MetricStatsRow[] = [];
  const phases = spec.metrics.map(() => spec.arms.map(() => random() * Math.PI * 2));
  for (let day = 0; day < spec.days; day++) {
    const date = addDays(startDate, day);
    spec.metrics.forEach((entry, metricIndex) => {
      spec.arms.forEach((arm, armIndex) => {
        const truth = entry.arms[arm.key];
        if (!truth) return;
        const share = arm.share ?? arm.weight / 100;
        const n = Math.round(spec.usersPerDay * share * (day + 1));
        const phase = phases[metricIndex]?.[armIndex] ?? 0;
        // Daily rows are cumulative (docs/warehouse-sql.md): the last day is exactly the totals, so it has no wobble.
        const wobble = day === spec.days - 1 ? 1 : 1 + (0.12 * Math.sin(phase + day * 0.9)) / Math.sqrt(day + 1);
        const row: MetricStatsRow = {
          metricId: entry.metric.id,
          variationKey: arm.key,
          date,
          stats: statsFor(entry.metric, truth, n, wobble),
        };
        daily.push(row);
        if (day === spec.days - 1) {
          totals.push({
            metricId: entry.metric.id,
            variationKey: arm.key,
            stats: statsFor(entry.metric, truth, n, 1),
          });
        }
      });
    });
  }
  return { experiment, metrics: spec.metrics.map(({ metric }) => metric), totals, daily };
}

/** Runs the real `analyzeExperiment` on a scenario. */
export function analyzeScenario(scenario: Scenario, options?: AnalysisOptions): AnalysisResult {
  const roles = new Map(scenario.experiment.metrics.map((entry) => [entry.metricId, entry.role]));
  return analyzeExperiment({
    // As the connected view does: the decision rules read the status and the plan (docs/decision-rules.md).
    status: scenario.experiment.status,
    ...(scenario.experiment.plan ? { plan: scenario.experiment.plan } : {}),
    variations: scenario.experiment.variations.map(({ key, name, isControl }) => ({ key, name, isControl })),
    weights: scenario.experiment.weights,
    metrics: scenario.metrics.map((metric) => ({ ...metric, role: roles.get(metric.id) ?? "secondary" })),
    totals: scenario.totals,
    daily: scenario.daily,
    ...(options ? { options } : {}),
  });
}

/**
 * Adapters for a scenario: the in-memory reference persistence and metrics adapters (with their fault injection),
 * and a warehouse that serves the scenario's sufficient statistics, validated by the adapters' guard.
 */
export function scenarioAdapters(
  scenario: Scenario,
  options: Omit<InMemoryAdaptersOptions, "experiments" | "metrics"> & { excludedMultipleVariations?: number } = {},
): ResultsAdapters & { controls: ReturnType<typeof createInMemoryAdapters>["controls"] } {
  const { excludedMultipleVariations = 0, ...inMemoryOptions } = options;
  const memory = createInMemoryAdapters({
    ...demoWorld,
    ...inMemoryOptions,
    experiments: [scenario.experiment],
    metrics: scenario.metrics,
  });
  const warehouse: WarehouseAdapter = {
    testConnection: async () => ({ ok: true }),
    fetchMetricStats: async (req) =>
      structuredClone(req.granularity === "total" ? scenario.totals : scenario.daily).filter((row) =>
        req.metrics.some((metric) => metric.id === row.metricId),
      ),
    fetchExposureSummary: async () => {
      const last = new Map<string, number>();
      for (const row of scenario.totals)
        last.set(row.variationKey, Math.max(last.get(row.variationKey) ?? 0, row.stats.n));
      return { exposures: Object.fromEntries(last), excludedMultipleVariations };
    },
  };
  return {
    persistence: memory.persistence,
    metrics: memory.metrics,
    warehouse: guardWarehouseAdapter(warehouse),
    controls: memory.controls,
  };
}

// ---------------------------------------------------------------------------------------------
// Metric definitions used by the scenarios
// ---------------------------------------------------------------------------------------------

export const conversionMetric: MetricDefinition = {
  id: "conversion",
  name: "Checkout conversion",
  description: "Share of exposed users who complete a purchase.",
  kind: "occurrence",
  eventName: "purchase",
  direction: "increase",
  unit: "percent",
};

export const revenueMetric: MetricDefinition = {
  id: "revenue-per-user",
  name: "Revenue per user",
  kind: "sum",
  eventName: "purchase",
  direction: "increase",
  unit: "currency",
};

export const pageLoadMetric: MetricDefinition = {
  id: "page-load-time",
  name: "Page load time",
  kind: "ratio",
  eventName: "page_load_ms",
  denominatorEventName: "page_view",
  direction: "decrease",
  unit: "ms",
};

export const addToCartMetric: MetricDefinition = {
  id: "add-to-cart",
  name: "Add-to-cart events",
  kind: "count",
  eventName: "add_to_cart",
  direction: "increase",
  unit: "number",
};

const twoArms: ScenarioArm[] = [
  { key: "control", name: "Control", weight: 50 },
  { key: "green", name: "Green button", weight: 50 },
];

function loadTime(mean: number): ArmTruth {
  return { mean: mean * 3, sd: mean * 1.5, denominatorMean: 3, denominatorSd: 1.2, correlation: 0.8 };
}

/** A significant +15 % conversion win, guardrail fine. */
export function clearWinnerScenario(): Scenario {
  return buildScenario({
    id: "exp-clear-winner",
    name: "Checkout button colour",
    arms: twoArms,
    usersPerDay: 2000,
    days: 21,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.115 } } },
      {
        metric: revenueMetric,
        role: "secondary",
        arms: { control: { mean: 5, sd: 20 }, green: { mean: 5.4, sd: 21 } },
      },
      { metric: pageLoadMetric, role: "guardrail", arms: { control: loadTime(800), green: loadTime(802) } },
    ],
  });
}

/** A tiny difference on little traffic: keep running. */
export function inconclusiveScenario(): Scenario {
  return buildScenario({
    id: "exp-inconclusive",
    name: "Hero copy",
    arms: twoArms,
    usersPerDay: 300,
    days: 10,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.102 } } },
      {
        metric: revenueMetric,
        role: "secondary",
        arms: { control: { mean: 5, sd: 20 }, green: { mean: 5.05, sd: 20 } },
      },
    ],
  });
}

/** Conversion wins but page-load time gets clearly worse. */
export function guardrailHarmedScenario(): Scenario {
  return buildScenario({
    id: "exp-guardrail",
    name: "Richer product images",
    arms: twoArms,
    usersPerDay: 2000,
    days: 21,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.112 } } },
      { metric: pageLoadMetric, role: "guardrail", arms: { control: loadTime(800), green: loadTime(960) } },
    ],
  });
}

/** 50/50 configured, 55/45 observed. */
export function srmScenario(): Scenario {
  return buildScenario({
    id: "exp-srm",
    name: "New navigation",
    arms: [
      { key: "control", name: "Control", weight: 50, share: 0.55 },
      { key: "green", name: "New navigation", weight: 50, share: 0.45 },
    ],
    usersPerDay: 2000,
    days: 14,
    metrics: [{ metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.104 } } }],
  });
}

/** Both arms convert at the same true rate and the planned sample is long reached: "no meaningful difference". */
export function noDifferenceScenario(): Scenario {
  return buildScenario({
    id: "exp-no-difference",
    name: "Footer links",
    arms: [
      { key: "control", name: "Control", weight: 50 },
      { key: "green", name: "Green button", weight: 50 },
    ],
    usersPerDay: 20000,
    days: 28,
    seed: 7,
    metrics: [{ metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.1 } } }],
  });
}

/** Two primary metrics. */
export function multiplePrimariesScenario(): Scenario {
  return buildScenario({
    id: "exp-two-primaries",
    name: "Pricing cards",
    arms: [
      { key: "control", name: "Control", weight: 50 },
      { key: "cards", name: "Plan cards", weight: 50 },
    ],
    usersPerDay: 2500,
    days: 21,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, cards: { mean: 0.116 } } },
      {
        metric: revenueMetric,
        role: "primary",
        arms: { control: { mean: 5, sd: 12 }, cards: { mean: 5.6, sd: 12 } },
      },
      {
        metric: addToCartMetric,
        role: "secondary",
        arms: { control: { mean: 1.2, sd: 1.5 }, cards: { mean: 1.22, sd: 1.5 } },
      },
    ],
  });
}

/** Control and three treatments. */
export function fourVariationsScenario(): Scenario {
  return buildScenario({
    id: "exp-four",
    name: "Search ranking models",
    arms: [
      { key: "control", name: "Control", weight: 25 },
      { key: "model-v2", name: "Model v2", weight: 25 },
      { key: "model-v3", name: "Model v3", weight: 25 },
      { key: "model-v4", name: "Model v4", weight: 25 },
    ],
    usersPerDay: 4000,
    days: 28,
    metrics: [
      {
        metric: addToCartMetric,
        role: "primary",
        arms: {
          control: { mean: 1.2, sd: 1.5 },
          "model-v2": { mean: 1.23, sd: 1.5 },
          "model-v3": { mean: 1.3, sd: 1.5 },
          "model-v4": { mean: 1.18, sd: 1.5 },
        },
      },
      {
        metric: pageLoadMetric,
        role: "guardrail",
        arms: {
          control: loadTime(800),
          "model-v2": loadTime(800),
          "model-v3": loadTime(800),
          "model-v4": loadTime(790),
        },
      },
    ],
  });
}

/** Page-load time as the primary metric, reduced by the treatment (lower is better). */
export function lowerIsBetterScenario(): Scenario {
  return buildScenario({
    id: "exp-lower",
    name: "Lazy-load images",
    arms: [
      { key: "control", name: "Control", weight: 50 },
      { key: "lazy", name: "Lazy loading", weight: 50 },
    ],
    usersPerDay: 2000,
    days: 21,
    metrics: [
      { metric: pageLoadMetric, role: "primary", arms: { control: loadTime(800), lazy: loadTime(700) } },
      { metric: conversionMetric, role: "secondary", arms: { control: { mean: 0.1 }, lazy: { mean: 0.101 } } },
    ],
  });
}

/** A handful of users on day one. */
export function insufficientDataScenario(): Scenario {
  return buildScenario({
    id: "exp-early",
    name: "Just launched",
    arms: twoArms,
    usersPerDay: 6,
    days: 1,
    metrics: [{ metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.2 } } }],
  });
}

/**
 * The clear winner with broken warehouse numbers: more conversions than users in the treatment of the primary metric,
 * and a revenue sum that is not finite for the control. stats-core reports both as `invalid-input`.
 */
export function invalidDataScenario(): Scenario {
  const scenario = clearWinnerScenario();
  const totals = scenario.totals.map((row): MetricStatsRow => {
    if (row.metricId === conversionMetric.id && row.variationKey === "green") {
      return { ...row, stats: { kind: "proportion", n: 10, sum: 25 } };
    }
    if (row.metricId === revenueMetric.id && row.variationKey === "control" && row.stats.kind === "mean") {
      return { ...row, stats: { ...row.stats, sum: Number.POSITIVE_INFINITY } };
    }
    return row;
  });
  return { ...scenario, totals };
}

/**
 * A slow start: 40 users a day split 50/50 over 30 days, a +20 % conversion lift. Each arm has 100 users only on
 * day 5, so the lift view starts there instead of drawing the first days' noise.
 */
export function slowStartScenario(): Scenario {
  return buildScenario({
    id: "exp-slow-start",
    name: "Wishlist button",
    arms: twoArms,
    usersPerDay: 40,
    days: 30,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.12 } } },
      {
        metric: revenueMetric,
        role: "secondary",
        arms: { control: { mean: 5, sd: 20 }, green: { mean: 5.6, sd: 21 } },
      },
    ],
  });
}

/**
 * A guardrail that got a little worse, within its tolerance: page-load time +2 % (the default tolerance is 5 %),
 * with a clear conversion win.
 */
export function guardrailWithinToleranceScenario(): Scenario {
  return buildScenario({
    id: "exp-guardrail-fine",
    name: "Larger product photos",
    arms: twoArms,
    usersPerDay: 4000,
    days: 21,
    metrics: [
      { metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.115 } } },
      { metric: pageLoadMetric, role: "guardrail", arms: { control: loadTime(800), green: loadTime(816) } },
    ],
  });
}

/** The scenario with its experiment in another lifecycle status (and `stoppedAt` for an ended one). */
export function withStatus(scenario: Scenario, status: Experiment["status"]): Scenario {
  const ended = status === "stopped" || status === "concluded";
  const experiment: Experiment = { ...scenario.experiment, status };
  if (ended) experiment.stoppedAt = `${scenario.experiment.endDate}T18:00:00.000Z`;
  return { ...scenario, experiment };
}

/** The benchmark's load: `metrics` metrics × `variations` variations × `days` days. */
export function largeScenario({ metrics = 20, variations = 4, days = 90 } = {}): Scenario {
  const arms: ScenarioArm[] = Array.from({ length: variations }, (_, index) => ({
    key: index === 0 ? "control" : `variant-${index}`,
    name: index === 0 ? "Control" : `Variant ${index}`,
    weight: 100 / variations,
  }));
  const kinds: MetricDefinition["kind"][] = ["occurrence", "sum", "count", "ratio"];
  const specs: ScenarioMetric[] = Array.from({ length: metrics }, (_, index) => {
    const kind = kinds[index % kinds.length] ?? "occurrence";
    const metric: MetricDefinition = {
      id: `metric-${index + 1}`,
      name: `Metric ${index + 1}`,
      kind,
      eventName: `event_${index + 1}`,
      direction: index % 5 === 4 ? "decrease" : "increase",
      unit: kind === "occurrence" ? "percent" : kind === "ratio" ? "ms" : kind === "sum" ? "currency" : "number",
      ...(kind === "ratio" ? { denominatorEventName: "page_view" } : {}),
    };
    const base = kind === "occurrence" ? 0.1 : kind === "ratio" ? 2400 : kind === "sum" ? 5 : 1.2;
    const truths: Record<string, ArmTruth> = {};
    arms.forEach((arm, armIndex) => {
      const mean = base * (1 + armIndex * ((index % 3) - 1) * 0.02);
      truths[arm.key] =
        kind === "ratio" ? loadTime(mean / 3) : kind === "occurrence" ? { mean } : { mean, sd: base * 1.5 };
    });
    return { metric, role: index === 0 ? "primary" : index % 6 === 5 ? "guardrail" : "secondary", arms: truths };
  });
  return buildScenario({ id: "exp-large", name: "Large experiment", arms, metrics: specs, usersPerDay: 8000, days });
}
