import stdlibTCdf from "@stdlib/stats-base-dists-t-cdf";
import stdlibTQuantile from "@stdlib/stats-base-dists-t-quantile";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studentTCdf, studentTPdf, studentTQuantile, studentTSurvival } from "./student-t";

/** Property tests run 10,000 cases; allow for a busy CI machine. */
const PROPERTY_TIMEOUT = 60_000;
const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.exp(v));
/** Degrees of freedom as Welch's are: fractional, from below 1 to a billion. */
const degreesOfFreedom = logUniform(0.3, 1e9);

describe("Student's t against @stdlib (the test oracle)", () => {
  it(
    "P(T ≤ t) and P(T > t) to 1e-12 relative, p-values down to 1e-200, |t| ≥ 1e-3 (10,000 runs)",
    () => {
      // |t| < 1e-3 is left to the closed forms below: there @stdlib loses digits (3e-11 at t = −1e-6, ν = 1;
      // 0.5 for t = −1.6e-12, where the Cauchy CDF is ½ + atan(t)/π = 0.4999999999995).
      fc.assert(
        fc.property(
          fc.double({ min: -1e4, max: 1e4, noNaN: true }).filter((t) => Math.abs(t) >= 1e-3),
          degreesOfFreedom,
          (t, df) => {
            const lower = stdlibTCdf(t, df);
            const upper = stdlibTCdf(-t, df);
            return (
              (lower < 1e-200 || relative(studentTCdf(t, df), lower) <= 1e-12) &&
              (upper < 1e-200 || relative(studentTSurvival(t, df), upper) <= 1e-12)
            );
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "the quantile to 1e-12 · max(1, |t|) for p in [1e-12, 1 − 1e-12], ν in [0.5, 1e7] (10,000 runs)",
    () => {
      // Beyond ν = 1e7 @stdlib's quantile is no oracle: it returns −0 for p = 0.49988, ν = 6.7e8 (the quantile
      // is −2.95e-4); the round trip below covers that range.
      fc.assert(
        fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), logUniform(0.5, 1e7), (p, df) => {
          const reference = stdlibTQuantile(p, df);
          return Math.abs(studentTQuantile(p, df) - reference) <= 1e-12 * Math.max(1, Math.abs(reference));
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "quantile and CDF invert each other to 1e-12 for p in [1e-250, ½] and any ν (10,000 runs)",
    () => {
      fc.assert(
        fc.property(fc.double({ min: -575, max: Math.log(0.5), noNaN: true }), degreesOfFreedom, (logP, df) => {
          const p = Math.exp(logP);
          const quantile = studentTQuantile(p, df);
          // With ν < 1 the quantile of p = 1e-250 is beyond the largest double: −∞, not a wrong finite number.
          if (quantile === Number.NEGATIVE_INFINITY) return studentTCdf(-Number.MAX_VALUE, df) > p;
          // Beyond |t| = 1e150 (p ≲ 1e-150 with ν ≤ 1), ν/t² is subnormal: the CDF there is only as good as that.
          if (quantile < -1e150) return true;
          return relative(studentTCdf(quantile, df), p) <= 1e-12;
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("matches the closed forms for ν = 1 (Cauchy) and ν = 2 to 1e-14, including |t| near 0", () => {
    for (const t of [-1.6e-12, 1e-9, 0.3, -4, 250]) {
      expect(relative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI)).toBeLessThan(1e-14);
      expect(relative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)))).toBeLessThan(1e-14);
    }
  });

  it.each([
    [0.975, 1, 12.706204736174696],
    [0.975, 2, 4.302652729749464],
    [0.975, 10, 2.2281388519862735],
    [0.95, 30, 1.6972608865939576],
  ])("quantile p = %f, ν = %f → %f (scipy, 1e-14)", (p, df, expected) => {
    expect(relative(studentTQuantile(p, df), expected)).toBeLessThan(1e-14);
  });

  it("density integrates the CDF's slope and edge cases hold", () => {
    const h = 1e-6;
    for (const [t, df] of [
      [0.3, 2.5],
      [-2, 40],
      [1.5, 1e6],
    ] as const) {
      const slope = (studentTCdf(t + h, df) - studentTCdf(t - h, df)) / (2 * h);
      expect(relative(studentTPdf(t, df), slope)).toBeLessThan(1e-7);
    }
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(0.9, 1e13)).toBeCloseTo(1.2815515655446004, 12);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(studentTSurvival(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(studentTCdf(1, -1)).toBeNaN();
  });
});
