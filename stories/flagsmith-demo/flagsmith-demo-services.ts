import {
  createFlagsmithAdapters,
  createSqlWarehouse,
  type Experiment,
  guardAdapters,
  type WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  createFlagsmithReplay,
  type FlagsmithReplay,
  REPLAY_PRODUCTION_KEY,
  REPLAY_USER_TOKEN,
  REPLAY_WORLD,
} from "@flagsmith-experimentation/adapters/flagsmith-replay";
import type { SimulatedEventModel } from "@flagsmith-experimentation/adapters/testing";
import { createDemoServices, type DemoServices } from "../demo/demo-services";
import { demoEventModels } from "../demo/demo-traffic";
import { DEMO_TODAY } from "../demo/demo-world";
import { type EmbeddedWarehouse, EVENTS_TABLE } from "../demo/embedded-warehouse";
import { MemoryStorage } from "../demo/memory-storage";

/** Where the demo's Flagsmith "lives": nothing answers there but the replay in this page. */
export const FLAGSMITH_DEMO_BASE_URL = "https://flagsmith.demo.invalid/api/v1/";

/**
 * The replayed Flagsmith's flags borrow the demo world's true effects, re-keyed to Flagsmith's option keys, so
 * their experiments have something to find: the green button (`Variant_1`) lifts checkout conversion.
 */
const TRUTH: Record<string, { like: string; keys: Record<string, string> }> = {
  "4821": { like: "checkout-cta", keys: { green: "Variant_1", orange: "Variant_2" } },
  "4826": { like: "search-ranking", keys: { "model-v3": "model_v2" } },
  "4822": { like: "product-gallery", keys: { grid: "fifty" } },
  "4824": { like: "pricing-layout", keys: {} },
};

function flagsmithEventModels(flagId: string): SimulatedEventModel[] {
  const truth = TRUTH[flagId];
  if (!truth) return demoEventModels(flagId);
  return demoEventModels(truth.like).map((model) => ({
    ...model,
    effects: Object.fromEntries(
      Object.entries(model.effects ?? {}).flatMap(([key, effect]) => {
        const flagsmithKey = truth.keys[key];
        return flagsmithKey ? [[flagsmithKey, effect]] : [];
      }),
    ),
  }));
}

export interface FlagsmithDemoServices extends DemoServices {
  /** The replayed Flagsmith: its state and every request the kit sent it. */
  replay: FlagsmithReplay;
}

/** Flagsmith's events table as the demo's warehouse holds it: a view over the simulated events. */
export const FLAGSMITH_EVENTS_VIEW = "flagsmith_events";

/**
 * Presents the simulated events (the kit's table) in the shape of Flagsmith's own events table — `environment_key,
 * event, feature_name, timestamp, identifier, value` with exposures naming the flag and carrying the variant key in
 * `value`, and values as text — so the results read them with the warehouse's `schema: "flagsmith"`, as they would
 * read Flagsmith's ClickHouse.
 */
async function createFlagsmithEventsView(
  warehouse: EmbeddedWarehouse,
  environmentKey: string,
  flags: { id: number; name: string }[],
): Promise<void> {
  await warehouse.query("CREATE OR REPLACE TABLE flagsmith_demo_flags (flag_id VARCHAR, feature_name VARCHAR)", []);
  await warehouse.query(
    `INSERT INTO flagsmith_demo_flags VALUES ${flags.map(() => "(?, ?)").join(", ")}`,
    flags.flatMap((flag) => [String(flag.id), flag.name]),
  );
  await warehouse.query("CREATE OR REPLACE TABLE flagsmith_demo_environment (environment_key VARCHAR)", []);
  await warehouse.query("INSERT INTO flagsmith_demo_environment VALUES (?)", [environmentKey]);
  await warehouse.query(
    `CREATE OR REPLACE VIEW ${FLAGSMITH_EVENTS_VIEW} AS
SELECT environment.environment_key AS environment_key,
       e.event_name AS event,
       CASE WHEN e.event_name = '$flag_exposure' THEN flag.feature_name ELSE '' END AS feature_name,
       e.timestamp AS timestamp,
       e.identity_key AS identifier,
       CASE WHEN e.event_name = '$flag_exposure' THEN e.variant_key ELSE coalesce(CAST(e.value AS VARCHAR), '') END AS value
FROM ${EVENTS_TABLE} AS e
CROSS JOIN flagsmith_demo_environment AS environment
LEFT JOIN flagsmith_demo_flags AS flag ON flag.flag_id = e.flag_id`,
    [],
  );
}

/**
 * The demo wired the way a Flagsmith engineer would embed the kit: only `createFlagsmithAdapters` with a base URL, a
 * user token and an environment key. Its `fetch` is the replay of Flagsmith's API (in this page, no server), whose
 * clock is the demo's "today". Results come from simulated traffic in the embedded DuckDB, read through the
 * warehouse's `schema: "flagsmith"` (flag by name, environment filtered, values as text), as from Flagsmith's table.
 */
export function createFlagsmithDemoServices(options: { scale?: number } = {}): FlagsmithDemoServices {
  const world = structuredClone(REPLAY_WORLD);
  world.now = DEMO_TODAY.toISOString().replace(".000Z", "Z");
  const replay = createFlagsmithReplay(world);
  const flagsmith = createFlagsmithAdapters({
    baseUrl: FLAGSMITH_DEMO_BASE_URL,
    token: REPLAY_USER_TOKEN,
    environmentKey: REPLAY_PRODUCTION_KEY,
    fetch: replay.fetch,
    now: () => DEMO_TODAY,
  });
  const services = createDemoServices({
    storage: new MemoryStorage(),
    storageKey: "flagsmith-demo",
    world: { experiments: [] },
    hostAdapters: flagsmith,
    eventModels: flagsmithEventModels,
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
  });

  let view: Promise<void> | undefined;
  const ready = async (experiment?: Experiment) => {
    const warehouse = await services.embeddedWarehouse();
    view ??= createFlagsmithEventsView(warehouse, REPLAY_PRODUCTION_KEY, world.features).catch((error: unknown) => {
      view = undefined;
      throw error;
    });
    await view;
    if (experiment) await services.ensureTraffic(experiment);
  };
  const flagsmithTable = createSqlWarehouse({
    dialect: "duckdb",
    eventsTable: FLAGSMITH_EVENTS_VIEW,
    schema: "flagsmith",
    query: async (sql, params) => (await services.embeddedWarehouse()).query(sql, params),
  });
  const warehouse: WarehouseAdapter = {
    async testConnection() {
      await ready();
      return flagsmithTable.testConnection();
    },
    async fetchMetricStats(request) {
      await ready(request.experiment);
      return flagsmithTable.fetchMetricStats(request);
    },
    async fetchExposureSummary(request) {
      await ready(request.experiment);
      return flagsmithTable.fetchExposureSummary(request);
    },
  };
  // Validated like every demo adapter; simulating traffic is real work, so it gets a minute.
  const guarded = guardAdapters({ warehouse }, { timeoutMs: 60_000 });
  return { ...services, adapters: { ...services.adapters, warehouse: guarded.warehouse }, replay };
}
