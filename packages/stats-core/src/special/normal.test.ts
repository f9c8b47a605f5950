import erfcinv from "@stdlib/math-base-special-erfcinv";
import stdlibCdf from "@stdlib/stats-base-dists-normal-cdf";
import stdlibPdf from "@stdlib/stats-base-dists-normal-pdf";
import stdlibQuantile from "@stdlib/stats-base-dists-normal-quantile";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalPartialExpectation, normalPdf, normalQuantile, normalSurvival } from "./normal";

/** Property tests run 10,000 cases; allow for a busy CI machine. */
const PROPERTY_TIMEOUT = 60_000;
const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe("normalCdf / normalSurvival / normalPdf against @stdlib (the test oracle)", () => {
  it(
    "Φ agrees to 1e-12 relative in both tails down to 1e-300 (10,000 runs)",
    () => {
      // Relative precision in the tails is the point: Φ(−37) ≈ 5.7e-300 must not be 0 or 1e-299.
      fc.assert(
        fc.property(fc.double({ min: -37.5, max: 37.5, noNaN: true }), (x) => {
          const lower = stdlibCdf(x, 0, 1);
          const upper = stdlibCdf(-x, 0, 1);
          return (
            (lower < 1e-300 || relative(normalCdf(x), lower) <= 1e-12) &&
            (upper < 1e-300 || relative(normalSurvival(x), upper) <= 1e-12)
          );
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "φ agrees to 1e-12 relative (10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: -37.5, max: 37.5, noNaN: true }),
          (x) => relative(normalPdf(x), stdlibPdf(x, 0, 1)) <= 1e-12,
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("edge values", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(relative(normalSurvival(37), 5.725571222524577e-300)).toBeLessThan(1e-12); // mpmath; not 1 − 1 = 0
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalPdf(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("normalQuantile", () => {
  it(
    "agrees with −√2·erfc⁻¹(2p) (@stdlib) to 1e-12 for p in [1e-300, 1) (10,000 runs)",
    () => {
      // @stdlib's own normal quantile computes erf⁻¹(2p − 1), which loses digits as p leaves the centre
      // (1.6e-11 relative at p = 1e-8; −8.29 instead of −8.37 at p = 2.8e-17), so the tails are checked via
      // erfc⁻¹, using Φ⁻¹(p) = −Φ⁻¹(1 − p) for the upper half (1 − p is exact there). Relative tolerance,
      // absolute (1e-12) near p = ½ where the quantile crosses 0.
      fc.assert(
        fc.property(fc.double({ min: -690, max: Math.log(0.5), noNaN: true }), fc.boolean(), (logP, upperHalf) => {
          const tail = Math.exp(logP);
          const p = upperHalf ? 1 - tail : tail;
          if (p === 1) return true;
          const lowerReference = -Math.SQRT2 * erfcinv(2 * (upperHalf ? 1 - p : p));
          const reference = upperHalf ? -lowerReference : lowerReference;
          return Math.abs(normalQuantile(p) - reference) <= 1e-12 * Math.max(1, Math.abs(reference));
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "agrees with @stdlib's normal quantile for p in [1e-3, 1 − 1e-3] to 1e-12 (absolute below |x| = 1) (10,000 runs)",
    () => {
      fc.assert(
        fc.property(fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true }), (p) => {
          const reference = stdlibQuantile(p, 0, 1);
          return Math.abs(normalQuantile(p) - reference) <= 1e-12 * Math.max(1, Math.abs(reference));
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("round-trips through Φ and handles the ends", () => {
    for (const p of [1e-300, 1e-100, 2.8e-17, 0.025, 0.3, 0.5, 0.975, 1 - 1e-12]) {
      expect(relative(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-12);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
  });
});

describe("normalPartialExpectation E[(Z − z)⁺]", () => {
  // Reference values: mpmath at 50 digits, φ(z) − z·Φ(−z).
  it.each([
    [-3, 3.0003821543170477],
    [-0.5, 0.6977965574013061],
    [0, 0.3989422804014327],
    [0.5, 0.19779655740130603],
    [1, 0.08331547058768629],
    [2.5, 0.0020041371791281993],
    [3, 0.0003821543170477236],
    [5, 5.346165533832815e-8],
    [6, 1.5635697959709664e-10],
    [10, 7.474560254589328e-25],
    [20, 1.3700124947295798e-90],
    [37, 1.5451991905122026e-301],
  ])("z = %f → %f (1e-13 relative: no cancellation even at 1e-301)", (z, reference) => {
    expect(relative(normalPartialExpectation(z), reference)).toBeLessThan(1e-13);
  });

  it("g(z) − g(−z) = −z", () => {
    for (const z of [0.1, 1, 4, 7]) {
      expect(Math.abs(normalPartialExpectation(z) - normalPartialExpectation(-z) + z)).toBeLessThan(1e-15 * (1 + z));
    }
  });
});
