import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagsmith, gbstats } from "./fixtures/reference-values";
import { srmTest } from "./srm";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("srmTest — chi-square goodness of fit", () => {
  it.each(gbstats.srm.map((c) => [c.users.join("/"), c] as const))("gbstats %s (tolerance 1e-9)", (_label, c) => {
    const r = srmTest([...c.users], [...c.weights]);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(1e-9);
    expect(r.mismatch).toBe(c.pValue < 0.001);
  });

  it.each(flagsmith.srm.map((c) => [c.users.join("/"), c] as const))("Flagsmith %s (tolerance 1e-5)", (_label, c) => {
    const r = srmTest([...c.users], [...c.weights]);
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(1e-5);
  });

  it("threshold is configurable", () => {
    expect(srmTest([5100, 4900], [0.5, 0.5], { threshold: 0.05 }).mismatch).toBe(true);
    expect(srmTest([5100, 4900], [0.5, 0.5]).mismatch).toBe(false);
  });

  it("a zero-weight arm is left out of the test; users in it are a mismatch", () => {
    const without = srmTest([500, 0, 520], [0.5, 0, 0.5]);
    expect(without.degreesOfFreedom).toBe(1);
    expect(without.pValue).toBeCloseTo(srmTest([500, 520], [0.5, 0.5]).pValue, 12);
    const leaked = srmTest([500, 3, 520], [0.5, 0, 0.5]);
    expect(leaked).toMatchObject({ status: "ok", mismatch: true, pValue: 0, chiSquare: Number.POSITIVE_INFINITY });
  });

  it("reports bad input instead of throwing", () => {
    expect(srmTest([1, 2], [0.3, 0.3]).reason?.code).toBe("invalid-weights");
    expect(srmTest([1, -2], [0.5, 0.5]).reason?.code).toBe("negative");
    expect(srmTest([0, 0], [0.5, 0.5]).status).toBe("insufficient-data");
    expect(srmTest([1], [1]).status).toBe("invalid-input");
  });

  it("keeps a p-value of 1.9e-256 instead of underflowing to 0 (scipy chi2.sf; 1e-12 relative)", () => {
    const r = srmTest([50611, 47244, 49822, 51145, 41931], [0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(Math.abs(r.chiSquare - 1190.4093656153816) / 1190.4093656153816).toBeLessThan(1e-12);
    expect(Math.abs(r.pValue - 1.911111546728015e-256) / 1.911111546728015e-256).toBeLessThan(1e-12);
    expect(r.mismatch).toBe(true);
  });

  it("counts as large as Number.MAX_VALUE give a finite answer, not NaN", () => {
    expect(srmTest([Number.MAX_VALUE, Number.MAX_VALUE], [0.5, 0.5])).toMatchObject({
      status: "ok",
      chiSquare: 0,
      pValue: 1,
      mismatch: false,
    });
    const skewed = srmTest([Number.MAX_VALUE, Number.MAX_VALUE / 2], [0.5, 0.5]);
    expect(skewed).toMatchObject({ status: "ok", pValue: 0, mismatch: true });
    expect(skewed.chiSquare).toBe(Number.POSITIVE_INFINITY);
  });

  it(
    "never throws or returns NaN (fast-check, 10,000 runs)",
    () => {
      const value = fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double(),
        fc.constantFrom(Number.NaN, -1, 0, Number.POSITIVE_INFINITY),
      );
      fc.assert(
        fc.property(
          fc.array(value, { maxLength: 6 }),
          fc.array(fc.oneof(fc.constantFrom(0, 0.5, 0.25, 1 / 3), fc.double()), { maxLength: 6 }),
          (users, weights) => {
            const r = srmTest(users, weights);
            return (
              !Number.isNaN(r.chiSquare) &&
              !Number.isNaN(r.pValue) &&
              r.pValue >= 0 &&
              r.pValue <= 1 &&
              r.chiSquare >= 0
            );
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
