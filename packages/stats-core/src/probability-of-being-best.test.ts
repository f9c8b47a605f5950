import betaln from "@stdlib/math-base-special-betaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monteCarlo } from "./fixtures/monte-carlo";
import { betaPosterior, normalPosterior, probabilityOfBeingBest } from "./probability-of-being-best";
import type { BetaPosterior, NormalPosterior, Posterior } from "./types";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

const normal = (mean: number, sd: number): NormalPosterior => ({ distribution: "normal", mean, sd });
const beta = (alpha: number, b: number): BetaPosterior => ({ distribution: "beta", alpha, beta: b });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("probabilityOfBeingBest — closed forms", () => {
  it("two normal arms: P(best) of arm 1 = Φ((μ₁ − μ₀)/√(σ₀² + σ₁²)) to 1e-12", () => {
    const [p0, p1] = probabilityOfBeingBest([normal(0.1, 0.02), normal(0.13, 0.03)]);
    const exact = normalCdf((0.13 - 0.1) / Math.sqrt(0.02 ** 2 + 0.03 ** 2), 0, 1);
    expect(Math.abs((p1 as number) - exact)).toBeLessThan(1e-12);
    expect(Math.abs((p0 as number) - (1 - exact))).toBeLessThan(1e-12);
  });

  it("two normal arms by integration (via a third arm far below) agree with the closed form to 1e-9", () => {
    const [p0, p1, p2] = probabilityOfBeingBest([normal(0.1, 0.02), normal(0.13, 0.03), normal(-100, 0.01)]);
    const exact = normalCdf((0.13 - 0.1) / Math.sqrt(0.02 ** 2 + 0.03 ** 2), 0, 1);
    expect(Math.abs((p1 as number) - exact)).toBeLessThan(1e-9);
    expect(Math.abs((p0 as number) - (1 - exact))).toBeLessThan(1e-9);
    expect(p2).toBeLessThan(1e-12);
  });

  it.each([2, 3, 5, 10, 20])("K = %i identical normal arms each get 1/K (1e-9)", (k) => {
    const result = probabilityOfBeingBest(Array.from({ length: k }, () => normal(3, 0.5)));
    for (const p of result) expect(Math.abs(p - 1 / k)).toBeLessThan(1e-9);
  });

  it.each([2, 3, 7, 20])("K = %i identical beta arms each get 1/K (1e-9)", (k) => {
    const result = probabilityOfBeingBest(Array.from({ length: k }, () => beta(30, 270)));
    for (const p of result) expect(Math.abs(p - 1 / k)).toBeLessThan(1e-9);
  });

  it("two beta arms match the exact beta–binomial P(B > A) sum (1e-9)", () => {
    // Evan Miller's closed form for integer parameters: P(pB > pA) = Σ_{i<αB} B(αA+i, βA+βB)/((βB+i) B(1+i, βB) B(αA, βA)).
    const [aA, bA, aB, bB] = [12, 90, 20, 85];
    let exact = 0;
    const lnBeta = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
    for (let i = 0; i < aB; i++) {
      exact += Math.exp(lnBeta(aA + i, bA + bB) - Math.log(bB + i) - lnBeta(1 + i, bB) - lnBeta(aA, bA));
    }
    const [, pB] = probabilityOfBeingBest([beta(aA, bA), beta(aB, bB)]);
    expect(Math.abs((pB as number) - exact)).toBeLessThan(1e-9);
  });

  it("realistic counts (≈ 950 of 10,000 each) match the exact sum to 1e-9", () => {
    const [aA, bA, aB, bB] = [956, 9046, 944, 9058];
    let exact = 0;
    for (let i = 0; i < aB; i++) {
      exact += Math.exp(betaln(aA + i, bA + bB) - Math.log(bB + i) - betaln(1 + i, bB) - betaln(aA, bA));
    }
    const [, pB] = probabilityOfBeingBest([beta(aA, bA), beta(aB, bB)]);
    expect(Math.abs((pB as number) - exact)).toBeLessThan(1e-9);
  });

  it("beta posteriors at n = 1e12 finish (issue 13: seconds before) and match the moment-matched normal closed form (1e-9)", () => {
    // At n = 1e12 a beta is normal to within its skewness (≈ 5e-6), whose first-order effect cancels between two
    // arms of the same size, so Φ((μ₁ − μ₀)/√(σ₀² + σ₁²)) on the betas' means and variances is a 1e-11 reference.
    const [a, b] = [1e11, 1.0000005e11].map((s) => beta(1 + s, 1 + 1e12 - s)) as [BetaPosterior, BetaPosterior];
    const moments = [a, b].map((p) => {
      const total = p.alpha + p.beta;
      return { mean: p.alpha / total, variance: (p.alpha * p.beta) / (total * total * (total + 1)) };
    }) as [{ mean: number; variance: number }, { mean: number; variance: number }];
    const reference = normalCdf(
      (moments[1].mean - moments[0].mean) / Math.sqrt(moments[0].variance + moments[1].variance),
      0,
      1,
    );
    const [, pB] = probabilityOfBeingBest([a, b]);
    expect(Math.abs((pB as number) - reference)).toBeLessThan(1e-9);
  });

  it("higherIsBetter: false ranks the lowest best", () => {
    const higher = probabilityOfBeingBest([normal(1, 1), normal(2, 1), normal(1.5, 0.5)]);
    const lower = probabilityOfBeingBest([normal(-1, 1), normal(-2, 1), normal(-1.5, 0.5)], { higherIsBetter: false });
    higher.forEach((p, i) => {
      expect(Math.abs(p - (lower[i] as number))).toBeLessThan(1e-9);
    });
    const betaLower = probabilityOfBeingBest([beta(10, 90), beta(20, 80)], { higherIsBetter: false });
    expect(betaLower[0]).toBeGreaterThan(0.95);
  });

  it("point masses and invalid posteriors", () => {
    expect(probabilityOfBeingBest([normal(1, 0), normal(1, 0)])).toEqual([0.5, 0.5]);
    expect(probabilityOfBeingBest([normal(1, 0), normal(0, 1)])[0]).toBeCloseTo(normalCdf(1, 0, 1), 9);
    expect(probabilityOfBeingBest([normal(Number.NaN, 1), normal(0, 1)])).toEqual([0, 1]);
    expect(probabilityOfBeingBest([beta(-1, 1), beta(0, 0)])).toEqual([0.5, 0.5]);
    const huge = probabilityOfBeingBest([beta(1.6e166, 209), beta(2558, 2e130), normal(1e300, 1e300)]);
    expect(huge.every(Number.isFinite)).toBe(true);
    expect(Math.abs(sum(huge) - 1)).toBeLessThan(1e-9);
    expect(probabilityOfBeingBest([])).toEqual([]);
  });
});

