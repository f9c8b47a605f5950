import type { ReactNode } from "react";

import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  guardrailWithinToleranceScenario,
  inconclusiveScenario,
  insufficientDataScenario,
  invalidDataScenario,
  lowerIsBetterScenario,
  multiplePrimariesScenario,
  noDifferenceScenario,
  type Scenario,
  scenarioAdapters,
  slowStartScenario,
  srmScenario,
  withStatus,
} from "../../packages/results-dashboard/src/analysis-fixtures";

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
  type Scenario,
  scenarioAdapters,
  srmScenario,
  withStatus,
};

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
  "slow-start": slowStartScenario,
  "guardrail-within-tolerance": guardrailWithinToleranceScenario,
} satisfies Record<string, () => Scenario>;

export type ScenarioName = keyof typeof scenarios;

/** The scenarios run 2026-03-02 to 2026-03-22: "today" in stories is their tenth day. */
export const STORY_TODAY = new Date("2026-03-11T12:00:00Z");

/** Globals of a story shown under `.dark` on the root, as in the Flagsmith frontend. */
export const dark = { theme: "dark" } as const;

/** A 360 px wide box (a phone, a side panel): the widgets adapt to their container, not to the viewport. */
export function NarrowFrame({ children }: { children: ReactNode }) {
  return (
    <div style={{ width: 360, maxWidth: "100%" }} data-testid="narrow-frame">
      {children}
    </div>
  );
}

/** Whether `element` sits inside the narrow frame without overflowing it sideways. */
export function fitsFrame(canvasElement: HTMLElement, element: Element): boolean {
  const frame = canvasElement.querySelector('[data-testid="narrow-frame"]');
  if (!frame) return false;
  const box = frame.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  return rect.left >= box.left - 1 && rect.right <= box.right + 1;
}
