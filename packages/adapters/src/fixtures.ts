import type { Experiment } from "./experiment";
import type { Flag } from "./flag";
import type { MetricDefinition } from "./metric-definition";
import type { Segment, SegmentOverride } from "./segment";
import { type SimulatedEventModel, simulateTraffic, type TrafficSimulationOptions } from "./traffic-simulator";
import type { WarehouseEvent } from "./warehouse-event";

/**
 * The kit's one fixture world, for tests, stories and the demo (exported by `@flagsmith-experimentation/adapters/testing`,
 * never by the production entry): realistic flags (multivariate and single-variant), segments (one already
 * overriding a flag), the usual product metrics, and experiments in every status.
 */

/** The Flagsmith environment the demo experiments run in. */
export const demoEnvironment = { key: "ZtTE6nWHNqt8tYUDLbdRLW", name: "Production" } as const;

export const demoFlags: Flag[] = [
  {
    id: "checkout-cta",
    name: "checkout_cta_color",
    description: "Colour of the “Buy now” button on the checkout page.",
    type: "multivariate",
    enabled: true,
    controlValue: "blue",
    variations: [
      { key: "control", name: "Blue (control)", value: "blue", isControl: true },
      { key: "green", name: "Green", value: "green", isControl: false },
      { key: "orange", name: "Orange", value: "orange", isControl: false },
    ],
  },
  {
    id: "pricing-layout",
    name: "pricing_page_layout",
    description: "Layout of the plans on the pricing page.",
    type: "multivariate",
    enabled: true,
    controlValue: "table",
    variations: [
      { key: "control", name: "Comparison table", value: "table", isControl: true },
      { key: "cards", name: "Plan cards", value: "cards", isControl: false },
    ],
  },
  {
    id: "search-ranking",
    name: "search_ranking_model",
    description: "Ranking model behind product search.",
    type: "multivariate",
    enabled: true,
    controlValue: 1,
    variations: [
      { key: "control", name: "Model v1", value: 1, isControl: true },
      { key: "model-v2", name: "Model v2", value: 2, isControl: false },
      { key: "model-v3", name: "Model v3", value: 3, isControl: false },
      { key: "model-v4", name: "Model v4", value: 4, isControl: false },
    ],
  },
  {
    id: "onboarding-tour",
    name: "onboarding_tour",
    description: "Shows the product tour to new sign-ups. Has no variations yet.",
    type: "standard",
    enabled: true,
    controlValue: true,
    variations: [{ key: "control", name: "Tour on", value: true, isControl: true }],
  },
  {
    id: "product-gallery",
    name: "product_page_gallery",
    description: "How product photos are laid out on the product page.",
    type: "multivariate",
    enabled: true,
    controlValue: "carousel",
    variations: [
      { key: "control", name: "Carousel", value: "carousel", isControl: true },
      { key: "grid", name: "Photo grid", value: "grid", isControl: false },
    ],
  },
  {
    id: "image-cdn",
    name: "image_cdn_provider",
    description: "Which CDN serves product images.",
    type: "multivariate",
    enabled: true,
    controlValue: "current",
    variations: [
      { key: "control", name: "Current CDN", value: "current", isControl: true },
      { key: "hi-res", name: "High-resolution CDN", value: "hi-res", isControl: false },
    ],
  },
  {
    id: "shipping-banner",
    name: "free_shipping_banner",
    description: "A banner announcing free shipping above a basket value.",
    type: "multivariate",
    enabled: true,
    controlValue: false,
    variations: [
      { key: "control", name: "No banner", value: false, isControl: true },
      { key: "banner", name: "Banner", value: true, isControl: false },
    ],
  },
  {
    id: "nav-menu",
    name: "navigation_menu",
    description: "Main navigation style.",
    type: "multivariate",
    enabled: true,
    controlValue: "mega",
    variations: [
      { key: "control", name: "Mega menu", value: "mega", isControl: true },
      { key: "compact", name: "Compact menu", value: "compact", isControl: false },
    ],
  },
];

