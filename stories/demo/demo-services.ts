import {
  AdapterError,
  createSqlWarehouse,
  type Experiment,
  type Flag,
  type GuardOptions,
  guardAdapters,
  type HostAdapters,
  type MetricDefinition,
  type Segment,
  type SegmentOverride,
  type SqlWarehouseAdapter,
  type WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  type AdapterFault,
  createInMemoryAdapters,
  type InMemoryControls,
  type SimulatedEventModel,
} from "@flagsmith-experimentation/adapters/testing";
import { createBrowserStoragePersistence, DEFAULT_DEMO_STORAGE_KEY } from "./browser-storage-persistence";
import { experimentTraffic, hasTraffic, seedFor } from "./demo-traffic";
import {
  DEFAULT_TRAFFIC_PLAN,
  DEMO_TODAY,
  demoWorldExperiments,
  demoWorldFlags,
  demoWorldMetrics,
  demoWorldOverrides,
  demoWorldSegments,
  seededExperiments,
  type TrafficPlan,
} from "./demo-world";
import { type EmbeddedWarehouse, EVENTS_TABLE, sharedEmbeddedWarehouse } from "./embedded-warehouse";

/**
 * Everything behind the demo, wired the way a host would wire it: in-memory flags, segments and metrics
 * (Flagsmith stand-ins), experiments persisted in browser storage, and the SQL warehouse adapter generating
 * DuckDB SQL over the embedded DuckDB-wasm, filled with simulated traffic when an experiment is opened.
 */
export interface DemoServicesOptions {
  /** Where experiments persist. Default `window.localStorage`. */
  storage?: Storage;
  storageKey?: string;
  /** Multiplies every experiment's simulated identities (tests use a small scale). Default 1. */
  scale?: number;
  /** Milliseconds before an adapter call fails with a timeout. Default 15 000. */
  timeoutMs?: number;
  /** The same for the warehouse's queries (real SQL work). Default: `timeoutMs`. */
  warehouseTimeoutMs?: number;
  /** The clock of launches. Default: the demo's fixed "today". */
  now?: () => Date;
  /** Replace parts of the seeded world (e.g. hostile names in the XSS tests). */
  world?: {
    flags?: Flag[];
    segments?: Segment[];
    overrides?: SegmentOverride[];
    metrics?: MetricDefinition[];
    experiments?: Experiment[];
    /** Traffic per seeded experiment id; other launched experiments get the default plan. */
    traffic?: Record<string, TrafficPlan>;
  };
  /** The embedded warehouse. Default: one DuckDB-wasm shared by the page. */
  warehouse?: () => Promise<EmbeddedWarehouse>;
  /**
   * A host's own flags, segments, metrics and persistence (e.g. the Flagsmith adapters over a replayed
   * Flagsmith) instead of the in-memory world; the simulated traffic and the warehouse stay the demo's.
   */
  hostAdapters?: Pick<HostAdapters, "flags" | "segments" | "metrics" | "persistence">;
  /** How simulated identities behave per flag. Default: the demo world's shoppers and true effects. */
  eventModels?: (flagId: string) => SimulatedEventModel[];
}

export interface DemoFaults {
  /** Flags, segments and metrics (one in-memory store). */
  catalogue: InMemoryControls;
  persistence: InMemoryControls;
  /** Faults of the warehouse's query function: reject, hang or return rows of the wrong shape. */
  setWarehouseFault(fault: AdapterFault | undefined): void;
  /** How often the warehouse's query function was called. */
  warehouseQueries(): number;
}

export interface DemoServices {
  /** The adapters handed to the wizard and the results views (validated, with a timeout). */
  adapters: HostAdapters;
  faults: DemoFaults;
  /** The SQL warehouse adapter over the embedded DuckDB, without faults or guard (tests compare against it). */
  sqlWarehouse: SqlWarehouseAdapter;
  embeddedWarehouse(): Promise<EmbeddedWarehouse>;
  /** Simulates an experiment's traffic into DuckDB (once per configuration); returns the number of events. */
  ensureTraffic(experiment: Experiment): Promise<number>;
  /** Builds a SQL warehouse adapter for another events table in the embedded DuckDB ("Test connection"). */
  warehouseForTable(eventsTable: string): Pick<WarehouseAdapter, "testConnection">;
  /** Forgets stored experiments and starts again from the seed. */
  reset(): void;
}

function malformedRows(fault: Extract<AdapterFault, { type: "malformed" }>): Record<string, unknown>[] {
  if (Array.isArray(fault.response)) return fault.response as Record<string, unknown>[];
  return [{ metric_id: "conversion", variation_key: "control", n: "lots", sum: -3 }];
}

/** A key for an experiment's simulated data: its id and every setting that shapes the traffic. */
function trafficKey(experiment: Experiment, plan: TrafficPlan, scale: number): string {
  const { id, flagId, startDate, endDate, weights, variations } = experiment;
  return JSON.stringify([id, flagId, startDate, endDate, weights, variations.map((v) => v.key), plan, scale]);
}

