import { describe, expect, it } from "vitest";
import { cupedAdjust } from "./cuped";
import { frequentistTest } from "./frequentist";
import { type Moments, momentsOf } from "./moments";
import type { MeanStats } from "./types";

/** Sufficient statistics of y with covariate x, from raw values. */
function stats(ys: number[], xs: number[]): MeanStats {
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return {
    kind: "mean",
    n: ys.length,
    sum: sum(ys),
    sumSquares: sum(ys.map((y) => y * y)),
    covariate: {
      sum: sum(xs),
      sumSquares: sum(xs.map((x) => x * x)),
      crossSum: sum(ys.map((y, i) => y * (xs[i] as number))),
    },
  };
}

function moments(s: MeanStats): Moments {
  const m = momentsOf(s, "arm");
  if ("reason" in m) throw new Error(m.reason.message);
  return m;
}

describe("CUPED", () => {
  // y = 2x + noise in both arms; treatment adds 1.
  const xsA = [1, 2, 3, 4, 5, 6, 7, 8];
  const xsB = [2, 3, 4, 5, 6, 7, 8, 9];
  const noise = [0.1, -0.2, 0.05, 0.15, -0.1, 0.0, -0.05, 0.1];
  const control = stats(
    xsA.map((x, i) => 2 * x + (noise[i] as number)),
    xsA,
  );
  const treatment = stats(
    xsB.map((x, i) => 2 * x + 1 + (noise[(i + 3) % 8] as number)),
    xsB,
  );

  it("pools θ across arms from within-arm covariances (≈ 2 here)", () => {
    const { theta } = cupedAdjust([control, treatment], [moments(control), moments(treatment)]);
    expect(theta).toBeGreaterThan(1.9);
    expect(theta).toBeLessThan(2.1);
  });

  it("removes the covariate imbalance and most of the variance", () => {
    const raw = frequentistTest(
      { ...control, covariate: undefined },
      { ...treatment, covariate: undefined },
      {
        difference: "absolute",
      },
    );
    const adjusted = frequentistTest(control, treatment, { difference: "absolute" });
    expect(raw.estimate).toBeCloseTo(3, 0); // 1 (effect) + 2 × 1 (covariate imbalance)
    expect(adjusted.estimate).toBeCloseTo(1, 0);
    expect(adjusted.standardError).toBeLessThan(raw.standardError / 5);
  });

  it("falls back to the raw moments when the covariate has no variance", () => {
    const flat = { ...control, covariate: { sum: 8 * 3, sumSquares: 8 * 9, crossSum: 3 * control.sum } };
    const flatT = { ...treatment, covariate: { sum: 8 * 3, sumSquares: 8 * 9, crossSum: 3 * treatment.sum } };
    const result = cupedAdjust([flat, flatT], [moments(flat), moments(flatT)]);
    expect(result.theta).toBe(0);
    expect(result.moments).toEqual([moments(flat), moments(flatT)]);
  });

  it("is skipped unless every arm has a covariate", () => {
    const { theta } = cupedAdjust(
      [control, { ...treatment, covariate: undefined }],
      [moments(control), moments(treatment)],
    );
    expect(theta).toBe(0);
  });
});
