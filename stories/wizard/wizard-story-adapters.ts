import {
  createInMemoryAdapters,
  demoMetrics,
  demoSegments,
  type InMemoryAdapters,
  type InMemoryAdaptersOptions,
  type MetricDefinition,
  type Segment,
} from "@flagsmith-experimentation/adapters";

/** The stories' "today": pinned so dates, defaults and the launch status never drift. */
export const storyToday = new Date(2026, 2, 2);

/** The demo segments with the expected daily traffic the power estimate uses. */
export const plannedSegments: Segment[] = demoSegments.map((segment) => ({
  ...segment,
  expectedDailyTraffic: { everyone: 24_000, "eu-customers": 6_000, "beta-testers": 400, "mobile-web": 900 }[segment.id],
}));

/** The demo metrics with today's baselines (rates for proportions; mean and sd for the others). */
export const plannedMetrics: MetricDefinition[] = demoMetrics.map((metric) => {
  const baselines: Record<string, { baseline: number; baselineSd?: number }> = {
    conversion: { baseline: 0.032 },
    "revenue-per-user": { baseline: 2.4, baselineSd: 14 },
    "page-load-time": { baseline: 820, baselineSd: 310 },
    "add-to-cart": { baseline: 0.6, baselineSd: 1.4 },
    "support-tickets": { baseline: 0.011 },
  };
  return { ...metric, ...baselines[metric.id] };
});

/**
 * Fresh in-memory adapters over the demo fixtures plus the planning figures. Left unguarded here: the wizard
 * validates every answer itself and keeps the planning figures the shared schemas do not know.
 */
export function createStoryAdapters(options: InMemoryAdaptersOptions = {}): InMemoryAdapters {
  return createInMemoryAdapters({
    now: () => storyToday,
    segments: plannedSegments,
    metrics: plannedMetrics,
    guard: false,
    ...options,
  });
}
