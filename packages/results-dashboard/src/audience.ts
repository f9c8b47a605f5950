import type { Experiment, Segment } from "@flagsmith-experimentation/adapters";
import { type Formatters, formatMessage } from "@flagsmith-experimentation/ui";
import type { ResultsPageMessages } from "./messages";

/**
 * Who is in the experiment, in words: "Segment “EU customers”", "All identities", or either with its rollout
 * ("All identities, 20% rollout"). A segment the host did not name is shown by its id.
 */
export function audienceText(
  experiment: Pick<Experiment, "segmentId" | "rolloutPercentage">,
  segments: readonly Pick<Segment, "id" | "name">[] | undefined,
  m: Pick<ResultsPageMessages, "allIdentities" | "audienceSegment" | "audienceRollout">,
  f: Pick<Formatters, "share">,
): string {
  const { segmentId, rolloutPercentage } = experiment;
  const audience =
    segmentId === null || segmentId === ""
      ? m.allIdentities
      : formatMessage(m.audienceSegment, {
          segment: segments?.find((segment) => segment.id === segmentId)?.name ?? segmentId,
        });
  if (!(rolloutPercentage < 100)) return audience;
  return formatMessage(m.audienceRollout, { audience, percent: f.share(rolloutPercentage) });
}
