import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gbstats, posthog } from "./fixtures/reference-values";
import { frequentistTest } from "./frequentist";
import type { SufficientStats } from "./types";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

/** Published figures are rounded to 5 significant places: compare to within half a unit of the last digit. */
const ROUNDED = 1e-5;

describe("frequentistTest — Welch t-test against gbstats 0.8.0 (tolerance 1e-5, the published rounding)", () => {
  it("relative lift by the delta method", () => {
    const r = frequentistTest(gbstats.welch.control, gbstats.welch.treatment);
    const e = gbstats.welch.relative;
    expect(r.status).toBe("ok");
    expect(r.estimate).toBeCloseTo(e.estimate, 5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(ROUNDED);
  });

  it("absolute difference", () => {
    const r = frequentistTest(gbstats.welch.control, gbstats.welch.treatment, { difference: "absolute" });
    const e = gbstats.welch.absolute;
    expect(r.estimate).toBeCloseTo(e.estimate, 12);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(ROUNDED);
  });

  it("proportions use the variance p(1 − p)", () => {
    const { control, treatment, expected: e } = gbstats.welchProportion;
    const r = frequentistTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(ROUNDED);
  });

  it("one-sided 'greater' matches gbstats to 1e-12 (published to full precision)", () => {
    const { control, treatment, expected } = gbstats.oneSidedGreater;
    const r = frequentistTest(control, treatment, { alternative: "greater" });
    expect(Math.abs(r.ci[0] - expected.lower)).toBeLessThan(1e-12);
    expect(r.ci[1]).toBe(Number.POSITIVE_INFINITY);
    expect(Math.abs(r.pValue - expected.pValue)).toBeLessThan(1e-12);
  });

  it("one-sided 'less' mirrors 'greater'", () => {
    const { control, treatment } = gbstats.oneSidedGreater;
    const greater = frequentistTest(control, treatment, { alternative: "greater" });
    const less = frequentistTest(control, treatment, { alternative: "less" });
    expect(less.ci[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(less.pValue + greater.pValue).toBeCloseTo(1, 12);
  });

  it("full pipeline p-value (gbstats, 1e-9)", () => {
    const r = frequentistTest(gbstats.pipeline.control, gbstats.pipeline.treatment);
    expect(Math.abs(r.pValue - gbstats.pipeline.frequentist.pValue)).toBeLessThan(1e-9);
  });
});

describe("frequentistTest against PostHog", () => {
  it("means: effect, interval, p-value and Welch df (tolerance 1e-5; df 1e-3)", () => {
    const { control, treatment, frequentist: e } = posthog.mean;
    const r = frequentistTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-4);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.degreesOfFreedom - e.degreesOfFreedom)).toBeLessThan(1e-3);
  });

  it("proportions (tolerance 1e-5)", () => {
    const { control, treatment, expected: e } = posthog.proportion;
    const r = frequentistTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(ROUNDED);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(ROUNDED);
  });

  it("ratio metric by the delta method with the cross term (tolerance 1e-6; upper bound published to 4 places)", () => {
    const { control, treatment, expected: e } = posthog.ratio;
    const r = frequentistTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-6);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-8);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-4);
    expect(Math.abs(r.pValue - e.pValue)).toBeLessThan(1e-6);
  });
});

