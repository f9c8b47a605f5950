import type { WizardField, WizardValues } from "./steps";

/** The fields the conflict view compares, in the order the steps show them (`flagName` follows `flagId`). */
export const COMPARED_FIELDS = [
  "name",
  "hypothesis",
  "startDate",
  "endDate",
  "flagId",
  "variations",
  "metrics",
  "segmentId",
  "rolloutPercentage",
  "weights",
  "minimumDetectableEffect",
] as const satisfies readonly WizardField[];

export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A canonical text of a value: object keys sorted, so `{ a, b }` and `{ b, a }` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The configuration fields in which two versions of a draft differ (the user's and the stored one), in screen order.
 * The variations only count when the flag is the same (another flag has other variations anyway).
 */
export function changedFields(mine: WizardValues, theirs: WizardValues): ComparedField[] {
  return COMPARED_FIELDS.filter((field) => {
    if (field === "variations" && mine.flagId !== theirs.flagId) return false;
    return canonical(mine[field]) !== canonical(theirs[field]);
  });
}
