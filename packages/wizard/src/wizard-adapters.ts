import {
  type FlagsAdapter,
  guardFlagsAdapter,
  guardMetricsAdapter,
  guardPersistenceAdapter,
  guardSegmentsAdapter,
  type MetricDefinition,
  type MetricsAdapter,
  type PersistenceAdapter,
  type Segment,
  type SegmentsAdapter,
} from "@flagsmith-experimentation/adapters";

/*
 * Boundary validation of the host's adapters: the adapters package's own guards (the domain schemas, one timeout,
 * anything thrown turned into an `AdapterError`). The planning figures (`Segment.expectedDailyTraffic`,
 * `MetricDefinition.baseline` and `baselineSd`) are part of the domain schemas, so nothing is re-read here.
 */

/** @deprecated The planning figures are part of `Segment` now: use `Segment`. */
export type PlannedSegment = Segment;
/** @deprecated The planning figures are part of `MetricDefinition` now: use `MetricDefinition`. */
export type PlannedMetric = MetricDefinition;

/** The environment an experiment runs in (Flagsmith scopes experiments, flags' states and traffic to one). */
export interface WizardEnvironment {
  /** The environment key stored on the experiment (`Experiment.environmentKey`). */
  key: string;
  /** Shown in the wizard ("Environment: Production"). */
  name?: string | undefined;
  /** Identities per day across the environment: the power estimate's traffic when targeting all identities. */
  expectedDailyTraffic?: number | undefined;
}

export interface WizardAdapters {
  flags: FlagsAdapter;
  segments: SegmentsAdapter;
  metrics: MetricsAdapter;
  persistence: PersistenceAdapter;
  /** The environment the adapters work in, when they know it (the Flagsmith adapters do). */
  environment?: WizardEnvironment | undefined;
}

/** The calls the wizard makes, validated (the same contracts as {@link WizardAdapters}). */
export type GuardedWizardAdapters = WizardAdapters;

/** Milliseconds before an adapter call fails with a timeout. */
export const ADAPTER_TIMEOUT_MS = 15_000;

/**
 * Validates every answer of the host's adapters (with a timeout), so malformed data becomes an error the
 * wizard shows with "Retry" instead of a crash.
 */
export function guardWizardAdapters(
  adapters: WizardAdapters,
  { timeoutMs = ADAPTER_TIMEOUT_MS }: { timeoutMs?: number } = {},
): GuardedWizardAdapters {
  const options = { timeoutMs };
  return {
    flags: guardFlagsAdapter(adapters.flags, options),
    segments: guardSegmentsAdapter(adapters.segments, options),
    metrics: guardMetricsAdapter(adapters.metrics, options),
    persistence: guardPersistenceAdapter(adapters.persistence, options),
  };
}
