import stdlibBetaln from "@stdlib/math-base-special-betaln";
import stdlibGammaln from "@stdlib/math-base-special-gammaln";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logBeta, logGamma, stirlingCorrection } from "./log-gamma";

const PROPERTY_TIMEOUT = 60_000;
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.exp(v));

describe("logGamma and logBeta against @stdlib", () => {
  it(
    "ln Γ(x) to 1e-13 · max(1, |ln Γ(x)|) for x in [1e-8, 1e15] (10,000 runs)",
    () => {
      // Absolute rather than relative near x = 1 and 2, where ln Γ crosses 0 and relative error is meaningless.
      fc.assert(
        fc.property(logUniform(1e-8, 1e15), (x) => {
          const reference = stdlibGammaln(x);
          return Math.abs(logGamma(x) - reference) <= 1e-13 * Math.max(1, Math.abs(reference));
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "ln B(a, b) to 1e-13 · max(1, |ln B|) for a, b in [1e-3, 1e8] (10,000 runs)",
    () => {
      fc.assert(
        fc.property(logUniform(1e-3, 1e8), logUniform(1e-3, 1e8), (a, b) => {
          const reference = stdlibBetaln(a, b);
          return Math.abs(logBeta(a, b) - reference) <= 1e-13 * Math.max(1, Math.abs(reference));
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("the Stirling correction is continuous where the series takes over and tends to 1/(12x)", () => {
    expect(Math.abs(stirlingCorrection(10 - 1e-9) - stirlingCorrection(10))).toBeLessThan(1e-11);
    expect(Math.abs(stirlingCorrection(1e6) * 12e6 - 1)).toBeLessThan(1e-12);
    expect(logGamma(0)).toBeNaN();
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
  });
});
