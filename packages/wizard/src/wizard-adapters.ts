import type {
  Experiment,
  Flag,
  FlagsAdapter,
  MetricDefinition,
  MetricsAdapter,
  PersistenceAdapter,
  Segment,
  SegmentOverride,
  SegmentsAdapter,
  Variation,
} from "@flagsmith-experimentation/adapters";
import * as z from "zod/mini";
import { isIsoDate } from "./dates";

/*
 * Boundary validation of the host's adapters, with `zod/mini` schemas typed against the domain model of
 * `@flagsmith-experimentation/adapters` (`satisfies z.ZodMiniType<Flag>` etc.: a change there fails the type
 * check here). The wizard imports only types from the adapters package, which keeps its bundle small.
 */

/**
 * Optional planning figures the power estimate uses. They are not (yet) part of the shared domain model, so
 * the wizard reads them as optional extras next to the validated fields:
 * - `Segment.expectedDailyTraffic`: identities entering the segment per day;
 * - `MetricDefinition.baseline`: the control's current conversion rate (proportion, 0–1) or mean;
 * - `MetricDefinition.baselineSd`: the per-user standard deviation (needed for count, mean and ratio metrics).
 */
export type PlannedSegment = Segment & { expectedDailyTraffic?: number | undefined };
export type PlannedMetric = MetricDefinition & { baseline?: number | undefined; baselineSd?: number | undefined };

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

/** Why the wizard refused an adapter's answer (its own errors; host errors pass through unchanged). */
export type BoundaryErrorKind = "invalid-response" | "timeout";

/** An adapter answered with data of the wrong shape, or not in time. `operation` names the call. */
export class BoundaryError extends Error {
  override readonly name = "BoundaryError";
  readonly kind: BoundaryErrorKind;
  readonly operation: string;

  constructor(kind: BoundaryErrorKind, operation: string, options?: { cause?: unknown }) {
    super(
      kind === "timeout"
        ? `${operation} did not answer in time.`
        : `${operation} answered with data in a shape the wizard does not understand.`,
      options,
    );
    this.kind = kind;
    this.operation = operation;
  }
}

/** The `kind` of an adapter error (`AdapterError` and {@link BoundaryError} both carry one), if any. */
export function errorKind(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "kind" in error) {
    const { kind } = error as { kind: unknown };
    return typeof kind === "string" ? kind : undefined;
  }
  return undefined;
}

const nonEmpty = z.string().check(z.refine((value) => value.length > 0));
const flagValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** `YYYY-MM-DD`, or empty in a draft. */
const isoDateOrEmpty = z.string().check(z.refine((value) => value === "" || isIsoDate(value)));
/** Planning figures are optional extras: anything that is not a usable number is ignored, never an error. */
const optionalFigure = z.optional(z.unknown());

function figure(value: unknown, { allowNegative = false } = {}): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && (allowNegative || value >= 0) ? value : undefined;
}

const variationSchema = z.object({
  key: nonEmpty,
  name: nonEmpty,
  value: flagValue,
  isControl: z.boolean(),
}) satisfies z.ZodMiniType<Variation>;

const flagSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  description: z.optional(z.string()),
  type: z.enum(["multivariate", "standard"]),
  controlValue: flagValue,
  variations: z.array(variationSchema),
}) satisfies z.ZodMiniType<Flag>;

const segmentSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  description: z.optional(z.string()),
  expectedDailyTraffic: optionalFigure,
}) satisfies z.ZodMiniType<Segment & { expectedDailyTraffic?: unknown }>;

function plannedSegment({ expectedDailyTraffic, ...segment }: z.infer<typeof segmentSchema>): PlannedSegment {
  const traffic = figure(expectedDailyTraffic);
  return traffic === undefined ? segment : { ...segment, expectedDailyTraffic: traffic };
}

const overrideSchema = z.object({ flagId: nonEmpty, segmentId: nonEmpty }) satisfies z.ZodMiniType<SegmentOverride>;

const metricSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  description: z.optional(z.string()),
  kind: z.enum(["proportion", "count", "mean", "ratio"]),
  eventName: nonEmpty,
  denominatorEventName: z.optional(nonEmpty),
  direction: z.enum(["increase", "decrease"]),
  unit: z.optional(z.enum(["percent", "currency", "ms", "number"])),
  baseline: optionalFigure,
  baselineSd: optionalFigure,
}) satisfies z.ZodMiniType<MetricDefinition & { baseline?: unknown; baselineSd?: unknown }>;

function plannedMetric({ baseline, baselineSd, ...metric }: z.infer<typeof metricSchema>): PlannedMetric {
  const planned: PlannedMetric = { ...metric };
  const base = figure(baseline, { allowNegative: true });
  const sd = figure(baselineSd);
  if (base !== undefined) planned.baseline = base;
  if (sd !== undefined) planned.baselineSd = sd;
  return planned;
}

const experimentSchema = z.object({
  id: nonEmpty,
  name: z.string(),
  hypothesis: z.string(),
  startDate: isoDateOrEmpty,
  endDate: isoDateOrEmpty,
  flagId: z.string(),
  variations: z.array(variationSchema),
  metrics: z.array(z.object({ metricId: nonEmpty, role: z.enum(["primary", "secondary", "guardrail"]) })),
  segmentId: z.string(),
  weights: z.record(z.string(), z.number().check(z.refine((value) => value >= 0 && value <= 100))),
  status: z.enum(["draft", "scheduled", "running", "stopped", "concluded"]),
  revision: z.number().check(z.refine((value) => Number.isInteger(value) && value >= 0)),
  launchedAt: z.optional(z.string()),
}) satisfies z.ZodMiniType<Experiment>;

/** Milliseconds before an adapter call fails with a timeout. */
export const ADAPTER_TIMEOUT_MS = 15_000;

async function guarded<T>(
  operation: string,
  schema: z.ZodMiniType<T>,
  call: () => Promise<unknown>,
  timeoutMs: number,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BoundaryError("timeout", operation)), timeoutMs);
  });
  try {
    const raw = await Promise.race([Promise.resolve().then(call), timeout]);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new BoundaryError("invalid-response", operation, { cause: parsed.error });
    return parsed.data;
  } finally {
    clearTimeout(timer);
  }
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
  return {
    flags: {
      listFlags: (q) => guarded("flags.listFlags", z.array(flagSchema), () => flags.listFlags(q), timeoutMs),
      getFlag: (id) => guarded("flags.getFlag", flagSchema, () => flags.getFlag(id), timeoutMs),
    },
    segments: {
      listSegments: async () =>
        (await guarded("segments.listSegments", z.array(segmentSchema), () => segments.listSegments(), timeoutMs)).map(
          plannedSegment,
        ),
      listOverrides: (flagId) =>
        guarded("segments.listOverrides", z.array(overrideSchema), () => segments.listOverrides(flagId), timeoutMs),
    },
    metrics: {
      listMetrics: async () =>
        (await guarded("metrics.listMetrics", z.array(metricSchema), () => metrics.listMetrics(), timeoutMs)).map(
          plannedMetric,
        ),
    },
    persistence: {
      saveDraft: (draft) => experiment("persistence.saveDraft", () => persistence.saveDraft(draft)),
      launch: (id, opts) => experiment("persistence.launch", () => persistence.launch(id, opts)),
      getExperiment: (id) => experiment("persistence.getExperiment", () => persistence.getExperiment(id)),
    },
  };
}
