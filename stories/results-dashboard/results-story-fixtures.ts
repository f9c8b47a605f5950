/**
 * Story fixtures: the package's deterministic scenarios (sufficient statistics per variation), analysed by the real
 * `analyzeExperiment`. Re-exported here so every story file imports from one place.
 */
export {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  inconclusiveScenario,
  insufficientDataScenario,
  invalidDataScenario,
  lowerIsBetterScenario,
  multiplePrimariesScenario,
  noDifferenceScenario,
  type Scenario,
  scenarioAdapters,
  srmScenario,
} from "../../packages/results-dashboard/src/analysis-fixtures";

import {
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  inconclusiveScenario,
  insufficientDataScenario,
  invalidDataScenario,
  lowerIsBetterScenario,
  multiplePrimariesScenario,
  noDifferenceScenario,
  type Scenario,
  srmScenario,
} from "../../packages/results-dashboard/src/analysis-fixtures";

export const scenarios = {
  "clear-winner": clearWinnerScenario,
  inconclusive: inconclusiveScenario,
  "guardrail-harmed": guardrailHarmedScenario,
  srm: srmScenario,
  "multiple-primaries": multiplePrimariesScenario,
  "four-variations": fourVariationsScenario,
  "lower-is-better": lowerIsBetterScenario,
  "no-difference": noDifferenceScenario,
  "insufficient-data": insufficientDataScenario,
  "invalid-data": invalidDataScenario,
} satisfies Record<string, () => Scenario>;

export type ScenarioName = keyof typeof scenarios;
