import type { Flag, SegmentOverride, Variation } from "@flagsmith-experimentation/adapters";
import * as z from "zod/mini";
import { daysBetween, isIsoDate, toIsoDate } from "./dates";
import type { WizardMessages } from "./messages";
import { hasTreatmentVariation, STEP_FIELDS, type WizardField, type WizardStepId, type WizardValues } from "./steps";
import { isValidSplit, type Weights } from "./weights";

/**
 * What the step schemas need besides the form values: "today", and the data the adapters returned for
 * the current choices (absent while loading — validation then only checks what it can).
 */
export interface StepContext {
  today: Date;
  messages: WizardMessages;
  /** The flag `flagId` refers to, as last loaded. */
  flag?: Flag | undefined;
  /** The chosen flag's segment overrides, as last loaded (`undefined` = not known yet: the traffic step can't pass). */
  overrides?: readonly SegmentOverride[] | undefined;
  /** Segment display names by id (for messages). */
  segmentName?: ((segmentId: string) => string) | undefined;
}

/** A string with something besides whitespace (the only check the wizard needs: one `refine` keeps zod small). */
const filled = (message?: string) =>
  z.string().check(z.refine((value) => value.trim().length > 0, message === undefined ? undefined : { message }));

const metricSchema = z.object({
  metricId: filled(),
  role: z.enum(["primary", "secondary", "guardrail"]),
});

export function detailsSchema({ today, messages }: StepContext) {
  const todayIso = toIsoDate(today);
  return z
    .object({
      name: filled(messages.nameRequired),
      hypothesis: filled(messages.hypothesisRequired),
      startDate: z.string().check(z.refine(isIsoDate, messages.startDateInvalid)),
      endDate: z.string().check(z.refine(isIsoDate, messages.endDateInvalid)),
    })
    .check(
      z.superRefine((values, ctx) => {
        const fromToday = daysBetween(todayIso, values.startDate);
        if (fromToday !== undefined && fromToday < 0) {
          ctx.addIssue({ code: "custom", path: ["startDate"], message: messages.startDateInPast });
        }
        const length = daysBetween(values.startDate, values.endDate);
        if (length !== undefined && length <= 0) {
          ctx.addIssue({ code: "custom", path: ["endDate"], message: messages.endDateBeforeStart });
        }
      }),
    );
}

export function flagStepSchema({ flag, messages }: StepContext) {
  return z.object({ flagId: filled(messages.flagRequired) }).check(
    z.superRefine((values, ctx) => {
      if (flag && flag.id === values.flagId && !hasTreatmentVariation(flag)) {
        ctx.addIssue({ code: "custom", path: ["flagId"], message: messages.flagIneligible(flag.name) });
      }
    }),
  );
}

export function metricsStepSchema({ messages }: StepContext) {
  return z.object({
    metrics: z.array(metricSchema).check(
      z.refine((metrics) => metrics.length > 0, messages.metricsRequired),
      z.refine((metrics) => metrics.some((m) => m.role === "primary"), messages.primaryRequired),
    ),
  });
}

export function trafficStepSchema({ flag, overrides, messages, segmentName }: StepContext) {
  return z
    .object({
      flagId: z.string(),
      segmentId: filled(messages.segmentRequired),
      // Checked as a whole below (exact keys, whole percentages, sum 100): `custom` keeps zod's record and
      // number schemas out of the bundle.
      weights: z.custom<Weights>((value) => typeof value === "object" && value !== null && !Array.isArray(value)),
      variations: z.custom<readonly Pick<Variation, "key" | "name">[]>(Array.isArray),
    })
    .check(
      z.superRefine((values, ctx) => {
        if (values.segmentId !== "" && overrides === undefined) {
          ctx.addIssue({ code: "custom", path: ["segmentId"], message: messages.overridesPending });
        } else if (values.segmentId !== "" && overrides?.some((o) => o.segmentId === values.segmentId)) {
          const segment = segmentName?.(values.segmentId) ?? values.segmentId;
          ctx.addIssue({
            code: "custom",
            path: ["segmentId"],
            message: messages.overrideConflict(flag?.name ?? values.flagId, segment),
          });
        }
        const keys = values.variations.map((v) => v.key);
        if (!isValidSplit(keys, values.weights)) {
          ctx.addIssue({ code: "custom", path: ["weights"], message: messages.weightsInvalid });
          return;
        }
        const starved = values.variations.find((v) => (values.weights[v.key] ?? 0) <= 0);
        if (starved) {
          ctx.addIssue({ code: "custom", path: ["weights"], message: messages.weightZero(starved.name) });
        }
      }),
    );
}

/** The schema that validates one step (the review step checks every other step). */
export function stepSchema(step: Exclude<WizardStepId, "review">, context: StepContext) {
  switch (step) {
    case "details":
      return detailsSchema(context);
    case "flag":
      return flagStepSchema(context);
    case "metrics":
      return metricsStepSchema(context);
    case "traffic":
      return trafficStepSchema(context);
  }
}

export interface StepIssue {
  field: WizardField;
  message: string;
}

/**
 * Validates one step's fields: the issues in the order the fields appear on screen (first = the field
 * to focus), at most one per field. The review step validates all four editing steps.
 */
export function validateStep(step: WizardStepId, values: WizardValues, context: StepContext): StepIssue[] {
  if (step === "review") {
    return (["details", "flag", "metrics", "traffic"] as const).flatMap((s) => validateStep(s, values, context));
  }
  const result = stepSchema(step, context).safeParse(values);
  if (result.success) return [];
  const fields = STEP_FIELDS[step];
  const byField = new Map<WizardField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (fields as readonly string[]).includes(field)) {
      const key = field as WizardField;
      if (!byField.has(key)) byField.set(key, issue.message);
    }
  }
  return fields.flatMap((field) => {
    const message = byField.get(field);
    return message === undefined ? [] : [{ field, message }];
  });
}
