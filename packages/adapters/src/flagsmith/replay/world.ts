/**
 * The state a replayed Flagsmith serves: the rows of Flagsmith's own models that the Admin API reads and writes
 * for experiments (Flagsmith 2.265.0, `api/*\/models.py`). Field names follow the models so that shaping a
 * payload (`payloads.ts`) reads like the serializer it imitates.
 */

/** `features.value_types`: `int`, `unicode`, `bool`; `null` is allowed by the column and read as a string. */
export type ReplayValueType = "unicode" | "int" | "bool" | null;

/** `features.feature_states.models.AbstractBaseFeatureValueModel` (FeatureStateValue, MultivariateFeatureOption). */
export interface ReplayValue {
  type: ReplayValueType;
  string_value: string | null;
  integer_value: number | null;
  boolean_value: boolean | null;
}

/** `features.multivariate.models.MultivariateFeatureOption`. `key` is a nullable slug. */
export interface ReplayOption {
  id: number;
  uuid: string;
  key: string | null;
  value: ReplayValue;
  default_percentage_allocation: number;
}

/** `features.models.Feature`. `initial_value` is a CharField: every value is stored as text. */
export interface ReplayFeature {
  id: number;
  uuid: string;
  project: number;
  name: string;
  type: "STANDARD" | "MULTIVARIATE";
  default_enabled: boolean;
  initial_value: string | null;
  description: string | null;
  is_archived: boolean;
  is_server_key_only: boolean;
  created_date: string;
  multivariate_options: ReplayOption[];
}

/** `features.multivariate.models.MultivariateFeatureStateValue`. */
export interface ReplayMultivariateValue {
  id: number;
  multivariate_feature_option: number;
  percentage_allocation: number;
}

/**
 * `features.models.FeatureState` without identities. `feature_segment` null = the environment default.
 * `version` is the EnvironmentFeatureVersion it belongs to (v2 versioning) or null (v1).
 */
export interface ReplayFeatureState {
  id: number;
  uuid: string;
  feature: number;
  environment: number;
  feature_segment: number | null;
  enabled: boolean;
  value: ReplayValue;
  multivariate_feature_state_values: ReplayMultivariateValue[];
  version: number | null;
  created_at: string;
  updated_at: string;
}

/** `features.models.FeatureSegment`: the link of a segment override. Under v2 versioning each version has its own. */
export interface ReplayFeatureSegment {
  id: number;
  uuid: string;
  feature: number;
  segment: number;
  environment: number;
  priority: number;
  version: number | null;
}

/** `segments.models.Segment`. `feature` set = a feature-specific segment; `is_system_segment` = hidden. */
export interface ReplaySegment {
  id: number;
  uuid: string;
  project: number;
  name: string;
  description: string | null;
  feature: number | null;
  is_system_segment: boolean;
  /** The `PERCENTAGE_SPLIT` of an experiment's rollout segment (`experimentation.services._rollout_segment_rules`). */
  rollout_percentage?: number;
  created_at: string;
  updated_at: string;
}

/** `environments.models.Environment`. `api_key` is the client-side environment key the `environments/{key}/` URLs use. */
export interface ReplayEnvironment {
  id: number;
  uuid: string;
  project: number;
  name: string;
  api_key: string;
  use_v2_feature_versioning: boolean;
  /** v2 only: the live EnvironmentFeatureVersion per feature id. */
  live_versions: Record<number, number>;
}

/** `experimentation.models.MetricAggregation` / `MetricDirection` / `ExpectedDirection`. */
export type ReplayAggregation = "count" | "sum" | "mean" | "occurrence";
export type ReplayMetricDirection = "up" | "down" | "informational";
export type ReplayExpectedDirection = "increase" | "decrease" | "not_increase" | "not_decrease";

/** `experimentation.models.Metric`. `definition` is versioned JSON (`metric_definitions.py`; v1 = `{version, event}`). */
export interface ReplayMetric {
  id: number;
  environment: number;
  name: string;
  description: string;
  aggregation: ReplayAggregation;
  direction: ReplayMetricDirection;
  definition: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** `experimentation.models.ExperimentMetric`. */
export interface ReplayExperimentMetric {
  id: number;
  metric: number;
  expected_direction: ReplayExpectedDirection;
  created_at: string;
}

/** `experimentation.models.ExperimentStatus`. */
export type ReplayExperimentStatus = "created" | "running" | "paused" | "completed";

/** `experimentation.models.Experiment`. `rollout_segment` is the system segment `experiment-{id}-rollout`. */
export interface ReplayExperiment {
  id: number;
  environment: number;
  feature: number;
  name: string;
  hypothesis: string;
  status: ReplayExperimentStatus;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  ended_at: string | null;
  rollout_segment: number | null;
  metrics: ReplayExperimentMetric[];
}

/** Who may call the replayed API: organisation API keys (`Api-Key …`) and user tokens (`Token …`). */
export interface ReplayCredentials {
  apiKeys: string[];
  tokens: string[];
}

export interface ReplayWorld {
  credentials: ReplayCredentials;
  /** Organisations whose experimentation flag is off: their environments' experiment URLs answer 403. */
  experimentationDisabledProjects: number[];
  environments: ReplayEnvironment[];
  features: ReplayFeature[];
  featureStates: ReplayFeatureState[];
  featureSegments: ReplayFeatureSegment[];
  segments: ReplaySegment[];
  metrics: ReplayMetric[];
  experiments: ReplayExperiment[];
  /** The replay's clock (ISO date-time); every write moves it on by one second. */
  now: string;
  /** The next primary key handed out by a write. */
  nextId: number;
}

/** A value as Flagsmith stores it, from the typed value an API client sees. */
export function replayValue(value: string | number | boolean | null, type?: ReplayValueType): ReplayValue {
  if (typeof value === "boolean")
    return { type: "bool", string_value: null, integer_value: null, boolean_value: value };
  if (typeof value === "number") return { type: "int", string_value: null, integer_value: value, boolean_value: null };
  return { type: type === undefined ? "unicode" : type, string_value: value, integer_value: null, boolean_value: null };
}

/** `AbstractBaseFeatureValueModel.value`: the typed value by `type`, the string value for any other type. */
export function typedValue(value: ReplayValue): string | number | boolean | null {
  switch (value.type) {
    case "int":
      return value.integer_value;
    case "bool":
      return value.boolean_value;
    default:
      return value.string_value;
  }
}

/** Deep copy, so that a replay never mutates the fixtures it was given. */
export function cloneWorld(world: ReplayWorld): ReplayWorld {
  return structuredClone(world);
}
