import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeExperiment } from "./analyze-experiment";
import { posthog } from "./fixtures/reference-values";
import type { AnalysisInput, AnalysisMetric, AnalysisResult, MetricStatsRow, SufficientStats } from "./types";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

const variations = [
  { key: "control", name: "Control", isControl: true },
  { key: "treatment", name: "Treatment", isControl: false },
];
const conversion: AnalysisMetric = {
  id: "conversion",
  name: "Conversion",
  kind: "mean",
  direction: "increase",
  role: "primary",
};

function totals(metricId: string, control: SufficientStats, treatment: SufficientStats): MetricStatsRow[] {
  return [
    { metricId, variationKey: "control", stats: control },
    { metricId, variationKey: "treatment", stats: treatment },
  ];
}

/** Ratio sufficient statistics for page-load time per user (as the dashboard's fixtures): Σ load ms / page views. */
function loadTime(n: number, msPerView: number): SufficientStats {
  const [muY, sdY, muX, sdX, correlation] = [3 * msPerView, 1.5 * msPerView, 3, 1.2, 0.8];
  return {
    kind: "ratio",
    n,
    sum: n * muY,
    sumSquares: (n - 1) * sdY ** 2 + n * muY ** 2,
    denominatorSum: n * muX,
    denominatorSumSquares: (n - 1) * sdX ** 2 + n * muX ** 2,
    crossSum: (n - 1) * correlation * sdY * sdX + n * muY * muX,
  };
}

function treatmentOf(result: AnalysisResult, metricId: string) {
  const metric = result.metrics.find((m) => m.metricId === metricId);
  const v = metric?.variations.find((x) => !x.isControl);
  if (v === undefined) throw new Error("missing treatment");
  return v;
}

