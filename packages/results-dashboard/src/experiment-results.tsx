import type { Experiment, ExperimentDraft } from "@flagsmith-experimentation/adapters";
import type { AnalysisOptions } from "@flagsmith-experimentation/stats-core";
import { Button, Callout, errorKind, formatMessage, rootProps, useAsyncState } from "@flagsmith-experimentation/ui";
import { useId, useMemo, useRef, useState } from "react";
import { ErrorBody } from "./error-body";
import { experimentTimeline } from "./experiment-timeline";
import { analyzeWithDaily, loadDaily, loadExperimentDetails, loadSummary, type ResultsAdapters } from "./load-results";
import type { ResultsPageMessages } from "./messages";
import { ResultsPage } from "./results-dashboard";
import { ResultsSkeleton } from "./results-skeleton";
import { TrendPlaceholder } from "./trend-placeholder";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText } from "./use-locale-text";

export interface ExperimentResultsProps extends LocaleTextProps {
  experimentId: string;
  /**
   * Your adapters: persistence (the experiment, and the lifecycle methods it has), warehouse (metric statistics),
   * metrics (definitions), and optionally segments (to name the audience).
   */
  adapters: ResultsAdapters;
  /** Options for `analyzeExperiment` (engine, sequential, alpha, correction…). */
  analysisOptions?: AnalysisOptions | undefined;
  onStopped?: ((experiment: Experiment) => void) | undefined;
  /** Called with the experiment after every lifecycle action (stop, pause, resume, ship, conclude). */
  onExperimentChange?: ((experiment: Experiment) => void) | undefined;
  onStartFromThis?: ((draft: ExperimentDraft) => void) | undefined;
  /** "Today" for "Day X of N" and for whether a scheduled experiment has started. Default: now. */
  today?: Date | undefined;
  /** The environment's name; the experiment carries only its key. */
  environmentName?: string | undefined;
}

/** A heading for a failure, by kind: the experiment is gone, access was refused, or something else failed. */
function errorTitle(error: unknown, m: ResultsPageMessages): string {
  const kind = errorKind(error);
  if (kind === "not-found") return m.errorTitleNotFound;
  if (kind === "unauthorized") return m.errorTitleUnauthorized;
  return m.errorTitle;
}

/**
 * Connected results: loads the experiment (its header shows at once), then its statistics through your adapters,
 * analyses and renders them, with skeletons shaped like the page while the warehouse answers.
 */
