import type {
  Experiment,
  ExperimentPlan,
  Flag,
  MetricDefinition,
  Segment,
  SegmentOverride,
} from "@flagsmith-experimentation/adapters";
import {
  demoEnvironment,
  demoFlags,
  demoMetrics,
  demoOverrides,
  demoSegments,
} from "@flagsmith-experimentation/adapters/testing";
import { sampleSizePerVariation } from "@flagsmith-experimentation/stats-core";

/**
 * The demo's seeded world: the kit's fixture world (the flags, segments and metrics a small web shop would have) and
 * eight experiments that show every state of the results dashboard. Plain data; the traffic behind it is
 * simulated on demand (see `demo-traffic.ts`) from the true effects written next to each experiment.
 */

/** The demo's "today": fixed, so the seeded experiments' dates, stories and screenshots never drift. */
export const DEMO_TODAY = new Date("2026-05-18T09:00:00.000Z");

/**
 * The demo's catalogue is the kit's one fixture world (`@flagsmith-experimentation/adapters/testing`): the same flags,
 * segments (with expected daily traffic), overrides and metrics (with baselines) the tests and the other stories use.
 */
export const demoWorldFlags: Flag[] = demoFlags;
export const demoWorldSegments: Segment[] = demoSegments;
export const demoWorldOverrides: SegmentOverride[] = demoOverrides;
export const demoWorldMetrics: MetricDefinition[] = demoMetrics;

/**
 * How simulated users respond to a variation: relative changes of the base behaviour
 * (0.1 = 10 % more). Unlisted variations behave like the control.
 */
export interface VariationTruth {
  /** Chance to purchase at least once. */
  purchase?: number;
  /** Revenue of each purchase. */
  orderValue?: number;
  /** Page load time of each page view. */
  loadTime?: number;
  /** Number of add-to-cart events. */
  addToCart?: number;
  /** Chance to open a support ticket. */
  supportTicket?: number;
}

/** The truth the simulator draws from: per flag, per variation key. */
export const demoWorldTruth: Record<string, Record<string, VariationTruth>> = {
  "checkout-cta": { green: { purchase: 0.25, addToCart: 0.04 }, orange: { purchase: 0.03 } },
  "product-gallery": { grid: { purchase: 0.15, addToCart: 0.1, loadTime: 0.03 } },
  "pricing-layout": {},
  "image-cdn": { "hi-res": { purchase: 0.05, orderValue: 0.02, loadTime: 0.35 } },
  "shipping-banner": { banner: { purchase: 0.04, orderValue: -0.02 } },
  "search-ranking": {
    "model-v2": { addToCart: 0.05, purchase: 0.02 },
    "model-v3": { addToCart: 0.2, purchase: 0.06 },
    "model-v4": { addToCart: -0.03, loadTime: 0.05 },
  },
  "nav-menu": { compact: { purchase: 0.02 } },
};

/** How much traffic an experiment gets in the demo, and faults in it. */
export interface TrafficPlan {
  /** Identities exposed over the simulated days (at the demo's default scale). */
  identities: number;
  /** Simulated days, from the start date (never past the end date). */
  days: number;
  /**
   * A broken assignment: this share (0..1) of the treatment's identities never log an exposure,
   * so the observed split drifts from the configured weights (a sample-ratio mismatch).
   */
  lostTreatmentExposures?: number;
}

/** Experiments launched in the demo get this much traffic unless their seed says otherwise. */
export const DEFAULT_TRAFFIC_PLAN: TrafficPlan = { identities: 10_000, days: 14 };

export interface SeededExperiment {
  experiment: Experiment;
  /** What the demo shows with it (also the story's description). */
  shows: string;
  /** Absent for experiments without data (scheduled, draft). */
  traffic?: TrafficPlan;
}

/**
 * The plan the wizard stores with an experiment ("Day X of N" and "% of planned sample" read it): the sample per
 * variation to detect `mde` on the primary metric, from the metric's baseline, at 80 % power and 5 %.
 */
