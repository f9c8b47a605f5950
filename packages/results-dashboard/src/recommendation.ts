import type {
  AnalysisResult,
  DecisionBasis,
  RecommendationReason,
  RecommendationVerdict,
} from "@flagsmith-experimentation/stats-core";
import { type Formatters, formatMessage, messageKey } from "@flagsmith-experimentation/ui";
import { headlineMetric, metricName, pValueText, reasonDetail, variationName } from "./analysis-view";
import type { ResultsPageMessages } from "./messages";
import { fractionOfPlan } from "./progress";

/** What the recommendation callout says, derived only from the structured verdict. */
export interface RecommendationText {
  verdict: RecommendationVerdict;
  /** Short badge text, e.g. "Declare a winner". */
  title: string;
  /** The plain-language sentence. */
  sentence: string;
  /**
   * The one figure behind the verdict, named: the leader's probability of being best ("Green: 97.5% probability of
   * being best"), the same number the "Probability of being best" card shows. Absent when there is none.
   */
  confidence?: string;
  /** One readable line per reason. */
  reasons: string[];
}

function listOf(names: string[], m: ResultsPageMessages): string {
  return names.join(m.listSeparator);
}

const BASIS_MESSAGES: Record<DecisionBasis, keyof ResultsPageMessages> = {
  "planned-sample-reached": "reasonBasisPlannedSample",
  "planned-end-reached": "reasonBasisPlannedEnd",
  "experiment-ended": "reasonBasisEnded",
  sequential: "reasonBasisSequential",
  "risk-below-threshold": "reasonBasisRisk",
};

/** A relative expected loss as a rate ("0.25%"): the same precision as the thresholds it is compared with. */
function lossText(analysis: AnalysisResult, value: number, f: Formatters): string {
  return analysis.difference === "relative" ? f.value(value, "percent") : f.decimal(value);
}

/** Whether the experiment no longer collects data (paused, stopped, concluded): no "days left" then. */
function notRunning(analysis: AnalysisResult): boolean {
  return analysis.recommendation.reasons.some((reason) => reason.code === "not-running");
}

function reasonText(
  reason: RecommendationReason,
  analysis: AnalysisResult,
  m: ResultsPageMessages,
  f: Formatters,
): string {
  switch (reason.code) {
    case "not-started":
      return reason.status === "draft" ? m.reasonNotStartedDraft : m.reasonNotStartedScheduled;
    case "not-running":
      return reason.status === "paused"
        ? m.reasonPaused
        : reason.status === "stopped"
          ? m.reasonStopped
          : m.reasonConcluded;
    case "decision-valid":
      return formatMessage(m[BASIS_MESSAGES[reason.basis]] as string, {
        threshold: lossText(analysis, analysis.riskThreshold, f),
      });
    case "leader":
      return formatMessage(m.reasonLeader, {
        variation: variationName(analysis, reason.variationKey),
        metric: metricName(analysis, reason.metricId),
        value: f.probability(reason.probabilityOfBeingBest),
      });
    case "risk-above-threshold":
      return formatMessage(m.reasonRiskAboveThreshold, {
        variation: variationName(analysis, reason.variationKey),
        metric: metricName(analysis, reason.metricId),
        risk: lossText(analysis, reason.risk, f),
        threshold: lossText(analysis, reason.riskThreshold, f),
      });
    case "srm":
      return formatMessage(m.reasonSrm, { pValue: pValueText(reason.pValue, m, f) });
    case "guardrail-harmed":
      return formatMessage(m.reasonGuardrail, {
        metric: metricName(analysis, reason.metricId),
        variation: variationName(analysis, reason.variationKey),
      });
    case "not-enough-data": {
      const values = {
        percent: f.percent(fractionOfPlan(reason.percentOfPlannedSample)),
        smallest: f.count(reason.smallestArm),
        planned: f.count(reason.plannedSampleSizePerVariation),
      };
      return reason.daysLeft !== undefined && Number.isFinite(reason.daysLeft) && !notRunning(analysis)
        ? formatMessage(m.reasonNotEnoughDataDays, { ...values, days: f.days(reason.daysLeft) })
        : formatMessage(m.reasonNotEnoughData, values);
    }
    case "primaries-disagree":
      return formatMessage(m.reasonPrimariesDisagree, { variation: variationName(analysis, reason.variationKey) });
    case "significant-winner":
      return formatMessage(m.reasonSignificantWinner, {
        variation: variationName(analysis, reason.variationKey),
        metrics: listOf(
          reason.metricIds.map((id) => metricName(analysis, id)),
          m,
        ),
      });
    case "control-better":
      return formatMessage(m.reasonControlBetter, {
        metrics: listOf(
          reason.metricIds.map((id) => metricName(analysis, id)),
          m,
        ),
      });
    case "no-significant-difference":
      return formatMessage(m.reasonNoSignificantDifference, {
        percent: f.percent(fractionOfPlan(reason.percentOfPlannedSample)),
      });
    case "no-primary-metric":
      return m.reasonNoPrimaryMetric;
    case "invalid-data":
      return reason.metricId
        ? formatMessage(m.reasonInvalidData, {
            metric: metricName(analysis, reason.metricId),
            detail: reasonDetail(reason.reason, m),
          })
        : formatMessage(m.reasonInvalidDataGeneric, { detail: reasonDetail(reason.reason, m) });
  }
}

