/** Flag values between the kit (typed `FlagValue`) and the shapes Flagsmith's API reads and writes. */
import type { FlagValue } from "../flag";
import type { MultivariateOptionPayload } from "./payload-schemas";

/**
 * An option's value as `AbstractBaseFeatureValueModel.value` reads it: by `type` (`int`, `bool`), and the string
 * value for `unicode`, for `null` and for any type Flagsmith may add later.
 */
export function optionValue(option: MultivariateOptionPayload): FlagValue {
  switch (option.type) {
    case "int":
      return option.integer_value ?? null;
    case "bool":
      return option.boolean_value ?? null;
    default:
      return option.string_value ?? null;
  }
}

/** `FeatureValueSerializer` (`{type, value}` with the value as text), as Flagsmith's experiment wizard sends it. */
export function rolloutValue(value: FlagValue): { type: "integer" | "string" | "boolean"; value: string } {
  if (typeof value === "boolean") return { type: "boolean", value: value ? "true" : "false" };
  if (typeof value === "number" && Number.isInteger(value)) return { type: "integer", value: String(value) };
  return { type: "string", value: value === null ? "" : String(value) };
}

/** The typed value of a `FeatureValueSerializer` pair (what `get_experiment_rollout` answers). */
export function fromRolloutValue(pair: { type: string; value: string }): FlagValue {
  if (pair.type === "integer" && /^[-+]?\d+$/.test(pair.value.trim())) return Number.parseInt(pair.value, 10);
  if (pair.type === "boolean") return pair.value.toLowerCase() === "true";
  return pair.value;
}

/** flagsmith-common `FeatureStateValueSerializer`, as the dashboard's `Utils.valueToFeatureState` fills it. */
export function featureStateValue(value: FlagValue): {
  type: "unicode" | "int" | "bool";
  string_value: string | null;
  integer_value: number | null;
  boolean_value: boolean | null;
} {
  if (typeof value === "boolean") {
    return { type: "bool", string_value: null, integer_value: null, boolean_value: value };
  }
  if (typeof value === "number" && Number.isInteger(value)) {
    return { type: "int", string_value: null, integer_value: value, boolean_value: null };
  }
  return {
    type: "unicode",
    string_value: value === null || value === "" ? null : String(value),
    integer_value: null,
    boolean_value: null,
  };
}