function planFor(metricId: string, mde: number, variations: number, segmentId: string | null): ExperimentPlan {
  const metric = demoWorldMetrics.find((candidate) => candidate.id === metricId);
  if (!metric || metric.baseline === undefined) throw new Error(`The demo world has no baseline for “${metricId}”.`);
  const sampleSize = sampleSizePerVariation({
    kind: metric.kind,
    baseline: metric.baseline,
    ...(metric.baselineSd !== undefined ? { sd: metric.baselineSd } : {}),
    mde,
    variations,
  });
  const segment = demoWorldSegments.find((candidate) => candidate.id === (segmentId ?? "everyone"));
  return {
    minimumDetectableEffect: mde,
    power: 0.8,
    alpha: 0.05,
    primaryMetricId: metricId,
    sampleSizePerVariation: Math.ceil(sampleSize),
    ...(segment?.expectedDailyTraffic !== undefined ? { expectedDailyTraffic: segment.expectedDailyTraffic } : {}),
  };
}

function flagOf(flagId: string): Flag {
  const flag = demoWorldFlags.find((f) => f.id === flagId);
  if (!flag) throw new Error(`The demo world has no flag “${flagId}”.`);
  return flag;
}

/** What a seeded experiment takes from its flag: the flag, its name and variations, the environment, full rollout. */
function onFlag(
  flagId: string,
): Pick<Experiment, "flagId" | "flagName" | "environmentKey" | "rolloutPercentage" | "variations"> {
  const flag = flagOf(flagId);
  return {
    flagId,
    flagName: flag.name,
    environmentKey: demoEnvironment.key,
    rolloutPercentage: 100,
    variations: flag.variations,
  };
}

