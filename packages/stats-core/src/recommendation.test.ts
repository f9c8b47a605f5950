import { describe, expect, it } from "vitest";
import { recommend } from "./recommendation";
import type { LiftResult, MetricAnalysis, SrmAnalysis } from "./types";

const srm: SrmAnalysis = {
  status: "ok",
  chiSquare: 0.1,
  pValue: 0.75,
  degreesOfFreedom: 1,
  mismatch: false,
  threshold: 0.001,
  users: { control: 1000, b: 1000 },
  expectedShare: { control: 0.5, b: 0.5 },
};
const progress = { plannedSampleSizePerVariation: 2000, smallestArm: 1000, percentOfPlannedSample: 50, daysLeft: 7 };

function lift(ci: [number, number], outcome: LiftResult["outcome"]): LiftResult {
  return {
    estimate: (ci[0] + ci[1]) / 2,
    ci,
    unadjustedCi: ci,
    standardError: 0.01,
    pValue: null,
    adjustedPValue: null,
    chanceToWin: 0.99,
    risk: [0.01, 0],
    significant: ci[0] > 0 || ci[1] < 0,
    adjusted: false,
    outcome,
  };
}

function metric(
  role: MetricAnalysis["role"],
  treatment: LiftResult | null,
  status: MetricAnalysis["status"] = "ok",
): MetricAnalysis {
  const base = {
    status: "ok" as const,
    n: 1000,
    value: 0.1,
    standardError: 0.01,
    probabilityOfBeingBest: 0.5,
    guardrail: null,
  };
  return {
    metricId: `${role}-metric`,
    name: role,
    kind: "occurrence",
    role,
    direction: "increase",
    status,
    ...(status === "ok" ? {} : { reason: { code: "non-finite" as const, message: "bad" } }),
    variations: [
      { ...base, variationKey: "control", name: "Control", isControl: true, lift: null },
      { ...base, variationKey: "b", name: "B", isControl: false, lift: treatment },
    ],
    timeSeries: [],
  };
}

describe("recommend", () => {
  it("keep-running with progress when nothing is significant yet", () => {
    const r = recommend({
      metrics: [metric("primary", lift([-0.01, 0.03], "inconclusive"))],
      srm,
      progress,
      controlKey: "control",
      engine: "bayesian",
    });
    expect(r).toEqual({
      verdict: "keep-running",
      confidence: 0.99,
      reasons: [{ code: "not-enough-data", percentOfPlannedSample: 50, daysLeft: 7 }],
    });
  });

  it("declares a winner only from a significant interval", () => {
    const r = recommend({
      metrics: [metric("primary", lift([0.01, 0.03], "better"))],
      srm,
      progress,
      controlKey: "control",
      engine: "bayesian",
    });
    expect(r.verdict).toBe("declare-winner");
    expect(r.winner).toBe("b");
  });

  it("no primary metric or invalid primary data → investigate", () => {
    expect(
      recommend({ metrics: [metric("secondary", null)], srm, progress, controlKey: "control", engine: "bayesian" })
        .reasons,
    ).toEqual([{ code: "no-primary-metric" }]);
    const invalid = recommend({
      metrics: [metric("primary", null, "invalid-input")],
      srm,
      progress,
      controlKey: "control",
      engine: "frequentist",
    });
    expect(invalid.verdict).toBe("investigate");
    expect(invalid.reasons[0]).toMatchObject({ code: "invalid-data", metricId: "primary-metric" });
    expect(invalid.confidence).toBe(0);
  });
});