/** Every number anywhere in the result, for the never-NaN check. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("analyzeExperiment — PostHog issue #72503: 95.8 % chance to win, interval crossing 0", () => {
  const input: AnalysisInput = {
    variations,
    weights: { control: 50, treatment: 50 },
    metrics: [conversion],
    totals: totals("conversion", posthog.mean.control, posthog.mean.treatment),
  };

  it("is not significant and not a winner (Bayesian)", () => {
    const result = analyzeExperiment(input);
    const t = treatmentOf(result, "conversion");
    expect(t.lift?.chanceToWin).toBeCloseTo(0.95759, 4);
    expect(t.lift?.ci[0]).toBeLessThan(0);
    expect(t.lift?.significant).toBe(false);
    expect(t.lift?.outcome).toBe("inconclusive");
    expect(result.recommendation.verdict).not.toBe("declare-winner");
    expect(result.recommendation.winner).toBeUndefined();
  });

  it("is not significant and not a winner (frequentist, p = 0.0849)", () => {
    const result = analyzeExperiment({ ...input, options: { engine: "frequentist" } });
    const t = treatmentOf(result, "conversion");
    expect(t.lift?.pValue).toBeCloseTo(0.08487, 4);
    expect(t.lift?.significant).toBe(false);
    expect(result.recommendation.verdict).toBe("keep-running");
    expect(result.recommendation.reasons[0]).toMatchObject({ code: "not-enough-data" });
  });
});

describe("analyzeExperiment — verdicts", () => {
  const big = (n: number, rate: number): SufficientStats => ({ kind: "proportion", n, sum: Math.round(n * rate) });
  const proportionMetric: AnalysisMetric = { ...conversion, kind: "occurrence" };

  it("declares a clear winner with its confidence", () => {
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(20_000, 0.1), big(20_000, 0.12)),
    });
    expect(result.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
    expect(result.recommendation.confidence).toBeGreaterThan(0.99);
    expect(treatmentOf(result, "conversion").probabilityOfBeingBest).toBeGreaterThan(0.99);
  });

  it("respects direction: a drop in a 'decrease' metric is better", () => {
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [{ ...proportionMetric, direction: "decrease" }],
      totals: totals("conversion", big(20_000, 0.12), big(20_000, 0.1)),
    });
    expect(treatmentOf(result, "conversion").lift?.outcome).toBe("better");
    expect(result.recommendation.winner).toBe("treatment");
  });

  it("declares the control when the treatment is significantly worse", () => {
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(20_000, 0.12), big(20_000, 0.1)),
    });
    expect(result.recommendation).toMatchObject({ verdict: "declare-winner", winner: "control" });
  });

  it("SRM → investigate, with the p-value", () => {
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(20_000, 0.1), big(23_000, 0.12)),
    });
    expect(result.srm.mismatch).toBe(true);
    expect(result.recommendation.verdict).toBe("investigate");
    expect(result.recommendation.reasons).toContainEqual({ code: "srm", pValue: result.srm.pValue });
  });

  it("a harmed guardrail → investigate, naming metric and variation", () => {
    const guardrail: AnalysisMetric = {
      id: "errors",
      name: "Errors",
      kind: "occurrence",
      direction: "decrease",
      role: "guardrail",
    };
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, guardrail],
      totals: [
        ...totals("conversion", big(20_000, 0.1), big(20_000, 0.12)),
        ...totals("errors", big(20_000, 0.01), big(20_000, 0.02)),
      ],
    });
    expect(treatmentOf(result, "errors").guardrail).toBe("harmed");
    expect(result.recommendation.verdict).toBe("investigate");
    expect(result.recommendation.reasons).toContainEqual({
      code: "guardrail-harmed",
      metricId: "errors",
      variationKey: "treatment",
    });
  });

  it("guardrail 'fine' when the worst case is within the margin, 'inconclusive' otherwise", () => {
    const guardrail: AnalysisMetric = {
      id: "g",
      name: "G",
      kind: "occurrence",
      direction: "increase",
      role: "guardrail",
    };
    const fine = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, guardrail],
      totals: [
        ...totals("conversion", big(100, 0.1), big(100, 0.1)),
        ...totals("g", big(200_000, 0.5), big(200_000, 0.5)),
      ],
    });
    expect(treatmentOf(fine, "g").guardrail).toBe("fine");
    const unsure = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, guardrail],
      totals: [...totals("conversion", big(100, 0.1), big(100, 0.1)), ...totals("g", big(200, 0.5), big(200, 0.5))],
    });
    expect(treatmentOf(unsure, "g").guardrail).toBe("inconclusive");
  });

  it("guardrail rule: harmed needs the interval on the bad side of zero and an estimate beyond the margin", () => {
    // Page-load time (ratio, lower is better) up 0.6 %: the interval excludes zero, but the harm is far below
    // the default 5 % margin — fine, not harmed (the dashboard's report).
    const pageLoad: AnalysisMetric = {
      id: "page-load",
      name: "Page load",
      kind: "ratio",
      direction: "decrease",
      role: "guardrail",
    };
    const input = (guardrailMargin?: number): AnalysisInput => ({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, pageLoad],
      totals: [
        ...totals("conversion", big(200_000, 0.1), big(200_000, 0.1)),
        ...totals("page-load", loadTime(200_000, 800), loadTime(200_000, 800 * 1.006)),
      ],
      options: guardrailMargin === undefined ? {} : { guardrailMargin },
    });
    const byDefault = treatmentOf(analyzeExperiment(input()), "page-load");
    expect(byDefault.lift?.estimate).toBeCloseTo(0.006, 6);
    expect(byDefault.lift?.ci[0]).toBeGreaterThan(0);
    expect(byDefault.lift?.ci[1]).toBeLessThan(0.05);
    expect(byDefault.lift?.outcome).toBe("worse");
    expect(byDefault.guardrail).toBe("fine");
    expect(analyzeExperiment(input()).recommendation.reasons).not.toContainEqual(
      expect.objectContaining({ code: "guardrail-harmed" }),
    );
    // A margin below the estimate: significantly and materially worse → harmed.
    expect(treatmentOf(analyzeExperiment(input(0.001)), "page-load").guardrail).toBe("harmed");
    // Estimate within the margin but the worst end beyond it → inconclusive.
    const upper = byDefault.lift?.ci[1] ?? Number.NaN;
    expect(upper).toBeGreaterThan(0.0065);
    expect(treatmentOf(analyzeExperiment(input(0.0065)), "page-load").guardrail).toBe("inconclusive");
  });

  it("plans a ratio primary's sample with the textbook formula on the delta-method sd (566 per variation)", () => {
    const pageLoad: AnalysisMetric = {
      id: "page-load",
      name: "Page load",
      kind: "ratio",
      direction: "decrease",
      role: "primary",
    };
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [pageLoad],
      totals: totals("page-load", loadTime(1000, 800), loadTime(1000, 800)),
    });
    // Per-user numerator 2400 ± 1200 ms over 3 ± 1.2 page views, correlation 0.8: delta-method variance of
    // the ratio per user σ² = σy²/μx² − 2μyσxy/μx³ + μy²σx²/μx⁴ = 160,000 − 204,800 + 102,400 = 57,600 (σ = 240).
    const sigma2 = 1200 ** 2 / 3 ** 2 - (2 * 2400 * (0.8 * 1200 * 1.2)) / 3 ** 3 + (2400 ** 2 * 1.2 ** 2) / 3 ** 4;
    expect(sigma2).toBeCloseTo(57_600, 6);
    // n = 2 (z₀.₉₇₅ + z₀.₈)² σ² / (mde · baseline)², per variation, two arms.
    const z = 1.959963984540054 + 0.8416212335729143;
    const textbook = Math.ceil((2 * z * z * sigma2) / (0.05 * 800) ** 2);
    expect(textbook).toBe(566);
    expect(result.progress.plannedSampleSizePerVariation).toBe(textbook);
  });

  it("primaries that disagree → investigate", () => {
    const second: AnalysisMetric = { ...proportionMetric, id: "retention", name: "Retention" };
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, second],
      totals: [
        ...totals("conversion", big(20_000, 0.1), big(20_000, 0.12)),
        ...totals("retention", big(20_000, 0.3), big(20_000, 0.25)),
      ],
    });
    expect(result.recommendation.verdict).toBe("investigate");
    expect(result.recommendation.reasons).toContainEqual({ code: "primaries-disagree", variationKey: "treatment" });
  });

  it("no difference once the planned sample is reached", () => {
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(50_000, 0.1), big(50_000, 0.1)),
      options: { plannedSampleSizePerVariation: 40_000 },
    });
    expect(result.recommendation.verdict).toBe("no-difference");
    expect(result.progress.percentOfPlannedSample).toBeCloseTo(125, 9);
  });

  it("keep running with % of planned sample and days left from the daily rows", () => {
    const daily: MetricStatsRow[] = ["2024-03-01", "2024-03-02"].flatMap((date, i) => [
      { metricId: "conversion", variationKey: "control", date, stats: big(500 * (i + 1), 0.1) },
      { metricId: "conversion", variationKey: "treatment", date, stats: big(500 * (i + 1), 0.1) },
    ]);
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(1000, 0.1), big(1000, 0.1)),
      daily,
      options: { plannedSampleSizePerVariation: 10_000 },
    });
    expect(result.recommendation.verdict).toBe("keep-running");
    expect(result.recommendation.reasons).toContainEqual({
      code: "not-enough-data",
      percentOfPlannedSample: 10,
      daysLeft: 18,
    });
    const series = result.metrics[0]?.timeSeries.find((s) => s.variationKey === "treatment");
    expect(series?.points.map((p) => p.date)).toEqual(["2024-03-01", "2024-03-02"]);
    expect(series?.points[1]?.lift?.estimate).toBeCloseTo(0, 12);
  });

  it("sequential daily intervals are wider than fixed-horizon ones", () => {
    const daily: MetricStatsRow[] = totals("conversion", big(5000, 0.1), big(5000, 0.11)).map((r) => ({
      ...r,
      date: "2024-03-01",
    }));
    const base = {
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric],
      totals: totals("conversion", big(5000, 0.1), big(5000, 0.11)),
      daily,
    };
    const width = (r: AnalysisResult) => {
      const ci = r.metrics[0]?.timeSeries[1]?.points[0]?.lift?.ci ?? [0, 0];
      return ci[1] - ci[0];
    };
    const fixed = analyzeExperiment({ ...base, options: { engine: "frequentist" } });
    const seq = analyzeExperiment({ ...base, options: { engine: "frequentist", sequential: true } });
    expect(width(seq)).toBeGreaterThan(width(fixed));
    expect(seq.sequential).toBe(true);
  });
});

describe("analyzeExperiment — multiple testing over primaries", () => {
  it("widens primary intervals (Holm) so the shown interval agrees with the adjusted p-value", () => {
    const metrics: AnalysisMetric[] = ["a", "b", "c"].map((id) => ({
      ...conversion,
      id,
      name: id,
      kind: "occurrence",
    }));
    const rows = [
      ...totals("a", { kind: "proportion", n: 10_000, sum: 1000 }, { kind: "proportion", n: 10_000, sum: 1090 }),
      ...totals("b", { kind: "proportion", n: 10_000, sum: 1000 }, { kind: "proportion", n: 10_000, sum: 1010 }),
      ...totals("c", { kind: "proportion", n: 10_000, sum: 1000 }, { kind: "proportion", n: 10_000, sum: 1000 }),
    ];
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics,
      totals: rows,
      options: { engine: "frequentist" },
    });
    const a = treatmentOf(result, "a").lift;
    expect(a?.adjusted).toBe(true);
    expect(a?.pValue).toBeLessThan(0.05);
    expect(a?.adjustedPValue).toBeGreaterThan(0.05);
    expect((a?.ci[1] ?? 0) - (a?.ci[0] ?? 0)).toBeGreaterThan((a?.unadjustedCi[1] ?? 0) - (a?.unadjustedCi[0] ?? 0));
    expect(a?.significant).toBe(false);
    const none = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics,
      totals: rows,
      options: { engine: "frequentist", correction: "none" },
    });
    expect(treatmentOf(none, "a").lift?.significant).toBe(true);
  });
});

describe("analyzeExperiment — bad input never throws", () => {
  it("no control, unknown options and missing data are reported, not thrown", () => {
    const noControl = analyzeExperiment({
      variations: variations.map((v) => ({ ...v, isControl: false })),
      weights: {},
      metrics: [],
      totals: [],
    });
    expect(noControl).toMatchObject({ status: "invalid-input", reason: { code: "no-control" } });
    expect(noControl.recommendation.verdict).toBe("investigate");
    const empty = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [conversion],
      totals: [],
    });
    expect(empty.status).toBe("insufficient-data");
    expect(empty.recommendation.verdict).toBe("keep-running");
    const badWeights = analyzeExperiment({
      variations,
      weights: { control: 70, treatment: 70 },
      metrics: [conversion],
      totals: totals("conversion", posthog.mean.control, posthog.mean.treatment),
    });
    expect(badWeights.srm).toMatchObject({ status: "invalid-input", reason: { code: "invalid-weights" } });
    const kind = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [{ ...conversion, kind: "ratio" }],
      totals: totals("conversion", posthog.mean.control, posthog.mean.treatment),
    });
    expect(kind.metrics[0]).toMatchObject({ status: "invalid-input", reason: { code: "kind-mismatch" } });
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: the one decision rule
// ---------------------------------------------------------------------------------------------

const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2, max: 50_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -3, Number.NaN, 2.5) },
);
const proportionStats: fc.Arbitrary<SufficientStats> = count.chain((n) =>
  fc.record({
    kind: fc.constant("proportion" as const),
    n: fc.constant(n),
    sum: Number.isInteger(n) && n > 0 ? fc.integer({ min: 0, max: n }) : fc.double(),
  }),
);
const meanStats: fc.Arbitrary<SufficientStats> = fc
  .record({
    n: count,
    mean: fc.double({ min: -100, max: 100, noNaN: true }),
    sd: fc.double({ min: 0, max: 50, noNaN: true }),
  })
  .map(({ n, mean, sd }) => ({
    kind: "mean" as const,
    n,
    sum: n * mean,
    sumSquares: (n - 1) * sd * sd + n * mean * mean,
  }));

const experiment: fc.Arbitrary<AnalysisInput> = fc
  .record({
    arms: fc.integer({ min: 2, max: 3 }),
    metricSpecs: fc.array(
      fc.record({
        kind: fc.constantFrom("occurrence" as const, "sum" as const),
        direction: fc.constantFrom("increase" as const, "decrease" as const),
        role: fc.constantFrom("primary" as const, "primary" as const, "secondary" as const, "guardrail" as const),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    engine: fc.constantFrom("bayesian" as const, "frequentist" as const),
    sequential: fc.boolean(),
    correction: fc.constantFrom("holm" as const, "benjamini-hochberg" as const, "none" as const),
    seedStats: fc.array(fc.tuple(proportionStats, meanStats), { minLength: 9, maxLength: 9 }),
    withDaily: fc.boolean(),
  })
  .map(({ arms, metricSpecs, engine, sequential, correction, seedStats, withDaily }) => {
    const vs = ["control", "b", "c"].slice(0, arms).map((key, i) => ({ key, name: key, isControl: i === 0 }));
    const metrics: AnalysisMetric[] = metricSpecs.map((m, i) => ({ id: `m${i}`, name: `Metric ${i}`, ...m }));
    const rows: MetricStatsRow[] = metrics.flatMap((m, i) =>
      vs.map((v, j) => {
        const [p, mean] = seedStats[(i * 3 + j) % 9] as [SufficientStats, SufficientStats];
        return { metricId: m.id, variationKey: v.key, stats: m.kind === "occurrence" ? p : mean };
      }),
    );
    const weights = Object.fromEntries(vs.map((v) => [v.key, 100 / arms]));
    const daily = withDaily ? rows.map((r) => ({ ...r, date: "2024-05-01" })) : undefined;
    return {
      variations: vs,
      weights,
      metrics,
      totals: rows,
      ...(daily === undefined ? {} : { daily }),
      options: { engine, sequential, correction },
    };
  });

describe("analyzeExperiment properties (fast-check)", () => {
  it(
    "one decision rule: significant ⇔ the shown interval excludes 0; a winner only when its primary intervals exclude 0 (10,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const result = analyzeExperiment(input);
          // Never NaN, anywhere.
          if (numbersIn(result).some(Number.isNaN)) return false;
          for (const metric of result.metrics) {
            for (const v of metric.variations) {
              const lift = v.lift;
              if (lift === null) continue;
              if (lift.significant !== (lift.ci[0] > 0 || lift.ci[1] < 0)) return false;
              if (lift.outcome !== "inconclusive" && !lift.significant) return false;
            }
            for (const series of metric.timeSeries) {
              for (const point of series.points) {
                if (point.lift && point.lift.significant !== (point.lift.ci[0] > 0 || point.lift.ci[1] < 0))
                  return false;
              }
            }
          }
          const { verdict, winner } = result.recommendation;
          if (verdict !== "declare-winner") return winner === undefined;
          const primaries = result.metrics.filter((m) => m.role === "primary");
          if (primaries.length === 0) return false;
          for (const metric of primaries) {
            for (const v of metric.variations) {
              if (v.isControl) continue;
              if (winner === result.controlKey) {
                // Control wins only if every treatment is significantly worse on every primary.
                if (!(v.lift?.significant && v.lift.outcome === "worse")) return false;
              } else if (v.variationKey === winner) {
                const ci = v.lift?.ci;
                if (ci === undefined) return false;
                const excludesZeroTheGoodWay = metric.direction === "increase" ? ci[0] > 0 : ci[1] < 0;
                if (!excludesZeroTheGoodWay) return false;
              }
            }
          }
          return result.srm.mismatch === false;
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
