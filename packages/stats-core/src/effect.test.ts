import { describe, expect, it } from "vitest";
import { bayesianTest } from "./bayesian";
import { effectOfMoments, effectOfStats } from "./effect";
import { negativeControlMean } from "./fixtures/reference-values";
import { frequentistTest } from "./frequentist";

const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe("effectOfMoments", () => {
  const control = { n: 100, mean: 2, variance: 4 };
  const treatment = { n: 200, mean: 3, variance: 9 };

  it("absolute: μₜ − μ꜀ with variance vₜ + v꜀ and Welch–Satterthwaite df", () => {
    const e = effectOfMoments(control, treatment, "absolute");
    if ("reason" in e) throw new Error(e.reason.message);
    const vc = 4 / 100;
    const vt = 9 / 200;
    expect(e.estimate).toBe(1);
    expect(e.variance).toBeCloseTo(vc + vt, 15);
    expect(e.degreesOfFreedom).toBeCloseTo((vc + vt) ** 2 / (vc ** 2 / 99 + vt ** 2 / 199), 9);
    expect(e.n).toBe(300);
  });

  it("relative: (μₜ − μ꜀)/|μ꜀| with the delta-method variance vₜ/μ꜀² + v꜀μₜ²/μ꜀⁴", () => {
    const e = effectOfMoments(control, treatment, "relative");
    if ("reason" in e) throw new Error(e.reason.message);
    expect(e.estimate).toBeCloseTo(0.5, 15);
    expect(e.variance).toBeCloseTo(9 / 200 / 4 + (4 / 100) * (9 / 16), 15);
  });

  it("relative lift of a rise from a negative control mean is positive (divided by |μ꜀|, as gbstats)", () => {
    const e = effectOfMoments({ n: 100, mean: -10, variance: 4 }, { n: 100, mean: -9, variance: 4 }, "relative");
    if ("reason" in e) throw new Error(e.reason.message);
    expect(e.estimate).toBeCloseTo(0.1, 15);
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

  it("effectOfStats rejects arms of different kinds", () => {
    expect(
      effectOfStats({ kind: "proportion", n: 10, sum: 2 }, { kind: "mean", n: 10, sum: 2, sumSquares: 4 }, "relative"),
    ).toMatchObject({ status: "invalid-input", reason: { code: "kind-mismatch" } });
  });
});

describe("issue 13: a negative control mean no longer flips the lift's sign (gbstats formulas + scipy, 1e-9)", () => {
  // Formerly −10 %, CI [−14.2 %, −5.8 %], and analyzeExperiment named the control the winner of a metric the
  // treatment improved.
  const { control, treatment, expected } = negativeControlMean;

  it("frequentist: +10 %, CI [+5.8 %, +14.2 %]", () => {
    const r = frequentistTest(control, treatment);
    expect(relative(r.estimate, expected.estimate)).toBeLessThan(1e-9);
    expect(relative(r.standardError, expected.standardError)).toBeLessThan(1e-9);
    expect(relative(r.degreesOfFreedom, expected.degreesOfFreedom)).toBeLessThan(1e-9);
    expect(relative(r.pValue, expected.pValue)).toBeLessThan(1e-9);
    expect(relative(r.ci[0], expected.ci[0])).toBeLessThan(1e-9);
    expect(relative(r.ci[1], expected.ci[1])).toBeLessThan(1e-9);
  });

  it("Bayesian: chance to win 0.999999", () => {
    expect(relative(bayesianTest(control, treatment).chanceToWin, expected.chanceToWin)).toBeLessThan(1e-9);
  });
});
