import stdlibGammainc from "@stdlib/math-base-special-gammainc";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareSurvival } from "./chi-square";

const PROPERTY_TIMEOUT = 60_000;
const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe("chiSquareSurvival against @stdlib's upper regularized incomplete gamma (the test oracle)", () => {
  it(
    "P(χ²ₖ > x) = Q(k/2, x/2) to 1e-12 relative for k in 1…40, down to 1e-300 (10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.double({ min: Math.log(1e-6), max: Math.log(1500), noNaN: true }).map(Math.exp),
          (k, x) => {
            const reference = stdlibGammainc(x / 2, k / 2, true, true);
            return reference < 1e-300 || relative(chiSquareSurvival(x, k), reference) <= 1e-12;
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("keeps tiny p-values (scipy: χ² = 1190.4093656153816, 4 df → 1.911111546728015e-256)", () => {
    expect(relative(chiSquareSurvival(1190.4093656153816, 4), 1.911111546728015e-256)).toBeLessThan(1e-12);
  });

  it("edges", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(chiSquareSurvival(2, 2.5)).toBeNaN();
    expect(chiSquareSurvival(Number.NaN, 2)).toBeNaN();
  });
});
