import type { Experiment } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult, MetricAnalysis } from "@flagsmith-experimentation/stats-core";
import { type Formatters, formatMessage } from "@flagsmith-experimentation/ui";
import { formatLift, headlineMetric, leaderOf, metricName, treatments, variationName } from "./analysis-view";
import { experimentTimeline } from "./experiment-timeline";
import type { ExperimentListMessages, ResultsPageMessages } from "./messages";

type TriageMessages = ResultsPageMessages & ExperimentListMessages;

/**
 * What the host knows about an experiment's analysis on the Experiments page: the analysis itself, or that it is
 * still loading, failed, or found no data yet. `undefined`: the host does not show analyses for it.
 */
export type ListAnalysisState = AnalysisResult | "loading" | "error" | "empty" | undefined;

/** Good news, bad news, something to look at, or nothing either way. */
export type TriageTone = "better" | "worse" | "warning" | "neutral";

/**
 * How soon a person should look: 0 a problem (sample ratio mismatch, a harmed guardrail, unusable data), 1 a
 * decision to take (a winner, no difference, an ended experiment without a decision), 2 running, 3 paused,
 * 4 scheduled, 5 draft, 6 concluded.
 */
export type TriageAttention = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface TriageHeadline {
  tone: TriageTone;
  /** The one line that says where the experiment stands. */
  text: string;
  /** A second, quieter line (who decided and when, "record a decision"). */
  detail?: string;
  attention: TriageAttention;
  /** The analysis is still loading: show a placeholder of the headline's size. */
  loading?: boolean;
}

const STATUS_ATTENTION: Record<Experiment["status"], TriageAttention> = {
  running: 2,
  paused: 3,
  scheduled: 4,
  draft: 5,
  stopped: 1,
  concluded: 6,
};

function harmedGuardrail(analysis: AnalysisResult) {
  for (const metric of analysis.metrics) {
    if (metric.role !== "guardrail") continue;
    for (const variation of treatments(metric)) {
      if (variation.guardrail === "harmed") return { metric, variation };
    }
  }
  return undefined;
}

function primaryName(analysis: AnalysisResult): string {
  return headlineMetric(analysis)?.name ?? "";
}

/**
 * The recommendation's leader on the metric its figure is about (the deciding primary where the lead is weakest),
 * with its lift; the control leads with no lift. Falls back to the headline metric's most likely best.
 */
function leadOf(analysis: AnalysisResult) {
  const { leader: leaderKey, confidenceMetricId } = analysis.recommendation;
  const metric: MetricAnalysis | undefined =
    analysis.metrics.find((candidate) => candidate.metricId === confidenceMetricId) ?? headlineMetric(analysis);
  const leader =
    (leaderKey === undefined ? undefined : metric?.variations.find((v) => v.variationKey === leaderKey)) ??
    (metric ? leaderOf(metric) : undefined);
  return leader && metric ? { leader, metric, lift: leader.isControl ? null : leader.lift } : undefined;
}

function leadingHeadline(analysis: AnalysisResult, m: TriageMessages, f: Formatters): TriageHeadline {
  const lead = leadOf(analysis);
  if (!lead) {
    return { tone: "neutral", text: formatMessage(m.triageNoLeader, { metric: primaryName(analysis) }), attention: 2 };
  }
  return {
    tone: "neutral",
    text: lead.lift
      ? formatMessage(m.triageLeading, {
          variation: lead.leader.name,
          metric: lead.metric.name,
          lift: formatLift(analysis, lead.lift.estimate, lead.metric.unit, f),
        })
      : formatMessage(m.triageControlLeading, { variation: lead.leader.name, metric: lead.metric.name }),
    attention: 2,
  };
}

