/**
 * Experiment writes as `api/experimentation/views.py` `ExperimentViewSet` and `services.py` perform them:
 * create (with inline metrics and an optional rollout), name/hypothesis updates, the rollout endpoint, status
 * transitions and deletion.
 */
import {
  booleanField,
  charField,
  choiceField,
  type Errors,
  floatField,
  integerField,
  nestedField,
  nestedListField,
  primaryKeyField,
} from "./fields";
import { detail, isRecord, json, notADictionary } from "./http";
import { experimentListPayload, experimentPayload } from "./payloads";
import {
  applyFlagChange,
  environmentDefault,
  liveFeatureSegments,
  nextId,
  overrideState,
  tick,
  uuidFor,
} from "./state";
import {
  type ReplayEnvironment,
  type ReplayExperiment,
  type ReplayExperimentStatus,
  type ReplayValue,
  type ReplayWorld,
  replayValue,
} from "./world";

const EXPECTED_DIRECTIONS = ["increase", "decrease", "not_increase", "not_decrease"] as const;

/** `experimentation/models.py` `VALID_STATUS_TRANSITIONS`. */
const VALID_TRANSITIONS: Record<ReplayExperimentStatus, ReplayExperimentStatus[]> = {
  created: ["running"],
  running: ["paused", "completed"],
  paused: ["running", "completed"],
  completed: [],
};

interface RolloutSpec {
  enabled: boolean;
  rollout_percentage: number;
  value: ReplayValue;
  multivariate: { option: number; percentage: number }[];
}

/** `features/feature_states/serializers.py` `FeatureValueSerializer` → the stored value. */
function parseFeatureValue(data: Record<string, unknown>, errors: Errors): ReplayValue | undefined {
  const type = choiceField(data, "type", ["integer", "string", "boolean"] as const, errors);
  const value = charField(data, "value", errors, { allowBlank: true });
  if (type === undefined || value === undefined) return undefined;
  const raw = typeof data.value === "string" ? data.value : String(data.value);
  if (type === "integer") {
    if (!/^\s*[-+]?\d+\s*$/.test(raw)) {
      errors.non_field_errors = [`'${raw}' is not a valid integer`];
      return undefined;
    }
    return replayValue(Number.parseInt(raw, 10));
  }
  if (type === "boolean") {
    if (!["true", "false"].includes(raw.toLowerCase())) {
      errors.non_field_errors = [`'${raw}' is not a valid boolean (use 'true' or 'false')`];
      return undefined;
    }
    return replayValue(raw.toLowerCase() === "true");
  }
  return replayValue(raw);
}

/** `experimentation/serializers.py` `ExperimentRolloutSerializer`. */
function parseRollout(data: Record<string, unknown>, errors: Errors): RolloutSpec | undefined {
  const enabled = booleanField(data, "enabled", errors);
  const rollout = floatField(data, "rollout_percentage", errors, { min: 0, max: 100 });
  const value = nestedField(data, "feature_state_value", parseFeatureValue, errors);
  const multivariate =
    nestedListField(
      data,
      "multivariate_feature_state_values",
      (item, itemErrors) => {
        const option = integerField(item, "multivariate_feature_option", itemErrors);
        const percentage = floatField(item, "percentage_allocation", itemErrors, { min: 0, max: 100 });
        return option === undefined || percentage === undefined ? undefined : { option, percentage };
      },
      errors,
      { required: false },
    ) ?? [];
  if (enabled === undefined || rollout === undefined || value === undefined) return undefined;
  return { enabled, rollout_percentage: rollout, value, multivariate };
}

/** `experimentation/services.py` `validate_rollout_spec` (raised outside a serializer: the body is a list). */
function rolloutProblem(world: ReplayWorld, featureId: number, spec: RolloutSpec): string | undefined {
  const ids = spec.multivariate.map((mv) => mv.option);
  if (new Set(ids).size !== ids.length) return "Multivariate options must be unique";
  const feature = world.features.find((f) => f.id === featureId);
  const valid = new Set(feature?.multivariate_options.map((o) => o.id) ?? []);
  const invalid = [...new Set(ids.filter((id) => !valid.has(id)))].sort((a, b) => a - b);
  if (invalid.length > 0) return `Multivariate options [${invalid.join(", ")}] do not belong to the feature`;
  const total = spec.multivariate.reduce((sum, mv) => sum + mv.percentage, 0);
  if (total > 100) return `Multivariate allocations must not exceed 100%, got ${total}%.`;
  return undefined;
}

