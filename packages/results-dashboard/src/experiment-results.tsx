import type { Experiment, ExperimentDraft } from "@flagsmith-experimentation/adapters";
import type { AnalysisOptions } from "@flagsmith-experimentation/stats-core";
import {
  Button,
  errorMessage,
  rootProps,
  type StyleProps,
  useAsyncState,
  VisuallyHidden,
} from "@flagsmith-experimentation/ui";
import { useId, useRef, useState } from "react";
import { loadResults, type ResultsAdapters } from "./load-results";
import { ResultsDashboard } from "./results-dashboard";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ExperimentResultsProps extends LocaleTextProps {
  experimentId: string;
  /** Your adapters: persistence (the experiment), warehouse (metric statistics), metrics (definitions). */
  adapters: ResultsAdapters;
  /** Options for `analyzeExperiment` (engine, sequential, alpha, correction…). */
  analysisOptions?: AnalysisOptions;
  onStopped?: (experiment: Experiment) => void;
  onStartFromThis?: (draft: ExperimentDraft) => void;
}

function Skeleton({ label, ...style }: { label: string } & StyleProps) {
  return (
    <div {...rootProps("fx-skeleton", style)} role="status" aria-live="polite" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      <div className="fx-skeleton-block" data-size="title" />
      <div className="fx-skeleton-row">
        <div className="fx-skeleton-block" data-size="card" />
        <div className="fx-skeleton-block" data-size="card" />
        <div className="fx-skeleton-block" data-size="card" />
      </div>
      <div className="fx-skeleton-block" data-size="table" />
    </div>
  );
}

/** Connected results: loads the experiment and its statistics through your adapters, analyses and renders them. */
export function ExperimentResults({
  experimentId,
  adapters,
  analysisOptions,
  onStopped,
  onStartFromThis,
  className,
  style,
  ...text
}: ExperimentResultsProps) {
  const { m, f } = useLocaleText(text);
  const headingId = useId();
  // Read when a load starts: new adapter, option or message objects (e.g. inline literals) must not reload.
  const latest = useRef({ adapters, analysisOptions, m });
  latest.current = { adapters, analysisOptions, m };
  const query = useAsyncState(`results:${experimentId}`, () =>
    loadResults(experimentId, latest.current.adapters, latest.current.analysisOptions, latest.current.m),
  );
  /** The experiment as the last lifecycle action left it (e.g. stopped), until the next load. */
  const [updated, setUpdated] = useState<Experiment | undefined>(undefined);
  const reload = () => {
    setUpdated(undefined);
    void query.retry();
  };

  const results = query.data;
  if (query.status === "error") {
    return (
      <section {...rootProps("fx-state", { className, style })} data-state="error" aria-labelledby={headingId}>
        <h2 id={headingId} className="fx-title">
          {m.errorTitle}
        </h2>
        <p className="fx-field-error" role="alert">
          {errorMessage(query.error, m, f, m.errorGeneric)}
        </p>
        <Button onClick={reload}>{m.retry}</Button>
      </section>
    );
  }
  if (results === undefined) return <Skeleton label={m.loading} className={className} style={style} />;
  const refreshing = query.status === "loading";
  const refresh = (
    <Button onClick={reload} disabled={refreshing} busy={refreshing}>
      {refreshing ? m.refreshing : m.refresh}
    </Button>
  );
  if (results.kind === "empty") {
    return (
      <section {...rootProps("fx-state", { className, style })} data-state="empty" aria-labelledby={headingId}>
        <h2 id={headingId} className="fx-title">
          {m.emptyTitle}
        </h2>
        <p>{m.emptyText}</p>
        {refresh}
      </section>
    );
  }
  const stop = adapters.persistence.stop;
  return (
    <ResultsDashboard
      experiment={updated ?? results.experiment}
      analysis={results.analysis}
      metrics={results.metrics}
      excludedMultipleVariations={results.excludedMultipleVariations}
      persistence={stop ? { stop: (id) => stop.call(adapters.persistence, id) } : undefined}
      onStopped={(experiment) => {
        setUpdated(experiment);
        onStopped?.(experiment);
      }}
      onStartFromThis={onStartFromThis}
      toolbar={refresh}
      className={className}
      style={style}
      {...text}
    />
  );
}
