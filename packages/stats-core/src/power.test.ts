import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateDuration, minimumDetectableEffect, sampleSizePerVariation } from "./power";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("sampleSizePerVariation", () => {
  it("occurrence: (z₀.₉₇₅ + z₀.₈)² (p₀q₀ + p₁q₁)/δ², rounded up", () => {
    const z = normalQuantile(0.975, 0, 1) + normalQuantile(0.8, 0, 1);
    const expected = Math.ceil((z * z * (0.1 * 0.9 + 0.11 * 0.89)) / 0.01 ** 2);
    expect(sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.1 })).toBe(expected);
    expect(expected).toBe(14749);
  });

  it("mean: 2σ²(z₀.₉₇₅ + z₀.₈)²/δ²", () => {
    const z = normalQuantile(0.975, 0, 1) + normalQuantile(0.8, 0, 1);
    const expected = Math.ceil((2 * 25 * z * z) / (20 * 0.05) ** 2);
    expect(sampleSizePerVariation({ kind: "mean", baseline: 20, sd: 5, mde: 0.05 })).toBe(expected);
  });

  it("count and ratio metrics are planned like means, with their per-unit sd", () => {
    const mean = sampleSizePerVariation({ kind: "mean", baseline: 800, sd: 240, mde: 0.05 });
    expect(sampleSizePerVariation({ kind: "ratio", baseline: 800, sd: 240, mde: 0.05 })).toBe(mean);
    expect(sampleSizePerVariation({ kind: "count", baseline: 800, sd: 240, mde: 0.05 })).toBe(mean);
    // Page-load time, 800 ms with a per-user delta-method sd of 240 ms: 2(z₀.₉₇₅ + z₀.₈)²·240²/40² = 565.1 → 566.
    expect(mean).toBe(566);
    expect(sampleSizePerVariation({ kind: "ratio", baseline: 800, mde: 0.05 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("more variations split alpha (Bonferroni) and need more units", () => {
    const two = sampleSizePerVariation({ kind: "occurrence", baseline: 0.2, mde: 0.05 });
    const four = sampleSizePerVariation({ kind: "occurrence", baseline: 0.2, mde: 0.05, variations: 4 });
    expect(four).toBeGreaterThan(two);
  });

  it("is Infinity when no finite sample works", () => {
    expect(sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(sampleSizePerVariation({ kind: "occurrence", baseline: 1.2, mde: 0.1 })).toBe(Number.POSITIVE_INFINITY);
    expect(sampleSizePerVariation({ kind: "mean", baseline: 10, mde: 0.1 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("minimumDetectableEffect", () => {
  it("inverts sampleSizePerVariation", () => {
    const n = sampleSizePerVariation({ kind: "occurrence", baseline: 0.1, mde: 0.1 });
    const mde = minimumDetectableEffect({ kind: "occurrence", baseline: 0.1, sampleSizePerVariation: n });
    expect(mde).toBeLessThanOrEqual(0.1);
    expect(mde).toBeGreaterThan(0.0999);
  });
});

describe("estimateDuration", () => {
  it("the smallest arm decides: 14,749 per arm at 1,000/day split 50/50 → 30 days", () => {
    expect(
      estimateDuration({ kind: "occurrence", baseline: 0.1, mde: 0.1, dailyTraffic: 1000, weights: [50, 50] }),
    ).toBe(30);
    expect(
      estimateDuration({ kind: "occurrence", baseline: 0.1, mde: 0.1, dailyTraffic: 1000, weights: { a: 80, b: 20 } }),
    ).toBe(Math.ceil(14749 / 200));
  });

  it("no traffic → Infinity", () => {
    expect(estimateDuration({ kind: "occurrence", baseline: 0.1, mde: 0.1, dailyTraffic: 0, weights: [50, 50] })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: -10, max: 100_000 }),
  fc.constantFrom(Number.NaN, 0, -1, Number.POSITIVE_INFINITY),
);
const input = fc.record({
  kind: fc.constantFrom("occurrence" as const, "count" as const, "sum" as const, "mean" as const, "ratio" as const),
  baseline: anyNumber,
  sd: anyNumber,
  mde: anyNumber,
  alpha: anyNumber,
  power: anyNumber,
  variations: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.double()),
});
const isCount = (n: number) => n === Number.POSITIVE_INFINITY || (Number.isInteger(n) && n >= 1);

describe("power properties (fast-check)", () => {
  it(
    "sampleSizePerVariation: a positive integer or Infinity, never NaN (10,000 runs)",
    () => {
      fc.assert(
        fc.property(input, (i) => isCount(sampleSizePerVariation(i))),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "minimumDetectableEffect: positive or Infinity, never NaN (10,000 runs)",
    () => {
      fc.assert(
        fc.property(input, anyNumber, (i, n) => {
          const mde = minimumDetectableEffect({ ...i, sampleSizePerVariation: n });
          return mde > 0 && !Number.isNaN(mde);
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "estimateDuration: a positive integer or Infinity, never NaN (10,000 runs)",
    () => {
      fc.assert(
        fc.property(input, anyNumber, fc.array(anyNumber, { maxLength: 4 }), (i, dailyTraffic, weights) =>
          isCount(estimateDuration({ ...i, dailyTraffic, weights })),
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