function isActive(experiment: ReplayExperiment): boolean {
  return experiment.status !== "completed";
}

/**
 * `experimentation/services.py` `apply_experiment_rollout`: the system segment `experiment-{id}-rollout` (a
 * `PERCENTAGE_SPLIT` of identities), on the first rollout every option of the environment default set to 0%
 * (identities outside the rollout get control), and the rollout segment's override carrying the split.
 */
function applyRollout(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  experiment: ReplayExperiment,
  spec: RolloutSpec,
) {
  const now = tick(world);
  const feature = world.features.find((f) => f.id === experiment.feature);
  let segment = world.segments.find((s) => s.id === experiment.rollout_segment);
  const first = segment === undefined;
  if (segment) {
    segment.rollout_percentage = spec.rollout_percentage;
    segment.updated_at = now;
  } else {
    const id = nextId(world);
    segment = {
      id,
      uuid: uuidFor(id),
      project: environment.project,
      name: `experiment-${experiment.id}-rollout`,
      description: null,
      feature: null,
      is_system_segment: true,
      rollout_percentage: spec.rollout_percentage,
      created_at: now,
      updated_at: now,
    };
    world.segments.push(segment);
    experiment.rollout_segment = id;
  }
  if (first) {
    applyFlagChange(world, environment, experiment.feature, {
      defaultAllocations: (feature?.multivariate_options ?? []).map((o) => ({ option: o.id, percentage: 0 })),
    });
  }
  const exists = liveFeatureSegments(world, environment, experiment.feature).some((fs) => fs.segment === segment.id);
  const override = {
    segment: segment.id,
    enabled: spec.enabled,
    value: spec.value,
    multivariate: spec.multivariate,
  };
  // Under v2 an existing rollout override is changed in place (`_update_rollout_in_place`), not versioned.
  applyFlagChange(
    world,
    environment,
    experiment.feature,
    exists ? { updateOverrides: [override] } : { createOverrides: [override] },
    { newVersion: !(exists && environment.use_v2_feature_versioning) },
  );
}

export function createExperiment(world: ReplayWorld, environment: ReplayEnvironment, body: unknown): Response {
  if (!isRecord(body)) return notADictionary(body);
  const errors: Errors = {};
  const featureId = primaryKeyField(body, "feature", (id) => world.features.some((f) => f.id === id), errors);
  const name = charField(body, "name", errors, { maxLength: 255 });
  const hypothesis = charField(body, "hypothesis", errors);
  const metrics =
    nestedListField(
      body,
      "metrics",
      (item, itemErrors) => {
        const metric = primaryKeyField(
          item,
          "metric",
          (id) => world.metrics.some((m) => m.id === id && m.environment === environment.id),
          itemErrors,
        );
        const direction = choiceField(item, "expected_direction", EXPECTED_DIRECTIONS, itemErrors);
        return metric === undefined || direction === undefined ? undefined : { metric, direction };
      },
      errors,
      { required: false },
    ) ?? [];
  const rollout = nestedField(body, "experiment_rollout", parseRollout, errors, { required: false });
  // `ExperimentSerializer.validate_feature`.
  if (featureId !== undefined) {
    const feature = world.features.find((f) => f.id === featureId);
    if (feature?.type !== "MULTIVARIATE") errors.feature = ["Experiments can only be created for multivariate flags."];
    else if (feature.project !== environment.project)
      errors.feature = ["Feature does not belong to this environment's project."];
  }
  if (Object.keys(errors).length > 0) return json(400, errors);
  const metricIds = metrics.map((m) => m.metric);
  if (new Set(metricIds).size !== metricIds.length) {
    return json(400, { metrics: ["Metric can only be attached once per experiment."] });
  }
  if (featureId === undefined || name === undefined || hypothesis === undefined) return json(400, errors);
  if (world.experiments.some((e) => e.feature === featureId && e.environment === environment.id && isActive(e))) {
    return detail(409, "An active experiment already exists for this feature.");
  }
  if (rollout) {
    const problem = rolloutProblem(world, featureId, rollout);
    if (problem) return json(400, [problem]);
  }
  const now = tick(world);
  const id = nextId(world);
  const experiment: ReplayExperiment = {
    id,
    environment: environment.id,
    feature: featureId,
    name,
    hypothesis,
    status: "created",
    created_at: now,
    updated_at: now,
    started_at: null,
    ended_at: null,
    rollout_segment: null,
    metrics: metrics.map((m) => ({
      id: nextId(world),
      metric: m.metric,
      expected_direction: m.direction,
      created_at: now,
    })),
  };
  world.experiments.push(experiment);
  if (rollout) applyRollout(world, environment, experiment, rollout);
  return json(201, experimentPayload(experiment));
}

