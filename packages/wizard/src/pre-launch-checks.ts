import type { ExperimentMetric } from "@flagsmith-experimentation/adapters";
import { isVeryUneven, type Weights } from "./weights";

/**
 * Words that state which way a metric is expected to move. Matched case-insensitively as whole words
 * (with common inflections). English only: hosts writing hypotheses in another language pass their own
 * list as `messages.directionWords` (or the `directionWords` option here).
 */
export const DEFAULT_DIRECTION_WORDS: readonly string[] = [
  "increase",
  "decrease",
  "improve",
  "reduce",
  "raise",
  "lower",
  "higher",
  "more",
  "fewer",
  "less",
  "grow",
  "boost",
  "drop",
  "decline",
  "cut",
  "lift",
  "rise",
  "fall",
  "shorten",
  "lengthen",
  "faster",
  "slower",
  "better",
  "worse",
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the hypothesis says which direction it expects (e.g. "will increase", "fewer errors"). */
export function hypothesisHasDirection(
  hypothesis: string,
  directionWords: readonly string[] = DEFAULT_DIRECTION_WORDS,
): boolean {
  if (directionWords.length === 0) return true;
  const alternatives = directionWords.map(escapeRegExp).join("|");
  const pattern = new RegExp(`(^|[^\\p{L}])(${alternatives})(s|d|ed|es|ing|ment|r)?($|[^\\p{L}])`, "iu");
  return pattern.test(hypothesis);
}

export type PreLaunchWarningId = "flag-disabled" | "no-direction" | "no-guardrail" | "too-short" | "uneven-weights";

export interface PreLaunchCheckInput {
  hypothesis: string;
  metrics: readonly ExperimentMetric[];
  weights: Weights;
  /** Days the planned dates cover. */
  plannedDays: number | undefined;
  /** Days the power estimate needs (absent when it cannot be estimated). */
  neededDays: number | undefined;
  directionWords?: readonly string[];
  /** Whether the chosen flag is on in the environment (SDKs record no exposures for a disabled flag). */
  flagEnabled?: boolean | undefined;
}

/** Non-blocking warnings shown on the review step, in a fixed order. */
export function preLaunchWarnings(input: PreLaunchCheckInput): PreLaunchWarningId[] {
  const warnings: PreLaunchWarningId[] = [];
  if (input.flagEnabled === false) warnings.push("flag-disabled");
  if (input.hypothesis.trim() !== "" && !hypothesisHasDirection(input.hypothesis, input.directionWords)) {
    warnings.push("no-direction");
  }
  if (!input.metrics.some((m) => m.role === "guardrail")) warnings.push("no-guardrail");
  if (input.plannedDays !== undefined && input.neededDays !== undefined && input.neededDays > input.plannedDays) {
    warnings.push("too-short");
  }
  if (isVeryUneven(input.weights)) warnings.push("uneven-weights");
  return warnings;
}
