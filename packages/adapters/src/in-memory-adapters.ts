import { AdapterError } from "./adapter-error";
import type { Experiment } from "./experiment";
import {
  createDraftExperiment,
  type ExperimentEvent,
  ExperimentLifecycleError,
  transitionExperiment,
} from "./experiment-lifecycle";
import type { Flag } from "./flag";
import { type GuardOptions, guardAdapters } from "./guard-adapters";
import type { HostAdapters } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import { type AggregationOptions, aggregateMetricStats, assignExposedIdentities } from "./reference-aggregation";
import type { Segment, SegmentOverride } from "./segment";
import type { WarehouseEvent } from "./warehouse-event";

/** Every method of the in-memory adapters, by `adapter.method`. */
export type AdapterMethod =
  | "flags.listFlags"
  | "flags.getFlag"
  | "segments.listSegments"
  | "segments.listOverrides"
  | "metrics.listMetrics"
  | "persistence.saveDraft"
  | "persistence.launch"
  | "persistence.getExperiment"
  | "persistence.listExperiments"
  | "persistence.stop"
  | "persistence.pause"
  | "persistence.resume"
  | "persistence.conclude"
  | "persistence.deleteDraft"
  | "warehouse.testConnection"
  | "warehouse.fetchMetricStats"
  | "warehouse.fetchExposureSummary";

/**
 * A fault to inject into a method: `reject` fails with `error` (default: a network error), `hang` never answers,
 * `malformed` answers with data of the wrong shape (default: `[{ unexpected: "shape" }]` / `{ unexpected: "shape" }`).
 * `times` limits the fault to the next N calls (then the method works again, as after a “Retry”).
 */
export type AdapterFault =
  | { type: "reject"; error?: unknown; times?: number }
  | { type: "hang"; times?: number }
  | { type: "malformed"; response?: unknown; times?: number };

export interface InMemoryAdaptersOptions {
  flags?: Flag[];
  segments?: Segment[];
  overrides?: SegmentOverride[];
  metrics?: MetricDefinition[];
  experiments?: Experiment[];
  /** Events the warehouse aggregates (the kit's event model, docs/warehouse-sql.md), e.g. from `simulateTraffic`. */
  events?: readonly WarehouseEvent[];
  /** Options of the reference aggregation behind `warehouse.fetchMetricStats` (CUPED covariate). */
  aggregation?: AggregationOptions;
  /** Milliseconds every call waits, or per method. Default 0. */
  latencyMs?: number | Partial<Record<AdapterMethod, number>>;
  /** Faults switched on from the start; change them later through `controls`. */
  faults?: Partial<Record<AdapterMethod, AdapterFault>>;
  /** The clock used for launch and scheduling. Default: the real time. */
  now?: () => Date;
  /** Wrap the adapters with validation and a timeout (default `{}` = 15 s timeout); `false` returns them raw. */
  guard?: GuardOptions | false;
  /** Outcome of `warehouse.testConnection`. Default `{ ok: true, message: "Connected to the in-memory warehouse." }`. */
  connection?: { ok: boolean; message?: string };
}

export interface InMemoryControls {
  /** Switches a fault on (or off with `undefined`) for one method. */
  setFault(method: AdapterMethod, fault: AdapterFault | undefined): void;
  clearFaults(): void;
  setLatency(latencyMs: number | Partial<Record<AdapterMethod, number>>): void;
  /** Replaces the warehouse events. */
  setEvents(events: readonly WarehouseEvent[]): void;
  /** A copy of the stored experiments. */
  experiments(): Experiment[];
  /** How often each method was called (faulty calls included). */
  calls(method: AdapterMethod): number;
}

export type InMemoryAdapters = HostAdapters & { controls: InMemoryControls };

const isListMethod = (method: AdapterMethod) => /\.list/.test(method) || method === "warehouse.fetchMetricStats";

function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Reference adapters for all five contracts, kept in memory. They start empty: pass `demoWorld` (the kit's fixture
 * world, from this entry) or your own flags, segments, metrics and experiments.
 * With latency and per-method faults they show every state a UI has: loading, error, retry, empty, malformed data.
 */
