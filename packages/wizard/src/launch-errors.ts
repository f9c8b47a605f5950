import type { StepIssue } from "./step-schemas";
import { STEP_FIELDS, WIZARD_STEPS, type WizardField, type WizardStepId } from "./steps";

/**
 * Where a server's field error belongs in the wizard. Keys are the kit's field names (the reference persistences'
 * own checks: `hypothesis`, `metrics`, `rolloutPercentage`, …) or Flagsmith's (its 400s: `metrics.0.metric`,
 * `experiment_rollout.rollout_percentage`, `feature`, `segment`); a nested key goes by its first part.
 */
const FIELD_OF_KEY: Record<string, WizardField> = {
  name: "name",
  hypothesis: "hypothesis",
  startDate: "startDate",
  start_date: "startDate",
  endDate: "endDate",
  end_date: "endDate",
  flagId: "flagId",
  feature: "flagId",
  variations: "flagId",
  metrics: "metrics",
  segmentId: "segmentId",
  segment: "segmentId",
  rolloutPercentage: "rolloutPercentage",
  rollout_percentage: "rolloutPercentage",
  experiment_rollout: "rolloutPercentage",
  weights: "weights",
  multivariate_feature_state_values: "weights",
};

function fieldOf(key: string): WizardField | undefined {
  return FIELD_OF_KEY[key] ?? FIELD_OF_KEY[key.split(".")[0] ?? ""];
}

/**
 * The field errors of an `invalid-request` error, on the wizard's fields: the step of the first field (in step order)
 * and that step's issues, in screen order. `undefined` when no error names a field the wizard edits (the dialog then
 * shows the server's message, field errors included).
 */
export function fieldErrorIssues(error: unknown): { step: WizardStepId; issues: StepIssue[] } | undefined {
  const fieldErrors = (error as { fieldErrors?: unknown } | null)?.fieldErrors;
  if (typeof fieldErrors !== "object" || fieldErrors === null) return undefined;
  const byField = new Map<WizardField, string[]>();
  for (const [key, problems] of Object.entries(fieldErrors as Record<string, unknown>)) {
    const field = fieldOf(key);
    const list = (Array.isArray(problems) ? problems : [problems]).filter(
      (p): p is string => typeof p === "string" && p.trim() !== "",
    );
    if (field && list.length > 0) byField.set(field, [...(byField.get(field) ?? []), ...list]);
  }
  const step = WIZARD_STEPS.find((s) => STEP_FIELDS[s].some((f) => byField.has(f)));
  if (!step) return undefined;
  const issues = STEP_FIELDS[step].flatMap((field) => {
    const problems = byField.get(field);
    return problems ? [{ field, message: problems.join(" ") }] : [];
  });
  return { step, issues };
}