export function ExperimentResults({
  experimentId,
  adapters,
  analysisOptions,
  onStopped,
  onExperimentChange,
  onStartFromThis,
  today,
  environmentName,
  className,
  style,
  ...text
}: ExperimentResultsProps) {
  const { m, f, scope } = useLocaleText(text);
  const headingId = useId();
  const now = today ?? new Date();
  // Read when a load starts: new adapter, option or message objects (e.g. inline literals) must not reload.
  const latest = useRef({ adapters, analysisOptions, m });
  latest.current = { adapters, analysisOptions, m };
  const details = useAsyncState(`results:${experimentId}`, () =>
    loadExperimentDetails(experimentId, latest.current.adapters, latest.current.m),
  );
  /** The experiment as the last lifecycle action left it, until a load returns a newer revision. */
  const [updated, setUpdated] = useState<Experiment | undefined>(undefined);
  const [refreshes, setRefreshes] = useState(0);
  const loaded = details.data?.experiment;
  const experiment =
    updated && updated.id === experimentId && (!loaded || updated.revision >= loaded.revision) ? updated : loaded;
  const metrics = details.data?.metrics ?? [];
  const loadKey = experiment
    ? JSON.stringify([experiment.id, experiment.revision, experiment.status, refreshes])
    : null;
  const load = { key: loadKey, experiment, metrics, today: now };
  const loadRef = useRef(load);
  loadRef.current = load;
  // The totals and the exposure summary first: as soon as they are in, the whole page renders.
  const summary = useAsyncState(loadKey, async () => {
    const { key, experiment: current, metrics: definitions, today: day } = loadRef.current;
    if (!current) throw new Error("no experiment");
    const { adapters: host, analysisOptions: options, m: messages } = latest.current;
    // One window end for the whole load, read once: the daily rows (and a retry of the trend) are asked for the same
    // window, so the chart's last cumulative day is the totals the page shows, not a few more minutes of traffic.
    const window = { today: day, now: new Date() };
    return {
      key,
      window,
      value: await loadSummary({ experiment: current, metrics: definitions }, host, options, messages, window),
    };
  });
  // Then the daily rows of that load, for the trend chart. Not beside the totals: the daily query is the costly one,
  // useless when the totals failed or are empty, and a warehouse that shares one worker between queries (DuckDB-wasm)
  // would finish the totals only with it.
  const loadedSummary = summary.data;
  const summaryRef = useRef(loadedSummary);
  summaryRef.current = loadedSummary;
  const daily = useAsyncState(loadedSummary?.value.kind === "ready" ? loadedSummary.key : null, async () => {
    const loaded = summaryRef.current;
    if (!loaded) throw new Error("no summary");
    const { adapters: host, m: messages } = latest.current;
    return { key: loaded.key, rows: await loadDaily(loaded.value, host, messages, loaded.window) };
  });
  const result = summary.data && summary.data.value.experiment.id === experiment?.id ? summary.data.value : undefined;
  // The daily rows of the load the summary came from (never a previous experiment's, revision's or refresh's).
  const dailyRows = summary.data && daily.data?.key === summary.data.key ? daily.data.rows : undefined;
  const ready = result?.kind === "ready" ? result : undefined;
  const fullAnalysis = useMemo(
    () => (ready && dailyRows ? analyzeWithDaily(ready.input, dailyRows) : undefined),
    [ready, dailyRows],
  );
  const refresh = () => {
    void details.retry();
    setRefreshes((count) => count + 1);
  };
  const changed = (next: Experiment) => {
    setUpdated(next);
    onExperimentChange?.(next);
    if (next.status === "stopped") onStopped?.(next);
  };

  if (!experiment) {
    if (details.status === "error") {
      return (
        <ResultsTextProvider value={scope}>
          <section {...rootProps("fx-state", { className, style })} data-state="error" aria-labelledby={headingId}>
            <h2 id={headingId} className="fx-title">
              {errorTitle(details.error, m)}
            </h2>
            <ErrorBody error={details.error} onRetry={refresh} />
          </section>
        </ResultsTextProvider>
      );
    }
    return (
      <div {...rootProps("fx-results", { className, style })} data-state="loading">
        <ResultsSkeleton label={m.loading} withTitle />
      </div>
    );
  }

  const timeline = experimentTimeline(experiment, now);
  const launched = timeline.phase !== "not-launched";
  // "idle" too: the analysis of a just-loaded experiment starts in an effect, right after this render. The trend's
  // daily rows do not hold the button: the chart says it is loading on its own.
  const refreshing = details.status === "loading" || summary.status === "loading" || summary.status === "idle";
  const refreshButton = launched ? (
    <Button onClick={refresh} disabled={refreshing} busy={refreshing}>
      {refreshing ? m.refreshing : m.refresh}
    </Button>
  ) : null;
  const persistence = adapters.persistence;
  const lifecycle = {
    stop: persistence.stop?.bind(persistence),
    pause: persistence.pause?.bind(persistence),
    resume: persistence.resume?.bind(persistence),
    conclude: persistence.conclude?.bind(persistence),
  };
  const segments = details.data?.segments;
  // The statistics failed, or re-reading the experiment did (a refresh while it is shown): said under the header.
  const error = summary.status === "error" ? summary.error : details.status === "error" ? details.error : undefined;
  const failure =
    error !== undefined ? (
      <Callout tone="danger" className="fx-results-error">
        <p className="fx-callout-title">{errorTitle(error, m)}</p>
        <ErrorBody error={error} onRetry={refresh} />
      </Callout>
    ) : null;

  // Until the daily rows of this load are in, the chart's place says it is loading, or why they failed, with "Retry".
  const trend = (
    <TrendPlaceholder error={daily.status === "error" ? daily.error : undefined} onRetry={() => void daily.retry()} />
  );
  const state =
    result?.kind === "ready"
      ? "ready"
      : failure
        ? "error"
        : result?.kind === "empty"
          ? "empty"
          : result
            ? "not-started"
            : "loading";
  return (
    <ResultsPage
      experiment={experiment}
      analysis={fullAnalysis ?? ready?.analysis}
      metrics={result?.metrics ?? metrics}
      daily={dailyRows}
      trend={ready && !fullAnalysis ? trend : undefined}
      excludedMultipleVariations={ready?.excludedMultipleVariations}
      persistence={lifecycle}
      onExperimentChange={changed}
      onStartFromThis={onStartFromThis}
      toolbar={refreshButton}
      notice={ready ? failure : undefined}
      refreshedAt={result?.kind === "ready" || result?.kind === "empty" ? result.refreshedAt : undefined}
      today={now}
      segments={segments}
      environmentName={environmentName}
      state={state}
      className={className}
      style={style}
      {...text}
    >
      {failure}
      {state === "loading" ? <ResultsSkeleton label={m.loading} rows={experiment.metrics.length} /> : null}
      {state === "empty" ? (
        <Callout tone="info" role="status" className="fx-results-note">
          <p className="fx-callout-title">{m.emptyTitle}</p>
          <p>{m.emptyText}</p>
        </Callout>
      ) : null}
      {state === "not-started" ? (
        <Callout tone="info" role="status" className="fx-results-note">
          <p>
            {timeline.phase === "scheduled"
              ? formatMessage(m.scheduledText, { date: f.date(timeline.startsOn) })
              : m.notLaunchedText}
          </p>
        </Callout>
      ) : null}
    </ResultsPage>
  );
}
