import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gbstats } from "./fixtures/reference-values";
import { frequentistTest } from "./frequentist";
import { sequentialHalfWidth, sequentialPValue, sequentialRho } from "./sequential";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("sequential asymptotic confidence sequences against gbstats 0.8.0", () => {
  it("rho for alpha 0.05 and N* 5000 (tolerance 1e-15)", () => {
    expect(Math.abs(sequentialRho(gbstats.rho.alpha, gbstats.rho.tuning) - gbstats.rho.value)).toBeLessThan(1e-15);
  });

  it("means, tuning 1000: interval and p = 1 (tolerance 1e-5, the published rounding)", () => {
    const { control, treatment, tuning, expected: e } = gbstats.sequentialMean;
    const r = frequentistTest(control, treatment, { sequential: { tuning } });
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(1e-5);
    expect(r.pValue).toBe(1);
  });

  it("proportions, tuning 5000: interval (1e-5) and p ≈ 5.17e-44 (relative 1e-3)", () => {
    const { control, treatment, tuning, expected: e } = gbstats.sequentialProportion;
    const r = frequentistTest(control, treatment, { sequential: { tuning } });
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.pValue / e.pValue - 1)).toBeLessThan(1e-3);
  });

  it("full pipeline, tuning 600: p and lower bound (tolerance 1e-9)", () => {
    const { control, treatment, sequential } = gbstats.pipeline;
    const r = frequentistTest(control, treatment, { sequential: { tuning: sequential.tuning } });
    expect(Math.abs(r.pValue - sequential.pValue)).toBeLessThan(1e-9);
    expect(Math.abs(r.ci[0] - sequential.lower)).toBeLessThan(1e-9);
  });

  it("is wider than the fixed-horizon interval for the same data", () => {
    const fixed = frequentistTest(gbstats.welch.control, gbstats.welch.treatment);
    const seq = frequentistTest(gbstats.welch.control, gbstats.welch.treatment, { sequential: { tuning: 5000 } });
    expect(seq.ci[1] - seq.ci[0]).toBeGreaterThan(fixed.ci[1] - fixed.ci[0]);
    expect(seq.pValue).toBeGreaterThanOrEqual(fixed.pValue);
  });
});

describe("sequential p-value inverts the confidence sequence (fast-check, 10,000 runs)", () => {
  it(
    "the interval at level a excludes the estimate's distance from 0 exactly when p < a",
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: -5, max: 5, noNaN: true }),
          fc.double({ min: 1e-6, max: 4, noNaN: true }),
          fc.integer({ min: 10, max: 10_000_000 }),
          fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
          fc.integer({ min: 1, max: 100_000 }),
          (estimate, variance, n, a, tuning) => {
            const rho = sequentialRho(0.05, tuning);
            const half = sequentialHalfWidth(variance, n, a, rho);
            const p = sequentialPValue(estimate, variance, n, rho);
            const margin = Math.abs(Math.abs(estimate) - half) / Math.max(half, 1e-12);
            if (margin > 1e-9) expect(Math.abs(estimate) > half).toBe(p < a);
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
