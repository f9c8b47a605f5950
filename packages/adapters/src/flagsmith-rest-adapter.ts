import * as z from "zod";
import { AdapterError, type AdapterErrorKind } from "./adapter-error";
import { CONTROL_VARIATION_KEY, type Flag, type FlagValue, VARIATION_KEY_PATTERN, type Variation } from "./flag";
import type { FlagsAdapter, SegmentsAdapter } from "./host-adapters";
import type { Segment, SegmentOverride } from "./segment";

/** Flagsmith Admin API shapes (only the fields the kit reads; extra fields are ignored). */
const flagsmithValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

const multivariateOptionSchema = z.object({
  id: z.number().int(),
  type: z.string().optional(),
  string_value: z.string().nullable().optional(),
  integer_value: z.number().nullable().optional(),
  boolean_value: z.boolean().nullable().optional(),
  default_percentage_allocation: z.number().min(0).max(100),
  key: z.string().nullable().optional(),
});

const featureSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  description: z.string().nullable().optional(),
  type: z.string().optional(),
  initial_value: flagsmithValueSchema,
  multivariate_options: z.array(multivariateOptionSchema).default([]),
});

const segmentSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  description: z.string().nullable().optional(),
});

const featureSegmentSchema = z.object({
  id: z.number().int(),
  segment: z.number().int(),
  priority: z.number().int().nullable().optional(),
});

const featureStateSchema = z.object({
  id: z.number().int(),
  feature: z.number().int(),
  feature_state_value: flagsmithValueSchema,
  feature_segment: z
    .union([z.number(), z.object({ segment: z.number() }).loose()])
    .nullable()
    .optional(),
  identity: z.unknown().optional(),
  multivariate_feature_state_values: z
    .array(
      z.object({ multivariate_feature_option: z.number().int(), percentage_allocation: z.number().min(0).max(100) }),
    )
    .default([]),
});

const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ next: z.string().nullable().optional(), results: z.array(item) });

export type FlagsmithFeature = z.infer<typeof featureSchema>;
export type FlagsmithMultivariateOption = z.infer<typeof multivariateOptionSchema>;

export interface FlagsmithAdaptersOptions {
  /** Organisation API key (Flagsmith → Organisation settings → API keys), sent as `Authorization: Api-Key …`. */
  apiKey: string;
  projectId: string | number;
  /** Numeric id of the environment whose segment overrides count. */
  environmentId: string | number;
  /** The environment's client key: when given, the control value is the flag's value in that environment. */
  environmentKey?: string;
  /** Default `https://api.flagsmith.com/api/v1/` (self-hosted: `https://flagsmith.example.com/api/v1/`). */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Page size asked of the API. Default 100. */
  pageSize?: number;
  /** Milliseconds per request before failing with `timeout`. Default 15 000. */
  timeoutMs?: number;
}

function kindForStatus(status: number): AdapterErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 409 || status === 412) return "conflict";
  return "network";
}

const messages: Partial<Record<AdapterErrorKind, string>> = {
  unauthorized: "Flagsmith refused the API key. Check that it is an organisation API key with access to this project.",
  network: "We could not reach Flagsmith. Check the connection and try again.",
  "invalid-response": "Flagsmith answered with data in a shape we do not understand.",
};

function optionValue(option: FlagsmithMultivariateOption): FlagValue {
  switch (option.type) {
    case "int":
      return option.integer_value ?? null;
    case "bool":
      return option.boolean_value ?? null;
    default:
      return option.string_value ?? option.integer_value ?? option.boolean_value ?? null;
  }
}

/** The variation key of a multivariate option: its `key` when it is a slug, else `option-<id>` (stable across edits). */
export function flagsmithVariationKey(option: Pick<FlagsmithMultivariateOption, "id" | "key">): string {
  const key = option.key?.trim();
  return key && VARIATION_KEY_PATTERN.test(key) && key !== CONTROL_VARIATION_KEY ? key : `option-${option.id}`;
}

/**
 * Maps a Flagsmith feature to the domain model: the control is the feature's own value (in the environment when
 * known), every multivariate option one variation. Options' default allocations are not weights of an experiment:
 * the experiment sets its own split.
 */
export function flagFromFlagsmithFeature(feature: FlagsmithFeature, environmentValue?: FlagValue): Flag {
  const controlValue = environmentValue !== undefined ? environmentValue : (feature.initial_value ?? null);
  const control: Variation = { key: CONTROL_VARIATION_KEY, name: "Control", value: controlValue, isControl: true };
  const seen = new Set<string>([CONTROL_VARIATION_KEY]);
  const variations = feature.multivariate_options.map((option): Variation => {
    let key = flagsmithVariationKey(option);
    if (seen.has(key)) key = `option-${option.id}`;
    seen.add(key);
    const value = optionValue(option);
    return {
      key,
      name: option.key?.trim() || (value === null ? `Option ${option.id}` : String(value)),
      value,
      isControl: false,
    };
  });
  const multivariate = feature.type ? feature.type.toUpperCase() === "MULTIVARIATE" : variations.length > 0;
  return {
    id: String(feature.id),
    name: feature.name,
    ...(feature.description ? { description: feature.description } : {}),
    type: multivariate || variations.length > 0 ? "multivariate" : "standard",
    enabled: true,
    controlValue,
    variations: [control, ...variations],
  };
}

