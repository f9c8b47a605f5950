import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeExperiment } from "./analyze-experiment";
import { negativeControlMean, posthog } from "./fixtures/reference-values";
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
    expect(result.recommendation.reasons).toContainEqual(expect.objectContaining({ code: "not-enough-data" }));
    expect(result.recommendation.reasons).toContainEqual(
      expect.objectContaining({ code: "leader", variationKey: "treatment" }),
    );
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
      plan: { sampleSizePerVariation: 40_000 },
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
      plan: { sampleSizePerVariation: 10_000 },
    });
    expect(result.recommendation.verdict).toBe("keep-running");
    expect(result.recommendation.reasons).toContainEqual({
      code: "not-enough-data",
      percentOfPlannedSample: 10,
      daysLeft: 18,
      plannedSampleSizePerVariation: 10_000,
      smallestArm: 1000,
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

  it("a daily series, computed when first read, is plain data: kept, spread, JSON, structured clone, frozen, assigned", () => {
    const daily: MetricStatsRow[] = ["2024-03-02", "2024-03-01"].flatMap((date, i) =>
      totals("conversion", big(2000 * (2 - i), 0.1), big(2000 * (2 - i), 0.12)).map((r) => ({ ...r, date })),
    );
    const input = {
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [proportionMetric, { ...proportionMetric, id: "other", name: "Other" }],
      totals: totals("conversion", big(4000, 0.1), big(4000, 0.12)),
      daily,
    };
    const [metric, other] = analyzeExperiment(input).metrics;
    if (metric === undefined || other === undefined) throw new Error("missing metric");
    expect(Object.keys(metric)).toContain("timeSeries");
    const series = metric.timeSeries;
    expect(series.map((s) => s.points.map((p) => p.date))).toEqual([
      ["2024-03-01", "2024-03-02"],
      ["2024-03-01", "2024-03-02"],
    ]);
    expect(series[1]?.points[1]?.lift?.estimate).toBeCloseTo(0.2, 12);
    expect(metric.timeSeries).toBe(series);
    expect({ ...metric }.timeSeries).toBe(series);
    expect(JSON.parse(JSON.stringify(metric)).timeSeries).toEqual(series);
    expect(structuredClone(metric).timeSeries).toEqual(series);
    expect(other.timeSeries).toEqual([]); // no daily rows for this metric
    const frozen = Object.freeze(analyzeExperiment(input).metrics[0]);
    expect(frozen?.timeSeries).toEqual(series);
    metric.timeSeries = [];
    expect(metric.timeSeries).toEqual([]);
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
    expect(badWeights).toMatchObject({ status: "invalid-input", reason: { code: "invalid-weights" } });
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

describe("analyzeExperiment — issue 13", () => {
  it("a treatment that raises a negative mean is better, never the control's win (relative lift over |control mean|)", () => {
    const metric: AnalysisMetric = { ...conversion, id: "profit", name: "Profit", kind: "sum" };
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [metric],
      totals: totals("profit", negativeControlMean.control, negativeControlMean.treatment),
      options: { engine: "frequentist" },
      status: "stopped",
    });
    const t = treatmentOf(result, "profit");
    expect(t.lift?.estimate).toBeCloseTo(0.1, 12);
    expect(t.lift?.outcome).toBe("better");
    expect(result.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
  });

  it("lift.adjusted is false, and the interval nominal, when the correction leaves the p-value unchanged", () => {
    // Holm with two primaries: the larger p-value (≥ twice the smaller) is multiplied by 1 — unchanged.
    const metrics: AnalysisMetric[] = ["small", "large"].map((id) => ({
      ...conversion,
      id,
      name: id,
      kind: "occurrence",
    }));
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics,
      totals: [
        ...totals("small", { kind: "proportion", n: 10_000, sum: 1000 }, { kind: "proportion", n: 10_000, sum: 1100 }),
        ...totals("large", { kind: "proportion", n: 10_000, sum: 1000 }, { kind: "proportion", n: 10_000, sum: 1003 }),
      ],
      options: { engine: "frequentist" },
    });
    const small = treatmentOf(result, "small").lift;
    const large = treatmentOf(result, "large").lift;
    expect(small?.adjusted).toBe(true);
    expect(small?.adjustedPValue).toBe(2 * (small?.pValue ?? Number.NaN));
    expect(large?.adjustedPValue).toBe(large?.pValue);
    expect(large?.adjusted).toBe(false);
    expect(large?.ci).toEqual(large?.unadjustedCi);
  });

  it("weights that do not sum to 100, are negative or not finite are invalid input: no SRM skip, no winner", () => {
    const base = {
      variations,
      metrics: [{ ...conversion, kind: "occurrence" as const }],
      totals: totals(
        "conversion",
        { kind: "proportion", n: 20_000, sum: 2000 },
        { kind: "proportion", n: 20_000, sum: 2400 },
      ),
      status: "stopped" as const,
    };
    const invalidWeights: Record<string, number>[] = [
      { control: 30, treatment: 30 },
      { control: 150, treatment: -50 },
      { control: 50, treatment: Number.NaN },
      { control: 100 },
    ];
    for (const weights of invalidWeights) {
      const result = analyzeExperiment({ ...base, weights });
      expect(result).toMatchObject({ status: "invalid-input", reason: { code: "invalid-weights" } });
      expect(result.recommendation.verdict).toBe("investigate");
      expect(result.recommendation.winner).toBeUndefined();
    }
  });

  it(
    "variation keys are data: __proto__, constructor, toString and hasOwnProperty behave like any other key (1,000 runs)",
    () => {
      const hostile = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
      fc.assert(
        fc.property(experiment, fc.shuffledSubarray(hostile, { minLength: 3, maxLength: 3 }), (input, names) => {
          const rename = (key: string) => names[input.variations.findIndex((v) => v.key === key)] as string;
          const renamed: AnalysisInput = {
            ...input,
            variations: input.variations.map((v) => ({ ...v, key: rename(v.key), name: rename(v.name) })),
            weights: Object.fromEntries(input.variations.map((v) => [rename(v.key), input.weights[v.key] as number])),
            totals: input.totals.map((row) => ({ ...row, variationKey: rename(row.variationKey) })),
            ...(input.daily === undefined
              ? {}
              : { daily: input.daily.map((row) => ({ ...row, variationKey: rename(row.variationKey) })) }),
          };
          // Messages (developer prose) may mention keys; everything else must match with the keys renamed.
          const normalized = (value: unknown, map: (key: string) => string): unknown => {
            if (Array.isArray(value)) return value.map((v) => normalized(v, map));
            if (typeof value === "string") return map(value);
            if (typeof value !== "object" || value === null) return value;
            return Object.fromEntries(
              Object.entries(value)
                .filter(([k]) => k !== "message")
                .map(([k, v]) => [map(k), normalized(v, map)]),
            );
          };
          const keys = new Set(input.variations.map((v) => v.key));
          const original = normalized(analyzeExperiment(input), (k) => (keys.has(k) ? rename(k) : k));
          return JSON.stringify(normalized(analyzeExperiment(renamed), (k) => k)) === JSON.stringify(original);
        }),
        { numRuns: 1_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("is linear in days: daily rows from 1900-01-01 to 2025-12-31 (46,000 days) are analysed", () => {
    // Formerly the dates were re-sorted for every daily row: 4,000 days took ~1 s and this never finished.
    const start = Date.UTC(1900, 0, 1);
    const days = Math.round((Date.UTC(2025, 11, 31) - start) / 86_400_000) + 1;
    const daily: MetricStatsRow[] = [];
    for (let day = 0; day < days; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const n = 10 * (day + 1);
      daily.push(
        {
          metricId: "conversion",
          variationKey: "control",
          date,
          stats: { kind: "proportion", n, sum: Math.round(n * 0.1) },
        },
        {
          metricId: "conversion",
          variationKey: "treatment",
          date,
          stats: { kind: "proportion", n, sum: Math.round(n * 0.11) },
        },
      );
    }
    const last = daily.slice(-2).map(({ date: _date, ...row }) => row);
    const result = analyzeExperiment({
      variations,
      weights: { control: 50, treatment: 50 },
      metrics: [{ ...conversion, kind: "occurrence" }],
      totals: last,
      daily: [...daily].reverse(),
    });
    const series = result.metrics[0]?.timeSeries[1]?.points ?? [];
    expect(series).toHaveLength(days);
    expect(series[0]?.date).toBe("1900-01-01");
    expect(series.at(-1)?.date).toBe("2025-12-31");
    expect(result.progress.daysLeft).toBe(0);
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
