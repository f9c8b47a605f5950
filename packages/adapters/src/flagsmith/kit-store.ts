/**
 * What the Flagsmith persistence keeps outside Flagsmith: drafts (Flagsmith's experiments API has no room for an
 * unfinished one, and creating an experiment locks its flag) and, per launched experiment, the fields Flagsmith
 * has none for — planned dates, metric roles, the targeted segment, weights as launched, the plan and the
 * decision. Stored as JSON strings through a Web Storage–shaped object, so `localStorage` fits as it is; every
 * read is validated and anything unreadable is ignored.
 */
import * as z from "zod/mini";
import {
  type Experiment,
  experimentDecisionSchema,
  experimentMetricSchema,
  experimentPlanSchema,
  experimentSchema,
  experimentWeightsSchema,
  isoDateSchema,
} from "../experiment";
import { variationSchema } from "../flag";

/** `localStorage`, `sessionStorage`, or your own (synchronous or asynchronous) key–value store. */
export interface FlagsmithKitStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** A storage that lives as long as the page (the default). */
export function createFlagsmithMemoryStorage(): FlagsmithKitStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/** The kit's fields of a launched Flagsmith experiment. */
export const kitExtrasSchema = z.object({
  /** The draft it was launched from. */
  draftId: z.optional(z.string()),
  startDate: z.union([isoDateSchema, z.literal("")]),
  endDate: z.union([isoDateSchema, z.literal("")]),
  metrics: z.array(experimentMetricSchema),
  segmentId: z.nullable(z.string()),
  rolloutPercentage: z.number(),
  weights: experimentWeightsSchema,
  variations: z.array(variationSchema),
  plan: z.optional(experimentPlanSchema),
  decision: z.optional(experimentDecisionSchema),
  /** Saves of kit-only fields since launch (part of the revision). */
  edits: z._default(z.int(), 0),
});

export type KitExtras = z.infer<typeof kitExtrasSchema>;

const idListSchema = z.array(z.string());

export interface KitStore {
  draftIds(): Promise<string[]>;
  getDraft(id: string): Promise<Experiment | undefined>;
  putDraft(draft: Experiment): Promise<void>;
  removeDraft(id: string): Promise<void>;
  getExtras(flagsmithId: string): Promise<KitExtras | undefined>;
  putExtras(flagsmithId: string, extras: KitExtras): Promise<void>;
  /** The Flagsmith experiment a launch request (idempotency key) or a draft became. */
  getLaunched(by: "key" | "draft", id: string): Promise<string | undefined>;
  putLaunched(by: "key" | "draft", id: string, flagsmithId: string): Promise<void>;
}

function readJson<T>(text: string | null, schema: z.ZodMiniType<T>): T | undefined {
  if (text === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The kit's records for one environment, under keys prefixed `flagsmith-experimentation:<environment key>:`. */
export function createKitStore(storage: FlagsmithKitStorage, environmentKey: string): KitStore {
  const prefix = `flagsmith-experimentation:${environmentKey}:`;
  const get = async (key: string) => (await storage.getItem(prefix + key)) ?? null;
  const set = async (key: string, value: unknown) => {
    await storage.setItem(prefix + key, JSON.stringify(value));
  };
  const ids = async () => readJson(await get("drafts"), idListSchema) ?? [];
  return {
    draftIds: ids,
    async getDraft(id) {
      const draft = readJson(await get(`draft:${id}`), experimentSchema);
      return draft?.status === "draft" ? draft : undefined;
    },
    async putDraft(draft) {
      await set(`draft:${draft.id}`, draft);
      const known = await ids();
      if (!known.includes(draft.id)) await set("drafts", [...known, draft.id]);
    },
    async removeDraft(id) {
      await storage.removeItem(`${prefix}draft:${id}`);
      await set(
        "drafts",
        (await ids()).filter((known) => known !== id),
      );
    },
    getExtras: async (flagsmithId) => readJson(await get(`experiment:${flagsmithId}`), kitExtrasSchema),
    putExtras: (flagsmithId, extras) => set(`experiment:${flagsmithId}`, extras),
    getLaunched: async (by, id) => readJson(await get(`launched-${by}:${id}`), z.string()),
    putLaunched: (by, id, flagsmithId) => set(`launched-${by}:${id}`, flagsmithId),
  };
}
