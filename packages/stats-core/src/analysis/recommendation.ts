/**
 * The decision rules (docs/decision-rules.md; STATISTICS.md, "Decision rules"): a verdict from the structured per-lift
 * flags, the experiment's status and its plan, with the reasons a UI needs to explain it.
 */
import type {
  AnalysisResult,
  DecisionBasis,
  LiftResult,
  MetricAnalysis,
  Recommendation,
  RecommendationReason,
  SrmAnalysis,
} from "../types";
import { decides } from "./metric-analysis";
import type { Settings } from "./settings";

type RecommendInput = {
  metrics: MetricAnalysis[];
  srm: SrmAnalysis;
  progress: AnalysisResult["progress"];
  controlKey: string;
  settings: Settings;
};

/** A variation's standing: its probability of being best on the deciding metric where it is weakest. */
type Standing = { variationKey: string; probability: number; metricId: string };

/** Each variation's weakest P(best) over the analysable deciding metrics (a missing value counts as 0). */
function standings(deciding: MetricAnalysis[]): Standing[] {
  const analysable = deciding.filter((m) => m.status === "ok");
  const first = analysable[0];
  if (first === undefined) return [];
  return first.variations.map(({ variationKey }) => {
    let weakest: Standing = { variationKey, probability: Number.POSITIVE_INFINITY, metricId: first.metricId };
    for (const metric of analysable) {
      const probability = metric.variations.find((v) => v.variationKey === variationKey)?.probabilityOfBeingBest ?? 0;
      if (probability < weakest.probability) weakest = { variationKey, probability, metricId: metric.metricId };
    }
    return weakest;
  });
}

function strongest(list: Standing[]): Standing | undefined {
  return list.reduce<Standing | undefined>(
    (best, x) => (best === undefined || x.probability > best.probability ? x : best),
    undefined,
  );
}

function liftsOf(deciding: MetricAnalysis[], variationKey: string): (LiftResult | null)[] {
  return deciding.map((m) => m.variations.find((v) => v.variationKey === variationKey)?.lift ?? null);
}

/** Problems that must be looked into before any verdict: the reasons, empty when there are none. */
function problems(metrics: MetricAnalysis[], deciding: MetricAnalysis[], srm: SrmAnalysis, treatments: string[]) {
  const reasons: RecommendationReason[] = [];
  if (deciding.length === 0) reasons.push({ code: "no-primary-metric" });
  for (const m of deciding) {
    if (m.status === "invalid-input" && m.reason !== undefined) {
      reasons.push({ code: "invalid-data", metricId: m.metricId, reason: m.reason });
    }
  }
  if (srm.status === "ok" && srm.mismatch) reasons.push({ code: "srm", pValue: srm.pValue });
  for (const m of metrics) {
    if (m.role !== "guardrail") continue;
    for (const v of m.variations) {
      if (v.guardrail === "harmed")
        reasons.push({ code: "guardrail-harmed", metricId: m.metricId, variationKey: v.variationKey });
    }
  }
  for (const key of treatments) {
    const outcomes = liftsOf(deciding, key).map((l) => l?.outcome);
    if (outcomes.includes("better") && outcomes.includes("worse")) {
      reasons.push({ code: "primaries-disagree", variationKey: key });
    }
  }
  return reasons;
}

/**
 * The expected loss of choosing `variationKey` (Bayesian): for a treatment, the largest over deciding metrics of
 * its risk vs control; for the control, the largest risk of keeping it over every treatment and metric.
 * null when some lift has no risk (frequentist engine, or a missing comparison).
 */
function expectedLossOf(
  deciding: MetricAnalysis[],
  variationKey: string,
  controlKey: string,
  treatments: string[],
): { risk: number; metricId: string } | null {
  let worst: { risk: number; metricId: string } | null = null;
  const keys = variationKey === controlKey ? treatments : [variationKey];
  for (const key of keys) {
    for (const metric of deciding) {
      const risk = metric.variations.find((v) => v.variationKey === key)?.lift?.risk;
      if (risk === null || risk === undefined) return null;
      const loss = variationKey === controlKey ? risk[0] : risk[1];
      if (worst === null || loss > worst.risk) worst = { risk: loss, metricId: metric.metricId };
    }
  }
  return worst;
}

/**
 * The verdict, in this order:
 * 1. `not-started` for a draft or scheduled experiment.
 * 2. `investigate`: no deciding primary metric, invalid primary data, SRM, a harmed guardrail, or primaries
 *    pointing in opposite directions for one variation.
 * 3. A candidate winner — a treatment significantly better on every deciding primary (the strongest), or the
 *    control when every treatment is significantly worse on every one — is declared (`declare-winner`) only
 *    when acting now is valid: the planned sample is reached, the experiment has ended (stopped/concluded),
 *    the frequentist analysis is sequential, or (Bayesian) its expected loss is at most `riskThreshold`.
 * 4. Without a candidate: `no-difference` once the planned sample is reached.
 * 5. Otherwise `keep-running` while running — naming the leader and what is missing — and `inconclusive`
 *    when the experiment is paused, stopped or concluded (never `keep-running`).
 * Informational metrics never take part. `confidence` is the leader's (the winner's) probability of being
 * best on the deciding metric where it is weakest.
 */
