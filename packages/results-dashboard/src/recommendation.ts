import type {
  AnalysisResult,
  RecommendationReason,
  RecommendationVerdict,
} from "@flagsmith-experimentation/stats-core";
import { type Formatters, formatMessage, messageKey } from "@flagsmith-experimentation/ui";
import { headlineMetric, leaderOf, metricName, reasonDetail, variationName } from "./analysis-view";
import type { ResultsMessages } from "./messages";
import { fractionOfPlan } from "./progress";

/** What the recommendation callout says, derived only from the structured verdict. */
export interface RecommendationText {
  verdict: RecommendationVerdict;
  /** Short badge text, e.g. "Declare a winner". */
  title: string;
  /** The plain-language sentence. */
  sentence: string;
  /** Formatted confidence, e.g. "97.5%". */
  confidence: string;
  /** One readable line per reason. */
  reasons: string[];
}

function listOf(names: string[], m: ResultsMessages): string {
  return names.join(m.listSeparator);
}

function reasonText(reason: RecommendationReason, analysis: AnalysisResult, m: ResultsMessages, f: Formatters): string {
  switch (reason.code) {
    // New in stats-core's decision rules; not rendered yet (see coordination NOTES-stats.md).
    case "not-started":
    case "not-running":
    case "decision-valid":
    case "leader":
    case "risk-above-threshold":
      return "";
    case "srm":
      return formatMessage(m.reasonSrm, { pValue: f.pValue(reason.pValue) });
    case "guardrail-harmed":
      return formatMessage(m.reasonGuardrail, {
        metric: metricName(analysis, reason.metricId),
        variation: variationName(analysis, reason.variationKey),
      });
    case "not-enough-data":
      return reason.daysLeft !== undefined && Number.isFinite(reason.daysLeft)
        ? formatMessage(m.reasonNotEnoughDataDays, {
            percent: f.percent(fractionOfPlan(reason.percentOfPlannedSample)),
            days: f.days(reason.daysLeft),
          })
        : formatMessage(m.reasonNotEnoughData, { percent: f.percent(fractionOfPlan(reason.percentOfPlannedSample)) });
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

/** The metrics a verdict is about: those named by its reasons, else the headline (first primary) metric. */
function verdictMetrics(analysis: AnalysisResult): string {
  for (const reason of analysis.recommendation.reasons) {
    if (reason.code === "significant-winner" || reason.code === "control-better") {
      return reason.metricIds.map((id) => metricName(analysis, id)).join(", ");
    }
  }
  const primaries = analysis.metrics.filter((metric) => metric.role === "primary").map((metric) => metric.name);
  if (primaries.length > 0) return primaries.join(", ");
  return headlineMetric(analysis)?.name ?? "";
}

/** Builds the callout's text from `analysis.recommendation`; never contradicts the verdict or its numbers. */
export function recommendationText(analysis: AnalysisResult, m: ResultsMessages, f: Formatters): RecommendationText {
  const { recommendation } = analysis;
  // Without any analysable metric there is no confidence to state (stats-core reports 0).
  const confidence = analysis.status === "ok" ? f.probability(recommendation.confidence) : m.notAvailable;
  const metric = verdictMetrics(analysis);
  let sentence: string;
  switch (recommendation.verdict) {
    case "declare-winner": {
      const winnerKey = recommendation.winner;
      sentence =
        winnerKey !== undefined && winnerKey === analysis.controlKey
          ? formatMessage(m.declareControlText, { metric, confidence })
          : formatMessage(m.declareWinnerText, { winner: variationName(analysis, winnerKey), metric, confidence });
      break;
    }
    case "keep-running": {
      const headline = headlineMetric(analysis);
      const leader = headline ? leaderOf(headline) : undefined;
      sentence = leader
        ? formatMessage(m.keepRunningText, { leader: leader.name, metric, confidence })
        : formatMessage(m.keepRunningNoLeader, { metric });
      break;
    }
    case "investigate":
      sentence = m.investigateText;
      break;
    case "no-difference":
      sentence = formatMessage(m.noDifferenceText, { metric, confidence });
      break;
    case "not-started":
      sentence = m.notStartedText;
      break;
    case "inconclusive":
      sentence = formatMessage(m.inconclusiveText, { metric });
      break;
  }
  return {
    verdict: recommendation.verdict,
    title: m[messageKey("verdict", recommendation.verdict)],
    sentence,
    confidence,
    reasons: recommendation.reasons.map((reason) => reasonText(reason, analysis, m, f)).filter((text) => text !== ""),
  };
}
