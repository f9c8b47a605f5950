import { createFlagsmithAdapters, type SimulatedEventModel } from "@flagsmith-experimentation/adapters";
import {
  createFlagsmithReplay,
  type FlagsmithReplay,
  REPLAY_PRODUCTION_KEY,
  REPLAY_USER_TOKEN,
  REPLAY_WORLD,
} from "@flagsmith-experimentation/adapters/flagsmith-replay";
import { createDemoServices, type DemoServices } from "../demo/demo-services";
import { demoEventModels } from "../demo/demo-traffic";
import { DEMO_TODAY } from "../demo/demo-world";
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

/**
 * The demo wired the way a Flagsmith engineer would embed the kit: only `createFlagsmithAdapters` with a base URL, a
 * user token and an environment key. Its `fetch` is the replay of Flagsmith's API (in this page, no server), whose
 * clock is the demo's "today"; results come from simulated traffic in the embedded DuckDB, as in the main demo.
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
  return { ...services, replay };
}
