import type {
  Experiment,
  ExperimentDraft,
  MetricDefinition,
  PersistenceAdapter,
} from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Callout, formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { type ReactNode, useId } from "react";
import { describeReason } from "./analysis-view";
import { ExperimentActions } from "./experiment-actions";
import { ExperimentConfiguration } from "./experiment-configuration";
import { StatusBadge } from "./experiment-status";
import { ExportButtons, type ExportButtonsProps } from "./export-buttons";
import { HealthBanner } from "./health-banner";
import { MetricsComparisonTable } from "./metrics-comparison-table";
import { RecommendationCallout } from "./recommendation-callout";
import { SummaryCards } from "./summary-cards";
import { TrendChart } from "./trend-chart";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ResultsDashboardProps extends LocaleTextProps {
  experiment: Experiment;
  /** The result of stats-core's `analyzeExperiment` for this experiment. */
  analysis: AnalysisResult;
  /** The experiment's metric definitions (names, descriptions, units). */
  metrics: readonly MetricDefinition[];
  /** Identities excluded for seeing several variations (from the warehouse's exposure summary). */
  excludedMultipleVariations?: number;
  /** Enables "Stop experiment". */
  persistence?: Pick<PersistenceAdapter, "stop">;
  onStopped?: (experiment: Experiment) => void;
  /** Enables "Start a new experiment from this one". */
  onStartFromThis?: (draft: ExperimentDraft) => void;
  /** Extra controls in the header (e.g. the connected component's "Refresh"). */
  toolbar?: ReactNode;
  /** Receives exported files instead of downloading them. */
  onExport?: ExportButtonsProps["onExport"];
}

/** Everything about one experiment's results: health, recommendation, summary, comparison, trend, configuration, export. */
export function ResultsDashboard({
  experiment,
  analysis,
  metrics,
  excludedMultipleVariations,
  persistence,
  onStopped,
  onStartFromThis,
  toolbar,
  onExport,
  className,
  style,
  ...text
}: ResultsDashboardProps) {
  const { m } = useLocaleText(text);
  const headingId = useId();
  const shared = { messages: text.messages, locale: text.locale, currency: text.currency };
  const analysisProblem =
    analysis.status === "ok"
      ? null
      : formatMessage(analysis.status === "insufficient-data" ? m.analysisInsufficient : m.analysisInvalid, {
          detail: describeReason(analysis.status, analysis.reason, m),
        });
  return (
    <article
      {...rootProps("fx-results", { className, style })}
      aria-labelledby={headingId}
      data-status={experiment.status}
    >
      <header className="fx-header">
        <div className="fx-header-title">
          <h2 id={headingId} className="fx-title">
            {formatMessage(m.resultsFor, { name: experiment.name || m.untitled })}
          </h2>
          <StatusBadge status={experiment.status} messages={m} />
        </div>
        <div className="fx-header-actions">
          {toolbar}
          <ExperimentActions
            experiment={experiment}
            persistence={persistence}
            onStopped={onStopped}
            onStartFromThis={onStartFromThis}
            {...shared}
          />
        </div>
      </header>
      {analysisProblem ? (
        <Callout tone="warning" role="status">
          {analysisProblem}
        </Callout>
      ) : null}
      <HealthBanner analysis={analysis} excludedMultipleVariations={excludedMultipleVariations} {...shared} />
      <RecommendationCallout analysis={analysis} {...shared} />
      <SummaryCards analysis={analysis} {...shared} />
      <MetricsComparisonTable analysis={analysis} {...shared} />
      <TrendChart analysis={analysis} {...shared} />
      <ExperimentConfiguration experiment={experiment} metrics={metrics} {...shared} />
      <ExportButtons analysis={analysis} experiment={experiment} messages={m} onExport={onExport} />
    </article>
  );
}
