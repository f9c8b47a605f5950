import {
  type Experiment,
  experimentSchema,
  type GuardOptions,
  guardPersistenceAdapter,
  type PersistenceAdapter,
} from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld, type InMemoryControls } from "@flagsmith-experimentation/adapters/testing";

/**
 * A `PersistenceAdapter` that keeps the demo's experiments in browser storage (localStorage by default),
 * so drafts and launched experiments survive a page reload. The lifecycle rules (drafts, launch with an
 * idempotency key, pause, resume, stop, conclude, delete a draft) are the in-memory reference adapter's; this layer
 * only loads and saves the list.
 */
export interface BrowserStoragePersistenceOptions {
  /** Experiments to start with when the storage holds none (or holds something unreadable). */
  seed: Experiment[];
  /** Default: `window.localStorage`. */
  storage?: Storage;
  /** Storage key. Default `"flagsmith-experimentation-demo:experiments"`. */
  key?: string;
  /** The clock for launches. Default: the real time. */
  now?: () => Date;
  /** Validation and timeout at the boundary (default: 15 s); `false` for none. */
  guard?: GuardOptions | false;
}

export interface BrowserStoragePersistence {
  persistence: PersistenceAdapter;
  /** Fault injection and call counts of the underlying reference adapter (for tests and stories). */
  controls: InMemoryControls;
  /** Forgets everything stored and starts again from the seed (the demo's "Reset demo data"). */
  reset(): void;
}

export const DEFAULT_DEMO_STORAGE_KEY = "flagsmith-experimentation-demo:experiments";

function readStored(storage: Storage, key: string): Experiment[] | undefined {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const stored: unknown = JSON.parse(raw);
    if (!Array.isArray(stored)) return undefined;
    const experiments: Experiment[] = [];
    for (const item of stored) {
      const parsed = experimentSchema.safeParse(item);
      // Storage from an older demo (or edited by hand): start again from the seed.
      if (!parsed.success) return undefined;
      experiments.push(parsed.data);
    }
    return experiments;
  } catch {
    return undefined;
  }
}

/** A method the in-memory reference adapter always has (its type marks it optional, as for any host). */
function optional<T>(method: T | undefined, name: string): T {
  if (method === undefined) throw new Error(`The in-memory persistence has no ${name}.`);
  return method;
}

export function createBrowserStoragePersistence(options: BrowserStoragePersistenceOptions): BrowserStoragePersistence {
  const storage = options.storage ?? window.localStorage;
  const key = options.key ?? DEFAULT_DEMO_STORAGE_KEY;
  let inner = open(readStored(storage, key) ?? options.seed);

  function open(experiments: Experiment[]) {
    return createInMemoryAdapters({
      ...demoWorld,
      experiments,
      guard: false,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  function save() {
    storage.setItem(key, JSON.stringify(inner.controls.experiments()));
  }

  async function saving<T>(call: Promise<T>): Promise<T> {
    const result = await call;
    save();
    return result;
  }

  const raw: PersistenceAdapter = {
    saveDraft: (draft) => saving(inner.persistence.saveDraft(draft)),
    launch: (id, opts) => saving(inner.persistence.launch(id, opts)),
    getExperiment: (id) => inner.persistence.getExperiment(id),
    listExperiments: () => inner.persistence.listExperiments(),
    stop: (id) => saving(inner.persistence.stop(id)),
    // The reference adapter has every optional lifecycle method: the demo offers Pause/Resume, Ship and Delete draft.
    pause: (id) => saving(optional(inner.persistence.pause, "pause").call(inner.persistence, id)),
    resume: (id) => saving(optional(inner.persistence.resume, "resume").call(inner.persistence, id)),
    conclude: (id, opts) => saving(optional(inner.persistence.conclude, "conclude").call(inner.persistence, id, opts)),
    deleteDraft: (id) => saving(optional(inner.persistence.deleteDraft, "deleteDraft").call(inner.persistence, id)),
  };

  // Controls delegate to whichever in-memory store is current (reset replaces it).
  const controls: InMemoryControls = {
    setFault: (method, fault) => inner.controls.setFault(method, fault),
    clearFaults: () => inner.controls.clearFaults(),
    setLatency: (latency) => inner.controls.setLatency(latency),
    setEvents: (events) => inner.controls.setEvents(events),
    experiments: () => inner.controls.experiments(),
    calls: (method) => inner.controls.calls(method),
  };

  return {
    persistence: options.guard === false ? raw : guardPersistenceAdapter(raw, options.guard ?? {}),
    controls,
    reset() {
      storage.removeItem(key);
      inner = open(options.seed);
    },
  };
}
