import stdlibBetainc from "@stdlib/math-base-special-betainc";
import stdlibBetaln from "@stdlib/math-base-special-betaln";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaPdf, incompleteBeta, xMinusLog1p } from "./incomplete-beta";

const PROPERTY_TIMEOUT = 60_000;
const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.exp(v));

/**
 * Large parameters, where @stdlib is no oracle (its continued fraction loses ~1e-9 at a, b ≈ 1e7 and takes
 * seconds at 1e12): I_x(a, b) (or its complement) by mpmath at 40 digits, integrating the density.
 * [a, b, x, which tail, value]
 */
const LARGE_PARAMETERS: [number, number, number, "lower" | "upper", number][] = [
  [20001.0, 180001.0, 0.09664986352262468, "lower", 2.223877032123535e-7],
  [20001.0, 180001.0, 0.09933317267252526, "lower", 0.15865441989416496],
  [20001.0, 180001.0, 0.10020524814624293, "upper", 0.38139941628962365],
  [20001.0, 180001.0, 0.10134565453495069, "upper", 0.023070966172097862],
  [20001.0, 180001.0, 0.10402896368485126, "upper", 1.4952113538360121e-9],
  [5000001.0, 5000001.0, 0.4992094307035433, "lower", 2.866474834238789e-7],
  [5000001.0, 5000001.0, 0.4998418861407087, "lower", 0.15865526603002392],
  [5000001.0, 5000001.0, 0.5000474341577874, "upper", 0.3820885861348232],
  [5000001.0, 5000001.0, 0.5003162277185826, "upper", 0.022750129248645334],
  [5000001.0, 5000001.0, 0.500948683155748, "upper", 9.865575698122834e-10],
  [1000000001.0, 4000000001.0, 0.19997171584875464, "lower", 2.8639934989526755e-7],
  [1000000001.0, 4000000001.0, 0.1999943432657509, "lower", 0.15865525393667326],
  [1000000001.0, 4000000001.0, 0.20000169717627472, "upper", 0.3820861237250255],
  [1000000001.0, 4000000001.0, 0.20001131382849813, "upper", 0.02275127725207227],
  [1000000001.0, 4000000001.0, 0.2000339412454944, "upper", 9.880922915505338e-10],
  [100000000001.0, 900000000001.0, 0.0999985000008, "lower", 2.8661985662153887e-7],
  [100000000001.0, 900000000001.0, 0.09999970000080001, "lower", 0.1586552539396593],
  [100000000001.0, 900000000001.0, 0.1000000900008, "upper", 0.382088269312611],
  [100000000001.0, 900000000001.0, 0.10000060000080001, "upper", 0.022750275922674257],
  [100000000001.0, 900000000001.0, 0.10000180000080001, "upper", 9.86776687817698e-10],
  [300000000001.0, 1001.0, 0.9999999961360236, "lower", 9.26128230354884e-7],
  [300000000001.0, 1001.0, 0.9999999965578714, "lower", 0.15861589464035317],
  [300000000001.0, 1001.0, 0.999999996694972, "upper", 0.38575143694924446],
  [300000000001.0, 1001.0, 0.9999999968742573, "upper", 0.0210173303704068],
  [300000000001.0, 1001.0, 0.9999999972961051, "upper", 6.949176696234701e-11],
];

/** x in [0, 1]: uniform, log-uniform towards 0, and 0; subnormal x (below 1e-300) is left out, where @stdlib drifts. */
const unitInterval = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).filter((x) => x === 0 || x >= 1e-300),
  logUniform(1e-300, 1),
  fc.constant(0),
);

describe("incompleteBeta against @stdlib's betainc (the test oracle)", () => {
  it(
    "both tails to 1e-12 relative for a, b in [0.05, 1000] (10,000 runs)",
    () => {
      // Values below 1e-200 are skipped: near underflow @stdlib itself drifts or clamps (1.2854e-266 where
      // mpmath, and this implementation, give 1.3051e-266; 1e-250 where they give 9.99667e-251).
      fc.assert(
        fc.property(logUniform(0.05, 1000), logUniform(0.05, 1000), unitInterval, (a, b, x) => {
          const { lower, upper } = incompleteBeta(a, b, x);
          const referenceLower = stdlibBetainc(x, a, b, true, false);
          const referenceUpper = stdlibBetainc(x, a, b, true, true);
          return (
            (referenceLower < 1e-200 || relative(lower, referenceLower) <= 1e-12) &&
            (referenceUpper < 1e-200 || relative(upper, referenceUpper) <= 1e-12)
          );
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it.each(LARGE_PARAMETERS)(
    "a = %d, b = %d, x = %d: %s tail = %d (mpmath; 2e-10 relative)",
    (a, b, x, tail, reference) => {
      // Tolerance: x itself carries a relative rounding error of 1.1e-16, and at a + b = 1e12 the
      // distribution's sd is 3e-7, so the CDF's condition number reaches ~1e6 (rounding x alone moves
      // the result by ~5e-11); the evaluation adds nothing beyond that.
      expect(relative(incompleteBeta(a, b, x)[tail], reference)).toBeLessThan(2e-10);
    },
  );

  it("the density agrees with exp((a−1)ln x + (b−1)ln(1−x) − ln B) from @stdlib's ln B (1e-12, moderate a, b)", () => {
    for (const [a, b, x] of [
      [2, 3, 0.4],
      [0.5, 0.5, 0.1],
      [30, 270, 0.1],
      [120, 880, 0.13],
    ] as const) {
      const reference = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - stdlibBetaln(a, b));
      expect(relative(betaPdf(x, a, b), reference)).toBeLessThan(1e-12);
    }
    expect(betaPdf(0, 2, 2)).toBe(0);
    expect(betaPdf(1, 2, 2)).toBe(0);
  });

  it("edges and invalid arguments", () => {
    expect(incompleteBeta(2, 3, 0)).toEqual({ lower: 0, upper: 1 });
    expect(incompleteBeta(2, 3, 1)).toEqual({ lower: 1, upper: 0 });
    expect(incompleteBeta(1, 1, 0.3).lower).toBeCloseTo(0.3, 15);
    expect(incompleteBeta(-1, 3, 0.5).lower).toBeNaN();
    expect(incompleteBeta(2, 3, Number.NaN).upper).toBeNaN();
  });

  it("t − ln(1 + t) keeps its digits near 0 and near −1", () => {
    expect(relative(xMinusLog1p(1e-8), 5e-17 - 1e-24 / 3)).toBeLessThan(1e-14);
    expect(relative(xMinusLog1p(-0.3), -0.3 - Math.log(0.7))).toBeLessThan(1e-14);
    expect(relative(xMinusLog1p(-(1 - 1e-12), 1e-12), -(1 - 1e-12) - Math.log(1e-12))).toBeLessThan(1e-15);
  });
});
