import type {
  FlagsAdapter,
  MetricDefinition,
  MetricsAdapter,
  PersistenceAdapter,
  Segment,
  SegmentsAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  AdapterError,
  experimentSchema,
  flagSchema,
  metricDefinitionSchema,
  segmentOverrideSchema,
  segmentSchema,
  withTimeout,
} from "@flagsmith-experimentation/adapters";
import * as z from "zod/mini";

/*
 * Boundary validation of the host's adapters with the domain schemas of `@flagsmith-experimentation/adapters`
 * (one definition of what a valid flag, segment, metric or experiment is), plus a timeout. Unlike the
 * adapters' own `guardAdapters`, errors the host throws pass through unchanged (their messages are shown),
 * and the optional planning figures the schemas do not know are kept.
 */

/**
 * Optional planning figures the power estimate uses (`Segment.expectedDailyTraffic`, `MetricDefinition.baseline`
 * and `baselineSd`); the domain schemas validate them.
 */
export type PlannedSegment = Segment;
export type PlannedMetric = MetricDefinition;

export interface WizardAdapters {
  flags: FlagsAdapter;
  segments: SegmentsAdapter;
  metrics: MetricsAdapter;
  persistence: PersistenceAdapter;
}

/** The calls the wizard makes, validated. */
export interface GuardedWizardAdapters {
  flags: FlagsAdapter;
  segments: SegmentsAdapter & { listSegments(): Promise<PlannedSegment[]> };
  metrics: MetricsAdapter & { listMetrics(): Promise<PlannedMetric[]> };
  persistence: Pick<PersistenceAdapter, "saveDraft" | "launch" | "getExperiment">;
}

/** Planning figures are optional extras: anything that is not a usable number is ignored, never an error. */
function figure(value: unknown, { allowNegative = false } = {}): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && (allowNegative || value >= 0) ? value : undefined;
}

/** The raw item at `index` of an answer, for reading the planning figures next to the validated fields. */
function rawItem(raw: unknown, index: number): Record<string, unknown> {
  const item: unknown = Array.isArray(raw) ? raw[index] : undefined;
  return typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
}

function plannedSegment(segment: Segment, raw: Record<string, unknown>): PlannedSegment {
  const traffic = figure(raw.expectedDailyTraffic);
  return traffic === undefined ? segment : { ...segment, expectedDailyTraffic: traffic };
}

function plannedMetric(metric: MetricDefinition, raw: Record<string, unknown>): PlannedMetric {
  const planned: PlannedMetric = { ...metric };
  const base = figure(raw.baseline, { allowNegative: true });
  const sd = figure(raw.baselineSd);
  if (base !== undefined) planned.baseline = base;
  if (sd !== undefined) planned.baselineSd = sd;
  return planned;
}

/** Milliseconds before an adapter call fails with a timeout. */
export const ADAPTER_TIMEOUT_MS = 15_000;

async function guarded<T>(
  operation: string,
  schema: z.ZodMiniType<T>,
  call: () => Promise<unknown>,
  timeoutMs: number,
): Promise<T> {
  const raw = await withTimeout(Promise.resolve().then(call), timeoutMs, operation);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AdapterError("invalid-response", undefined, { operation, cause: parsed.error });
  return parsed.data;
}

/**
 * Validates every answer of the host's adapters (with a timeout), so malformed data becomes an error the
 * wizard shows with "Retry" instead of a crash, and keeps the optional planning figures.
 */
export function guardWizardAdapters(
  adapters: WizardAdapters,
  { timeoutMs = ADAPTER_TIMEOUT_MS }: { timeoutMs?: number } = {},
): GuardedWizardAdapters {
  const { flags, segments, metrics, persistence } = adapters;
  const experiment = (operation: string, call: () => Promise<unknown>) =>
    guarded(operation, experimentSchema, call, timeoutMs);
  /** A validated list, each item merged with the planning figures read from the raw answer. */
  const plannedList = async <T, P>(
    operation: string,
    schema: z.ZodMiniType<T>,
    call: () => Promise<unknown>,
    plan: (item: T, raw: Record<string, unknown>) => P,
  ): Promise<P[]> => {
    let raw: unknown;
    const list = await guarded(
      operation,
      z.array(schema),
      async () => {
        raw = await call();
        return raw;
      },
      timeoutMs,
    );
    return list.map((item, index) => plan(item, rawItem(raw, index)));
  };
  return {
    flags: {
      listFlags: (q) => guarded("flags.listFlags", z.array(flagSchema), () => flags.listFlags(q), timeoutMs),
      getFlag: (id) => guarded("flags.getFlag", flagSchema, () => flags.getFlag(id), timeoutMs),
    },
    segments: {
      listSegments: () =>
        plannedList("segments.listSegments", segmentSchema, () => segments.listSegments(), plannedSegment),
      listOverrides: (flagId) =>
        guarded(
          "segments.listOverrides",
          z.array(segmentOverrideSchema),
          () => segments.listOverrides(flagId),
          timeoutMs,
        ),
    },
    metrics: {
      listMetrics: () =>
        plannedList("metrics.listMetrics", metricDefinitionSchema, () => metrics.listMetrics(), plannedMetric),
    },
    persistence: {
      saveDraft: (draft) => experiment("persistence.saveDraft", () => persistence.saveDraft(draft)),
      launch: (id, opts) => experiment("persistence.launch", () => persistence.launch(id, opts)),
      getExperiment: (id) => experiment("persistence.getExperiment", () => persistence.getExperiment(id)),
    },
  };
}
