/**
 * Flags from Flagsmith: features with their state in the adapters' environment, read the way Flagsmith's own
 * dashboard reads them (`projects/{p}/features/?environment=<id>`, typed values and `enabled` in one listing).
 */
import { AdapterError } from "../adapter-error";
import { CONTROL_VARIATION_KEY, type Flag, type UnkeyedOption, VARIATION_KEY_PATTERN, type Variation } from "../flag";
import type { FlagsAdapter } from "../host-adapters";
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { activeExperimentsByFeature } from "./experiments-api";
import { type FeaturePayload, featurePayload } from "./payload-schemas";
import { optionValue } from "./values";

/** Whether an option key can be a variation key: a slug (`Variant_1`), never the reserved `control`. */
export function isUsableOptionKey(key: string | null | undefined): key is string {
  return typeof key === "string" && VARIATION_KEY_PATTERN.test(key) && key !== CONTROL_VARIATION_KEY;
}

/**
 * A Flagsmith feature as a kit flag. The control is the feature's value in the environment (typed), each option
 * with a key one variation keyed by it verbatim — the variant SDKs report in exposures. Options without a key
 * are listed in `unkeyedOptions`: no SDK ever records an exposure for them, so the flag is not eligible until
 * each has a key.
 */
export function flagFromFlagsmithFeature(feature: FeaturePayload, activeExperimentId?: string): Flag {
  const state = feature.environment_feature_state ?? null;
  const controlValue = state ? (state.feature_state_value ?? null) : (feature.initial_value ?? null);
  const variations: Variation[] = [
    { key: CONTROL_VARIATION_KEY, name: "Control", value: controlValue, isControl: true },
  ];
  const unkeyedOptions: UnkeyedOption[] = [];
  const seen = new Set<string>([CONTROL_VARIATION_KEY]);
  for (const option of [...feature.multivariate_options].sort((a, b) => a.id - b.id)) {
    const value = optionValue(option);
    if (isUsableOptionKey(option.key) && !seen.has(option.key)) {
      seen.add(option.key);
      variations.push({ key: option.key, name: option.key, value, isControl: false });
    } else {
      const text = value === null || value === "" ? `Option ${option.id}` : String(value);
      unkeyedOptions.push({ name: option.key ? `${text} (key “${option.key}”)` : text, value });
    }
  }
  return {
    id: String(feature.id),
    name: feature.name,
    ...(feature.description ? { description: feature.description } : {}),
    type: feature.type.toUpperCase() === "MULTIVARIATE" ? "multivariate" : "standard",
    controlValue,
    variations,
    enabled: state ? state.enabled : (feature.default_enabled ?? true),
    ...(activeExperimentId ? { activeExperimentId } : {}),
    ...(unkeyedOptions.length > 0 ? { unkeyedOptions } : {}),
  };
}

export function createFlagsmithFlags(
  client: FlagsmithClient,
  environment: (operation: string) => Promise<FlagsmithEnvironment>,
): FlagsAdapter {
  return {
    async listFlags(q = {}) {
      const operation = "flags.listFlags";
      const env = await environment(operation);
      const search = q.search?.trim() || undefined;
      const [features, active] = await Promise.all([
        client.list(
          `projects/${env.projectId}/features/`,
          { environment: env.id, is_archived: false, search },
          featurePayload,
          operation,
        ),
        activeExperimentsByFeature(client, env, operation),
      ]);
      const needle = search?.toLowerCase() ?? "";
      return features
        .filter((feature) => feature.name.toLowerCase().includes(needle))
        .map((feature) => flagFromFlagsmithFeature(feature, active.get(String(feature.id))?.id));
    },

    async getFlag(id) {
      const operation = "flags.getFlag";
      if (!/^\d+$/.test(id)) {
        throw new AdapterError("not-found", `There is no Flagsmith feature with the id “${id}”.`, { operation });
      }
      const env = await environment(operation);
      const [feature, active] = await Promise.all([
        client.get(`projects/${env.projectId}/features/${id}/`, { environment: env.id }, featurePayload, operation),
        activeExperimentsByFeature(client, env, operation),
      ]);
      return flagFromFlagsmithFeature(feature, active.get(String(feature.id))?.id);
    },
  };
}