export function createInMemoryAdapters(options: InMemoryAdaptersOptions = {}): InMemoryAdapters {
  const flags = copy(options.flags ?? []);
  const segments = copy(options.segments ?? []);
  const overrides = copy(options.overrides ?? []);
  const metrics = copy(options.metrics ?? []);
  const experiments = new Map(copy(options.experiments ?? []).map((e) => [e.id, e]));
  let events: readonly WarehouseEvent[] = options.events ?? [];
  let latency = options.latencyMs ?? 0;
  const faults = new Map<AdapterMethod, AdapterFault>(
    Object.entries(options.faults ?? {}) as [AdapterMethod, AdapterFault][],
  );
  const callCounts = new Map<AdapterMethod, number>();
  const launches = new Map<string, { experimentId: string; result: Experiment }>();
  const now = options.now ?? (() => new Date());
  let nextId = experiments.size + 1;

  const newId = () => {
    let id = `experiment-${nextId}`;
    while (experiments.has(id)) {
      nextId += 1;
      id = `experiment-${nextId}`;
    }
    nextId += 1;
    return id;
  };

  async function run<T>(method: AdapterMethod, body: () => T): Promise<T> {
    callCounts.set(method, (callCounts.get(method) ?? 0) + 1);
    const ms = typeof latency === "number" ? latency : (latency[method] ?? 0);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    const fault = faults.get(method);
    if (fault) {
      if (fault.times !== undefined) {
        if (fault.times <= 1) faults.delete(method);
        else faults.set(method, { ...fault, times: fault.times - 1 });
      }
      if (fault.type === "reject") {
        throw fault.error ?? new AdapterError("network", undefined, { operation: method });
      }
      if (fault.type === "hang") return new Promise<T>(() => {});
      return (fault.response ?? (isListMethod(method) ? [{ unexpected: "shape" }] : { unexpected: "shape" })) as T;
    }
    return copy(body());
  }

  const findExperiment = (id: string, operation: AdapterMethod): Experiment => {
    const experiment = experiments.get(id);
    if (!experiment) {
      throw new AdapterError("not-found", `There is no experiment with the id “${id}”.`, { operation });
    }
    return experiment;
  };

  const apply = (experiment: Experiment, event: ExperimentEvent, operation: AdapterMethod): Experiment => {
    try {
      const next = transitionExperiment(experiment, event);
      experiments.set(next.id, next);
      return next;
    } catch (error) {
      if (error instanceof ExperimentLifecycleError) {
        throw new AdapterError("conflict", error.message, { cause: error, operation });
      }
      throw error;
    }
  };

  const adapters: HostAdapters = {
    flags: {
      listFlags: (q = {}) =>
        run("flags.listFlags", () => {
          const search = q.search?.trim().toLowerCase();
          return search ? flags.filter((f) => f.name.toLowerCase().includes(search)) : flags;
        }),
      getFlag: (id) =>
        run("flags.getFlag", () => {
          const flag = flags.find((f) => f.id === id);
          if (!flag) throw new AdapterError("not-found", `There is no flag with the id “${id}”.`);
          return flag;
        }),
    },
    segments: {
      listSegments: () => run("segments.listSegments", () => segments),
      listOverrides: (flagId) => run("segments.listOverrides", () => overrides.filter((o) => o.flagId === flagId)),
    },
    metrics: {
      listMetrics: () => run("metrics.listMetrics", () => metrics),
    },
    persistence: {
      saveDraft: (draft) =>
        run("persistence.saveDraft", () => {
          const { id, revision, ...changes } = draft;
          if (id === undefined) {
            const created = createDraftExperiment(newId(), changes);
            experiments.set(created.id, created);
            return created;
          }
          const existing = experiments.get(id);
          if (!existing) {
            const created = createDraftExperiment(id, changes);
            experiments.set(created.id, created);
            return created;
          }
          if (revision !== undefined && revision !== existing.revision) {
            throw new AdapterError(
              "conflict",
              "This draft was changed somewhere else since you opened it. Reload it to see the latest version.",
              { operation: "persistence.saveDraft" },
            );
          }
          return apply(existing, { type: "edit", changes }, "persistence.saveDraft");
        }),
      launch: (id, { idempotencyKey, expectedRevision }) =>
        run("persistence.launch", () => {
          const previous = launches.get(idempotencyKey);
          if (previous) {
            if (previous.experimentId !== id) {
              throw new AdapterError("conflict", "This launch request was already used for another experiment.", {
                operation: "persistence.launch",
              });
            }
            return previous.result;
          }
          const draft = findExperiment(id, "persistence.launch");
          if (draft.status === "draft" && draft.revision !== expectedRevision) {
            throw new AdapterError(
              "conflict",
              "This draft was changed somewhere else after you reviewed it. Review the changes before you launch.",
              { operation: "persistence.launch", conflict: { current: copy(draft) } },
            );
          }
          const launched = apply(draft, { type: "launch", at: now() }, "persistence.launch");
          launches.set(idempotencyKey, { experimentId: id, result: copy(launched) });
          return launched;
        }),
      getExperiment: (id) => run("persistence.getExperiment", () => findExperiment(id, "persistence.getExperiment")),
      listExperiments: () => run("persistence.listExperiments", () => [...experiments.values()]),
      stop: (id) =>
        run("persistence.stop", () =>
          apply(findExperiment(id, "persistence.stop"), { type: "stop", at: now() }, "persistence.stop"),
        ),
      pause: (id) =>
        run("persistence.pause", () =>
          apply(findExperiment(id, "persistence.pause"), { type: "pause", at: now() }, "persistence.pause"),
        ),
      resume: (id) =>
        run("persistence.resume", () =>
          apply(findExperiment(id, "persistence.resume"), { type: "resume", at: now() }, "persistence.resume"),
        ),
      conclude: (id, { winner, note, evidence }) =>
        run("persistence.conclude", () =>
          apply(
            findExperiment(id, "persistence.conclude"),
            {
              type: "conclude",
              at: now(),
              winner,
              ...(note !== undefined ? { note } : {}),
              ...(evidence !== undefined ? { evidence } : {}),
            },
            "persistence.conclude",
          ),
        ),
      deleteDraft: (id) =>
        run("persistence.deleteDraft", () => {
          const experiment = findExperiment(id, "persistence.deleteDraft");
          if (experiment.status !== "draft") {
            throw new AdapterError("conflict", "Only drafts can be deleted; this experiment has launched.", {
              operation: "persistence.deleteDraft",
            });
          }
          experiments.delete(id);
        }),
    },
    warehouse: {
      testConnection: () =>
        run(
          "warehouse.testConnection",
          () => options.connection ?? { ok: true, message: "Connected to the in-memory warehouse." },
        ),
      fetchMetricStats: (req) =>
        run("warehouse.fetchMetricStats", () =>
          aggregateMetricStats(events, req, req.now ? { ...options.aggregation, now: req.now } : options.aggregation),
        ),
      fetchExposureSummary: ({ experiment, now }) =>
        run("warehouse.fetchExposureSummary", () => {
          const window = now ?? options.aggregation?.now;
          const { assigned, excludedMultipleVariations } = assignExposedIdentities(
            events,
            experiment,
            window ? { now: window } : {},
          );
          const exposures: Record<string, number> = Object.fromEntries(experiment.variations.map((v) => [v.key, 0]));
          for (const { variationKey } of assigned.values())
            exposures[variationKey] = (exposures[variationKey] ?? 0) + 1;
          return { exposures, excludedMultipleVariations };
        }),
    },
  };

  const controls: InMemoryControls = {
    setFault: (method, fault) => {
      if (fault) faults.set(method, fault);
      else faults.delete(method);
    },
    clearFaults: () => faults.clear(),
    setLatency: (value) => {
      latency = value;
    },
    setEvents: (value) => {
      events = value;
    },
    experiments: () => copy([...experiments.values()]),
    calls: (method) => callCounts.get(method) ?? 0,
  };

  const guarded = options.guard === false ? adapters : guardAdapters(adapters, options.guard ?? {});
  return { ...guarded, controls };
}