function findExperiment(world: ReplayWorld, environment: ReplayEnvironment, id: number): ReplayExperiment | Response {
  const experiment = world.experiments.find((e) => e.id === id && e.environment === environment.id);
  return experiment ?? detail(404, "No Experiment matches the given query.");
}

export function updateExperiment(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  id: number,
  body: unknown,
): Response {
  const experiment = findExperiment(world, environment, id);
  if (experiment instanceof Response) return experiment;
  if (!isRecord(body)) return notADictionary(body);
  const errors: Errors = {};
  const name = charField(body, "name", errors, { maxLength: 255, required: false });
  const hypothesis = charField(body, "hypothesis", errors, { required: false });
  if (Object.keys(errors).length > 0) return json(400, errors);
  // `ExperimentSerializer.validate` on an existing instance.
  if ("feature" in body) return json(400, { feature: ["Cannot change the feature of an existing experiment."] });
  if ("metrics" in body) return json(400, { metrics: ["Cannot change the metrics of an existing experiment."] });
  if ("experiment_rollout" in body) {
    return json(400, {
      experiment_rollout: ["Cannot change the rollout via this endpoint; use the rollout endpoint instead."],
    });
  }
  if (
    (name !== undefined && name !== experiment.name) ||
    (hypothesis !== undefined && hypothesis !== experiment.hypothesis)
  ) {
    experiment.name = name ?? experiment.name;
    experiment.hypothesis = hypothesis ?? experiment.hypothesis;
    experiment.updated_at = tick(world);
  }
  return json(200, experimentPayload(experiment));
}

export function updateExperimentRollout(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  id: number,
  body: unknown,
): Response {
  const experiment = findExperiment(world, environment, id);
  if (experiment instanceof Response) return experiment;
  if (!isRecord(body)) return notADictionary(body);
  const errors: Errors = {};
  const spec = parseRollout(body, errors);
  if (Object.keys(errors).length > 0 || !spec) return json(400, errors);
  const problem = rolloutProblem(world, experiment.feature, spec);
  if (problem) return json(400, [problem]);
  if (experiment.status === "completed") return json(400, ["Cannot change the rollout of a completed experiment."]);
  applyRollout(world, environment, experiment, spec);
  return json(
    200,
    experimentListPayload(experiment, world, environmentDefault(world, environment, experiment.feature)),
  );
}

export function transitionExperiment(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  id: number,
  target: ReplayExperimentStatus,
): Response {
  const experiment = findExperiment(world, environment, id);
  if (experiment instanceof Response) return experiment;
  if (!VALID_TRANSITIONS[experiment.status].includes(target)) {
    return detail(400, "Unable to transition experiment status.");
  }
  const now = tick(world);
  experiment.status = target;
  experiment.updated_at = now;
  if (target === "running" && experiment.started_at === null) experiment.started_at = now;
  if (target === "completed") experiment.ended_at = now;
  if (target === "running" && experiment.rollout_segment !== null) {
    // `services.enable_experiment_rollout`: a disabled rollout override is switched on, in place.
    const link = liveFeatureSegments(world, environment, experiment.feature).find(
      (fs) => fs.segment === experiment.rollout_segment,
    );
    const override = link ? overrideState(world, link) : undefined;
    if (override && !override.enabled) {
      override.enabled = true;
      override.updated_at = now;
    }
  }
  return json(
    200,
    experimentListPayload(experiment, world, environmentDefault(world, environment, experiment.feature)),
  );
}

export function deleteExperiment(world: ReplayWorld, environment: ReplayEnvironment, id: number): Response {
  const experiment = findExperiment(world, environment, id);
  if (experiment instanceof Response) return experiment;
  if (experiment.status === "running") {
    return json(400, { detail: "Cannot delete a running experiment. Pause or complete it first." });
  }
  world.experiments = world.experiments.filter((e) => e.id !== experiment.id);
  return json(204, null);
}
