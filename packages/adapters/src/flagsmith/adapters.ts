import { guardAdapters } from "../guard-adapters";
import type { FlagsAdapter, MetricsAdapter, PersistenceAdapter, SegmentsAdapter } from "../host-adapters";
import { createFlagsmithClient } from "./client";
import { createEnvironmentLookup } from "./environment";
import { createFlagsmithFlags } from "./flags";
import { createFlagsmithMemoryStorage, createKitStore } from "./kit-store";
import { createFlagsmithMetrics } from "./metrics";
import { type FlagsmithAdaptersOptions, resolveFlagsmithOptions } from "./options";
import { createFlagsmithPersistence } from "./persistence";
import { createFlagsmithSegments } from "./segments";

export interface FlagsmithAdapters {
  flags: FlagsAdapter;
  segments: SegmentsAdapter;
  metrics: MetricsAdapter;
  persistence: PersistenceAdapter;
  /** The environment the adapters work in: the wizard stores its key as the experiment's `environmentKey`. */
  environment: { key: string };
}

function randomId(): string {
  const random =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `draft-${random}`;
}

/**
 * Four of the kit's adapter contracts over Flagsmith's Admin API, for one environment: flags, segments, metrics and
 * experiments. Pair them with a warehouse adapter (`createSqlWarehouse({ schema: "flagsmith", … })`) for results.
 * Every answer is validated; every failure is an `AdapterError` that keeps Flagsmith's meaning. Throws
 * `FlagsmithConfigurationError` at once for options that cannot work (e.g. a `ser.…` key).
 */
export function createFlagsmithAdapters(options: FlagsmithAdaptersOptions): FlagsmithAdapters {
  const resolved = resolveFlagsmithOptions(options);
  const client = createFlagsmithClient(resolved);
  const environment = createEnvironmentLookup(client, resolved);
  const store = createKitStore(options.storage ?? createFlagsmithMemoryStorage(), resolved.environmentKey);
  // Requests time out one by one (`timeoutMs`); a launch is several requests and must not be cut in the middle.
  const adapters = guardAdapters(
    {
      flags: createFlagsmithFlags(client, environment),
      segments: createFlagsmithSegments(client, environment),
      metrics: createFlagsmithMetrics(client, environment),
      persistence: createFlagsmithPersistence({ client, environment, store, now: resolved.now, newId: randomId }),
    },
    { timeoutMs: Number.POSITIVE_INFINITY },
  );
  return { ...adapters, environment: { key: resolved.environmentKey } };
}
