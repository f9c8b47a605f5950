import { buildScenario, conversionMetric, type Scenario } from "../../packages/results-dashboard/src/analysis-fixtures";

/**
 * Story-only scenario: both arms convert at the same true rate and the planned sample is long since reached, so the
 * real `analyzeExperiment` recommends "no meaningful difference". Built with the package's deterministic builder.
 */
export function noDifferenceScenario(): Scenario {
  return buildScenario({
    id: "exp-no-difference",
    name: "Footer links",
    arms: [
      { key: "control", name: "Control", weight: 50 },
      { key: "green", name: "Green button", weight: 50 },
    ],
    usersPerDay: 20000,
    days: 28,
    seed: 7,
    metrics: [{ metric: conversionMetric, role: "primary", arms: { control: { mean: 0.1 }, green: { mean: 0.1 } } }],
  });
}