/** Segments with the identities entering them per day (the wizard's power estimate uses it). */
export const demoSegments: Segment[] = [
  { id: "everyone", name: "All users", description: "Every identity.", expectedDailyTraffic: 24_000 },
  {
    id: "eu-customers",
    name: "EU customers",
    description: "Identities whose country is in the EU.",
    expectedDailyTraffic: 6_000,
  },
  { id: "beta-testers", name: "Beta testers", description: "Opted into early features.", expectedDailyTraffic: 400 },
  { id: "mobile-web", name: "Mobile web", description: "Sessions from mobile browsers.", expectedDailyTraffic: 900 },
  {
    id: "returning",
    name: "Returning customers",
    description: "At least one earlier order.",
    expectedDailyTraffic: 1_800,
  },
];

/** Beta testers already see a fixed checkout colour and gallery: the wizard refuses this segment for those flags. */
export const demoOverrides: SegmentOverride[] = [
  { flagId: "checkout-cta", segmentId: "beta-testers" },
  { flagId: "product-gallery", segmentId: "beta-testers" },
];

/** The usual product metrics, with today's baselines (rates for occurrences; mean and sd for the others). */
export const demoMetrics: MetricDefinition[] = [
  {
    id: "conversion",
    name: "Checkout conversion",
    description: "Share of exposed users who complete a purchase.",
    kind: "occurrence",
    eventName: "purchase",
    direction: "increase",
    unit: "percent",
    baseline: 0.032,
  },
  {
    id: "revenue-per-user",
    name: "Revenue per user",
    description: "Purchase revenue per exposed user, including users who bought nothing.",
    kind: "sum",
    eventName: "purchase",
    direction: "increase",
    unit: "currency",
    baseline: 2.4,
    baselineSd: 14,
  },
  {
    id: "page-load-time",
    name: "Page load time",
    description: "Average load time per page view.",
    kind: "ratio",
    eventName: "page_view",
    denominatorEventName: "page_view",
    direction: "decrease",
    unit: "ms",
    baseline: 820,
    baselineSd: 310,
  },
  {
    id: "add-to-cart",
    name: "Add-to-cart events",
    description: "Items added to the cart per user.",
    kind: "count",
    eventName: "add_to_cart",
    direction: "increase",
    unit: "number",
    baseline: 0.6,
    baselineSd: 1.4,
  },
  {
    id: "support-tickets",
    name: "Support contact rate",
    description: "Share of users who open a support ticket.",
    kind: "occurrence",
    eventName: "support_ticket",
    direction: "decrease",
    unit: "percent",
    baseline: 0.011,
  },
  {
    id: "sessions",
    name: "Sessions per user",
    description: "Visits per exposed user. Shown for context; it never decides the outcome.",
    kind: "count",
    eventName: "session_start",
    direction: "informational",
    unit: "number",
  },
  {
    id: "order-value",
    name: "Average order value",
    description: "Revenue per order (a ratio of revenue to the number of orders).",
    kind: "ratio",
    eventName: "purchase",
    denominatorEventName: "purchase",
    direction: "increase",
    unit: "currency",
    baseline: 62,
    baselineSd: 24,
  },
];