/** Natural log of Γ via Lanczos, only for the closed-form check above. */
function lgamma(x: number): number {
  const g = 7;
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0] as number;
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

describe("probabilityOfBeingBest vs a seeded 1,000,000-draw Monte Carlo (within 4 standard errors)", () => {
  const draws = 1_000_000;
  it.each([
    ["5 normal arms", [normal(0, 1), normal(0.2, 1.1), normal(0.5, 0.8), normal(-0.3, 2), normal(0.4, 0.3)]],
    ["3 beta arms", [beta(101, 901), beta(111, 891), beta(95, 905)]],
  ] as [string, Posterior[]][])("%s", (_label, posteriors) => {
    const exact = probabilityOfBeingBest(posteriors);
    const simulated = monteCarlo(posteriors, draws, 20240601);
    exact.forEach((p, i) => {
      const se = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs(p - (simulated[i] as number))).toBeLessThan(4 * se + 1e-12);
    });
  });
});

const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, 1, -1, Number.NaN, Number.POSITIVE_INFINITY),
);
/** Invalid values, shapes below 1 (singular densities) and counts; huge shapes are unit-tested above. */
const betaParameter = fc.oneof(
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double({ min: 0.5, max: 1, noNaN: true }),
  fc.integer({ min: 1, max: 2_000 }),
);
const anyPosterior: fc.Arbitrary<Posterior> = fc.oneof(
  { arbitrary: fc.record({ distribution: fc.constant("normal" as const), mean: anyNumber, sd: anyNumber }), weight: 2 },
  {
    weight: 3,
    arbitrary: fc.record({
      distribution: fc.constant("normal" as const),
      mean: fc.double({ min: -1, max: 1, noNaN: true }),
      sd: fc.double({ min: 1e-3, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ distribution: fc.constant("beta" as const), alpha: betaParameter, beta: betaParameter }),
  },
);

describe("probabilityOfBeingBest properties (fast-check)", () => {
  it(
    "always K finite probabilities in [0, 1] summing to 1, whatever the input (10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          fc.array(anyPosterior, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          (posteriors, higherIsBetter) => {
            const result = probabilityOfBeingBest(posteriors, { higherIsBetter });
            // Plain boolean checks: `expect` per case would dominate the run time.
            return (
              result.length === posteriors.length &&
              result.every((p) => Number.isFinite(p) && p >= 0 && p <= 1) &&
              Math.abs(sum(result) - 1) < 1e-9
            );
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("is invariant to the order of the arms and to shifting all means (300 runs, K ≤ 6)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            mean: fc.double({ min: -1, max: 1, noNaN: true }),
            sd: fc.double({ min: 0.01, max: 1, noNaN: true }),
          }),
          { minLength: 3, maxLength: 6 },
        ),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (arms, shift) => {
          const base = probabilityOfBeingBest(arms.map((a) => normal(a.mean, a.sd)));
          const shifted = probabilityOfBeingBest(arms.map((a) => normal(a.mean + shift, a.sd)));
          const reversed = probabilityOfBeingBest([...arms].reverse().map((a) => normal(a.mean, a.sd))).reverse();
          base.forEach((p, i) => {
            expect(Math.abs(p - (shifted[i] as number))).toBeLessThan(1e-6);
            expect(Math.abs(p - (reversed[i] as number))).toBeLessThan(1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("posterior helpers", () => {
  it("normalPosterior is N(mean, variance/n); betaPosterior adds the flat prior", () => {
    const n = normalPosterior({ kind: "mean", n: 10, sum: 100, sumSquares: 1002.25 });
    expect(n?.mean).toBe(10);
    expect(n?.sd).toBeCloseTo(Math.sqrt(0.25 / 10), 12);
    expect(betaPosterior({ n: 100, sum: 12 })).toEqual({ distribution: "beta", alpha: 13, beta: 89 });
    expect(normalPosterior({ kind: "proportion", n: 0, sum: 0 })).toBeNull();
    expect(betaPosterior({ n: 10, sum: 11 })).toBeNull();
  });

  it(
    "never throw and never return NaN (10,000 runs each)",
    () => {
      fc.assert(
        fc.property(anyNumber, anyNumber, anyNumber, (n, s, ss) => {
          const p = normalPosterior({ kind: "mean", n, sum: s, sumSquares: ss });
          if (p !== null) expect(Number.isNaN(p.mean) || Number.isNaN(p.sd)).toBe(false);
          const b = betaPosterior({ n, sum: s });
          if (b !== null) expect(Number.isNaN(b.alpha) || Number.isNaN(b.beta)).toBe(false);
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
