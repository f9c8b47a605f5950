import type {
  Experiment,
  Flag,
  FlagsAdapter,
  MetricDefinition,
  MetricStatsRow,
  MetricsAdapter,
  PersistenceAdapter,
  Segment,
  SegmentsAdapter,
  WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";

/**
 * What a host writes from the READMEs: its own adapter objects over its own data (here, constants).
 * Nothing in this file comes from the kit at run time, so the size variants measure the widgets alone.
 */
export const TODAY = new Date("2026-03-02T12:00:00Z");

const flags: Flag[] = [
  {
    id: "checkout-button",
    name: "checkout_button",
    type: "multivariate",
    enabled: true,
    controlValue: "grey",
    variations: [
      { key: "control", name: "Control", value: "grey", isControl: true },
      { key: "green", name: "Green", value: "green", isControl: false },
    ],
  },
];

const segments: Segment[] = [{ id: "everyone", name: "Everyone" }];

export const metrics: MetricDefinition[] = [
  { id: "checkout", name: "Checkout", kind: "occurrence", eventName: "checkout", direction: "increase" },
];

export const experiment: Experiment = {
  id: "exp-1",
  name: "Green checkout button",
  hypothesis: "A green button increases checkouts.",
  startDate: "2026-02-16",
  endDate: "2026-03-01",
  flagId: "checkout-button",
  flagName: "checkout_button",
  environmentKey: "production",
  rolloutPercentage: 100,
  variations: flags[0]?.variations ?? [],
  metrics: [{ metricId: "checkout", role: "primary" }],
  segmentId: "everyone",
  weights: { control: 50, green: 50 },
  status: "running",
  revision: 1,
  launchedAt: "2026-02-16T09:00:00Z",
};

export const totals: MetricStatsRow[] = [
  { metricId: "checkout", variationKey: "control", stats: { kind: "proportion", n: 5000, sum: 500 } },
  { metricId: "checkout", variationKey: "green", stats: { kind: "proportion", n: 5000, sum: 580 } },
];

export const daily: MetricStatsRow[] = ["2026-02-16", "2026-02-17", "2026-02-18"].flatMap((date, day) => [
  {
    metricId: "checkout",
    variationKey: "control",
    date,
    stats: { kind: "proportion", n: 1600 * (day + 1), sum: 160 * (day + 1) },
  },
  {
    metricId: "checkout",
    variationKey: "green",
    date,
    stats: { kind: "proportion", n: 1600 * (day + 1), sum: 185 * (day + 1) },
  },
]);

const answer = <T>(value: T): Promise<T> => Promise.resolve(structuredClone(value));

export const flagsAdapter: FlagsAdapter = {
  listFlags: () => answer(flags),
  getFlag: (id) => answer(flags.find((flag) => flag.id === id) ?? (flags[0] as Flag)),
};

export const segmentsAdapter: SegmentsAdapter = {
  listSegments: () => answer(segments),
  listOverrides: () => answer([]),
};

export const metricsAdapter: MetricsAdapter = { listMetrics: () => answer(metrics) };

let saved: Experiment = { ...experiment, id: "draft-1", status: "draft", revision: 0 };

export const persistence: PersistenceAdapter = {
  saveDraft: (draft) => {
    // A host with exactOptionalPropertyTypes: drop the fields the draft leaves undefined.
    const changes = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
    saved = {
      ...saved,
      ...(changes as Partial<Experiment>),
      id: "draft-1",
      status: "draft",
      revision: saved.revision + 1,
    };
    return answer(saved);
  },
  launch: () => answer({ ...saved, status: "running" }),
  getExperiment: (id) => answer(id === experiment.id ? experiment : saved),
  listExperiments: () => answer([experiment]),
  stop: () => answer({ ...experiment, status: "stopped" }),
};

export const warehouse: WarehouseAdapter = {
  testConnection: () => answer({ ok: true }),
  fetchMetricStats: ({ granularity }) => answer(granularity === "total" ? totals : daily),
};
