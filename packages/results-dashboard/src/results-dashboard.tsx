import type {
  Experiment,
  ExperimentDraft,
  MetricDefinition,
  MetricStatsRow,
  Segment,
} from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Callout, formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { type ReactNode, useId } from "react";
import { describeReason } from "./analysis-view";
import { DecisionSummary } from "./decision-summary";
import { ExperimentActions, type ExperimentActionsPersistence } from "./experiment-actions";
import { ExperimentConfiguration } from "./experiment-configuration";
import { ExportButtons, type ExportButtonsProps } from "./export-buttons";
import { HealthBanner } from "./health-banner";
import { MetricsComparisonTable } from "./metrics-comparison-table";
import { RecommendationCallout } from "./recommendation-callout";
import { ResultsHeader } from "./results-header";
import { SummaryCards } from "./summary-cards";
import { TrendChart } from "./trend-chart";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText } from "./use-locale-text";

export interface ResultsDashboardProps extends LocaleTextProps {
  experiment: Experiment;
  /** The result of stats-core's `analyzeExperiment` for this experiment. */
  analysis: AnalysisResult;
  /** The experiment's metric definitions (names, descriptions, units). */
  metrics: readonly MetricDefinition[];
  /** The warehouse's cumulative daily rows: enables the trend chart's "Values per day". */
  daily?: readonly MetricStatsRow[] | undefined;
  /** Identities excluded for seeing several variations (from the warehouse's exposure summary). */
  excludedMultipleVariations?: number | undefined;
  /** Lifecycle methods of your persistence: each enables its action (stop, pause/resume, ship/conclude). */
  persistence?: ExperimentActionsPersistence | undefined;
  onStopped?: ((experiment: Experiment) => void) | undefined;
  /** Called with the experiment after every lifecycle action. */
  onExperimentChange?: ((experiment: Experiment) => void) | undefined;
  /** Enables "Start a new experiment from this one". */
  onStartFromThis?: ((draft: ExperimentDraft) => void) | undefined;
  /** Extra controls in the header (e.g. the connected component's "Refresh"). */
  toolbar?: ReactNode;
  /** Receives exported files instead of downloading them. */
  onExport?: ExportButtonsProps["onExport"];
  /** A message above the results (e.g. that the last refresh failed, with "Retry"). */
  notice?: ReactNode;
  /** When the statistics were read ("Last refreshed …" in the header). */
  refreshedAt?: Date | undefined;
  /** "Today" for "Day X of N". Default: now. */
  today?: Date | undefined;
  /** Segment names, for the audience. */
  segments?: readonly Pick<Segment, "id" | "name">[] | undefined;
  /** The environment's name; the experiment carries only its key. */
  environmentName?: string | undefined;
}

/** What {@link ResultsPage} shows under the header when there is no analysis to show (yet). */
export interface ResultsPageProps extends Omit<ResultsDashboardProps, "analysis" | "metrics"> {
  analysis?: AnalysisResult | undefined;
  metrics?: readonly MetricDefinition[] | undefined;
  /** `ready` shows the analysis; anything else shows `children` (skeletons, a note, an error) and the configuration. */
  state: "ready" | "loading" | "empty" | "not-started" | "error";
  children?: ReactNode;
  /** In place of the trend chart while its daily rows load or after they failed (progressive loading). */
  trend?: ReactNode;
}

/**
 * The results page in every state, one component tree: the header and its actions stay mounted while the body moves
 * from skeletons to results (a confirmation opened during loading stays open when the results arrive).
 */
export function ResultsPage({
  experiment,
  analysis,
  metrics = [],
  daily,
  excludedMultipleVariations,
  persistence,
  onStopped,
  onExperimentChange,
  onStartFromThis,
  toolbar,
  onExport,
  notice,
  refreshedAt,
  today,
  segments,
  environmentName,
  state,
  children,
  trend,
  className,
  style,
  ...text
}: ResultsPageProps) {
  const { m, scope } = useLocaleText(text);
  const headingId = useId();
  const now = today ?? new Date();
  const shared = { messages: text.messages, locale: text.locale, currency: text.currency };
  const ready = state === "ready" ? analysis : undefined;
  const analysisProblem =
    !ready || ready.status === "ok"
      ? null
      : formatMessage(ready.status === "insufficient-data" ? m.analysisInsufficient : m.analysisInvalid, {
          detail: describeReason(ready.status, ready.reason, m),
        });
  const { decision } = experiment;
  return (
    <ResultsTextProvider value={scope}>
      <article
        {...rootProps("fx-results", { className, style })}
        aria-labelledby={headingId}
        data-status={experiment.status}
        data-state={state}
      >
        <ResultsHeader
          experiment={experiment}
          analysis={ready}
          refreshedAt={refreshedAt}
          today={now}
          headingId={headingId}
          actions={
            <>
              {toolbar}
              <ExperimentActions
                experiment={experiment}
                persistence={persistence}
                analysis={ready}
                segments={segments}
                today={now}
                onStopped={onStopped}
                onExperimentChange={onExperimentChange}
                onStartFromThis={onStartFromThis}
                {...shared}
              />
            </>
          }
        />
        {notice}
        {decision ? <DecisionSummary experiment={{ ...experiment, decision }} metrics={metrics} /> : null}
        {ready ? (
          <>
            {analysisProblem ? (
              <Callout tone="warning" role="status">
                {analysisProblem}
              </Callout>
            ) : null}
            <HealthBanner analysis={ready} excludedMultipleVariations={excludedMultipleVariations} {...shared} />
            <RecommendationCallout analysis={ready} {...shared} />
            <SummaryCards analysis={ready} {...shared} />
            <MetricsComparisonTable analysis={ready} {...shared} />
            {trend ?? <TrendChart analysis={ready} daily={daily} {...shared} />}
          </>
        ) : (
          children
        )}
        <ExperimentConfiguration
          experiment={experiment}
          metrics={metrics}
          segments={segments}
          environmentName={environmentName}
          {...shared}
        />
        {ready ? <ExportButtons analysis={ready} experiment={experiment} messages={m} onExport={onExport} /> : null}
      </article>
    </ResultsTextProvider>
  );
}

/**
 * Everything about one experiment's results: header (status, day, sample, refresh, actions), the recorded decision,
 * health, recommendation, summary, comparison, trend, configuration, export.
 */
export function ResultsDashboard(props: ResultsDashboardProps) {
  return <ResultsPage {...props} state="ready" />;
}
