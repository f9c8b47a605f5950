import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeExperiment } from "../analyze-experiment";
import type {
  AnalysisInput,
  AnalysisMetric,
  AnalysisResult,
  ExperimentStatus,
  MetricStatsRow,
  ProportionStats,
  RecommendationReason,
} from "../types";

/** Property tests run thousands of cases; allow for a busy CI machine. */
const PROPERTY_TIMEOUT = 120_000;

const twoVariations = [
  { key: "control", name: "Control", isControl: true },
  { key: "treatment", name: "Treatment", isControl: false },
];
const conversion: AnalysisMetric = {
  id: "conversion",
  name: "Conversion",
  kind: "occurrence",
  direction: "increase",
  role: "primary",
};
const proportion = (n: number, rate: number): ProportionStats => ({ kind: "proportion", n, sum: Math.round(n * rate) });

function rows(metricId: string, byVariation: Record<string, ProportionStats>): MetricStatsRow[] {
  return Object.entries(byVariation).map(([variationKey, stats]) => ({ metricId, variationKey, stats }));
}

/** 20,000 per arm, 10 % vs 12 %: overwhelmingly significant, at 20 % of a 100,000-per-arm plan. */
function clearWin(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    variations: twoVariations,
    weights: { control: 50, treatment: 50 },
    metrics: [conversion],
    totals: rows("conversion", { control: proportion(20_000, 0.1), treatment: proportion(20_000, 0.12) }),
    plan: { sampleSizePerVariation: 100_000 },
    ...overrides,
  };
}

const codes = (r: AnalysisResult) => r.recommendation.reasons.map((reason) => reason.code);

