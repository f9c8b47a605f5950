/**
 * Segment override writes, the two ways Flagsmith's dashboard makes them:
 * - v1 versioning: `POST environments/{api_key}/features/{id}/create-segment-override/`
 *   (`features.views.create_segment_override`, `CustomCreateSegmentOverrideFeatureStateSerializer`);
 * - v2 versioning: `POST environments/{id}/features/{id}/versions/`
 *   (`features.versioning.serializers.EnvironmentFeatureVersionCreateSerializer`).
 */
import {
  booleanField,
  type Errors,
  floatField,
  integerField,
  nestedField,
  nestedListField,
  primaryKeyField,
} from "./fields";
import { detail, isRecord, json, notADictionary, serverErrorPage } from "./http";
import {
  applyFlagChange,
  FlagChangeConflict,
  liveFeatureSegments,
  nextId,
  type OverrideChange,
  overrideState,
  uuidFor,
} from "./state";
import type {
  ReplayEnvironment,
  ReplayFeature,
  ReplayFeatureSegment,
  ReplayFeatureState,
  ReplayValue,
  ReplayValueType,
  ReplayWorld,
} from "./world";

/** flagsmith-common `FeatureStateValueSerializer`: `type` + the three typed columns. */
function parseStoredValue(data: Record<string, unknown>, errors: Errors): ReplayValue | undefined {
  const type = data.type ?? "unicode";
  if (type !== null && type !== "unicode" && type !== "int" && type !== "bool") {
    errors.type = [`"${String(type)}" is not a valid choice.`];
    return undefined;
  }
  const string = data.string_value ?? null;
  const integer = data.integer_value ?? null;
  const boolean = data.boolean_value ?? null;
  if (string !== null && typeof string !== "string") errors.string_value = ["Not a valid string."];
  if (integer !== null && !Number.isInteger(integer)) errors.integer_value = ["A valid integer is required."];
  if (boolean !== null && typeof boolean !== "boolean") errors.boolean_value = ["Must be a valid boolean."];
  if (Object.keys(errors).length > 0) return undefined;
  return {
    type: type as ReplayValueType,
    string_value: string as string | null,
    integer_value: integer as number | null,
    boolean_value: boolean as boolean | null,
  };
}

function parseOverride(
  world: ReplayWorld,
  feature: ReplayFeature,
  data: Record<string, unknown>,
  errors: Errors,
): OverrideChange | undefined {
  const enabled = booleanField(data, "enabled", errors, { required: false }) ?? false;
  const value = nestedField(data, "feature_state_value", parseStoredValue, errors);
  const link = nestedField(
    data,
    "feature_segment",
    (item, itemErrors) => {
      const segment = primaryKeyField(item, "segment", (id) => world.segments.some((s) => s.id === id), itemErrors);
      const priority = integerField(item, "priority", itemErrors, { required: false, allowNull: true, min: 0 });
      return segment === undefined ? undefined : { segment, priority: priority ?? null };
    },
    errors,
  );
  const multivariate = nestedListField(
    data,
    "multivariate_feature_state_values",
    (item, itemErrors) => {
      const option = primaryKeyField(
        item,
        "multivariate_feature_option",
        (id) => feature.multivariate_options.some((o) => o.id === id),
        itemErrors,
      );
      const percentage = floatField(item, "percentage_allocation", itemErrors, { min: 0, max: 100 });
      return option === undefined || percentage === undefined ? undefined : { option, percentage };
    },
    errors,
    { required: false },
  );
  if (value === undefined || link === undefined) return undefined;
  return {
    segment: link.segment,
    enabled,
    value,
    ...(multivariate ? { multivariate } : {}),
    priority: link.priority,
  };
}

export function createSegmentOverrideV1(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  feature: ReplayFeature,
  body: unknown,
): { state: ReplayFeatureState; link: ReplayFeatureSegment } | Response {
  if (environment.use_v2_feature_versioning) {
    return detail(
      400,
      "This environment uses v2 feature versioning. Use the environment feature version endpoint instead.",
    );
  }
  if (!isRecord(body)) return notADictionary(body);
  const errors: Errors = {};
  const override = parseOverride(world, feature, body, errors);
  if (Object.keys(errors).length > 0 || !override) return json(400, errors);
  // `FeatureSegment.Meta.unique_together` is not checked by the nested serializer: a second override on the same
  // segment is an IntegrityError, which Django turns into its 500 page.
  if (liveFeatureSegments(world, environment, feature.id).some((fs) => fs.segment === override.segment)) {
    return serverErrorPage();
  }
  applyFlagChange(world, environment, feature.id, { createOverrides: [override] });
  const link = liveFeatureSegments(world, environment, feature.id).find((fs) => fs.segment === override.segment);
  const state = link ? overrideState(world, link) : undefined;
  if (!link || !state) throw new Error("replay: the override was not created");
  return { state, link };
}

export interface ReplayVersion {
  uuid: string;
  created_at: string;
  published: boolean;
  live_from: string | null;
}

export function createVersionV2(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  feature: ReplayFeature,
  body: unknown,
): ReplayVersion | Response {
  if (!isRecord(body)) return notADictionary(body);
  const errors: Errors = {};
  const parseList = (name: string) =>
    nestedListField(body, name, (item, itemErrors) => parseOverride(world, feature, item, itemErrors), errors, {
      required: false,
      allowNull: true,
    }) ?? [];
  const creates = parseList("feature_states_to_create");
  const updates = parseList("feature_states_to_update");
  const deletesRaw = body.segment_ids_to_delete_overrides ?? [];
  const deletes = Array.isArray(deletesRaw) ? deletesRaw.filter((id): id is number => Number.isInteger(id)) : [];
  if (!Array.isArray(deletesRaw) || deletes.length !== deletesRaw.length) {
    errors.segment_ids_to_delete_overrides = ["A valid integer is required."];
  }
  const publish = booleanField(body, "publish_immediately", errors, { required: false }) ?? false;
  if (Object.keys(errors).length > 0) return json(400, errors);
  if (!environment.use_v2_feature_versioning) {
    return json(400, { environment: ["Environment must use v2 feature versioning."] });
  }
  const live = liveFeatureSegments(world, environment, feature.id);
  const segmentName = (id: number) => world.segments.find((s) => s.id === id)?.name ?? String(id);
  for (const create of creates) {
    if (live.some((fs) => fs.segment === create.segment)) {
      return json(400, {
        message: `An unresolvable conflict occurred: segment override already exists for segment '${segmentName(create.segment)}'`,
      });
    }
  }
  for (const update of updates) {
    if (!live.some((fs) => fs.segment === update.segment)) {
      return json(400, {
        message: `An unresolvable conflict occurred: segment override does not exist for segment '${segmentName(update.segment)}'.`,
      });
    }
  }
  const id = nextId(world);
  if (!publish) {
    // A draft version: kept out of the live state (the kit always publishes immediately).
    return { uuid: uuidFor(id), created_at: world.now, published: false, live_from: null };
  }
  try {
    applyFlagChange(world, environment, feature.id, {
      createOverrides: creates,
      updateOverrides: updates,
      deleteOverrideSegments: deletes,
    });
  } catch (error) {
    if (error instanceof FlagChangeConflict) return json(400, { message: "An unresolvable conflict occurred." });
    throw error;
  }
  return { uuid: uuidFor(id), created_at: world.now, published: true, live_from: world.now };
}
