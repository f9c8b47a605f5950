/**
 * Segment override writes, made the way Flagsmith's dashboard makes them in each versioning regime:
 * - v1: `POST environments/{key}/features/{id}/create-segment-override/` and `DELETE features/feature-segments/{id}/`;
 * - v2 (`use_v2_feature_versioning`): one published feature version per change,
 *   `POST environments/{id}/features/{id}/versions/` with `feature_states_to_create` / `_update` /
 *   `segment_ids_to_delete_overrides` and `publish_immediately: true`.
 */
import type { FlagValue } from "../flag";
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { listFeatureSegments } from "./segments";
import { featureStateValue } from "./values";

export interface SegmentOverrideWrite {
  segmentId: string;
  /** The override's value: the control value (identities outside every option's share get it). */
  value: FlagValue;
  /** Percent per multivariate option id: the weights served to the segment. */
  allocations: { option: number; percentage: number }[];
  enabled: boolean;
}

function featureState(write: SegmentOverrideWrite, priority?: number) {
  return {
    enabled: write.enabled,
    feature_segment: { segment: Number(write.segmentId), ...(priority !== undefined ? { priority } : {}) },
    feature_state_value: featureStateValue(write.value),
    multivariate_feature_state_values: write.allocations.map((allocation) => ({
      multivariate_feature_option: allocation.option,
      percentage_allocation: allocation.percentage,
    })),
  };
}

function versionsPath(env: FlagsmithEnvironment, featureId: string) {
  return `environments/${env.id}/features/${featureId}/versions/`;
}

/**
 * Serves `write` to its segment: creates the override (first in priority, so the experiment's audience gets it
 * before any other override) or replaces the existing one.
 */
export async function putSegmentOverride(
  client: FlagsmithClient,
  env: FlagsmithEnvironment,
  featureId: string,
  write: SegmentOverrideWrite,
  operation: string,
): Promise<void> {
  const existing = (await listFeatureSegments(client, env, featureId, operation)).find(
    (row) => String(row.segment) === write.segmentId,
  );
  if (env.versioned) {
    await client.send(
      "POST",
      versionsPath(env, featureId),
      {
        feature_states_to_create: existing ? [] : [featureState(write, 0)],
        feature_states_to_update: existing ? [featureState(write)] : [],
        segment_ids_to_delete_overrides: [],
        publish_immediately: true,
      },
      null,
      operation,
    );
    return;
  }
  if (existing) await client.send("DELETE", `features/feature-segments/${existing.id}/`, undefined, null, operation);
  await client.send(
    "POST",
    `environments/${encodeURIComponent(env.key)}/features/${featureId}/create-segment-override/`,
    featureState(write, existing?.priority ?? 0),
    null,
    operation,
  );
}

/** Removes the segment's override of the feature, if there is one. */
export async function deleteSegmentOverride(
  client: FlagsmithClient,
  env: FlagsmithEnvironment,
  featureId: string,
  segmentId: string,
  operation: string,
): Promise<void> {
  const existing = (await listFeatureSegments(client, env, featureId, operation)).find(
    (row) => String(row.segment) === segmentId,
  );
  if (!existing) return;
  if (env.versioned) {
    await client.send(
      "POST",
      versionsPath(env, featureId),
      {
        feature_states_to_create: [],
        feature_states_to_update: [],
        segment_ids_to_delete_overrides: [existing.segment],
        publish_immediately: true,
      },
      null,
      operation,
    );
    return;
  }
  await client.send("DELETE", `features/feature-segments/${existing.id}/`, undefined, null, operation);
}
