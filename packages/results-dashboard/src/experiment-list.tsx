import type {
  Experiment,
  ExperimentStatus,
  MetricDefinition,
  PersistenceAdapter,
} from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Button, formatMessage, messageKey, rootProps, Table, VisuallyHidden } from "@flagsmith-experimentation/ui";
import { useId, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import { StatusBadge } from "./experiment-status";
import { experimentTimeline, timelineText } from "./experiment-timeline";
import { experimentListMessages } from "./messages";
import { type TriageHeadline, triageHeadline } from "./triage";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText } from "./use-locale-text";

/** Which experiments the list shows: all, those that need attention (a problem or a decision), or one status. */
export type ExperimentListFilter = "all" | "attention" | ExperimentStatus;
/** Row order: by status (running first), by how soon they need attention, newest first, or by name. */
export type ExperimentListSort = "status" | "attention" | "newest" | "name";

export interface ExperimentListProps extends LocaleTextProps {
  experiments: readonly Experiment[];
  /** Metric definitions, to name each experiment's primary metric. */
  metrics?: readonly MetricDefinition[] | undefined;
  /** Analyses by experiment id, for the status-aware headline (winner, leading, harmed guardrail, SRM…). */
  analyses?: Readonly<Record<string, AnalysisResult>> | undefined;
  /**
   * Where an experiment's analysis stands while it is not in `analyses`: `loading` shows a placeholder of the
   * headline's size, `error` that results could not be loaded, `empty` that no data came in yet.
   */
  analysisStatus?: Readonly<Record<string, "loading" | "error" | "empty">> | undefined;
  /** The experiments themselves are still loading: the table shows placeholder rows. */
  loading?: boolean | undefined;
  /** "Create Experiment": the host opens the wizard. The button is hidden without it. */
  onCreateExperiment?: (() => void) | undefined;
  /** Opens an experiment (its results, or the wizard for a draft). */
  onOpenExperiment?: ((experiment: Experiment) => void) | undefined;
  /** With `deleteDraft`, each draft gets "Delete draft" (after a confirmation). */
  persistence?: Partial<Pick<PersistenceAdapter, "deleteDraft">> | undefined;
  /** Called after a draft was deleted (the list already hides it). */
  onDraftDeleted?: ((experiment: Experiment) => void) | undefined;
  defaultFilter?: ExperimentListFilter | undefined;
  defaultSort?: ExperimentListSort | undefined;
  /** "Today" for "Day X of N". Default: now. */
  today?: Date | undefined;
}

const STATUSES: readonly ExperimentStatus[] = ["running", "paused", "stopped", "scheduled", "draft", "concluded"];
const STATUS_ORDER = new Map(STATUSES.map((status, index) => [status, index]));

/** When an experiment started (or would), for "Newest first"; drafts without dates sort last. */
function startOf(experiment: Experiment): string {
  return experiment.launchedAt ?? experiment.startDate ?? "";
}

interface Row {
  experiment: Experiment;
  name: string;
  status: ExperimentStatus;
  headline: TriageHeadline;
}

