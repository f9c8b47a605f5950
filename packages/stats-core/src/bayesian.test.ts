import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bayesianTest, gaussianRisk } from "./bayesian";
import { flagsmith, gbstats, posthog } from "./fixtures/reference-values";
import type { SufficientStats } from "./types";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("bayesianTest against gbstats 0.8.0", () => {
  it("proportions 49/100 vs 51/100: chance to win and risk to 1e-12, the rest to the published 1e-5", () => {
    const { control, treatment, expected: e } = gbstats.bayesianProportion;
    const r = bayesianTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(1e-5);
    expect(Math.abs(r.chanceToWin - e.chanceToWin)).toBeLessThan(1e-12);
    expect(Math.abs(r.risk[0] - e.risk[0])).toBeLessThan(1e-12);
    expect(Math.abs(r.risk[1] - e.risk[1])).toBeLessThan(1e-12);
  });

  it("means with a flat prior (tolerance 1e-5)", () => {
    const { control, treatment, flat: e } = gbstats.bayesianMean;
    const r = bayesianTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(1e-5);
    expect(Math.abs(r.chanceToWin - e.chanceToWin)).toBeLessThan(1e-5);
    expect(Math.abs(r.risk[0] - e.risk[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.risk[1] - e.risk[1])).toBeLessThan(1e-5);
  });

  it("means with a proper prior N(0.1, 0.1) (tolerance 1e-5)", () => {
    const { control, treatment, prior, withPrior: e } = gbstats.bayesianMean;
    const r = bayesianTest(control, treatment, { prior });
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.standardError - e.standardError)).toBeLessThan(1e-5);
    expect(Math.abs(r.chanceToWin - e.chanceToWin)).toBeLessThan(1e-5);
    expect(Math.abs(r.risk[0] - e.risk[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.risk[1] - e.risk[1])).toBeLessThan(1e-5);
  });

  it.each([
    [0.05, 0.01, 0.050000000534616555, 5.34616553383281e-10],
    [0.3, 0.04, 0.30000000000000016, 1.6460711338335119e-16],
    [0.02, 0.001, 0.02, 1.37001249472958e-93],
  ])(
    "a small risk keeps its digits: N(%d, %d²) → [%d, %d] (mpmath; 1e-13 relative each)",
    (mean, sd, control, treatment) => {
      // Formerly the treatment's risk was E[max(Δ, 0)] − μ: 1.4e-6 relative error at 5e-10, 0 at 1e-93.
      const [riskControl, riskTreatment] = gaussianRisk(mean, sd);
      expect(Math.abs(riskControl - control) / control).toBeLessThan(1e-13);
      expect(Math.abs(riskTreatment - treatment) / treatment).toBeLessThan(1e-13);
    },
  );

  it("risk of a N(0.1, 0.05²) effect (tolerance 1e-12)", () => {
    const [control, treatment] = gaussianRisk(gbstats.riskOfNormal.mean, gbstats.riskOfNormal.sd);
    expect(Math.abs(control - gbstats.riskOfNormal.risk[0])).toBeLessThan(1e-12);
    expect(Math.abs(treatment - gbstats.riskOfNormal.risk[1])).toBeLessThan(1e-12);
  });

  it("full pipeline (tolerance 1e-9)", () => {
    const r = bayesianTest(gbstats.pipeline.control, gbstats.pipeline.treatment);
    expect(Math.abs(r.estimate - gbstats.pipeline.bayesian.estimate)).toBeLessThan(1e-9);
    expect(Math.abs(r.chanceToWin - gbstats.pipeline.bayesian.chanceToWin)).toBeLessThan(1e-9);
    expect(Math.abs(r.risk[1] - gbstats.pipeline.bayesian.riskTreatment)).toBeLessThan(1e-9);
  });
});

describe("bayesianTest against PostHog and Flagsmith", () => {
  it("PostHog means: 95.8 % chance to win with an interval crossing 0 (tolerance 1e-4, published to 4–5 places)", () => {
    const { control, treatment, bayesian: e } = posthog.mean;
    const r = bayesianTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-4);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-4);
    expect(Math.abs(r.chanceToWin - e.chanceToWin)).toBeLessThan(1e-5);
    expect(r.ci[0]).toBeLessThan(0);
  });

  it("Flagsmith backend: lift 0.2, normal interval and chance to win (tolerance 1e-5)", () => {
    const { control, treatment, expected: e } = flagsmith.bayesian;
    const r = bayesianTest(control, treatment);
    expect(Math.abs(r.estimate - e.estimate)).toBeLessThan(1e-12);
    expect(Math.abs(r.ci[0] - e.ci[0])).toBeLessThan(1e-5);
    expect(Math.abs(r.ci[1] - e.ci[1])).toBeLessThan(1e-5);
    expect(Math.abs(r.chanceToWin - e.chanceToWin)).toBeLessThan(1e-5);
  });
});

describe("bayesianTest with bad input", () => {
  const ok = { kind: "mean", n: 50, sum: 100, sumSquares: 300 } as const;
  it("returns neutral numbers and a reason", () => {
    const r = bayesianTest({ kind: "mean", n: 0, sum: 0, sumSquares: 0 }, ok);
    expect(r).toMatchObject({ status: "insufficient-data", estimate: 0, chanceToWin: 0.5, risk: [0, 0] });
    expect(r.reason?.code).toBe("no-units");
  });
  it("rejects an improper prior", () => {
    expect(bayesianTest(ok, ok, { prior: { mean: 0, variance: 0 } }).reason?.code).toBe("invalid-option");
  });
});

const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constantFrom(0, 1, 2, -1, Number.NaN, Number.NEGATIVE_INFINITY),
);
const validMean: fc.Arbitrary<SufficientStats> = fc
  .record({
    n: fc.integer({ min: 2, max: 100_000 }),
    mean: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    sd: fc.double({ min: 0, max: 1e3, noNaN: true }),
  })
  .map(({ n, mean, sd }) => ({
    kind: "mean" as const,
    n,
    sum: n * mean,
    sumSquares: (n - 1) * sd * sd + n * mean * mean,
  }));
const anyStats: fc.Arbitrary<SufficientStats> = fc.oneof(
  validMean,
  fc.record({ kind: fc.constant("proportion" as const), n: anyNumber, sum: anyNumber }),
  fc.record({ kind: fc.constant("mean" as const), n: anyNumber, sum: anyNumber, sumSquares: anyNumber }),
);

describe("bayesianTest properties (fast-check, 10,000 runs)", () => {
  it(
    "never throws, never NaN; chance to win in [0, 1]; risk ≥ 0; interval ordered",
    () => {
      fc.assert(
        fc.property(
          anyStats,
          anyStats,
          fc.constantFrom("relative", "absolute"),
          fc.option(fc.record({ mean: anyNumber, variance: anyNumber })),
          (control, treatment, difference, prior) => {
            const r = bayesianTest(control, treatment, { difference, ...(prior === null ? {} : { prior }) });
            const numbers = [r.estimate, ...r.ci, r.standardError, r.chanceToWin, ...r.risk];
            expect(numbers.some(Number.isNaN)).toBe(false);
            expect(r.chanceToWin).toBeGreaterThanOrEqual(0);
            expect(r.chanceToWin).toBeLessThanOrEqual(1);
            expect(Math.min(...r.risk)).toBeGreaterThanOrEqual(0);
            expect(r.ci[0]).toBeLessThanOrEqual(r.ci[1]);
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
