import type { Experiment, ExperimentDraft } from "@flagsmith-experimentation/adapters";
import type { AnalysisOptions } from "@flagsmith-experimentation/stats-core";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { type LoadedResults, loadResults, type ResultsAdapters } from "./load-results";
import { readableError } from "./readable-error";
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

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; results: LoadedResults; refreshing: boolean };

function Skeleton({ label }: { label: string }) {
  return (
    <div className="fx-skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="fx-visually-hidden">{label}</span>
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
  ...text
}: ExperimentResultsProps) {
  const { m } = useLocaleText(text);
  const [state, setState] = useState<State>({ status: "loading" });
  const request = useRef(0);
  const headingId = useId();
  const adaptersRef = useRef(adapters);
  adaptersRef.current = adapters;
  const optionsRef = useRef(analysisOptions);
  optionsRef.current = analysisOptions;
  // Messages are read when a load finishes: a new `messages` object (e.g. an inline literal) must not reload.
  const messagesRef = useRef(m);
  messagesRef.current = m;

  const load = useCallback(
    async (mode: "initial" | "refresh") => {
      const id = ++request.current;
      const messages = messagesRef.current;
      setState((current) =>
        mode === "refresh" && current.status === "loaded" ? { ...current, refreshing: true } : { status: "loading" },
      );
      try {
        const results = await loadResults(experimentId, adaptersRef.current, optionsRef.current, messages);
        if (id === request.current) setState({ status: "loaded", results, refreshing: false });
      } catch (error) {
        if (id !== request.current) return;
        setState({ status: "error", message: readableError(error, messages.errorGeneric) });
      }
    },
    [experimentId],
  );

  useEffect(() => {
    void load("initial");
  }, [load]);

  if (state.status === "loading") return <Skeleton label={m.loading} />;
  if (state.status === "error") {
    return (
      <section className="fx-state" data-state="error" aria-labelledby={headingId}>
        <h2 id={headingId} className="fx-title">
          {m.errorTitle}
        </h2>
        <p className="fx-error" role="alert">
          {state.message}
        </p>
        <button type="button" className="fx-button" onClick={() => void load("initial")}>
          {m.retry}
        </button>
      </section>
    );
  }
  const { results, refreshing } = state;
  const refresh = (
    <button
      type="button"
      className="fx-button"
      onClick={() => void load("refresh")}
      disabled={refreshing}
      aria-busy={refreshing || undefined}
    >
      {refreshing ? m.refreshing : m.refresh}
    </button>
  );
  if (results.kind === "empty") {
    return (
      <section className="fx-state" data-state="empty" aria-labelledby={headingId}>
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
      experiment={results.experiment}
      analysis={results.analysis}
      metrics={results.metrics}
      excludedMultipleVariations={results.excludedMultipleVariations}
      persistence={stop ? { stop: (id) => stop.call(adapters.persistence, id) } : undefined}
      onStopped={(experiment) => {
        setState({ status: "loaded", results: { ...results, experiment }, refreshing: false });
        onStopped?.(experiment);
      }}
      onStartFromThis={onStartFromThis}
      toolbar={refresh}
      {...text}
    />
  );
}