/** The analysis' headline: a problem first, then the verdict in the words of the recommendation. */
function analysisHeadline(analysis: AnalysisResult, m: TriageMessages, f: Formatters): TriageHeadline {
  if (analysis.status === "invalid-input") return { tone: "warning", text: m.triageInvalid, attention: 0 };
  if (analysis.srm.status === "ok" && analysis.srm.mismatch) return { tone: "worse", text: m.triageSrm, attention: 0 };
  const harmed = harmedGuardrail(analysis);
  if (harmed) {
    return {
      tone: "worse",
      text: formatMessage(m.triageGuardrail, {
        metric: harmed.metric.name,
        variation: harmed.variation.name,
        lift: formatLift(analysis, harmed.variation.lift?.estimate, harmed.metric.unit, f),
      }),
      attention: 0,
    };
  }
  const { recommendation } = analysis;
  const metric = headlineMetric(analysis);
  const metricText = primaryName(analysis);
  switch (recommendation.verdict) {
    case "declare-winner": {
      const winnerKey = recommendation.winner;
      if (winnerKey !== undefined && winnerKey === analysis.controlKey) {
        return {
          tone: "neutral",
          text: formatMessage(m.triageControlWins, {
            variation: variationName(analysis, winnerKey),
            metric: metricText,
          }),
          attention: 1,
        };
      }
      const winner = metric?.variations.find((variation) => variation.variationKey === winnerKey);
      return {
        tone: "better",
        text: formatMessage(m.triageWinner, {
          variation: variationName(analysis, winnerKey),
          metric: metricText,
          lift: formatLift(analysis, winner?.lift?.estimate, metric?.unit, f),
        }),
        attention: 1,
      };
    }
    case "no-difference":
      return { tone: "neutral", text: formatMessage(m.triageNoDifference, { metric: metricText }), attention: 1 };
    case "inconclusive": {
      const paused = recommendation.reasons.some((r) => r.code === "not-running" && r.status === "paused");
      if (paused) return leadingHeadline(analysis, m, f);
      return { tone: "neutral", text: formatMessage(m.triageInconclusive, { metric: metricText }), attention: 1 };
    }
    case "investigate": {
      const guardrail = recommendation.reasons.find((reason) => reason.code === "guardrail-harmed");
      if (guardrail?.code === "guardrail-harmed") {
        return {
          tone: "worse",
          text: formatMessage(m.triageGuardrailShort, {
            metric: metricName(analysis, guardrail.metricId),
            variation: variationName(analysis, guardrail.variationKey),
          }),
          attention: 0,
        };
      }
      return { tone: "warning", text: m.triageInvestigate, attention: 0 };
    }
    case "not-started":
      return { tone: "neutral", text: m.triageNoData, attention: 2 };
    case "keep-running":
      return leadingHeadline(analysis, m, f);
  }
}

/**
 * The Experiments page's status-aware headline for one experiment: what happened (a recorded decision), what is
 * wrong (a sample ratio mismatch, a harmed guardrail), what to do (a winner), or where it stands (leading, not
 * started, paused).
 */
export function triageHeadline(
  experiment: Experiment,
  state: ListAnalysisState,
  m: TriageMessages,
  f: Formatters,
  today: Date,
): TriageHeadline {
  const timeline = experimentTimeline(experiment, today);
  if (timeline.phase === "not-launched") return { tone: "neutral", text: m.triageDraft, attention: 5 };
  if (timeline.phase === "scheduled") {
    return {
      tone: "neutral",
      text: formatMessage(m.triageScheduled, { date: f.date(timeline.startsOn) }),
      attention: 4,
    };
  }
  if (experiment.status === "concluded") {
    const decision = experiment.decision;
    if (!decision) return { tone: "neutral", text: m.triageConcluded, attention: 6 };
    const winner = decision.winner === null ? undefined : experiment.variations.find((v) => v.key === decision.winner);
    const detail = decision.decidedBy
      ? formatMessage(m.decidedOnBy, { date: f.dateTime(decision.decidedAt), who: decision.decidedBy })
      : formatMessage(m.decidedOn, { date: f.dateTime(decision.decidedAt) });
    return {
      tone: winner && !winner.isControl ? "better" : "neutral",
      text: winner ? formatMessage(m.triageShipped, { variation: winner.name }) : m.triageConcludedNoWinner,
      detail,
      attention: 6,
    };
  }
  const status = timeline.phase === "paused" ? "paused" : experiment.status;
  const base = STATUS_ATTENTION[status];
  let headline: TriageHeadline;
  if (state === "loading") headline = { tone: "neutral", text: m.triageLoading, attention: base, loading: true };
  else if (state === "error") headline = { tone: "warning", text: m.triageUnavailable, attention: base };
  else if (state === "empty") headline = { tone: "neutral", text: m.triageNoData, attention: base };
  else if (state === undefined) headline = { tone: "neutral", text: m.triageNoResults, attention: base };
  else {
    const found = analysisHeadline(state, m, f);
    headline = { ...found, attention: Math.min(found.attention, base) as TriageAttention };
  }
  if (status === "paused" && !headline.loading) {
    return { ...headline, text: formatMessage(m.triagePaused, { summary: headline.text }) };
  }
  if (status === "stopped") return { ...headline, detail: m.triageAwaitingDecision };
  return headline;
}
