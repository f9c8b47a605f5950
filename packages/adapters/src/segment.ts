import * as z from "zod";

export const segmentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
});

/** The flag already has a value override for this segment: an experiment on the pair would conflict with it. */
export const segmentOverrideSchema = z.object({
  flagId: z.string().min(1),
  segmentId: z.string().min(1),
});

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentOverride = z.infer<typeof segmentOverrideSchema>;
