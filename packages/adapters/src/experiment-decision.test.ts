import { describe, expect, expectTypeOf, it } from "vitest";
import { type DecisionEvidence, decisionEvidenceSchema, experimentDecisionSchema } from "./experiment";

function evidenceWith(interval: unknown) {
  return {
    verdict: "declare-winner",
    users: { control: 1000, b: 1000 },
    metrics: [
      {
        metricId: "conversion",
        variationKey: "b",
        lift: 0.08,
        interval,
        significant: true,
        chanceToWin: 0.98,
        pValue: 0.01,
      },
    ],
  };
}

describe("decision evidence interval", () => {
  it("is typed as the pair [lower, upper] or null", () => {
    expectTypeOf<DecisionEvidence["metrics"][number]["interval"]>().toEqualTypeOf<[number, number] | null>();
  });

  it("accepts a pair of numbers or null", () => {
    expect(decisionEvidenceSchema.parse(evidenceWith([0.02, 0.14])).metrics[0]?.interval).toEqual([0.02, 0.14]);
    expect(decisionEvidenceSchema.parse(evidenceWith(null)).metrics[0]?.interval).toBeNull();
  });

  it("rejects anything but exactly two finite numbers, at the interval's path", () => {
    for (const interval of [[], [0.02], [0.02, 0.14, 0.2], ["0.02", 0.14], [Number.NaN, 0.14], { 0: 0.02, 1: 0.14 }]) {
      const result = decisionEvidenceSchema.safeParse(evidenceWith(interval));
      expect(result.success, JSON.stringify(interval)).toBe(false);
      expect(result.error?.issues[0]?.path.slice(0, 3)).toEqual(["metrics", 0, "interval"]);
    }
  });

  it("travels inside a decision", () => {
    const decision = {
      winner: "b",
      decidedAt: "2026-03-01T12:00:00.000Z",
      evidence: evidenceWith([-0.01, 0.05]),
    };
    expect(experimentDecisionSchema.parse(decision).evidence?.metrics[0]?.interval).toEqual([-0.01, 0.05]);
  });
});
