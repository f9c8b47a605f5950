import * as z from "zod/mini";
import { stringKeyed } from "./string-keyed";

const count = () => z.int().check(z.gte(0));
const nonNegative = () => z.number().check(z.gte(0));

const covariateSchema = z.object({ sum: z.number(), sumSquares: nonNegative(), crossSum: z.number() });

export const proportionStatsSchema = z
  .object({ kind: z.literal("proportion"), n: count(), sum: nonNegative(), covariate: z.optional(covariateSchema) })
  .check(
    z.refine((s) => s.sum <= s.n, { message: "A proportion cannot convert more units than it has.", path: ["sum"] }),
  );

export const meanStatsSchema = z.object({
  kind: z.literal("mean"),
  n: count(),
  sum: z.number(),
  sumSquares: nonNegative(),
  covariate: z.optional(covariateSchema),
});

export const ratioStatsSchema = z.object({
  kind: z.literal("ratio"),
  n: count(),
  sum: z.number(),
  sumSquares: nonNegative(),
  denominatorSum: z.number(),
  denominatorSumSquares: nonNegative(),
  crossSum: z.number(),
});

/** Validates one row of sufficient statistics as a warehouse returns it. */
export const metricStatsRowSchema = z.object({
  metricId: z.string().check(z.minLength(1)),
  variationKey: z.string().check(z.minLength(1)),
  date: z.optional(z.iso.date()),
  stats: z.union([proportionStatsSchema, meanStatsSchema, ratioStatsSchema]),
});

/** Exposure health of an experiment: who is in it, and who was excluded for seeing more than one variation. */
export const exposureSummarySchema = z.object({
  exposures: stringKeyed(count()),
  excludedMultipleVariations: count(),
});

export type ExposureSummary = z.infer<typeof exposureSummarySchema>;
