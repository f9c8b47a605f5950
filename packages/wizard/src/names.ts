import type { Segment } from "@flagsmith-experimentation/adapters";
import type { WizardMessages } from "./messages";

/** The name of the item `id` refers to in a loaded list, or the id itself while the list is not there (or lacks it). */
export function nameOf(items: readonly { id: string; name: string }[] | undefined, id: string): string {
  return items?.find((item) => item.id === id)?.name ?? id;
}

/** Who the experiment targets: "All identities" (`segmentId: null`) or the segment's name. */
export function audienceName(
  segmentId: string | null,
  segments: readonly Segment[] | undefined,
  messages: WizardMessages,
): string {
  return segmentId === null ? messages.segmentAllIdentities : nameOf(segments, segmentId);
}
