/**
 * Response bodies shaped exactly as Flagsmith 2.265.0's serializers produce them: same fields, same order, same
 * types (Django REST framework renders datetimes as ISO 8601 with `Z`). Each function names the serializer it
 * imitates (file and class) so a reviewer can compare them field by field.
 */
import {
  type ReplayEnvironment,
  type ReplayExperiment,
  type ReplayFeature,
  type ReplayFeatureSegment,
  type ReplayFeatureState,
  type ReplayMetric,
  type ReplayOption,
  type ReplaySegment,
  type ReplayWorld,
  typedValue,
} from "./world";

/** `api/features/multivariate/serializers.py` `NestedMultivariateFeatureOptionSerializer`. */
export function multivariateOptionPayload(option: ReplayOption, allocation?: number) {
  return {
    id: option.id,
    uuid: option.uuid,
    type: option.value.type,
    integer_value: option.value.integer_value,
    string_value: option.value.string_value,
    boolean_value: option.value.boolean_value,
    default_percentage_allocation: allocation ?? option.default_percentage_allocation,
    key: option.key,
  };
}

/** `api/features/serializers.py` `FeatureStateSerializerSmall` (the `environment_feature_state` of a listed feature). */
export function featureStateSmallPayload(state: ReplayFeatureState) {
  return {
    id: state.id,
    feature_state_value: typedValue(state.value),
    environment: state.environment,
    identity: null,
    feature_segment: state.feature_segment,
    enabled: state.enabled,
  };
}

/**
 * `api/features/serializers.py` `ListFeatureSerializer` (= `FeatureSerializerWithMetadata` over
 * `CreateFeatureSerializer`), as `projects/{p}/features/` lists it. `lifecycle_stage` is skipped by DRF when the
 * organisation has no feature lifecycle (the attribute is not annotated), as here.
 */
export function listFeaturePayload(
  feature: ReplayFeature,
  context: { environmentState: ReplayFeatureState | null; numSegmentOverrides: number; environmentGiven: boolean },
) {
  return {
    id: feature.id,
    name: feature.name,
    type: feature.type,
    default_enabled: feature.default_enabled,
    initial_value: feature.initial_value,
    created_date: feature.created_date,
    description: feature.description,
    tags: [],
    multivariate_options: feature.multivariate_options.map((option) => multivariateOptionPayload(option)),
    is_archived: feature.is_archived,
    owners: [],
    group_owners: [],
    uuid: feature.uuid,
    project: feature.project,
    environment_feature_state: context.environmentState ? featureStateSmallPayload(context.environmentState) : null,
    segment_feature_state: null,
    num_segment_overrides: context.environmentGiven ? context.numSegmentOverrides : 0,
    num_identity_overrides: context.environmentGiven ? 0 : null,
    is_num_identity_overrides_complete: true,
    is_server_key_only: feature.is_server_key_only,
    last_modified_in_any_environment: null,
    last_modified_in_current_environment: null,
    metadata: [],
    code_references_counts: [],
  };
}

/** `api/segments/serializers.py` `SegmentSerializer`. */
export function segmentPayload(segment: ReplaySegment) {
  return {
    id: segment.id,
    uuid: segment.uuid,
    created_at: segment.created_at,
    updated_at: segment.updated_at,
    name: segment.name,
    description: segment.description,
    project: segment.project,
    feature: segment.feature,
    version_of: segment.id,
    rules: [
      {
        id: segment.id * 10,
        type: "ALL",
        rules: [
          {
            id: segment.id * 10 + 1,
            type: "ANY",
            conditions: [
              segment.rollout_percentage === undefined
                ? { id: segment.id * 10 + 2, operator: "EQUAL", property: "plan", value: "beta", description: null }
                : {
                    id: segment.id * 10 + 2,
                    operator: "PERCENTAGE_SPLIT",
                    property: "$.identity.key",
                    value: String(segment.rollout_percentage),
                    description: null,
                  },
            ],
          },
        ],
        conditions: [],
      },
    ],
    metadata: [],
    membership_counts: [],
    managed_by: "",
  };
}

