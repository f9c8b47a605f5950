import { describe, expect, it } from "vitest";
import { armMoments, effectOfMoments } from "./effect";

describe("effectOfMoments", () => {
  const control = { n: 100, mean: 2, variance: 4 };
  const treatment = { n: 200, mean: 3, variance: 9 };

  it("absolute: μₜ − μ꜀ with variance vₜ + v꜀ and Welch–Satterthwaite df", () => {
    const e = effectOfMoments(control, treatment, "absolute");
    expect("reason" in e).toBe(false);
    if ("reason" in e) return;
    const vc = 4 / 100;
    const vt = 9 / 200;
    expect(e.estimate).toBe(1);
    expect(e.variance).toBeCloseTo(vc + vt, 15);
    expect(e.degreesOfFreedom).toBeCloseTo((vc + vt) ** 2 / (vc ** 2 / 99 + vt ** 2 / 199), 9);
    expect(e.n).toBe(300);
  });

  it("relative: μₜ/μ꜀ − 1 with the delta-method variance vₜ/μ꜀² + v꜀μₜ²/μ꜀⁴", () => {
    const e = effectOfMoments(control, treatment, "relative");
    if ("reason" in e) throw new Error(e.reason.message);
    expect(e.estimate).toBeCloseTo(0.5, 15);
    expect(e.variance).toBeCloseTo(9 / 200 / 4 + (4 / 100) * (9 / 16), 15);
  });

  it("reports a zero control mean and zero variance", () => {
    expect(effectOfMoments({ ...control, mean: 0 }, treatment, "relative")).toMatchObject({
      status: "insufficient-data",
      reason: { code: "zero-control-mean" },
    });
    expect(effectOfMoments({ ...control, variance: 0 }, { ...treatment, variance: 0 }, "absolute")).toMatchObject({
      reason: { code: "zero-variance" },
    });
  });

  it("armMoments rejects arms of different kinds", () => {
    expect(
      armMoments({ kind: "proportion", n: 10, sum: 2 }, { kind: "mean", n: 10, sum: 2, sumSquares: 4 }),
    ).toMatchObject({ status: "invalid-input", reason: { code: "kind-mismatch" } });
  });
});
