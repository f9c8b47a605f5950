import type { Experiment, MetricDefinition } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Button, type Formatters, formatMessage, rootProps, Table } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { formatLift, headlineMetric, leadingTreatment } from "./analysis-view";
import { StatusBadge } from "./experiment-status";
import type { ResultsMessages } from "./messages";
import { liftTone } from "./tone";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ExperimentListProps extends LocaleTextProps {
  experiments: readonly Experiment[];
  /** Metric definitions, to name each experiment's primary metric. */
  metrics?: readonly MetricDefinition[];
  /** Analyses by experiment id, for the primary-metric headline; experiments without one show "No results yet". */
  analyses?: Readonly<Record<string, AnalysisResult>>;
  /** "Create Experiment": the host opens the wizard. The button is hidden without it. */
  onCreateExperiment?: () => void;
  /** Opens an experiment (its results, or the wizard for a draft). */
  onOpenExperiment?: (experiment: Experiment) => void;
}

function headline(analysis: AnalysisResult | undefined, m: ResultsMessages, f: Formatters) {
  const metric = analysis ? headlineMetric(analysis) : undefined;
  const lead = metric ? leadingTreatment(metric) : undefined;
  if (!analysis || !lead?.lift) return <span className="fx-muted">{m.noHeadline}</span>;
  return (
    <span className="fx-lift-text" data-tone={liftTone(lead.lift)}>
      {formatMessage(m.headlineText, {
        lift: formatLift(analysis, lead.lift.estimate, metric?.unit, f),
        variation: lead.name,
      })}
    </span>
  );
}

/** The Experiments page: status, primary metric and headline per experiment, and "Create Experiment". */
export function ExperimentList({
  experiments,
  metrics = [],
  analyses = {},
  onCreateExperiment,
  onOpenExperiment,
  className,
  style,
  ...text
}: ExperimentListProps) {
  const { m, f } = useLocaleText(text);
  const headingId = useId();
  const names = new Map(metrics.map((metric) => [metric.id, metric.name]));
  return (
    <section {...rootProps("fx-experiment-list", { className, style })} aria-labelledby={headingId}>
      <div className="fx-header">
        <h2 id={headingId} className="fx-title">
          {m.experiments}
        </h2>
        {onCreateExperiment ? (
          <Button variant="primary" onClick={onCreateExperiment}>
            {m.createExperiment}
          </Button>
        ) : null}
      </div>
      {experiments.length === 0 ? (
        <p className="fx-empty">{m.noExperiments}</p>
      ) : (
        <Table
          caption={m.experiments}
          captionHidden
          columns={[m.nameColumn, m.statusColumn, m.primaryMetricColumn, m.headlineColumn, m.datesLabel]}
        >
          <tbody>
            {experiments.map((experiment) => {
              const name = experiment.name.trim() || m.untitled;
              const primaries = experiment.metrics
                .filter((metric) => metric.role === "primary")
                .map((metric) => names.get(metric.metricId) ?? metric.metricId);
              return (
                <tr key={experiment.id} data-status={experiment.status}>
                  <th scope="row">
                    {onOpenExperiment ? (
                      <button
                        type="button"
                        className="fx-link-button"
                        onClick={() => onOpenExperiment(experiment)}
                        aria-label={formatMessage(experiment.status === "draft" ? m.openDraft : m.openResults, {
                          name,
                        })}
                      >
                        {name}
                      </button>
                    ) : (
                      name
                    )}
                  </th>
                  <td>
                    <StatusBadge status={experiment.status} messages={m} />
                  </td>
                  <td>{primaries.length > 0 ? primaries.join(m.listSeparator) : m.notAvailable}</td>
                  <td>{headline(analyses[experiment.id], m, f)}</td>
                  <td>
                    {experiment.startDate
                      ? formatMessage(m.dateRange, {
                          from: f.date(experiment.startDate),
                          to: experiment.endDate ? f.date(experiment.endDate) : m.notAvailable,
                        })
                      : m.notAvailable}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
