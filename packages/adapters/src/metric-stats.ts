import * as z from "zod";

const count = z.number().int().min(0);
const finite = z.number().finite();

const covariateSchema = z.object({ sum: finite, sumSquares: finite.min(0), crossSum: finite });

export const proportionStatsSchema = z
  .object({ kind: z.literal("proportion"), n: count, sum: finite.min(0), covariate: covariateSchema.optional() })
  .refine((s) => s.sum <= s.n, { message: "A proportion cannot convert more units than it has.", path: ["sum"] });

export const meanStatsSchema = z.object({
  kind: z.literal("mean"),
  n: count,
  sum: finite,
  sumSquares: finite.min(0),
  covariate: covariateSchema.optional(),
});

export const ratioStatsSchema = z.object({
  kind: z.literal("ratio"),
  n: count,
  sum: finite,
  sumSquares: finite.min(0),
  denominatorSum: finite,
  denominatorSumSquares: finite.min(0),
  crossSum: finite,
});

/** Validates one row of sufficient statistics as a warehouse returns it (SPEC §4). */
export const metricStatsRowSchema = z.object({
  metricId: z.string().min(1),
  variationKey: z.string().min(1),
  date: z.iso.date().optional(),
  stats: z.union([proportionStatsSchema, meanStatsSchema, ratioStatsSchema]),
});

/** Exposure health of an experiment: who is in it, and who was excluded for seeing more than one variation. */
export const exposureSummarySchema = z.object({
  exposures: z.record(z.string(), count),
  excludedMultipleVariations: count,
});

export type ExposureSummary = z.infer<typeof exposureSummarySchema>;
