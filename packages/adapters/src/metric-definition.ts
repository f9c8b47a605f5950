import * as z from "zod/mini";

/** Event names are free text, but never empty. */
const eventNameSchema = z.string().check(z.minLength(1, "An event name is required."));

/** Flagsmith's metric aggregations, plus `ratio` (docs/warehouse-sql.md has the exact definitions). */
export const metricKindSchema = z.enum(["occurrence", "count", "sum", "mean", "ratio"]);
/** Which way is good; `informational` metrics are shown but never drive a verdict. */
export const metricDirectionSchema = z.enum(["increase", "decrease", "informational"]);
export const metricUnitSchema = z.enum(["percent", "currency", "ms", "number"]);

/**
 * How a metric is computed per exposed identity (zeros included):
 * - `occurrence`: 1 if the identity has at least one `eventName` event, else 0;
 * - `count`: the number of `eventName` events;
 * - `sum`: the sum of `value` over `eventName` events (e.g. revenue per user);
 * - `mean`: the average `value` of the identity's `eventName` events, 0 when it has none (Flagsmith's `mean`);
 * - `ratio`: sum of `value` over `eventName` events / number of `denominatorEventName` events.
 *
 * `baseline` and `baselineSd` are optional planning figures (the control's current rate or mean per identity,
 * and the per-identity standard deviation) used by the wizard's power estimate.
 */
export const metricDefinitionSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    description: z.optional(z.string()),
    kind: metricKindSchema,
    eventName: eventNameSchema,
    denominatorEventName: z.optional(eventNameSchema),
    direction: metricDirectionSchema,
    unit: z.optional(metricUnitSchema),
    // Planning figures are advisory: an unusable one is dropped (the power estimate says it lacks it).
    baseline: z.catch(z.optional(z.number()), undefined),
    baselineSd: z.catch(z.optional(z.number().check(z.gte(0))), undefined),
  })
  .check(
    z.superRefine((metric, ctx) => {
      if (metric.kind === "ratio" && !metric.denominatorEventName) {
        ctx.issues.push({
          code: "custom",
          message: "A ratio metric needs a denominator event.",
          path: ["denominatorEventName"],
          input: metric.denominatorEventName,
        });
      }
      if (metric.kind !== "ratio" && metric.denominatorEventName !== undefined) {
        ctx.issues.push({
          code: "custom",
          message: "Only ratio metrics have a denominator event.",
          path: ["denominatorEventName"],
          input: metric.denominatorEventName,
        });
      }
      if (
        metric.kind === "occurrence" &&
        metric.baseline !== undefined &&
        (metric.baseline < 0 || metric.baseline > 1)
      ) {
        ctx.issues.push({
          code: "custom",
          message: "The baseline of an occurrence metric is a rate between 0 and 1.",
          path: ["baseline"],
          input: metric.baseline,
        });
      }
    }),
  );

export type MetricKind = z.infer<typeof metricKindSchema>;
export type MetricDirection = z.infer<typeof metricDirectionSchema>;
export type MetricUnit = z.infer<typeof metricUnitSchema>;
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
