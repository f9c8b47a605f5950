import * as z from "zod/mini";

const nonEmpty = () => z.string().check(z.minLength(1));

export const segmentSchema = z.object({
  id: nonEmpty(),
  name: nonEmpty(),
  description: z.optional(z.string()),
  /**
   * Identities entering the segment per day: the wizard's power estimate uses it. An unusable figure is dropped
   * (the estimate says it lacks the figure) rather than failing the whole list.
   */
  expectedDailyTraffic: z.catch(z.optional(z.number().check(z.gte(0))), undefined),
  /** A feature-specific segment (Flagsmith): offered only for this flag. */
  flagId: z.optional(nonEmpty()),
});

/** The flag already has a value override for this segment: an experiment on the pair would conflict with it. */
export const segmentOverrideSchema = z.object({
  flagId: nonEmpty(),
  segmentId: nonEmpty(),
});

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentOverride = z.infer<typeof segmentOverrideSchema>;

/** The segments a user may target for `flagId`: shared ones, and those specific to that flag. */
export function segmentsForFlag<S extends Pick<Segment, "flagId">>(segments: readonly S[], flagId: string): S[] {
  return segments.filter((segment) => segment.flagId === undefined || segment.flagId === flagId);
}
