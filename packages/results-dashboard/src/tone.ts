import type { LiftResult } from "@flagsmith-experimentation/stats-core";

/** Whether a lift is good news, bad news or neither for the user (not for the number). */
export type LiftTone = "better" | "worse" | "neutral";

/**
 * The tone of a lift. stats-core's `outcome` already respects the metric's direction (a significant rise
 * in page-load time is "worse") and is only decisive when significant, so colour never overstates a result.
 */
export function liftTone(lift: Pick<LiftResult, "outcome"> | null | undefined): LiftTone {
  if (!lift) return "neutral";
  return lift.outcome === "inconclusive" ? "neutral" : lift.outcome;
}
