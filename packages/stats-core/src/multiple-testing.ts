import type { PValueAdjustment } from "./types";

function clampProbability(p: number): number {
  if (!Number.isFinite(p)) return 1;
  return Math.min(1, Math.max(0, p));
}

/**
 * Adjusts p-values for multiple testing and returns them in input order.
 * - `holm`: Holm–Bonferroni step-down, p₍ᵢ₎·(m − i) with a running maximum, capped at 1.
 * - `benjamini-hochberg`: step-up, p₍ᵢ₎·m/(i + 1) with a running minimum from the largest, capped at 1.
 * Non-finite or out-of-range inputs are treated as 1 (no evidence); never returns NaN (nor throws: a
 * non-array gives `[]`).
 */
export function adjustPValues(pValues: number[], method: PValueAdjustment): number[] {
  if (!Array.isArray(pValues)) return [];
  const m = pValues.length;
  const p = pValues.map(clampProbability);
  const order = p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const adjusted = new Array<number>(m).fill(1);
  if (method === "holm") {
    let runningMax = 0;
    order.forEach((index, rank) => {
      runningMax = Math.max(runningMax, Math.min(1, (p[index] as number) * (m - rank)));
      adjusted[index] = runningMax;
    });
  } else {
    let runningMin = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank] as number;
      // p·(m/(i + 1)): the largest p-value is multiplied by exactly 1, so an unchanged p-value stays identical.
      runningMin = Math.min(runningMin, (p[index] as number) * (m / (rank + 1)));
      adjusted[index] = Math.min(1, runningMin);
    }
  }
  return adjusted;
}