describe("frequentistTest with bad input", () => {
  const ok = { kind: "proportion", n: 100, sum: 10 } as const;
  it.each([
    ["n = 0", { kind: "proportion", n: 0, sum: 0 }, "insufficient-data", "no-units"],
    ["n = 1", { kind: "mean", n: 1, sum: 3, sumSquares: 9 }, "insufficient-data", "too-few-units"],
    ["sum > n", { kind: "proportion", n: 10, sum: 11 }, "invalid-input", "sum-exceeds-n"],
    ["negative sum", { kind: "proportion", n: 10, sum: -1 }, "invalid-input", "negative"],
    ["NaN", { kind: "proportion", n: 10, sum: Number.NaN }, "invalid-input", "non-finite"],
    ["infinite n", { kind: "proportion", n: Number.POSITIVE_INFINITY, sum: 1 }, "invalid-input", "non-finite"],
    ["negative variance", { kind: "mean", n: 10, sum: 10, sumSquares: 1 }, "invalid-input", "negative"],
  ] as const)("%s → %s", (_label, control, status, code) => {
    const r = frequentistTest(control as SufficientStats, ok);
    expect(r.status).toBe(status);
    expect(r.reason?.code).toBe(code);
    expect([r.estimate, ...r.ci, r.standardError, r.pValue]).toEqual([0, 0, 0, 0, 1]);
  });

  it("a control mean of 0 makes the relative lift insufficient, the absolute one fine", () => {
    const zero = { kind: "proportion", n: 100, sum: 0 } as const;
    expect(frequentistTest(zero, ok).reason?.code).toBe("zero-control-mean");
    expect(frequentistTest(zero, ok, { difference: "absolute" }).status).toBe("ok");
  });

  it("zero variance in both arms is insufficient data", () => {
    const flat = { kind: "mean", n: 10, sum: 50, sumSquares: 250 } as const;
    expect(frequentistTest(flat, flat).reason?.code).toBe("zero-variance");
  });

  it("mismatched kinds and bad options are invalid input", () => {
    expect(frequentistTest(ok, { kind: "mean", n: 100, sum: 10, sumSquares: 20 }).reason?.code).toBe("kind-mismatch");
    expect(frequentistTest(ok, ok, { alpha: 2 }).status).toBe("invalid-input");
    expect(frequentistTest(ok, ok, { sequential: { tuning: -1 } }).status).toBe("invalid-input");
  });
});

const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constantFrom(0, 1, 2, -1, Number.NaN, Number.POSITIVE_INFINITY),
);
const anyStats: fc.Arbitrary<SufficientStats> = fc.oneof(
  fc.record({ kind: fc.constant("proportion" as const), n: anyNumber, sum: anyNumber }),
  fc.record({ kind: fc.constant("mean" as const), n: anyNumber, sum: anyNumber, sumSquares: anyNumber }),
  fc.record({
    kind: fc.constant("ratio" as const),
    n: anyNumber,
    sum: anyNumber,
    sumSquares: anyNumber,
    denominatorSum: anyNumber,
    denominatorSumSquares: anyNumber,
    crossSum: anyNumber,
  }),
);
const validProportion = fc
  .integer({ min: 2, max: 1_000_000 })
  .chain((n) =>
    fc.record({ kind: fc.constant("proportion" as const), n: fc.constant(n), sum: fc.integer({ min: 0, max: n }) }),
  );

describe("frequentistTest properties (fast-check)", () => {
  it(
    "never throws and never returns NaN, whatever the input (10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          anyStats,
          anyStats,
          fc.constantFrom("relative", "absolute"),
          fc.constantFrom("two-sided", "greater", "less"),
          fc.option(fc.record({ tuning: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.double()) })),
          (control, treatment, difference, alternative, sequential) => {
            const r = frequentistTest(control, treatment, {
              difference,
              alternative,
              ...(sequential === null ? {} : { sequential }),
            });
            const numbers = [r.estimate, r.ci[0], r.ci[1], r.standardError, r.pValue, r.degreesOfFreedom];
            return (
              !numbers.some(Number.isNaN) &&
              r.pValue >= 0 &&
              r.pValue <= 1 &&
              r.ci[0] <= r.ci[1] &&
              (r.status === "ok" || typeof r.reason?.code === "string")
            );
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "the two-sided interval excludes 0 exactly when p < alpha (10,000 runs)",
    () => {
      fc.assert(
        fc.property(validProportion, validProportion, fc.boolean(), (control, treatment, sequential) => {
          const r = frequentistTest(control, treatment, sequential ? { sequential: { tuning: 5000 } } : {});
          if (r.status !== "ok") return;
          const excludes = r.ci[0] > 0 || r.ci[1] < 0;
          // Away from the boundary (rounding), the interval and the p-value agree.
          if (Math.abs(r.pValue - 0.05) > 1e-9) expect(excludes).toBe(r.pValue < 0.05);
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
