/** The shape of `analyzeExperiment`'s input: variations, metrics, rows and the traffic split. */
import { type Failure, invalid } from "../reasons";
import type { AnalysisInput, AnalysisVariation } from "../types";

const WEIGHT_SUM_TOLERANCE = 1e-6;

function isVariation(v: unknown): v is AnalysisVariation {
  return typeof v === "object" && v !== null && "key" in v && typeof v.key === "string";
}

/** Problems that make any analysis meaningless: missing or duplicate variations, no control, no rows list. */
export function structuralProblem(input: AnalysisInput): Failure | null {
  if (typeof input !== "object" || input === null) return invalid("missing-data", "the input is missing");
  const { variations, metrics, totals } = input;
  if (!Array.isArray(variations) || variations.length < 2) {
    return invalid("missing-data", "at least two variations (control and one treatment) are needed");
  }
  if (!variations.every(isVariation)) return invalid("missing-data", "every variation needs a key");
  if (new Set(variations.map((v) => v.key)).size !== variations.length) {
    return invalid("invalid-option", "variation keys must be unique");
  }
  if (variations.filter((v) => v.isControl === true).length !== 1) {
    return invalid("no-control", "exactly one variation must be the control");
  }
  if (!Array.isArray(metrics) || metrics.some((m) => typeof m !== "object" || m === null || typeof m.id !== "string")) {
    return invalid("missing-data", "metrics must be a list of metric definitions");
  }
  if (!Array.isArray(totals)) return invalid("missing-data", "totals must be a list of statistics rows");
  return null;
}

/** A variation's share of traffic (0–1). */
export type TrafficShare = { variation: AnalysisVariation; share: number };

/**
 * Each variation's share of traffic from `weights` (percentages), or why the weights are invalid: every
 * variation needs its own finite, non-negative weight and they must sum to 100. Keys are read as own properties
 * only, so a variation keyed `__proto__` or `constructor` is data like any other.
 */
export function trafficShares(input: AnalysisInput, variations: AnalysisVariation[]): TrafficShare[] | Failure {
  const { weights } = input;
  if (typeof weights !== "object" || weights === null) return invalid("invalid-weights", "weights are missing");
  const list: { variation: AnalysisVariation; weight: number }[] = [];
  for (const variation of variations) {
    const weight: unknown = Object.hasOwn(weights, variation.key) ? weights[variation.key] : undefined;
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      return invalid("invalid-weights", `${variation.key}: needs a finite, non-negative weight`, variation.key);
    }
    list.push({ variation, weight });
  }
  const sum = list.reduce((total, { weight }) => total + weight, 0);
  if (!(Math.abs(sum - 100) <= 100 * WEIGHT_SUM_TOLERANCE)) {
    return invalid("invalid-weights", `weights must sum to 100 (they sum to ${sum})`);
  }
  return list.map(({ variation, weight }) => ({ variation, share: weight / sum }));
}
