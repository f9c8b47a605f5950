import * as z from "zod/mini";

/** The reserved key of the control variation: the flag's own value. */
export const CONTROL_VARIATION_KEY = "control";

/**
 * Variation keys are Flagsmith's multivariate option keys, verbatim: what the SDKs send as the exposure's
 * variant (`Variant_1`, `blue-button`, `variant_b`). Letters of either case, digits, `-` and `_`.
 */
export const VARIATION_KEY_PATTERN = /^[-A-Za-z0-9_]+$/;

/** A flag value as Flagsmith stores it: string, integer, boolean, or none. */
export const flagValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const variationSchema = z
  .object({
    key: z
      .string()
      .check(
        z.regex(
          VARIATION_KEY_PATTERN,
          "A variation key uses letters, digits, “-” and “_” only, such as “Variant_1” or “blue-button”.",
        ),
      ),
    name: z.string().check(z.minLength(1, "A variation needs a name.")),
    value: flagValueSchema,
    isControl: z.boolean(),
  })
  .check(
    z.refine((v) => v.isControl === (v.key === CONTROL_VARIATION_KEY), {
      message: "Only the control variation uses the reserved key “control”.",
      path: ["key"],
    }),
  );

/** A multivariate option without a key: SDKs never report an exposure for it, so the flag cannot be measured. */
export const unkeyedOptionSchema = z.object({ name: z.string(), value: flagValueSchema });

export const flagSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    description: z.optional(z.string()),
    type: z.enum(["multivariate", "standard"]),
    controlValue: flagValueSchema,
    variations: z.array(variationSchema),
    /** Whether the flag is on in the environment the flags were listed for (absent from a host: `true`). */
    enabled: z._default(z.boolean(), true),
    /** The running or paused experiment that already holds this flag in this environment. */
    activeExperimentId: z.optional(z.string().check(z.minLength(1))),
    /** Options that have no key (Flagsmith allows it); their presence makes the flag ineligible. */
    unkeyedOptions: z.optional(z.array(unkeyedOptionSchema)),
  })
  .check(
    z.superRefine((flag, ctx) => {
      const controls = flag.variations.filter((v) => v.isControl).length;
      if (controls !== 1) {
        ctx.issues.push({
          code: "custom",
          message: "A flag has exactly one control variation.",
          path: ["variations"],
          input: flag.variations,
        });
      }
      const keys = new Set(flag.variations.map((v) => v.key));
      if (keys.size !== flag.variations.length) {
        ctx.issues.push({
          code: "custom",
          message: "Variation keys are unique within a flag.",
          path: ["variations"],
          input: flag.variations,
        });
      }
    }),
  );

export type FlagValue = z.infer<typeof flagValueSchema>;
export type Variation = z.infer<typeof variationSchema>;
export type UnkeyedOption = z.infer<typeof unkeyedOptionSchema>;
export type Flag = z.infer<typeof flagSchema>;

/** Why a flag cannot get an experiment, or `null` when it can. */
export type FlagIneligibility =
  | { reason: "no-variations" }
  | { reason: "unkeyed-options"; options: UnkeyedOption[] }
  | { reason: "active-experiment"; experimentId: string };

/**
 * Whether an experiment can run on the flag: it needs a non-control variation, every option needs a key
 * (an option without one never records an exposure), and it must not already have a running or paused experiment.
 */
export function flagIneligibility(
  flag: Pick<Flag, "variations"> & Partial<Pick<Flag, "unkeyedOptions" | "activeExperimentId">>,
): FlagIneligibility | null {
  if (flag.activeExperimentId) return { reason: "active-experiment", experimentId: flag.activeExperimentId };
  if (flag.unkeyedOptions && flag.unkeyedOptions.length > 0) {
    return { reason: "unkeyed-options", options: flag.unkeyedOptions };
  }
  if (!flag.variations.some((v) => !v.isControl)) return { reason: "no-variations" };
  return null;
}

/** A flag can be experimented on when {@link flagIneligibility} finds no reason against it. */
export function isFlagEligible(
  flag: Pick<Flag, "variations"> & Partial<Pick<Flag, "unkeyedOptions" | "activeExperimentId">>,
): boolean {
  return flagIneligibility(flag) === null;
}

/** The control variation of a flag (`{ key: "control", value: controlValue }`). */
export function controlVariation(flag: Pick<Flag, "controlValue">, name = "Control"): Variation {
  return { key: CONTROL_VARIATION_KEY, name, value: flag.controlValue, isControl: true };
}