// Built inside a pure call: module-level reads such as `demoFlags[0].id` would keep these fixtures in every host
// bundle that imports anything from the package (bundlers cannot prove a property read free of side effects).
export const demoExperiments: Experiment[] = /* @__PURE__ */ ((): Experiment[] => {
  const checkoutFlag = demoFlags[0] as Flag;
  const pricingFlag = demoFlags[1] as Flag;
  const searchFlag = demoFlags[2] as Flag;
  return [
    {
      id: "exp-checkout-cta",
      name: "Checkout button colour",
      hypothesis: "A higher-contrast button makes more visitors complete checkout.",
      startDate: "2026-03-02",
      endDate: "2026-03-29",
      flagId: checkoutFlag.id,
      flagName: checkoutFlag.name,
      environmentKey: demoEnvironment.key,
      variations: checkoutFlag.variations,
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "revenue-per-user", role: "secondary" },
        { metricId: "add-to-cart", role: "secondary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: "eu-customers",
      rolloutPercentage: 100,
      weights: { control: 34, green: 33, orange: 33 },
      status: "running",
      revision: 2,
      launchedAt: "2026-03-01T09:30:00.000Z",
    },
    {
      id: "exp-pricing-cards",
      name: "Pricing cards",
      hypothesis: "Plan cards make the difference between plans clearer and lift revenue per user.",
      startDate: "2026-01-05",
      endDate: "2026-02-01",
      flagId: pricingFlag.id,
      flagName: pricingFlag.name,
      environmentKey: demoEnvironment.key,
      variations: pricingFlag.variations,
      metrics: [
        { metricId: "revenue-per-user", role: "primary" },
        { metricId: "conversion", role: "secondary" },
        { metricId: "support-tickets", role: "guardrail" },
      ],
      segmentId: null,
      rolloutPercentage: 100,
      weights: { control: 50, cards: 50 },
      status: "concluded",
      revision: 4,
      launchedAt: "2026-01-04T16:00:00.000Z",
      stoppedAt: "2026-02-02T10:00:00.000Z",
      decision: {
        winner: "cards",
        decidedAt: "2026-02-02T10:00:00.000Z",
        decidedBy: "Priya Raman",
        note: "Cards lifted revenue per user with no rise in support contacts.",
        evidence: null,
      },
    },
    {
      id: "exp-search-ranking",
      name: "Search ranking v2 and v3",
      hypothesis: "The newer ranking models put relevant products first, so more searches end in the cart.",
      startDate: "2026-06-01",
      endDate: "2026-06-28",
      flagId: searchFlag.id,
      flagName: searchFlag.name,
      environmentKey: demoEnvironment.key,
      // Launched before "Model v4" was added to the flag: an experiment keeps the variations it launched with.
      variations: searchFlag.variations.slice(0, 3),
      metrics: [
        { metricId: "add-to-cart", role: "primary" },
        { metricId: "page-load-time", role: "guardrail" },
      ],
      segmentId: "mobile-web",
      rolloutPercentage: 50,
      weights: { control: 50, "model-v2": 25, "model-v3": 25 },
      status: "scheduled",
      revision: 2,
      launchedAt: "2026-05-20T11:15:00.000Z",
    },
    {
      id: "exp-draft-onboarding",
      name: "Shorter sign-up form",
      hypothesis: "",
      startDate: "2026-07-01",
      endDate: "",
      flagId: "",
      flagName: "",
      environmentKey: demoEnvironment.key,
      variations: [],
      metrics: [],
      segmentId: null,
      rolloutPercentage: 100,
      weights: {},
      status: "draft",
      revision: 1,
    },
  ];
})();

/** The whole fixture world, ready for `createInMemoryAdapters({ ...demoWorld })`. */
export const demoWorld = {
  flags: demoFlags,
  segments: demoSegments,
  overrides: demoOverrides,
  metrics: demoMetrics,
  experiments: demoExperiments,
};

/**
 * How the demo's identities behave (the kit's events, docs/warehouse-sql.md), with true effects for the checkout experiment:
 * green converts better, orange slows pages down a little.
 */
export const demoEventModels: SimulatedEventModel[] = [
  {
    eventName: "purchase",
    probability: 0.08,
    value: { mean: 42, sd: 20 },
    effects: { green: { probability: 0.12 }, orange: { probability: 0.03 } },
  },
  {
    eventName: "add_to_cart",
    probability: 0.3,
    eventsPerActiveIdentity: 2.2,
    effects: { green: { probability: 0.05 } },
  },
  {
    eventName: "page_view",
    probability: 0.95,
    eventsPerActiveIdentity: 4,
    value: { mean: 850, sd: 250, decimals: 0 },
    effects: { orange: { value: 0.04 } },
  },
  { eventName: "support_ticket", probability: 0.03 },
];

/**
 * Simulated traffic for a demo experiment (default: the running checkout experiment), deterministic per seed.
 * Pass the events to `createInMemoryAdapters({ ...demoWorld, events })` to get results in stories and the demo.
 */
export function simulateDemoTraffic(
  options: Partial<Omit<TrafficSimulationOptions, "flagId" | "startDate" | "endDate" | "weights">> & {
    experiment?: Experiment;
  } = {},
): WarehouseEvent[] {
  const { experiment = demoExperiments[0] as Experiment, ...rest } = options;
  return simulateTraffic({
    identities: 4000,
    events: demoEventModels,
    ...rest,
    flagId: experiment.flagId,
    startDate: experiment.startDate,
    endDate: experiment.endDate,
    weights: experiment.weights,
  });
}
