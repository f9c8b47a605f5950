import type {
  AnalysisResult,
  Engine,
  LiftResult,
  MetricAnalysis,
  Recommendation,
  RecommendationReason,
  SrmAnalysis,
} from "./types";

type RecommendInput = {
  metrics: MetricAnalysis[];
  srm: SrmAnalysis;
  progress: AnalysisResult["progress"];
  controlKey: string;
  engine: Engine;
};

/** How sure we are that the treatment beats control on this lift (direction already applied). */
function confidenceOf(lift: LiftResult, engine: Engine): number {
  if (engine === "bayesian") return lift.chanceToWin ?? 0;
  const p = lift.adjustedPValue ?? lift.pValue ?? 1;
  return lift.outcome === "worse" ? 0 : 1 - p;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/**
 * The verdict, derived only from the per-lift `significant`/`outcome` flags (which are exactly
 * "the interval shown excludes 0"):
 * 1. invalid primary data, SRM, a harmed guardrail, or primaries pointing in opposite directions
 *    for one variation → `investigate`;
 * 2. a treatment significantly better on every primary → `declare-winner` (the most confident one);
 *    every treatment significantly worse on every primary → `declare-winner` with the control;
 * 3. otherwise `no-difference` once the planned sample is reached, else `keep-running`.
 */
export function recommend({ metrics, srm, progress, controlKey, engine }: RecommendInput): Recommendation {
  const reasons: RecommendationReason[] = [];
  let investigate = false;
  const primaries = metrics.filter((m) => m.role === "primary");
  if (primaries.length === 0) {
    reasons.push({ code: "no-primary-metric" });
    investigate = true;
  }
  for (const m of primaries) {
    if (m.status === "invalid-input" && m.reason !== undefined) {
      reasons.push({ code: "invalid-data", metricId: m.metricId, reason: m.reason });
      investigate = true;
    }
  }
  if (srm.status === "ok" && srm.mismatch) {
    reasons.push({ code: "srm", pValue: srm.pValue });
    investigate = true;
  }
  for (const m of metrics) {
    if (m.role !== "guardrail") continue;
    for (const v of m.variations) {
      if (v.guardrail === "harmed") {
        reasons.push({ code: "guardrail-harmed", metricId: m.metricId, variationKey: v.variationKey });
        investigate = true;
      }
    }
  }

  const treatmentKeys = (primaries[0]?.variations ?? []).filter((v) => !v.isControl).map((v) => v.variationKey);
  const liftsFor = (variationKey: string): (LiftResult | null)[] =>
    primaries.map((m) => m.variations.find((v) => v.variationKey === variationKey)?.lift ?? null);

  for (const key of treatmentKeys) {
    const outcomes = liftsFor(key).map((l) => l?.outcome);
    if (outcomes.includes("better") && outcomes.includes("worse")) {
      reasons.push({ code: "primaries-disagree", variationKey: key });
      investigate = true;
    }
  }

  // Confidence per treatment: the weakest primary.
  const scored = treatmentKeys.map((key) => {
    const lifts = liftsFor(key);
    const confidence =
      lifts.length === 0 ? 0 : Math.min(...lifts.map((l) => (l === null ? 0 : confidenceOf(l, engine))));
    const wins = lifts.length > 0 && lifts.every((l) => l?.significant && l.outcome === "better");
    return { key, confidence: clamp01(confidence), wins };
  });
  const leader = scored.reduce<{ key: string; confidence: number; wins: boolean } | null>(
    (best, x) => (best === null || x.confidence > best.confidence ? x : best),
    null,
  );
  const leaderConfidence = leader?.confidence ?? 0;

  if (investigate) return { verdict: "investigate", confidence: leaderConfidence, reasons };

  const winners = scored.filter((x) => x.wins).sort((a, b) => b.confidence - a.confidence);
  const best = winners[0];
  if (best !== undefined) {
    reasons.push({ code: "significant-winner", variationKey: best.key, metricIds: primaries.map((m) => m.metricId) });
    return { verdict: "declare-winner", winner: best.key, confidence: best.confidence, reasons };
  }

  const controlWins =
    treatmentKeys.length > 0 &&
    treatmentKeys.every((key) => liftsFor(key).every((l) => l?.significant && l.outcome === "worse"));
  if (controlWins) {
    const confidence = Math.min(
      ...treatmentKeys.flatMap((key) =>
        liftsFor(key).map((l) => {
          if (l === null) return 0;
          return engine === "bayesian" ? 1 - (l.chanceToWin ?? 1) : 1 - (l.adjustedPValue ?? l.pValue ?? 1);
        }),
      ),
    );
    reasons.push({ code: "control-better", metricIds: primaries.map((m) => m.metricId) });
    return { verdict: "declare-winner", winner: controlKey, confidence: clamp01(confidence), reasons };
  }

  const percent = progress.percentOfPlannedSample;
  if (percent >= 100 && primaries.every((m) => m.status === "ok")) {
    reasons.push({ code: "no-significant-difference", percentOfPlannedSample: percent });
    return { verdict: "no-difference", confidence: leaderConfidence, reasons };
  }
  const notEnough: RecommendationReason =
    progress.daysLeft === undefined
      ? { code: "not-enough-data", percentOfPlannedSample: percent }
      : { code: "not-enough-data", percentOfPlannedSample: percent, daysLeft: progress.daysLeft };
  reasons.push(notEnough);
  return { verdict: "keep-running", confidence: leaderConfidence, reasons };
}
