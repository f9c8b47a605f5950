/**
 * Segments from Flagsmith: the project's segments (feature-specific ones carry `flagId`, so they are offered only
 * for their feature) and the segment overrides of a flag in the adapters' environment. Flagsmith's experiments
 * roll out through hidden system segments named `experiment-<id>-rollout`: never offered, never counted as a
 * user's override.
 */
import type { SegmentsAdapter } from "../host-adapters";
import type { Segment, SegmentOverride } from "../segment";
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { featureSegmentPayload, segmentPayload } from "./payload-schemas";

/** `experimentation/services.py` `_create_rollout_segment`: `experiment-{id}-rollout`, a system segment. */
const ROLLOUT_SEGMENT_NAME = /^experiment-(\d+)-rollout$/;

/** The experiment id of a Flagsmith experiment's rollout segment name, or `undefined` for any other name. */
export function flagsmithRolloutSegmentExperimentId(segmentName: string): string | undefined {
  return ROLLOUT_SEGMENT_NAME.exec(segmentName)?.[1];
}

export function listSegmentPayloads(client: FlagsmithClient, env: FlagsmithEnvironment, operation: string) {
  // The query of Flagsmith's dashboard (`useFeatureVersion`): feature-specific segments included.
  return client.list(
    `projects/${env.projectId}/segments/`,
    { include_feature_specific: true, page_size: 1000 },
    segmentPayload,
    operation,
  );
}

/** The environment's live segment overrides of a feature, by priority (`features/feature-segments/`). */
export async function listFeatureSegments(
  client: FlagsmithClient,
  env: FlagsmithEnvironment,
  featureId: string,
  operation: string,
) {
  const rows = await client.list(
    "features/feature-segments/",
    { environment: env.id, feature: featureId },
    featureSegmentPayload,
    operation,
  );
  return [...rows].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
}

export function createFlagsmithSegments(
  client: FlagsmithClient,
  environment: (operation: string) => Promise<FlagsmithEnvironment>,
): SegmentsAdapter {
  return {
    async listSegments() {
      const operation = "segments.listSegments";
      const env = await environment(operation);
      const segments = await listSegmentPayloads(client, env, operation);
      return segments.map(
        (segment): Segment => ({
          id: String(segment.id),
          name: segment.name,
          ...(segment.description ? { description: segment.description } : {}),
          ...(segment.feature != null ? { flagId: String(segment.feature) } : {}),
        }),
      );
    },

    async listOverrides(flagId) {
      const operation = "segments.listOverrides";
      if (!/^\d+$/.test(flagId)) return [];
      const env = await environment(operation);
      const rows = await listFeatureSegments(client, env, flagId, operation);
      // A name like a rollout segment's is one only if the segments list (which never has system segments) lacks it.
      let visible: Set<number> | undefined;
      if (rows.some((row) => flagsmithRolloutSegmentExperimentId(row.segment_name) !== undefined)) {
        visible = new Set((await listSegmentPayloads(client, env, operation)).map((segment) => segment.id));
      }
      return rows
        .filter(
          (row) => flagsmithRolloutSegmentExperimentId(row.segment_name) === undefined || visible?.has(row.segment),
        )
        .map((row): SegmentOverride => ({ flagId, segmentId: String(row.segment) }));
    },
  };
}
