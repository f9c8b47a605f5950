import * as z from "zod/mini";
import { AdapterError, toAdapterError } from "./adapter-error";
import { experimentSchema } from "./experiment";
import { flagSchema } from "./flag";
import type {
  FlagsAdapter,
  HostAdapters,
  MetricsAdapter,
  PersistenceAdapter,
  SegmentsAdapter,
  WarehouseAdapter,
} from "./host-adapters";
import { metricDefinitionSchema } from "./metric-definition";
import { exposureSummarySchema, metricStatsRowSchema } from "./metric-stats";
import { segmentOverrideSchema, segmentSchema } from "./segment";
import type { MetricStatsRow } from "./stats-types";
import { uniqueIdListSchema } from "./unique-ids";

export interface GuardOptions {
  /** Milliseconds before a call fails with kind `timeout`; `Infinity` waits forever. Default 15 000. */
  timeoutMs?: number;
}

export const DEFAULT_ADAPTER_TIMEOUT_MS = 15_000;

/**
 * `promise`, or an {@link AdapterError} of kind `timeout` after `timeoutMs` (`Infinity` waits forever). The one timeout
 * of the kit: the guards here and the UI packages' async state use it.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  if (!Number.isFinite(timeoutMs)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new AdapterError("timeout", undefined, { operation }));
    }, timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Runs one adapter call at the boundary: a timeout, anything thrown turned into an {@link AdapterError},
 * and the result checked against `schema` (a mismatch is kind `invalid-response`, never a crash later).
 */
export async function callAdapter<T>(
  operation: string,
  schema: z.ZodMiniType<T>,
  call: () => Promise<unknown>,
  options: GuardOptions = {},
): Promise<T> {
  let raw: unknown;
  try {
    raw = await withTimeout(Promise.resolve().then(call), options.timeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS, operation);
  } catch (error) {
    throw toAdapterError(error, operation);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AdapterError("invalid-response", undefined, {
      operation,
      cause: parsed.error,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return parsed.data;
}

const flagListSchema = uniqueIdListSchema(flagSchema);
const segmentListSchema = uniqueIdListSchema(segmentSchema);
const metricListSchema = uniqueIdListSchema(metricDefinitionSchema);
const experimentListSchema = uniqueIdListSchema(experimentSchema);
const connectionCheckSchema = z.object({ ok: z.boolean(), message: z.optional(z.string()) });
const metricStatsRowsSchema = z.array(metricStatsRowSchema) as unknown as z.ZodMiniType<MetricStatsRow[]>;
const deletedSchema = z.pipe(
  z.unknown(),
  z.transform(() => undefined),
);

export function guardFlagsAdapter(adapter: FlagsAdapter, options: GuardOptions = {}): FlagsAdapter {
  return {
    listFlags: (q) => callAdapter("flags.listFlags", flagListSchema, () => adapter.listFlags(q), options),
    getFlag: (id) => callAdapter("flags.getFlag", flagSchema, () => adapter.getFlag(id), options),
  };
}

export function guardSegmentsAdapter(adapter: SegmentsAdapter, options: GuardOptions = {}): SegmentsAdapter {
  return {
    listSegments: () => callAdapter("segments.listSegments", segmentListSchema, () => adapter.listSegments(), options),
    listOverrides: (flagId) =>
      callAdapter(
        "segments.listOverrides",
        z.array(segmentOverrideSchema),
        () => adapter.listOverrides(flagId),
        options,
      ),
  };
}

export function guardMetricsAdapter(adapter: MetricsAdapter, options: GuardOptions = {}): MetricsAdapter {
  return {
    listMetrics: () => callAdapter("metrics.listMetrics", metricListSchema, () => adapter.listMetrics(), options),
  };
}

export function guardPersistenceAdapter(adapter: PersistenceAdapter, options: GuardOptions = {}): PersistenceAdapter {
  const guarded: PersistenceAdapter = {
    saveDraft: (draft) =>
      callAdapter("persistence.saveDraft", experimentSchema, () => adapter.saveDraft(draft), options),
    launch: (id, opts) => callAdapter("persistence.launch", experimentSchema, () => adapter.launch(id, opts), options),
    getExperiment: (id) =>
      callAdapter("persistence.getExperiment", experimentSchema, () => adapter.getExperiment(id), options),
    listExperiments: () =>
      callAdapter("persistence.listExperiments", experimentListSchema, () => adapter.listExperiments(), options),
    stop: (id) => callAdapter("persistence.stop", experimentSchema, () => adapter.stop(id), options),
  };
  // Optional capabilities stay optional: the UI offers Pause, Resume, Ship and Delete only when the host has them.
  const { pause, resume, conclude, deleteDraft } = adapter;
  if (pause) {
    guarded.pause = (id) => callAdapter("persistence.pause", experimentSchema, () => pause.call(adapter, id), options);
  }
  if (resume) {
    guarded.resume = (id) =>
      callAdapter("persistence.resume", experimentSchema, () => resume.call(adapter, id), options);
  }
  if (conclude) {
    guarded.conclude = (id, opts) =>
      callAdapter("persistence.conclude", experimentSchema, () => conclude.call(adapter, id, opts), options);
  }
  if (deleteDraft) {
    guarded.deleteDraft = (id) =>
      callAdapter("persistence.deleteDraft", deletedSchema, () => deleteDraft.call(adapter, id), options);
  }
  return guarded;
}

export function guardWarehouseAdapter(adapter: WarehouseAdapter, options: GuardOptions = {}): WarehouseAdapter {
  const guarded: WarehouseAdapter = {
    testConnection: () =>
      callAdapter("warehouse.testConnection", connectionCheckSchema, () => adapter.testConnection(), options),
    fetchMetricStats: (req) =>
      callAdapter("warehouse.fetchMetricStats", metricStatsRowsSchema, () => adapter.fetchMetricStats(req), options),
  };
  const fetchExposureSummary = adapter.fetchExposureSummary?.bind(adapter);
  if (fetchExposureSummary) {
    guarded.fetchExposureSummary = (req) =>
      callAdapter("warehouse.fetchExposureSummary", exposureSummarySchema, () => fetchExposureSummary(req), options);
  }
  return guarded;
}

/**
 * Wraps whichever host adapters are given with validation and a timeout, keeping the same shape:
 * `guardAdapters({ flags, persistence })` → `{ flags, persistence }`.
 */
export function guardAdapters<T extends Partial<HostAdapters>>(adapters: T, options: GuardOptions = {}): T {
  const guarded: Partial<HostAdapters> = {};
  if (adapters.flags) guarded.flags = guardFlagsAdapter(adapters.flags, options);
  if (adapters.segments) guarded.segments = guardSegmentsAdapter(adapters.segments, options);
  if (adapters.metrics) guarded.metrics = guardMetricsAdapter(adapters.metrics, options);
  if (adapters.persistence) guarded.persistence = guardPersistenceAdapter(adapters.persistence, options);
  if (adapters.warehouse) guarded.warehouse = guardWarehouseAdapter(adapters.warehouse, options);
  return { ...adapters, ...guarded };
}