export function recommend({ metrics, srm, progress, controlKey, settings: s }: RecommendInput): Recommendation {
  const { status } = s;
  if (status === "draft" || status === "scheduled") {
    return { verdict: "not-started", confidence: 0, reasons: [{ code: "not-started", status }] };
  }
  const deciding = metrics.filter(decides);
  const treatments = (deciding[0]?.variations ?? []).filter((v) => !v.isControl).map((v) => v.variationKey);
  const ranked = standings(deciding);
  const leader = strongest(ranked);
  const standingOf = (key: string) => ranked.find((x) => x.variationKey === key);
  const withStanding = (base: Omit<Recommendation, "confidence">, standing: Standing | undefined): Recommendation =>
    standing === undefined
      ? { ...base, confidence: 0 }
      : {
          ...base,
          leader: standing.variationKey,
          confidence: standing.probability,
          confidenceMetricId: standing.metricId,
        };

  const found = problems(metrics, deciding, srm, treatments);
  if (found.length > 0) return withStanding({ verdict: "investigate", reasons: found }, leader);

  const metricIds = deciding.map((m) => m.metricId);
  const winsOnAll = (key: string) =>
    liftsOf(deciding, key).every((l) => l?.significant === true && l.outcome === "better");
  const losesOnAll = (key: string) =>
    liftsOf(deciding, key).every((l) => l?.significant === true && l.outcome === "worse");
  const treatmentWinner = strongest(
    ranked.filter((x) => treatments.includes(x.variationKey) && winsOnAll(x.variationKey)),
  );
  const controlWins = treatmentWinner === undefined && treatments.length > 0 && treatments.every(losesOnAll);
  const candidate = treatmentWinner ?? (controlWins ? standingOf(controlKey) : undefined);

  const planned = progress.plannedSampleSizePerVariation;
  const planReached = planned > 0 && progress.smallestArm >= planned;
  const ended = status === "stopped" || status === "concluded";
  const notEnoughData: RecommendationReason = {
    code: "not-enough-data",
    percentOfPlannedSample: progress.percentOfPlannedSample,
    ...(progress.daysLeft === undefined ? {} : { daysLeft: progress.daysLeft }),
    plannedSampleSizePerVariation: planned,
    smallestArm: progress.smallestArm,
  };
  const stillOpen = (reasons: RecommendationReason[], standing: Standing | undefined): Recommendation => {
    const leaderReason: RecommendationReason[] =
      standing === undefined
        ? []
        : [
            {
              code: "leader",
              variationKey: standing.variationKey,
              metricId: standing.metricId,
              probabilityOfBeingBest: standing.probability,
            },
          ];
    if (status === "running")
      return withStanding({ verdict: "keep-running", reasons: [...leaderReason, ...reasons] }, standing);
    return withStanding(
      { verdict: "inconclusive", reasons: [{ code: "not-running", status }, ...leaderReason, ...reasons] },
      standing,
    );
  };

  if (candidate !== undefined) {
    const winnerKey = candidate.variationKey;
    const loss = s.engine === "bayesian" ? expectedLossOf(deciding, winnerKey, controlKey, treatments) : null;
    // The first reason that makes acting now valid (docs/decision-rules.md), in this order.
    const bases: [valid: boolean, basis: DecisionBasis][] = [
      [planReached, "planned-sample-reached"],
      [s.plannedEndReached, "planned-end-reached"],
      [ended, "experiment-ended"],
      [s.engine === "frequentist" && s.tuning !== undefined, "sequential"],
      [loss !== null && loss.risk <= s.riskThreshold, "risk-below-threshold"],
    ];
    const basis = bases.find(([valid]) => valid)?.[1] ?? null;
    if (basis !== null) {
      const evidence: RecommendationReason =
        winnerKey === controlKey
          ? { code: "control-better", metricIds }
          : { code: "significant-winner", variationKey: winnerKey, metricIds };
      return {
        ...withStanding(
          { verdict: "declare-winner", reasons: [evidence, { code: "decision-valid", basis }] },
          candidate,
        ),
        winner: winnerKey,
      };
    }
    const missing: RecommendationReason[] = [notEnoughData];
    if (loss !== null) {
      missing.push({
        code: "risk-above-threshold",
        variationKey: winnerKey,
        metricId: loss.metricId,
        risk: loss.risk,
        riskThreshold: s.riskThreshold,
      });
    }
    return stillOpen(missing, candidate);
  }

  if (planReached && deciding.every((m) => m.status === "ok")) {
    return withStanding(
      {
        verdict: "no-difference",
        reasons: [
          { code: "no-significant-difference", percentOfPlannedSample: progress.percentOfPlannedSample },
          { code: "decision-valid", basis: "planned-sample-reached" },
        ],
      },
      leader,
    );
  }
  return stillOpen(planReached ? [] : [notEnoughData], leader);
}
