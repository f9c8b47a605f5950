import type { Experiment, ExperimentDraft } from "@flagsmith-experimentation/adapters";
import type { AnalysisOptions } from "@flagsmith-experimentation/stats-core";
import {
  Button,
  Callout,
  errorKind,
  errorMessage,
  formatMessage,
  rootProps,
  useAsyncState,
} from "@flagsmith-experimentation/ui";
import { useId, useRef, useState } from "react";
import { experimentTimeline } from "./experiment-timeline";
import { loadAnalysis, loadExperimentDetails, type ResultsAdapters } from "./load-results";
import type { ResultsPageMessages } from "./messages";
import { ResultsPage } from "./results-dashboard";
import { ResultsSkeleton } from "./results-skeleton";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText, useResultsText } from "./use-locale-text";
import { useRetryCountdown } from "./use-retry-countdown";

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

/** The failure in words with "Retry", or the countdown to the automatic retry when the server set `Retry-After`. */
function ErrorBody({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { m, f } = useResultsText();
  const left = useRetryCountdown(error, onRetry);
  return (
    <>
      <p className="fx-field-error" role="alert">
        {errorMessage(error, m, f, m.errorGeneric)}
      </p>
      {left !== undefined ? (
        <p className="fx-muted" role="status">
          {formatMessage(m.retryingIn, { seconds: f.seconds(Math.max(1, left)) })}
        </p>
      ) : null}
      <Button onClick={onRetry}>{m.retry}</Button>
    </>
  );
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
  const latest = useRef({ adapters, analysisOptions, m, now });
  latest.current = { adapters, analysisOptions, m, now };
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
  const analysis = useAsyncState(
    experiment ? JSON.stringify([experiment.id, experiment.revision, experiment.status, refreshes]) : null,
    async () => {
      if (!experiment) throw new Error("no experiment");
      const { adapters: current, analysisOptions: options, m: messages, now: date } = latest.current;
      return loadAnalysis({ experiment, metrics }, current, options, messages, date);
    },
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
  // "idle" too: the analysis of a just-loaded experiment starts in an effect, right after this render.
  const refreshing = details.status === "loading" || analysis.status === "loading" || analysis.status === "idle";
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
  const result = analysis.data && analysis.data.experiment.id === experiment.id ? analysis.data : undefined;
  // The statistics failed, or re-reading the experiment did (a refresh while it is shown): said under the header.
  const error = analysis.status === "error" ? analysis.error : details.status === "error" ? details.error : undefined;
  const failure =
    error !== undefined ? (
      <Callout tone="danger" className="fx-results-error">
        <p className="fx-callout-title">{errorTitle(error, m)}</p>
        <ErrorBody error={error} onRetry={refresh} />
      </Callout>
    ) : null;

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
      analysis={result?.kind === "ready" ? result.analysis : undefined}
      metrics={result?.metrics ?? metrics}
      daily={result?.kind === "ready" ? result.daily : undefined}
      excludedMultipleVariations={result?.kind === "ready" ? result.excludedMultipleVariations : undefined}
      persistence={lifecycle}
      onExperimentChange={changed}
      onStartFromThis={onStartFromThis}
      toolbar={refreshButton}
      notice={result?.kind === "ready" ? failure : undefined}
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