/** `api/features/feature_segments/serializers.py` `FeatureSegmentListSerializer`. */
export function featureSegmentListPayload(featureSegment: ReplayFeatureSegment, segment: ReplaySegment) {
  return {
    id: featureSegment.id,
    uuid: featureSegment.uuid,
    segment: featureSegment.segment,
    priority: featureSegment.priority,
    environment: featureSegment.environment,
    segment_name: segment.name,
    is_feature_specific: segment.feature !== null,
  };
}

/**
 * `api/features/serializers.py` `CustomCreateSegmentOverrideFeatureStateSerializer` (flagsmith-common
 * `CreateSegmentOverrideFeatureStateSerializer`): what `create-segment-override/` answers.
 */
export function segmentOverrideFeatureStatePayload(state: ReplayFeatureState, featureSegment: ReplayFeatureSegment) {
  return {
    id: state.id,
    feature: state.feature,
    enabled: state.enabled,
    feature_state_value: {
      type: state.value.type,
      string_value: state.value.string_value,
      integer_value: state.value.integer_value,
      boolean_value: state.value.boolean_value,
    },
    feature_segment: {
      id: featureSegment.id,
      segment: featureSegment.segment,
      priority: featureSegment.priority,
      uuid: featureSegment.uuid,
    },
    deleted_at: null,
    uuid: state.uuid,
    created_at: state.created_at,
    updated_at: state.updated_at,
    live_from: state.created_at,
    environment: state.environment,
    identity: null,
    change_request: null,
    multivariate_feature_state_values: state.multivariate_feature_state_values.map((mv) => ({
      id: mv.id,
      multivariate_feature_option: mv.multivariate_feature_option,
      percentage_allocation: mv.percentage_allocation,
    })),
  };
}

/** `api/environments/serializers.py` `EnvironmentRetrieveSerializerWithMetadata` (`GET environments/{api_key}/`). */
export function environmentPayload(environment: ReplayEnvironment, totalSegmentOverrides: number) {
  return {
    id: environment.id,
    uuid: environment.uuid,
    name: environment.name,
    api_key: environment.api_key,
    description: null,
    project: environment.project,
    minimum_change_request_approvals: null,
    allow_client_traits: true,
    banner_text: null,
    banner_colour: null,
    hide_disabled_flags: null,
    use_mv_v2_evaluation: false,
    use_identity_composite_key_for_hashing: false,
    hide_sensitive_data: false,
    use_v2_feature_versioning: environment.use_v2_feature_versioning,
    use_identity_overrides_in_local_eval: false,
    is_creating: false,
    metadata: [],
    total_segment_overrides: totalSegmentOverrides,
  };
}

/** `api/experimentation/serializers.py` `MetricSerializer`. */
export function metricPayload(metric: ReplayMetric, world: ReplayWorld) {
  return {
    id: metric.id,
    name: metric.name,
    description: metric.description,
    aggregation: metric.aggregation,
    direction: metric.direction,
    definition: metric.definition,
    experiments: world.experiments
      .filter((experiment) => experiment.metrics.some((m) => m.metric === metric.id))
      .map((experiment) => ({ id: experiment.id, name: experiment.name, status: experiment.status })),
    created_at: metric.created_at,
    updated_at: metric.updated_at,
  };
}

/** `api/experimentation/serializers.py` `ExperimentSerializer` (create and update answers; write-only fields left out). */
export function experimentPayload(experiment: ReplayExperiment) {
  return {
    id: experiment.id,
    feature: experiment.feature,
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    status: experiment.status,
    created_at: experiment.created_at,
    updated_at: experiment.updated_at,
    started_at: experiment.started_at,
    ended_at: experiment.ended_at,
  };
}

/**
 * `api/experimentation/serializers.py` `ExperimentFeatureSerializer`: the feature with its options, whose
 * `default_percentage_allocation` is replaced by the environment default's allocation.
 */
export function experimentFeaturePayload(feature: ReplayFeature, environmentDefault: ReplayFeatureState | undefined) {
  const allocations = new Map(
    (environmentDefault?.multivariate_feature_state_values ?? []).map((mv) => [
      mv.multivariate_feature_option,
      mv.percentage_allocation,
    ]),
  );
  return {
    id: feature.id,
    name: feature.name,
    type: feature.type,
    initial_value: feature.initial_value,
    multivariate_options: feature.multivariate_options.map((option) =>
      multivariateOptionPayload(option, allocations.get(option.id)),
    ),
  };
}