export const seededExperiments: SeededExperiment[] = [
  {
    shows: "A clear winner: the green button lifts checkout conversion, and nothing else gets worse.",
    traffic: { identities: 15_000, days: 21 },
    experiment: {
      id: "exp-checkout-cta",
      name: "Checkout button colour",
      hypothesis: "A higher-contrast “Buy now” button makes more visitors complete checkout.",
      startDate: "2026-04-20",
      endDate: "2026-05-17",
      ...onFlag("checkout-cta"),
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "revenue-per-user", role: "secondary" },
        { metricId: "add-to-cart", role: "secondary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: "eu-customers",
      weights: { control: 34, green: 33, orange: 33 },
      status: "running",
      revision: 3,
      plan: planFor("conversion", 0.25, 3, "eu-customers"),
      launchedAt: "2026-04-19T09:30:00.000Z",
    },
  },
  {
    shows:
      "Paused: plan cards and the table performed the same so far; it was paused to fix a pricing typo. A leader, no verdict.",
    traffic: { identities: 6_000, days: 10 },
    experiment: {
      id: "exp-pricing-cards",
      name: "Pricing page cards",
      hypothesis: "Plan cards make the difference between plans clearer and lift revenue per user.",
      startDate: "2026-05-08",
      endDate: "2026-06-04",
      ...onFlag("pricing-layout"),
      metrics: [
        { metricId: "revenue-per-user", role: "primary" },
        { metricId: "conversion", role: "secondary" },
        { metricId: "support-tickets", role: "guardrail" },
      ],
      segmentId: null,
      weights: { control: 50, cards: 50 },
      status: "paused",
      revision: 2,
      plan: planFor("revenue-per-user", 0.1, 2, null),
      launchedAt: "2026-05-07T16:00:00.000Z",
    },
  },
  {
    shows: "A guardrail regression: high-resolution images sell a little more but pages load much slower.",
    traffic: { identities: 10_000, days: 14 },
    experiment: {
      id: "exp-image-cdn",
      name: "High-resolution product images",
      hypothesis: "Sharper product photos increase checkout conversion without hurting page speed.",
      startDate: "2026-05-04",
      endDate: "2026-05-31",
      ...onFlag("image-cdn"),
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "order-value", role: "secondary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: null,
      weights: { control: 50, "hi-res": 50 },
      status: "running",
      revision: 2,
      plan: planFor("conversion", 0.1, 2, null),
      launchedAt: "2026-05-03T08:00:00.000Z",
    },
  },
  {
    shows: "A sample-ratio mismatch: the banner arm lost exposure events, so the split is not the configured 50/50.",
    traffic: { identities: 10_000, days: 12, lostTreatmentExposures: 0.2 },
    experiment: {
      id: "exp-shipping-banner",
      name: "Free-shipping banner",
      hypothesis: "Announcing free shipping above 50 € increases checkout conversion.",
      startDate: "2026-05-06",
      endDate: "2026-06-02",
      ...onFlag("shipping-banner"),
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "order-value", role: "secondary" },
      ],
      segmentId: "returning",
      weights: { control: 50, banner: 50 },
      status: "running",
      revision: 2,
      plan: planFor("conversion", 0.1, 2, "returning"),
      launchedAt: "2026-05-05T10:00:00.000Z",
    },
  },
  {
    shows: "Four variations: three new search models against the current one.",
    traffic: { identities: 16_000, days: 14 },
    experiment: {
      id: "exp-search-ranking",
      name: "Search ranking models",
      hypothesis: "A newer ranking model puts relevant products first, so more searches end in the cart.",
      startDate: "2026-05-04",
      endDate: "2026-05-31",
      ...onFlag("search-ranking"),
      metrics: [
        { metricId: "add-to-cart", role: "primary" },
        { metricId: "conversion", role: "secondary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: "mobile-web",
      weights: { control: 25, "model-v2": 25, "model-v3": 25, "model-v4": 25 },
      status: "running",
      revision: 2,
      plan: planFor("add-to-cart", 0.1, 4, "mobile-web"),
      launchedAt: "2026-05-03T11:15:00.000Z",
    },
  },
  {
    shows: "Scheduled: it starts next month, so there is no data yet.",
    experiment: {
      id: "exp-nav-menu",
      name: "Compact navigation",
      hypothesis: "A compact menu helps mobile visitors find categories and buy more.",
      startDate: "2026-06-01",
      endDate: "2026-06-28",
      ...onFlag("nav-menu"),
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "support-tickets", role: "guardrail" },
      ],
      segmentId: "mobile-web",
      weights: { control: 50, compact: 50 },
      status: "scheduled",
      revision: 2,
      plan: planFor("conversion", 0.1, 2, "mobile-web"),
      launchedAt: "2026-05-15T14:00:00.000Z",
    },
  },
  {
    shows:
      "Concluded: an earlier checkout test that ended without a winner, with the decision and its evidence recorded.",
    traffic: { identities: 8_000, days: 14 },
    experiment: {
      id: "exp-checkout-orange",
      name: "Orange checkout button",
      hypothesis: "An orange “Buy now” button stands out more than the blue one, so more visitors complete checkout.",
      startDate: "2026-03-02",
      endDate: "2026-03-15",
      ...onFlag("checkout-cta"),
      variations: flagOf("checkout-cta").variations.filter((variation) => variation.key !== "green"),
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: "eu-customers",
      weights: { control: 50, orange: 50 },
      status: "concluded",
      revision: 4,
      launchedAt: "2026-03-01T09:00:00.000Z",
      stoppedAt: "2026-03-16T09:00:00.000Z",
      plan: planFor("conversion", 0.1, 2, "eu-customers"),
      decision: {
        winner: null,
        decidedAt: "2026-03-16T09:00:00.000Z",
        decidedBy: "Priya Raman",
        note: "Orange made no difference; next we try a green button.",
        evidence: {
          verdict: "inconclusive",
          // What the analysis said that morning (the demo's full traffic volume).
          users: { control: 4_078, orange: 3_922 },
          metrics: [
            {
              metricId: "conversion",
              variationKey: "orange",
              lift: -0.009,
              interval: [-0.163, 0.146],
              significant: false,
              chanceToWin: 0.457,
              pValue: null,
            },
          ],
        },
      },
    },
  },
  {
    shows: "A draft someone started and did not finish.",
    experiment: {
      id: "exp-draft-gallery",
      name: "Photo grid on product pages",
      hypothesis: "Showing all photos at once helps shoppers decide faster.",
      startDate: "2026-05-25",
      endDate: "",
      ...onFlag("product-gallery"),
      metrics: [],
      segmentId: null,
      weights: {},
      status: "draft",
      revision: 1,
    },
  },
];

export const demoWorldExperiments: Experiment[] = seededExperiments.map((s) => s.experiment);
