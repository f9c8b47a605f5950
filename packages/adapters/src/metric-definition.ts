import * as z from "zod";

/** Event names are free text, but never empty. */
const eventNameSchema = z.string().min(1, "An event name is required.");

export const metricKindSchema = z.enum(["proportion", "count", "mean", "ratio"]);
export const metricDirectionSchema = z.enum(["increase", "decrease"]);
export const metricUnitSchema = z.enum(["percent", "currency", "ms", "number"]);

/**
 * How a metric is computed per exposed identity (SPEC §7):
 * - `proportion`: 1 if the identity has at least one `eventName` event, else 0;
 * - `count`: the number of `eventName` events;
 * - `mean`: the sum of `value` over `eventName` events (e.g. revenue per user);
 * - `ratio`: sum of `value` over `eventName` events / number of `denominatorEventName` events.
 */
export const metricDefinitionSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().optional(),
    kind: metricKindSchema,
    eventName: eventNameSchema,
    denominatorEventName: eventNameSchema.optional(),
    direction: metricDirectionSchema,
    unit: metricUnitSchema.optional(),
  })
  .superRefine((metric, ctx) => {
    if (metric.kind === "ratio" && !metric.denominatorEventName) {
      ctx.addIssue({
        code: "custom",
        message: "A ratio metric needs a denominator event.",
        path: ["denominatorEventName"],
      });
    }
    if (metric.kind !== "ratio" && metric.denominatorEventName !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: "Only ratio metrics have a denominator event.",
        path: ["denominatorEventName"],
      });
    }
  });

export type MetricKind = z.infer<typeof metricKindSchema>;
export type MetricDirection = z.infer<typeof metricDirectionSchema>;
export type MetricUnit = z.infer<typeof metricUnitSchema>;
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