/**
 * `api/experimentation/serializers.py` `ExperimentListSerializer` (list, start, pause, complete and rollout
 * answers): the feature nested, metrics as `ExperimentMetricSerializer`, `experiment_rollout` left out (write-only).
 */
export function experimentListPayload(
  experiment: ReplayExperiment,
  world: ReplayWorld,
  environmentDefault: ReplayFeatureState | undefined,
) {
  const feature = world.features.find((f) => f.id === experiment.feature);
  if (!feature) throw new Error(`replay world: experiment ${experiment.id} has no feature`);
  return {
    id: experiment.id,
    feature: experimentFeaturePayload(feature, environmentDefault),
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    status: experiment.status,
    metrics: experiment.metrics.map((attached) => {
      const metric = world.metrics.find((m) => m.id === attached.metric);
      return {
        id: attached.id,
        metric: attached.metric,
        metric_name: metric?.name ?? "",
        aggregation: metric?.aggregation ?? "mean",
        direction: metric?.direction ?? "up",
        expected_direction: attached.expected_direction,
        created_at: attached.created_at,
      };
    }),
    created_at: experiment.created_at,
    updated_at: experiment.updated_at,
    started_at: experiment.started_at,
    ended_at: experiment.ended_at,
  };
}

/**
 * `api/experimentation/serializers.py` `ExperimentDetailSerializer`: the list shape plus `experiment_rollout` from
 * `experimentation/services.py` `get_experiment_rollout` (`null` without a rollout segment), placed where
 * `Meta.fields` puts it.
 */
export function experimentDetailPayload(
  experiment: ReplayExperiment,
  world: ReplayWorld,
  environmentDefault: ReplayFeatureState | undefined,
  rollout: { segment: ReplaySegment; override: ReplayFeatureState } | null,
) {
  const { created_at, updated_at, started_at, ended_at, ...head } = experimentListPayload(
    experiment,
    world,
    environmentDefault,
  );
  return {
    ...head,
    experiment_rollout: rollout
      ? {
          enabled: rollout.override.enabled,
          rollout_percentage: rollout.segment.rollout_percentage ?? 0,
          feature_state_value: rolloutFeatureValue(rollout.override),
          multivariate_feature_state_values: rollout.override.multivariate_feature_state_values.map((mv) => ({
            multivariate_feature_option: mv.multivariate_feature_option,
            percentage_allocation: mv.percentage_allocation,
          })),
        }
      : null,
    created_at,
    updated_at,
    started_at,
    ended_at,
  };
}

/** `experimentation/services.py` `_serialize_feature_state_value`: the `(string, API type)` pair of a stored value. */
export function rolloutFeatureValue(state: ReplayFeatureState): {
  type: "string" | "integer" | "boolean";
  value: string;
} {
  const value = typedValue(state.value);
  if (value === null) return { type: "string", value: "" };
  if (state.value.type === "bool") return { type: "boolean", value: String(value).toLowerCase() };
  if (state.value.type === "int") return { type: "integer", value: String(value) };
  return { type: "string", value: String(value) };
}

/** `api/features/versioning/serializers.py` `EnvironmentFeatureVersionCreateSerializer` (write-only fields left out). */
export function environmentFeatureVersionPayload(version: {
  uuid: string;
  created_at: string;
  published: boolean;
  live_from: string | null;
}) {
  return {
    created_at: version.created_at,
    updated_at: version.created_at,
    published: version.published,
    live_from: version.live_from,
    uuid: version.uuid,
    is_live: version.published,
    published_by: null,
    created_by: null,
    description: null,
  };
}

/**
 * `api/app/pagination.py` `CustomPagination` / DRF `PageNumberPagination`: `{count, next, previous, results}`,
 * `next` and `previous` absolute URLs built from the request (`request.build_absolute_uri()`).
 */
export function pagePayload<T>(results: T[], count: number, next: string | null, previous: string | null) {
  return { count, next, previous, results };
}
