import { describe, expect, it } from "vitest";
import { momentsOf, sampleVariance } from "./moments";

describe("moments from sufficient statistics", () => {
  it("proportion: p and p(1 − p)", () => {
    expect(momentsOf({ kind: "proportion", n: 200, sum: 50 }, "x")).toEqual({ n: 200, mean: 0.25, variance: 0.1875 });
  });

  it("mean: (Σx² − (Σx)²/n)/(n − 1)", () => {
    expect(sampleVariance(4, 10, 30)).toBeCloseTo(5 / 3, 12);
    expect(momentsOf({ kind: "mean", n: 4, sum: 10, sumSquares: 30 }, "x")).toMatchObject({ mean: 2.5 });
  });

  it("ratio: delta method with the cross term", () => {
    // Units (y, x): (2, 1), (4, 2), (3, 3), (5, 2).
    const ys = [2, 4, 3, 5];
    const xs = [1, 2, 3, 2];
    const s = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const m = momentsOf(
      {
        kind: "ratio",
        n: 4,
        sum: s(ys),
        sumSquares: s(ys.map((y) => y * y)),
        denominatorSum: s(xs),
        denominatorSumSquares: s(xs.map((x) => x * x)),
        crossSum: s(ys.map((y, i) => y * (xs[i] as number))),
      },
      "x",
    );
    const muY = 3.5;
    const muX = 2;
    const varY = sampleVariance(4, 14, 54);
    const varX = sampleVariance(4, 8, 18);
    const cov = (s(ys.map((y, i) => y * (xs[i] as number))) - (14 * 8) / 4) / 3;
    const expected = varY / muX ** 2 - (2 * muY * cov) / muX ** 3 + (muY ** 2 * varX) / muX ** 4;
    expect("reason" in m).toBe(false);
    if (!("reason" in m)) {
      expect(m.mean).toBeCloseTo(1.75, 12);
      expect(m.variance).toBeCloseTo(expected, 12);
    }
  });

  it("names the problem with bad input", () => {
    const code = (s: Parameters<typeof momentsOf>[0]) => {
      const m = momentsOf(s, "x");
      return "reason" in m ? m.reason.code : "ok";
    };
    expect(code({ kind: "proportion", n: 2.5, sum: 1 })).toBe("not-integer");
    expect(
      code({ kind: "ratio", n: 5, sum: 5, sumSquares: 5, denominatorSum: 0, denominatorSumSquares: 0, crossSum: 0 }),
    ).toBe("zero-denominator");
    expect(code({ kind: "mean", n: 5, sum: 1, sumSquares: 1, covariate: { sum: 5, sumSquares: 1, crossSum: 0 } })).toBe(
      "negative",
    );
  });
});