export function createDemoServices(options: DemoServicesOptions = {}): DemoServices {
  const world = options.world ?? {};
  const scale = options.scale ?? 1;
  const now = options.now ?? (() => DEMO_TODAY);
  const guard: GuardOptions = { timeoutMs: options.timeoutMs ?? 15_000 };
  const embedded = options.warehouse ?? sharedEmbeddedWarehouse;
  const plans: Record<string, TrafficPlan> =
    world.traffic ??
    Object.fromEntries(seededExperiments.flatMap((s) => (s.traffic ? [[s.experiment.id, s.traffic]] : [])));

  const catalogue = createInMemoryAdapters({
    flags: world.flags ?? demoWorldFlags,
    segments: world.segments ?? demoWorldSegments,
    overrides: world.overrides ?? demoWorldOverrides,
    metrics: world.metrics ?? demoWorldMetrics,
    experiments: [],
    now,
    guard: false,
  });
  const stored = createBrowserStoragePersistence({
    seed: world.experiments ?? demoWorldExperiments,
    ...(options.storage ? { storage: options.storage } : {}),
    key: options.storageKey ?? DEFAULT_DEMO_STORAGE_KEY,
    now,
    guard: false,
  });

  let warehouseFault: AdapterFault | undefined;
  let queries = 0;
  const query = async (sql: string, params: unknown[]) => {
    queries += 1;
    const fault = warehouseFault;
    if (fault) {
      if (fault.times !== undefined)
        warehouseFault = fault.times <= 1 ? undefined : { ...fault, times: fault.times - 1 };
      if (fault.type === "reject") {
        throw fault.error ?? new Error("connection to the warehouse was reset");
      }
      if (fault.type === "hang") return new Promise<Record<string, unknown>[]>(() => {});
      return malformedRows(fault);
    }
    return (await embedded()).query(sql, params);
  };

  const sqlWarehouse = createSqlWarehouse({
    dialect: "duckdb",
    eventsTable: EVENTS_TABLE,
    query: async (sql, params) => (await embedded()).query(sql, params),
  });
  const faultyWarehouse = createSqlWarehouse({ dialect: "duckdb", eventsTable: EVENTS_TABLE, query });

  function timed<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new AdapterError("timeout", undefined, { operation })), guard.timeoutMs);
      call().then(
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

  async function ensureTraffic(experiment: Experiment): Promise<number> {
    if (!hasTraffic(experiment)) return 0;
    const plan = plans[experiment.id] ?? DEFAULT_TRAFFIC_PLAN;
    const key = trafficKey(experiment, plan, scale);
    const warehouse = await embedded();
    // The identity prefix carries the configuration's hash: experiments that reuse an id never share identities.
    const prefixed = { ...experiment, id: `${experiment.id}-${seedFor(key).toString(36)}` };
    return warehouse.loadOnce(key, () => experimentTraffic(prefixed, plan, scale, options.eventModels));
  }

  const guarded = {
    ...guardAdapters({ persistence: stored.persistence }, guard),
    ...guardAdapters({ warehouse: faultyWarehouse }, { timeoutMs: options.warehouseTimeoutMs ?? guard.timeoutMs }),
  };
  // Simulating an experiment's traffic into DuckDB is the demo's setup, not the warehouse answering: it runs before
  // the (guarded, timed) query, so a slow simulation on a busy machine never reads as a warehouse timeout.
  const warehouse: WarehouseAdapter = {
    testConnection: () => guarded.warehouse.testConnection(),
    async fetchMetricStats(request) {
      await ensureTraffic(request.experiment);
      return guarded.warehouse.fetchMetricStats(request);
    },
    async fetchExposureSummary(request) {
      await ensureTraffic(request.experiment);
      const summary = guarded.warehouse.fetchExposureSummary;
      if (!summary) throw new Error("The demo's warehouse always has fetchExposureSummary.");
      return summary.call(guarded.warehouse, request);
    },
  };

  const adapters: HostAdapters = {
    // The wizard validates flags, segments and metrics itself, keeping the planning figures (expected daily
    // traffic, metric baselines) that the shared schemas do not know; here they only get the timeout.
    flags: {
      listFlags: (q) => timed("flags.listFlags", () => catalogue.flags.listFlags(q)),
      getFlag: (id) => timed("flags.getFlag", () => catalogue.flags.getFlag(id)),
    },
    segments: {
      listSegments: () => timed("segments.listSegments", () => catalogue.segments.listSegments()),
      listOverrides: (flagId) => timed("segments.listOverrides", () => catalogue.segments.listOverrides(flagId)),
    },
    metrics: { listMetrics: () => timed("metrics.listMetrics", () => catalogue.metrics.listMetrics()) },
    persistence: guarded.persistence,
    ...options.hostAdapters,
    warehouse,
  };

  return {
    adapters,
    faults: {
      catalogue: catalogue.controls,
      persistence: stored.controls,
      setWarehouseFault(fault) {
        warehouseFault = fault;
      },
      warehouseQueries: () => queries,
    },
    sqlWarehouse,
    embeddedWarehouse: embedded,
    ensureTraffic,
    warehouseForTable(eventsTable) {
      return {
        async testConnection() {
          try {
            return await createSqlWarehouse({ dialect: "duckdb", eventsTable, query }).testConnection();
          } catch (error) {
            return { ok: false, message: error instanceof Error ? error.message : String(error) };
          }
        },
      };
    },
    reset: () => stored.reset(),
  };
}
