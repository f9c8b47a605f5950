import type { Experiment } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { formatMessage, isFiniteNumber } from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import { StatusBadge } from "./experiment-status";
import { experimentTimeline, timelineText } from "./experiment-timeline";
import { fractionOfPlan } from "./progress";
import { useResultsText } from "./use-locale-text";

export interface ResultsHeaderProps {
  experiment: Experiment;
  /** Present once the analysis has loaded: the share of the planned sample comes from it. */
  analysis?: AnalysisResult | undefined;
  /** When the statistics were last read from the warehouse. */
  refreshedAt?: Date | undefined;
  today: Date;
  headingId: string;
  /** Controls next to the title: "Refresh", the lifecycle actions. */
  actions?: ReactNode;
}

/**
 * Where the experiment stands, at the top of its results: the name, the status, "Day X of N" (or "Starts on …",
 * "Ended …"), the share of the planned sample and when the data was last refreshed (docs/decision-rules.md, "Acting on results").
 */
export function ResultsHeader({ experiment, analysis, refreshedAt, today, headingId, actions }: ResultsHeaderProps) {
  const { m, f } = useResultsText();
  const timeline = experimentTimeline(experiment, today);
  const progress = analysis?.progress;
  const planned = progress?.plannedSampleSizePerVariation;
  const hasPlan = isFiniteNumber(planned) && planned > 0;
  return (
    <header className="fx-header">
      <div className="fx-header-title">
        <h2 id={headingId} className="fx-title">
          {formatMessage(m.resultsFor, { name: experiment.name || m.untitled })}
        </h2>
        <StatusBadge status={timeline.phase === "running" ? "running" : experiment.status} messages={m} />
      </div>
      {actions ? <div className="fx-header-actions">{actions}</div> : null}
      <ul className="fx-facts">
        <li className="fx-fact" data-fact="timeline">
          {timelineText(timeline, m, f)}
        </li>
        {progress && hasPlan ? (
          <li className="fx-fact" data-fact="sample">
            <span>
              {formatMessage(m.sampleOfPlan, { percent: f.percent(fractionOfPlan(progress.percentOfPlannedSample)) })}
            </span>{" "}
            <span className="fx-muted">
              (
              {formatMessage(m.sampleOfPlanDetail, {
                smallest: f.count(progress.smallestArm),
                planned: f.count(planned),
              })}
              )
            </span>
            <span className="fx-meter" aria-hidden="true">
              <span
                className="fx-meter-fill"
                style={{ width: `${Math.min(100, fractionOfPlan(progress.percentOfPlannedSample) * 100)}%` }}
              />
            </span>
          </li>
        ) : null}
        {refreshedAt ? (
          <li className="fx-fact" data-fact="refreshed">
            {formatMessage(m.lastRefreshed, { time: f.time(refreshedAt) })}
          </li>
        ) : null}
      </ul>
    </header>
  );
}