/**
 * Flags, segments and segment overrides from the Flagsmith Admin API (API-key auth, paginated via `next`).
 * Every response is validated; failures are `AdapterError`s with a readable message.
 */
export function createFlagsmithAdapters(options: FlagsmithAdaptersOptions): {
  flags: FlagsAdapter;
  segments: SegmentsAdapter;
} {
  const base = new URL(options.baseUrl ?? "https://api.flagsmith.com/api/v1/");
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const doFetch = options.fetch ?? globalThis.fetch;
  const pageSize = options.pageSize ?? 100;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const project = encodeURIComponent(String(options.projectId));

  const request = async (url: URL, operation: string): Promise<unknown> => {
    if (url.origin !== base.origin) {
      throw new AdapterError(
        "invalid-response",
        "Flagsmith pointed to another server; the API key was not sent there.",
        {
          operation,
        },
      );
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Authorization: `Api-Key ${options.apiKey}`, Accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new AdapterError(timedOut ? "timeout" : "network", timedOut ? undefined : messages.network, {
        cause: error,
        operation,
      });
    }
    if (!response.ok) {
      const kind = kindForStatus(response.status);
      throw new AdapterError(kind, messages[kind], {
        cause: { status: response.status, body: await response.text().catch(() => "") },
        operation,
      });
    }
    try {
      return await response.json();
    } catch (error) {
      throw new AdapterError("invalid-response", messages["invalid-response"], { cause: error, operation });
    }
  };

  const parse = <T>(schema: z.ZodType<T>, data: unknown, operation: string): T => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new AdapterError("invalid-response", messages["invalid-response"], {
        cause: parsed.error,
        operation,
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      });
    }
    return parsed.data;
  };

  /** Every page of a list endpoint, following `next` (bounded, same server only). */
  const listAll = async <T extends z.ZodType>(
    path: string,
    query: Record<string, string>,
    item: T,
    operation: string,
  ) => {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries({ page_size: String(pageSize), ...query }))
      url.searchParams.set(key, value);
    const items: z.infer<T>[] = [];
    let next: URL | null = url;
    for (let page = 0; next && page < 1000; page++) {
      const data: { next?: string | null | undefined; results: z.infer<T>[] } = parse(
        pageSchema(item),
        await request(next, operation),
        operation,
      );
      items.push(...data.results);
      next = data.next ? new URL(data.next, base) : null;
    }
    return items;
  };

  const environmentValues = async (operation: string, featureId?: string): Promise<Map<number, FlagValue>> => {
    const values = new Map<number, FlagValue>();
    if (!options.environmentKey) return values;
    const states = await listAll(
      `environments/${encodeURIComponent(options.environmentKey)}/featurestates/`,
      featureId ? { feature: featureId } : {},
      featureStateSchema,
      operation,
    );
    for (const state of states) {
      if (state.feature_segment == null && state.identity == null) {
        values.set(state.feature, state.feature_state_value ?? null);
      }
    }
    return values;
  };

  const flags: FlagsAdapter = {
    async listFlags(q = {}) {
      const search = q.search?.trim() ?? "";
      const [features, values] = await Promise.all([
        listAll(`projects/${project}/features/`, search ? { search } : {}, featureSchema, "flags.listFlags"),
        environmentValues("flags.listFlags"),
      ]);
      const needle = search.toLowerCase();
      return features
        .filter((feature) => feature.name.toLowerCase().includes(needle))
        .map((feature) => flagFromFlagsmithFeature(feature, values.get(feature.id)));
    },
    async getFlag(id) {
      if (!/^\d+$/.test(id)) {
        throw new AdapterError("not-found", `There is no Flagsmith feature with the id “${id}”.`, {
          operation: "flags.getFlag",
        });
      }
      const [data, values] = await Promise.all([
        request(new URL(`projects/${project}/features/${id}/`, base), "flags.getFlag"),
        environmentValues("flags.getFlag", id),
      ]);
      const feature = parse(featureSchema, data, "flags.getFlag");
      return flagFromFlagsmithFeature(feature, values.get(feature.id));
    },
  };

  const segments: SegmentsAdapter = {
    async listSegments() {
      const items = await listAll(`projects/${project}/segments/`, {}, segmentSchema, "segments.listSegments");
      return items.map(
        (s): Segment => ({ id: String(s.id), name: s.name, ...(s.description ? { description: s.description } : {}) }),
      );
    },
    async listOverrides(flagId) {
      const items = await listAll(
        "features/feature-segments/",
        { environment: String(options.environmentId), feature: flagId },
        featureSegmentSchema,
        "segments.listOverrides",
      );
      const ordered = [...items].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
      return ordered.map((fs): SegmentOverride => ({ flagId, segmentId: String(fs.segment) }));
    },
  };

  return { flags, segments };
}
