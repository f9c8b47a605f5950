/** `analyzeExperiment`'s options and plan after defaults and validation. */
import { checkAlpha, checkDifference } from "../effect";
import { DEFAULT_TUNING } from "../frequentist";
import { type Failure, invalid } from "../reasons";
import { sequentialRho } from "../sequential";
import type { AnalysisInput, Correction, Difference, Engine, ExperimentStatus } from "../types";

export const DEFAULT_RISK_THRESHOLD = 0.0025;
const STATUSES: readonly ExperimentStatus[] = ["draft", "scheduled", "running", "paused", "stopped", "concluded"];

export type Settings = {
  engine: Engine;
  /** N* of the confidence sequences, or undefined for fixed-horizon intervals. */
  tuning: number | undefined;
  /** ρ of the confidence sequences for `alpha` and `tuning` (computed once; NaN without sequential). */
  rho: number;
  alpha: number;
  difference: Difference;
  correction: Correction;
  srmThreshold: number;
  guardrailMargin: number;
  riskThreshold: number;
  status: ExperimentStatus;
  plannedEndReached: boolean;
  plan: {
    sampleSizePerVariation: number | undefined;
    minimumDetectableEffect: number;
    power: number;
    primaryMetricId: string | undefined;
  };
};

function isPositiveFinite(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

function tuningOf(sequential: unknown): number | undefined | Failure {
  if (sequential === undefined || sequential === false || sequential === null) return undefined;
  if (sequential === true) return DEFAULT_TUNING;
  const tuning = typeof sequential === "object" && "tuning" in sequential ? sequential.tuning : undefined;
  if (typeof tuning === "number" && Number.isFinite(tuning) && tuning >= 1) return tuning;
  return invalid("invalid-option", "sequential must be a boolean or { tuning: number ≥ 1 }");
}

/** The settings, or the first invalid option. */
export function settingsOf(input: AnalysisInput): Settings | Failure {
  const options = input.options ?? {};
  const engine = options.engine ?? "bayesian";
  if (engine !== "bayesian" && engine !== "frequentist") {
    return invalid("invalid-option", "engine must be 'bayesian' or 'frequentist'");
  }
  const alpha = options.alpha ?? 0.05;
  const difference = options.difference ?? "relative";
  const badOption = checkAlpha(alpha) ?? checkDifference(difference);
  if (badOption) return badOption;
  const correction = options.correction ?? "holm";
  if (correction !== "holm" && correction !== "benjamini-hochberg" && correction !== "none") {
    return invalid("invalid-option", "correction must be 'holm', 'benjamini-hochberg' or 'none'");
  }
  const tuning = tuningOf(options.sequential);
  if (typeof tuning === "object") return tuning;
  const srmThreshold = options.srmThreshold ?? 0.001;
  const guardrailMargin = options.guardrailMargin ?? 0.05;
  const riskThreshold = options.riskThreshold ?? DEFAULT_RISK_THRESHOLD;
  if (!(srmThreshold > 0 && srmThreshold < 1)) return invalid("invalid-option", "srmThreshold must be in (0, 1)");
  if (!(Number.isFinite(guardrailMargin) && guardrailMargin >= 0)) {
    return invalid("invalid-option", "guardrailMargin must be a finite number ≥ 0");
  }
  if (!(Number.isFinite(riskThreshold) && riskThreshold >= 0)) {
    return invalid("invalid-option", "riskThreshold must be a finite number ≥ 0");
  }
  const status = input.status ?? "running";
  if (!STATUSES.includes(status)) return invalid("invalid-option", `status must be one of ${STATUSES.join(", ")}`);
  const plannedEndReached = input.plannedEndReached ?? false;
  if (typeof plannedEndReached !== "boolean") return invalid("invalid-option", "plannedEndReached must be a boolean");
  const plan = input.plan ?? {};
  if (typeof plan !== "object" || plan === null) return invalid("invalid-option", "plan must be an object");
  const sampleSizePerVariation = plan.sampleSizePerVariation;
  const minimumDetectableEffect = plan.minimumDetectableEffect ?? 0.05;
  const power = plan.power ?? 0.8;
  if (
    (sampleSizePerVariation !== undefined && !isPositiveFinite(sampleSizePerVariation)) ||
    !isPositiveFinite(minimumDetectableEffect) ||
    !(power > 0 && power < 1)
  ) {
    return invalid(
      "invalid-option",
      "plan.sampleSizePerVariation and plan.minimumDetectableEffect must be > 0, plan.power in (0, 1)",
    );
  }
  const primaryMetricId = typeof plan.primaryMetricId === "string" ? plan.primaryMetricId : undefined;
  return {
    engine,
    tuning,
    rho: tuning === undefined ? Number.NaN : sequentialRho(alpha, tuning),
    alpha,
    difference,
    correction,
    srmThreshold,
    guardrailMargin,
    riskThreshold,
    status,
    plannedEndReached,
    plan: { sampleSizePerVariation, minimumDetectableEffect, power, primaryMetricId },
  };
}
