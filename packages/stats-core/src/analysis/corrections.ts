/**
 * Multiple testing over the family of decision comparisons (primary, non-informational metrics × treatments).
 * Each comparison's interval is recomputed at level α′ = α·p/p_adj, so the interval shown excludes 0 exactly
 * when the adjusted p-value is below α — but only when the correction changed the p-value: an unchanged
 * p-value keeps the nominal interval and `adjusted: false` (no α·p/p ≠ α rounding).
 */
import { adjustPValues } from "../multiple-testing";
import type { Comparison } from "./comparison";
import type { Settings } from "./settings";

export type Adjustment = { level: number; adjustedP: number };

/** The adjusted level and p-value of each comparison the correction changed, keyed by the comparison. */
export function adjustmentsFor(family: Comparison[], s: Settings): Map<Comparison, Adjustment> {
  const out = new Map<Comparison, Adjustment>();
  if (s.correction === "none" || family.length < 2) return out;
  const adjusted = adjustPValues(
    family.map((c) => c.decisionP),
    s.correction,
  );
  family.forEach((comparison, i) => {
    const p = comparison.decisionP;
    const adjustedP = adjusted[i] ?? p;
    if (adjustedP === p) return;
    const level = adjustedP > 0 && p > 0 ? (s.alpha * p) / adjustedP : s.alpha / family.length;
    out.set(comparison, { level: Math.min(s.alpha, level), adjustedP });
  });
  return out;
}
