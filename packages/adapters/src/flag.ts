import * as z from "zod";

/** The reserved key of the control variation: the flag's own value. */
export const CONTROL_VARIATION_KEY = "control";

/** Slug pattern for variation keys (`control`, `blue-button`, `variant_b`). */
export const VARIATION_KEY_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** A flag value as Flagsmith stores it: string, integer, boolean, or none. */
export const flagValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const variationSchema = z
  .object({
    key: z.string().regex(VARIATION_KEY_PATTERN, "A variation key is a lowercase slug such as “blue-button”."),
    name: z.string().min(1, "A variation needs a name."),
    value: flagValueSchema,
    isControl: z.boolean(),
  })
  .refine((v) => v.isControl === (v.key === CONTROL_VARIATION_KEY), {
    message: "Only the control variation uses the reserved key “control”.",
    path: ["key"],
  });

export const flagSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().optional(),
    type: z.enum(["multivariate", "standard"]),
    controlValue: flagValueSchema,
    variations: z.array(variationSchema),
  })
  .superRefine((flag, ctx) => {
    const controls = flag.variations.filter((v) => v.isControl).length;
    if (controls !== 1) {
      ctx.addIssue({ code: "custom", message: "A flag has exactly one control variation.", path: ["variations"] });
    }
    const keys = new Set(flag.variations.map((v) => v.key));
    if (keys.size !== flag.variations.length) {
      ctx.addIssue({ code: "custom", message: "Variation keys are unique within a flag.", path: ["variations"] });
    }
  });

export type FlagValue = z.infer<typeof flagValueSchema>;
export type Variation = z.infer<typeof variationSchema>;
export type Flag = z.infer<typeof flagSchema>;

/** A flag can be experimented on only with at least one non-control variation. */
export function isFlagEligible(flag: Pick<Flag, "variations">): boolean {
  return flag.variations.some((v) => !v.isControl);
}

/** The control variation of a flag (`{ key: "control", value: controlValue }`). */
export function controlVariation(flag: Pick<Flag, "controlValue">, name = "Control"): Variation {
  return { key: CONTROL_VARIATION_KEY, name, value: flag.controlValue, isControl: true };
}
