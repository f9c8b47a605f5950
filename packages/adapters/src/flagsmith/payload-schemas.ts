/**
 * What the Flagsmith adapters read from Flagsmith's Admin API (release 2.265.0): only the fields the kit uses,
 * each schema named after the serializer that produces it. Extra fields are ignored, so newer Flagsmith releases
 * that add fields keep working; a field of the wrong type fails at the boundary with `invalid-response`.
 */
import * as z from "zod/mini";

const id = z.int();
const dateTime = z.string();
/** A typed flag value as `FeatureState.get_feature_state_value` returns it. */
const typedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * `features/multivariate/serializers.py` `NestedMultivariateFeatureOptionSerializer`. `type` is nullable in the
 * model (then the value is the string value) and unknown types must not fail a whole list.
 */
export const multivariateOptionPayload = z.object({
  id,
  type: z.optional(z.nullable(z.string())),
  integer_value: z.optional(z.nullable(z.number())),
  string_value: z.optional(z.nullable(z.string())),
  boolean_value: z.optional(z.nullable(z.boolean())),
  default_percentage_allocation: z.number().check(z.gte(0), z.lte(100)),
  key: z.optional(z.nullable(z.string())),
});

/** `features/serializers.py` `FeatureStateSerializerSmall`: a feature's state in the environment asked for. */
export const environmentFeatureStatePayload = z.object({
  id,
  feature_state_value: z.optional(typedValue),
  enabled: z.boolean(),
});

/** `features/serializers.py` `ListFeatureSerializer` (list and retrieve of `projects/{p}/features/`). */
export const featurePayload = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  type: z.string(),
  default_enabled: z.optional(z.boolean()),
  initial_value: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  is_archived: z.optional(z.boolean()),
  multivariate_options: z._default(z.array(multivariateOptionPayload), []),
  environment_feature_state: z.optional(z.nullable(environmentFeatureStatePayload)),
});

/** `environments/serializers.py` `EnvironmentRetrieveSerializerWithMetadata`. */
export const environmentPayload = z.object({
  id,
  name: z.string(),
  api_key: z.string(),
  project: id,
  use_v2_feature_versioning: z.boolean(),
});

/** `segments/serializers.py` `SegmentSerializer`. `feature` set = feature-specific. */
export const segmentPayload = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.nullable(z.string())),
  feature: z.optional(z.nullable(id)),
});

/** `features/feature_segments/serializers.py` `FeatureSegmentListSerializer`. */
export const featureSegmentPayload = z.object({
  id,
  segment: id,
  priority: z.optional(z.nullable(z.int())),
  segment_name: z.string(),
  is_feature_specific: z.optional(z.boolean()),
});

/** `experimentation/serializers.py` `MetricSerializer`; `definition` is versioned JSON (v1: `{version, event}`). */
export const metricPayload = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.nullable(z.string())),
  aggregation: z.string(),
  direction: z.string(),
  definition: z.looseObject({ version: z.optional(z.unknown()), event: z.optional(z.unknown()) }),
});

/** `experimentation/models.py` `ExperimentStatus`. */
export const experimentStatusPayload = z.enum(["created", "running", "paused", "completed"]);

/** `experimentation/serializers.py` `ExperimentMetricSerializer`. */
export const experimentMetricPayload = z.object({
  id,
  metric: id,
  metric_name: z.optional(z.string()),
  aggregation: z.optional(z.string()),
  direction: z.optional(z.string()),
  expected_direction: z.string(),
});

/** `experimentation/serializers.py` `ExperimentFeatureSerializer`. */
export const experimentFeaturePayload = z.object({
  id,
  name: z.string(),
  type: z.optional(z.string()),
  initial_value: z.optional(z.nullable(z.string())),
  multivariate_options: z._default(z.array(multivariateOptionPayload), []),
});

/** `experimentation/services.py` `get_experiment_rollout` (in `ExperimentDetailSerializer`). */
export const experimentRolloutPayload = z.object({
  enabled: z.boolean(),
  rollout_percentage: z.number(),
  feature_state_value: z.object({ type: z.string(), value: z.string() }),
  multivariate_feature_state_values: z.array(
    z.object({ multivariate_feature_option: id, percentage_allocation: z.number() }),
  ),
});

/**
 * `experimentation/serializers.py` `ExperimentListSerializer` (list, start, pause, complete, rollout) and
 * `ExperimentDetailSerializer` (retrieve, adds `experiment_rollout`).
 */
export const experimentPayload = z.object({
  id,
  feature: experimentFeaturePayload,
  name: z.string(),
  hypothesis: z.string(),
  status: experimentStatusPayload,
  metrics: z._default(z.array(experimentMetricPayload), []),
  experiment_rollout: z.optional(z.nullable(experimentRolloutPayload)),
  created_at: dateTime,
  updated_at: dateTime,
  started_at: z.optional(z.nullable(dateTime)),
  ended_at: z.optional(z.nullable(dateTime)),
});

/** `experimentation/serializers.py` `ExperimentSerializer` (what create and update answer: `feature` is an id). */
export const createdExperimentPayload = z.object({
  id,
  feature: id,
  name: z.string(),
  status: experimentStatusPayload,
  updated_at: dateTime,
});

/** DRF page-number pagination (`app/pagination.py` `CustomPagination`, or DRF's default `PageNumberPagination`). */
export const pagePayload = <T extends z.ZodMiniType>(item: T) =>
  z.object({ next: z.optional(z.nullable(z.string())), results: z.array(item) });

export type FeaturePayload = z.infer<typeof featurePayload>;
export type MultivariateOptionPayload = z.infer<typeof multivariateOptionPayload>;
export type EnvironmentPayload = z.infer<typeof environmentPayload>;
export type SegmentPayload = z.infer<typeof segmentPayload>;
export type FeatureSegmentPayload = z.infer<typeof featureSegmentPayload>;
export type MetricPayload = z.infer<typeof metricPayload>;
export type ExperimentPayload = z.infer<typeof experimentPayload>;
export type ExperimentRolloutPayload = z.infer<typeof experimentRolloutPayload>;
