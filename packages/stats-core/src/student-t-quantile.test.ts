import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studentTQuantile } from "./student-t-quantile";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("studentTQuantile (Newton on stdlib's t CDF)", () => {
  it.each([
    [0.975, 1, 12.706204736174696],
    [0.975, 2, 4.302652729749464],
    [0.975, 10, 2.2281388519862735],
    [0.95, 30, 1.6972608865939576],
  ])("p = %f, df = %f", (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-7 * Math.max(1, Math.abs(expected)));
  });

  it(
    "agrees with stdlib's t-quantile to 1e-9 (relative) across p and df (fast-check, 10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
          fc.oneof(fc.double({ min: 0.5, max: 50, noNaN: true }), fc.double({ min: 50, max: 1e7, noNaN: true })),
          (p, df) => {
            const ours = studentTQuantile(p, df);
            const reference = tQuantile(p, df);
            return Math.abs(ours - reference) <= 1e-9 * Math.max(1, Math.abs(reference));
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("edge cases", () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(0.9, 1e13)).toBeCloseTo(1.2815515655446004, 12);
  });
});