describe("decision rules (docs/decision-rules.md)", () => {
  it("draft and scheduled experiments are not started, whatever the data", () => {
    for (const status of ["draft", "scheduled"] as const) {
      const r = analyzeExperiment(clearWin({ status }));
      expect(r.recommendation).toEqual({
        verdict: "not-started",
        confidence: 0,
        reasons: [{ code: "not-started", status }],
      });
    }
  });

  it("fixed horizon, 20 % of the plan: a significant leader keeps running, saying who leads and what is missing", () => {
    const r = analyzeExperiment(clearWin({ options: { engine: "frequentist" } }));
    expect(r.metrics[0]?.variations[1]?.lift?.significant).toBe(true);
    expect(r.recommendation.verdict).toBe("keep-running");
    expect(r.recommendation.winner).toBeUndefined();
    expect(r.recommendation.leader).toBe("treatment");
    expect(r.recommendation.reasons).toEqual([
      {
        code: "leader",
        variationKey: "treatment",
        metricId: "conversion",
        probabilityOfBeingBest: r.recommendation.confidence,
      },
      {
        code: "not-enough-data",
        percentOfPlannedSample: 20,
        plannedSampleSizePerVariation: 100_000,
        smallestArm: 20_000,
      },
    ]);
  });

  it("the same data once the experiment is stopped or concluded: a winner (acting now is valid)", () => {
    for (const status of ["stopped", "concluded"] as const) {
      const r = analyzeExperiment(clearWin({ status, options: { engine: "frequentist" } }));
      expect(r.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
      expect(r.recommendation.reasons).toContainEqual({ code: "decision-valid", basis: "experiment-ended" });
    }
  });

  it("the planned end date passed (the host says so): a winner while still running; not before", () => {
    const ended = analyzeExperiment(clearWin({ plannedEndReached: true, options: { engine: "frequentist" } }));
    expect(ended.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
    expect(ended.recommendation.reasons).toContainEqual({ code: "decision-valid", basis: "planned-end-reached" });
    const before = analyzeExperiment(clearWin({ plannedEndReached: false, options: { engine: "frequentist" } }));
    expect(before.recommendation.verdict).toBe("keep-running");
  });

  it("plannedEndReached must be a boolean", () => {
    const r = analyzeExperiment(clearWin({ plannedEndReached: "yes" as unknown as boolean }));
    expect(r.status).toBe("invalid-input");
  });

  it("a paused experiment is never told to keep running: inconclusive, with why", () => {
    const r = analyzeExperiment(clearWin({ status: "paused", options: { engine: "frequentist" } }));
    expect(r.recommendation.verdict).toBe("inconclusive");
    expect(codes(r)).toEqual(["not-running", "leader", "not-enough-data"]);
    expect(r.recommendation.reasons[0]).toEqual({ code: "not-running", status: "paused" });
  });

  it("sequential frequentist analysis is valid under continuous monitoring: a winner before the plan", () => {
    const r = analyzeExperiment(clearWin({ options: { engine: "frequentist", sequential: true } }));
    expect(r.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
    expect(r.recommendation.reasons).toContainEqual({ code: "decision-valid", basis: "sequential" });
  });

  it("Bayesian: a winner before the plan only when its expected loss is within riskThreshold (default 0.25 %)", () => {
    const r = analyzeExperiment(clearWin());
    const risk = r.metrics[0]?.variations[1]?.lift?.risk?.[1] ?? Number.NaN;
    expect(risk).toBeLessThanOrEqual(0.0025);
    expect(r.riskThreshold).toBe(0.0025);
    expect(r.recommendation).toMatchObject({ verdict: "declare-winner", winner: "treatment" });
    expect(r.recommendation.reasons).toContainEqual({ code: "decision-valid", basis: "risk-below-threshold" });

    const strict = analyzeExperiment(clearWin({ options: { riskThreshold: risk / 2 } }));
    expect(strict.recommendation.verdict).toBe("keep-running");
    expect(strict.recommendation.reasons).toContainEqual({
      code: "risk-above-threshold",
      variationKey: "treatment",
      metricId: "conversion",
      risk,
      riskThreshold: risk / 2,
    });
  });

  it("the planned sample reached: a winner; nothing significant: no difference", () => {
    const reached = clearWin({ plan: { sampleSizePerVariation: 20_000 }, options: { engine: "frequentist" } });
    expect(analyzeExperiment(reached).recommendation.reasons).toContainEqual({
      code: "decision-valid",
      basis: "planned-sample-reached",
    });
    const flat = analyzeExperiment({
      ...reached,
      totals: rows("conversion", { control: proportion(20_000, 0.1), treatment: proportion(20_000, 0.1) }),
    });
    expect(flat.recommendation.verdict).toBe("no-difference");
  });

  it("stopped without a winner and short of the plan: inconclusive, not 'no difference'", () => {
    const r = analyzeExperiment(
      clearWin({
        status: "stopped",
        totals: rows("conversion", { control: proportion(20_000, 0.1), treatment: proportion(20_000, 0.1) }),
      }),
    );
    expect(r.recommendation.verdict).toBe("inconclusive");
    expect(r.recommendation.reasons[0]).toEqual({ code: "not-running", status: "stopped" });
  });

  it("informational metrics never drive a verdict", () => {
    const informational: AnalysisMetric = { ...conversion, id: "clicks", name: "Clicks", direction: "informational" };
    const base = clearWin({ options: { engine: "frequentist" } });
    const withInformational = analyzeExperiment({
      ...base,
      metrics: [
        conversion,
        { ...informational, role: "guardrail" },
        { ...informational, id: "views", role: "primary" },
      ],
      totals: [
        ...base.totals,
        ...rows("clicks", { control: proportion(20_000, 0.3), treatment: proportion(20_000, 0.1) }),
        ...rows("views", { control: proportion(20_000, 0.3), treatment: proportion(20_000, 0.5) }),
      ],
    });
    expect(withInformational.recommendation).toEqual(analyzeExperiment(base).recommendation);
    const clicks = withInformational.metrics[1]?.variations[1];
    expect(clicks?.lift?.significant).toBe(true);
    expect(clicks?.lift?.outcome).toBe("inconclusive");
    expect(clicks?.guardrail).toBeNull();
    expect(clicks?.probabilityOfBeingBest).toBeNull();
    // Only informational primaries: nothing to decide on.
    const onlyInformational = analyzeExperiment({
      ...base,
      metrics: [{ ...informational, id: "conversion", role: "primary" }],
    });
    expect(onlyInformational.recommendation.verdict).toBe("investigate");
    expect(codes(onlyInformational)).toEqual(["no-primary-metric"]);
  });

  it("two variations: the treatment's probability of being best is its chance to win, and the confidence names it", () => {
    const r = analyzeExperiment(
      clearWin({ totals: rows("conversion", { control: proportion(2000, 0.1), treatment: proportion(2000, 0.11) }) }),
    );
    const [control, treatment] = r.metrics[0]?.variations ?? [];
    expect(treatment?.probabilityOfBeingBest).toBe(treatment?.lift?.chanceToWin);
    expect(control?.probabilityOfBeingBest).toBe(1 - (treatment?.lift?.chanceToWin ?? Number.NaN));
    expect(r.recommendation).toMatchObject({
      leader: "treatment",
      confidence: treatment?.probabilityOfBeingBest,
      confidenceMetricId: "conversion",
    });
  });

  it("the control can lead: confidence is then the control's probability of being best, not another variation's", () => {
    const r = analyzeExperiment({
      variations: [...twoVariations, { key: "green", name: "Green", isControl: false }],
      weights: { control: 34, treatment: 33, green: 33 },
      metrics: [conversion],
      totals: rows("conversion", {
        control: proportion(3000, 0.105),
        treatment: proportion(3000, 0.1),
        green: proportion(3000, 0.101),
      }),
    });
    const control = r.metrics[0]?.variations.find((v) => v.isControl);
    expect(r.recommendation.leader).toBe("control");
    expect(r.recommendation.confidence).toBe(control?.probabilityOfBeingBest);
  });

  it("a frequentist analysis states the same confidence figure (the probability of being best), never 0 for a leader", () => {
    const r = analyzeExperiment(clearWin({ options: { engine: "frequentist" } }));
    const treatment = r.metrics[0]?.variations[1];
    expect(r.recommendation.confidence).toBe(treatment?.probabilityOfBeingBest);
    expect(r.recommendation.confidence).toBeGreaterThan(0.99);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: each rule on random experiments
// ---------------------------------------------------------------------------------------------

const statuses: ExperimentStatus[] = ["draft", "scheduled", "running", "paused", "stopped", "concluded"];

/** Experiments with 2–4 variations, real effects (often significant), any status, plan, engine and threshold. */
const experiment: fc.Arbitrary<AnalysisInput> = fc
  .record({
    arms: fc.integer({ min: 2, max: 4 }),
    n: fc.integer({ min: 200, max: 60_000 }),
    baseline: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
    lifts: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }),
    secondLifts: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }),
    twoPrimaries: fc.boolean(),
    informational: fc.boolean(),
    status: fc.constantFrom(...statuses),
    plannedEndReached: fc.boolean(),
    planned: fc.option(fc.integer({ min: 100, max: 200_000 }), { nil: undefined }),
    engine: fc.constantFrom("bayesian" as const, "frequentist" as const),
    sequential: fc.boolean(),
    riskThreshold: fc.constantFrom(0, 0.0005, 0.0025, 0.01, 0.1),
    direction: fc.constantFrom("increase" as const, "decrease" as const),
  })
  .map((x) => {
    const variations = ["control", "b", "c", "d"]
      .slice(0, x.arms)
      .map((key, i) => ({ key, name: key, isControl: i === 0 }));
    const metrics: AnalysisMetric[] = [{ ...conversion, direction: x.direction }];
    if (x.twoPrimaries) metrics.push({ ...conversion, id: "second", name: "Second", direction: x.direction });
    if (x.informational) metrics.push({ ...conversion, id: "info", name: "Info", direction: "informational" });
    const totals = metrics.flatMap((metric, m) =>
      variations.map((v, i) => {
        const lift = i === 0 ? 0 : ((m === 1 ? x.secondLifts : x.lifts)[i - 1] as number);
        return { metricId: metric.id, variationKey: v.key, stats: proportion(x.n, x.baseline * (1 + lift)) };
      }),
    );
    const weights = Object.fromEntries(
      variations.map((v, i) => [v.key, i === 0 ? 100 - (100 / x.arms) * (x.arms - 1) : 100 / x.arms]),
    );
    return {
      status: x.status,
      plannedEndReached: x.plannedEndReached,
      ...(x.planned === undefined ? {} : { plan: { sampleSizePerVariation: x.planned } }),
      variations,
      weights,
      metrics,
      totals,
      options: { engine: x.engine, sequential: x.sequential, riskThreshold: x.riskThreshold },
    };
  });

function reason<C extends RecommendationReason["code"]>(r: AnalysisResult, code: C) {
  return r.recommendation.reasons.find((x): x is Extract<RecommendationReason, { code: C }> => x.code === code);
}

describe("decision rules hold on random experiments (fast-check)", () => {
  it("the generator covers every verdict and every basis (so the properties below are not vacuous)", () => {
    const seen = new Set<string>();
    for (const input of fc.sample(experiment, { numRuns: 3_000, seed: 42 })) {
      const r = analyzeExperiment(input);
      seen.add(r.recommendation.verdict);
      const basis = reason(r, "decision-valid")?.basis;
      if (basis !== undefined) seen.add(basis);
    }
    expect([...seen].sort()).toEqual(
      [
        "declare-winner",
        "experiment-ended",
        "inconclusive",
        "investigate",
        "keep-running",
        "no-difference",
        "not-started",
        "planned-end-reached",
        "planned-sample-reached",
        "risk-below-threshold",
        "sequential",
      ].sort(),
    );
  });

  it(
    "a paused, stopped or concluded experiment never gets keep-running; draft/scheduled are not-started; inconclusive only when not running (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const { verdict } = analyzeExperiment(input).recommendation;
          const status = input.status ?? "running";
          if (status === "draft" || status === "scheduled") return verdict === "not-started";
          if (verdict === "keep-running") return status === "running";
          if (verdict === "inconclusive") return status !== "running";
          return verdict !== "not-started";
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "declare-winner ⇒ plan reached, or planned end passed, or ended, or sequential frequentist, or (Bayesian) the winner's expected loss ≤ riskThreshold (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const r = analyzeExperiment(input);
          if (r.recommendation.verdict !== "declare-winner") return true;
          const basis = reason(r, "decision-valid")?.basis;
          const { progress } = r;
          const status = input.status ?? "running";
          const planReached =
            progress.plannedSampleSizePerVariation > 0 &&
            progress.smallestArm >= progress.plannedSampleSizePerVariation;
          const winner = r.recommendation.winner;
          const deciding = r.metrics.filter((m) => m.role === "primary" && m.direction !== "informational");
          const losses = deciding.flatMap((m) =>
            m.variations
              .filter((v) => !v.isControl && (winner === r.controlKey || v.variationKey === winner))
              .map(
                (v) => (winner === r.controlKey ? v.lift?.risk?.[0] : v.lift?.risk?.[1]) ?? Number.POSITIVE_INFINITY,
              ),
          );
          switch (basis) {
            case "planned-sample-reached":
              return planReached;
            case "planned-end-reached":
              return input.plannedEndReached === true;
            case "experiment-ended":
              return status === "stopped" || status === "concluded";
            case "sequential":
              return r.engine === "frequentist" && r.sequential;
            case "risk-below-threshold":
              return r.engine === "bayesian" && Math.max(...losses) <= r.riskThreshold;
            default:
              return false;
          }
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "keep-running says who leads (when anything can be analysed) and what is missing (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const r = analyzeExperiment(input);
          if (r.recommendation.verdict !== "keep-running") return true;
          const leader = reason(r, "leader");
          const missing = reason(r, "not-enough-data") ?? reason(r, "risk-above-threshold");
          return leader?.variationKey === r.recommendation.leader && missing !== undefined;
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "informational metrics never change the recommendation (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const without = {
            ...input,
            metrics: input.metrics.filter((m) => m.direction !== "informational"),
          };
          return (
            JSON.stringify(analyzeExperiment(input).recommendation) ===
            JSON.stringify(analyzeExperiment(without).recommendation)
          );
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "two variations: P(best) of the treatment equals its chance to win (Bayesian), exactly (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const r = analyzeExperiment({
            ...input,
            variations: input.variations.slice(0, 2),
            weights: { control: 50, b: 50 },
          });
          return r.metrics.every((m) => {
            const treatment = m.variations[1];
            const chance = treatment?.lift?.chanceToWin;
            return chance === null || chance === undefined || treatment?.probabilityOfBeingBest === chance;
          });
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "confidence is one named figure: the leader's probability of being best on confidenceMetricId (2,000 runs)",
    () => {
      fc.assert(
        fc.property(experiment, (input) => {
          const { recommendation, metrics } = analyzeExperiment(input);
          if (recommendation.leader === undefined) return recommendation.confidence === 0;
          const shown = metrics
            .find((m) => m.metricId === recommendation.confidenceMetricId)
            ?.variations.find((v) => v.variationKey === recommendation.leader)?.probabilityOfBeingBest;
          return (
            shown === recommendation.confidence &&
            (recommendation.winner ?? recommendation.leader) === recommendation.leader
          );
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
