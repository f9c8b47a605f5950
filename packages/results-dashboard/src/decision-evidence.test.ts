import { decisionEvidenceSchema } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  multiplePrimariesScenario,
} from "./analysis-fixtures";
import { decisionEvidence } from "./decision-evidence";

describe("decisionEvidence", () => {
  it("records the verdict, the users per variation and each primary comparison, as the schema wants it", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    const evidence = decisionEvidence(analysis);
    expect(decisionEvidenceSchema.safeParse(evidence).success).toBe(true);
    expect(evidence.verdict).toBe(analysis.recommendation.verdict);
    expect(evidence.users).toEqual({ control: 21_000, green: 21_000 });
    const [conversion] = evidence.metrics;
    const green = analysis.metrics[0]?.variations[1];
    expect(conversion).toEqual({
      metricId: "conversion",
      variationKey: "green",
      lift: green?.lift?.estimate,
      interval: green?.lift?.ci,
      significant: true,
      chanceToWin: green?.lift?.chanceToWin,
      pValue: null,
    });
  });

  it("has one entry per primary metric and treatment, and the (adjusted) p-value for frequentist analyses", () => {
    const analysis = analyzeScenario(multiplePrimariesScenario(), { engine: "frequentist" });
    const evidence = decisionEvidence(analysis);
    expect(evidence.metrics.map((entry) => entry.metricId)).toEqual(["conversion", "revenue-per-user"]);
    for (const entry of evidence.metrics) {
      expect(entry.chanceToWin).toBeNull();
      expect(entry.pValue).toBeGreaterThanOrEqual(0);
    }
    expect(decisionEvidence(analyzeScenario(fourVariationsScenario())).metrics).toHaveLength(3);
  });
});