/** The metrics a verdict is about: those named by its reasons, else the deciding (primary) metrics. */
function verdictMetrics(analysis: AnalysisResult): string {
  for (const reason of analysis.recommendation.reasons) {
    if (reason.code === "significant-winner" || reason.code === "control-better") {
      return reason.metricIds.map((id) => metricName(analysis, id)).join(", ");
    }
  }
  const primaries = analysis.metrics
    .filter((metric) => metric.role === "primary" && metric.direction !== "informational")
    .map((metric) => metric.name);
  if (primaries.length > 0) return primaries.join(", ");
  return headlineMetric(analysis)?.name ?? "";
}

/** Builds the callout's text from `analysis.recommendation`; never contradicts the verdict or its numbers. */
export function recommendationText(
  analysis: AnalysisResult,
  m: ResultsPageMessages,
  f: Formatters,
): RecommendationText {
  const { recommendation } = analysis;
  const leaderKey = recommendation.leader;
  const leader = leaderKey === undefined ? undefined : variationName(analysis, leaderKey);
  const probability = f.probability(recommendation.confidence);
  // The leader's own figure, never another variation's; none without an analysable primary metric.
  const confidence =
    analysis.status === "ok" && leader !== undefined && recommendation.verdict !== "not-started"
      ? formatMessage(m.confidenceLabel, { variation: leader, value: probability })
      : undefined;
  const metric = verdictMetrics(analysis);
  const confidenceMetric = recommendation.confidenceMetricId
    ? metricName(analysis, recommendation.confidenceMetricId)
    : metric;
  const paused = recommendation.reasons.some((reason) => reason.code === "not-running" && reason.status === "paused");
  let sentence: string;
  switch (recommendation.verdict) {
    case "declare-winner": {
      const winnerKey = recommendation.winner;
      sentence =
        winnerKey !== undefined && winnerKey === analysis.controlKey
          ? formatMessage(m.declareControlText, { control: variationName(analysis, winnerKey), metric })
          : formatMessage(m.declareWinnerText, { winner: variationName(analysis, winnerKey), metric });
      break;
    }
    case "keep-running":
      sentence = leader
        ? formatMessage(m.keepRunningText, { leader, metric: confidenceMetric, value: probability })
        : formatMessage(m.keepRunningNoLeader, { metric });
      break;
    case "investigate":
      sentence = m.investigateText;
      break;
    case "no-difference":
      sentence = formatMessage(m.noDifferenceText, { metric });
      break;
    case "not-started":
      sentence = m.notStartedText;
      break;
    case "inconclusive":
      sentence = paused
        ? formatMessage(m.pausedInconclusiveText, { metric })
        : formatMessage(m.inconclusiveText, { metric });
      break;
  }
  const text: RecommendationText = {
    verdict: recommendation.verdict,
    title: m[messageKey("verdict", recommendation.verdict)],
    sentence,
    reasons: recommendation.reasons.map((reason) => reasonText(reason, analysis, m, f)).filter((line) => line !== ""),
  };
  if (confidence !== undefined) text.confidence = confidence;
  return text;
}