function sortRows(rows: Row[], sort: ExperimentListSort): Row[] {
  const byStatus = (a: Row, b: Row) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0);
  const newest = (a: Row, b: Row) => startOf(b.experiment).localeCompare(startOf(a.experiment));
  const compare: Record<ExperimentListSort, (a: Row, b: Row) => number> = {
    status: (a, b) => byStatus(a, b) || newest(a, b),
    attention: (a, b) => a.headline.attention - b.headline.attention || byStatus(a, b) || newest(a, b),
    newest: (a, b) => newest(a, b) || byStatus(a, b),
    name: (a, b) => a.name.localeCompare(b.name) || newest(a, b),
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare[sort](a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

function HeadlineCell({ headline }: { headline: TriageHeadline }) {
  if (headline.loading) {
    return (
      <span className="fx-headline" data-loading="">
        <span className="fx-skeleton-block" data-size="line" aria-hidden="true" />
        <VisuallyHidden>{headline.text}</VisuallyHidden>
      </span>
    );
  }
  return (
    <span className="fx-headline" data-tone={headline.tone}>
      <span className="fx-headline-text">
        {headline.tone === "better" || headline.tone === "worse" || headline.tone === "warning" ? (
          <span aria-hidden="true" className="fx-headline-icon">
            {headline.tone === "better" ? "✓" : "⚠"}
          </span>
        ) : null}
        {headline.text}
      </span>
      {headline.detail ? <span className="fx-headline-detail">{headline.detail}</span> : null}
    </span>
  );
}

/**
 * The Experiments page as a triage board: per experiment its status, a status-aware headline (a recorded decision,
 * a winner, who leads, a harmed guardrail, a sample ratio mismatch, not started, paused), "Day X of N", the primary
 * metric; filters by status, sorting, stable column widths while headlines load, and "Delete draft".
 */
export function ExperimentList({
  experiments,
  metrics = [],
  analyses = {},
  analysisStatus = {},
  loading = false,
  onCreateExperiment,
  onOpenExperiment,
  persistence,
  onDraftDeleted,
  defaultFilter = "all",
  defaultSort = "status",
  today,
  className,
  style,
  ...text
}: ExperimentListProps) {
  const { m, f, scope } = useLocaleText(text, experimentListMessages);
  const ids = { heading: useId(), sort: useId(), filter: useId() };
  const [filter, setFilter] = useState<ExperimentListFilter>(defaultFilter);
  const [sort, setSort] = useState<ExperimentListSort>(defaultSort);
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(() => new Set());
  const now = today ?? new Date();
  const names = new Map(metrics.map((metric) => [metric.id, metric.name]));
  const deleteDraft = persistence?.deleteDraft;

  const rows = experiments
    .filter((experiment) => !deleted.has(experiment.id))
    .map((experiment): Row => {
      const timeline = experimentTimeline(experiment, now);
      return {
        experiment,
        name: experiment.name.trim() || m.untitled,
        status: timeline.phase === "running" ? "running" : experiment.status,
        headline: triageHeadline(experiment, analyses[experiment.id] ?? analysisStatus[experiment.id], m, f, now),
      };
    });
  const counts = new Map<ExperimentListFilter, number>([["all", rows.length]]);
  for (const row of rows) {
    counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    if (row.headline.attention <= 1 && row.status !== "concluded") {
      counts.set("attention", (counts.get("attention") ?? 0) + 1);
    }
  }
  const visible = sortRows(
    rows.filter((row) =>
      filter === "all"
        ? true
        : filter === "attention"
          ? row.headline.attention <= 1 && row.status !== "concluded"
          : row.status === filter,
    ),
    sort,
  );
  const filters: ExperimentListFilter[] = [
    "all",
    "attention",
    ...STATUSES.filter((status) => (counts.get(status) ?? 0) > 0 || status === filter),
  ];
  const filterLabel = (option: ExperimentListFilter) =>
    option === "all" ? m.filterAll : option === "attention" ? m.filterAttention : m[messageKey("status", option)];
  const hasActions = deleteDraft !== undefined && rows.some((row) => row.status === "draft");
  const columns = [m.nameColumn, m.statusColumn, m.headlineColumn, m.progressColumn, m.primaryMetricColumn];

  return (
    <ResultsTextProvider value={scope}>
      <section
        {...rootProps("fx-experiment-list", { className, style })}
        aria-labelledby={ids.heading}
        aria-busy={loading || undefined}
      >
        <div className="fx-header">
          <h2 id={ids.heading} className="fx-title">
            {m.experiments}
          </h2>
          {onCreateExperiment ? (
            <Button variant="primary" onClick={onCreateExperiment}>
              {m.createExperiment}
            </Button>
          ) : null}
        </div>
        {!loading && experiments.length === 0 ? (
          <p className="fx-empty">{m.noExperiments}</p>
        ) : (
          <>
            <div className="fx-list-controls">
              <fieldset className="fx-segmented">
                <legend className="fx-field-label">{m.filterLabel}</legend>
                {filters.map((option) => (
                  <label key={option} className="fx-segmented-item" data-state={filter === option ? "on" : "off"}>
                    <input
                      type="radio"
                      name={ids.filter}
                      value={option}
                      checked={filter === option}
                      onChange={() => setFilter(option)}
                    />
                    {formatMessage(m.filterCount, {
                      label: filterLabel(option),
                      count: f.count(counts.get(option) ?? 0),
                    })}
                  </label>
                ))}
              </fieldset>
              <div className="fx-field">
                <label className="fx-field-label" htmlFor={ids.sort}>
                  {m.sortLabel}
                </label>
                <select
                  id={ids.sort}
                  value={sort}
                  onChange={(event) => setSort(event.target.value as ExperimentListSort)}
                >
                  <option value="status">{m.sortStatus}</option>
                  <option value="attention">{m.sortAttention}</option>
                  <option value="newest">{m.sortNewest}</option>
                  <option value="name">{m.sortName}</option>
                </select>
              </div>
            </div>
            <Table
              caption={m.experiments}
              captionHidden
              className="fx-list-table"
              wrapperClassName="fx-list-wrap"
              data-actions={hasActions ? "" : undefined}
            >
              <colgroup>
                <col data-column="name" />
                <col data-column="status" />
                <col data-column="headline" />
                <col data-column="progress" />
                <col data-column="metric" />
                {hasActions ? <col data-column="actions" /> : null}
              </colgroup>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                  {hasActions ? (
                    <th scope="col">
                      <VisuallyHidden>{m.actionsColumn}</VisuallyHidden>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {loading
                  ? [0, 1, 2].map((placeholder) => (
                      <tr key={placeholder} data-loading="">
                        {columns.map((column) => (
                          <td key={column}>
                            <span className="fx-skeleton-block" data-size="line" aria-hidden="true" />
                          </td>
                        ))}
                      </tr>
                    ))
                  : null}
                {!loading && visible.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length + (hasActions ? 1 : 0)} className="fx-row-message">
                      {m.noMatchingExperiments}
                    </td>
                  </tr>
                ) : null}
                {loading
                  ? null
                  : visible.map(({ experiment, name, status, headline }) => {
                      const primaries = experiment.metrics
                        .filter((metric) => metric.role === "primary")
                        .map((metric) => names.get(metric.metricId) ?? metric.metricId);
                      const timeline = experimentTimeline(experiment, now);
                      return (
                        <tr key={experiment.id} data-status={status} data-attention={headline.attention}>
                          <th scope="row">
                            {onOpenExperiment ? (
                              <button
                                type="button"
                                className="fx-link-button"
                                onClick={() => onOpenExperiment(experiment)}
                                aria-label={formatMessage(status === "draft" ? m.openDraft : m.openResults, { name })}
                              >
                                {name}
                              </button>
                            ) : (
                              name
                            )}
                          </th>
                          <td data-label={m.statusColumn}>
                            <StatusBadge status={status} messages={m} />
                          </td>
                          <td data-label={m.headlineColumn}>
                            <HeadlineCell headline={headline} />
                          </td>
                          <td data-label={m.progressColumn}>
                            <span className="fx-progress-text">{timelineText(timeline, m, f)}</span>
                            {experiment.startDate && experiment.endDate ? (
                              <span className="fx-headline-detail">
                                {formatMessage(m.dateRange, {
                                  from: f.date(experiment.startDate),
                                  to: f.date(experiment.endDate),
                                })}
                              </span>
                            ) : null}
                          </td>
                          <td data-label={m.primaryMetricColumn}>
                            {primaries.length > 0 ? primaries.join(m.listSeparator) : m.notAvailable}
                          </td>
                          {hasActions ? (
                            <td>
                              {deleteDraft !== undefined && status === "draft" ? (
                                <ConfirmDialog
                                  trigger={
                                    <Button variant="link" aria-label={formatMessage(m.deleteDraftLabel, { name })}>
                                      {m.deleteDraft}
                                    </Button>
                                  }
                                  title={m.deleteDraftTitle}
                                  description={formatMessage(m.deleteDraftText, { name })}
                                  confirmLabel={m.deleteDraft}
                                  busyLabel={m.deleting}
                                  variant="danger"
                                  failedMessage={m.deleteFailed}
                                  onConfirm={async () => {
                                    await deleteDraft.call(persistence, experiment.id);
                                    setDeleted((current) => new Set(current).add(experiment.id));
                                    onDraftDeleted?.(experiment);
                                  }}
                                />
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
              </tbody>
            </Table>
          </>
        )}
      </section>
    </ResultsTextProvider>
  );
}
