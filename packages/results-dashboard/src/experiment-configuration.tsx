import type { Experiment, MetricDefinition } from "@flagsmith-experimentation/adapters";
import { formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { roleLabel } from "./analysis-view";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ExperimentConfigurationProps extends LocaleTextProps {
  experiment: Experiment;
  metrics?: readonly MetricDefinition[];
}

/** The configuration of an experiment as read-only text (a launched experiment's configuration cannot change). */
export function ExperimentConfiguration({
  experiment,
  metrics = [],
  className,
  style,
  ...text
}: ExperimentConfigurationProps) {
  const { m, f } = useLocaleText(text);
  const headingId = useId();
  const names = new Map(metrics.map((metric) => [metric.id, metric.name]));
  return (
    <section {...rootProps("fx-configuration", { className, style })} aria-labelledby={headingId}>
      <h3 id={headingId} className="fx-section-title">
        {m.configuration}
      </h3>
      {experiment.status !== "draft" ? <p className="fx-muted">{m.configurationReadOnly}</p> : null}
      <dl className="fx-definition-list">
        <div>
          <dt>{m.hypothesis}</dt>
          <dd>{experiment.hypothesis || m.notAvailable}</dd>
        </div>
        <div>
          <dt>{m.datesLabel}</dt>
          <dd>{formatMessage(m.dateRange, { from: f.date(experiment.startDate), to: f.date(experiment.endDate) })}</dd>
        </div>
        <div>
          <dt>{m.weightsLabel}</dt>
          <dd>
            <ul className="fx-plain-list">
              {experiment.variations.map((variation) => (
                <li key={variation.key}>
                  {variation.name}: {f.percent((experiment.weights[variation.key] ?? 0) / 100)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{m.metricColumn}</dt>
          <dd>
            <ul className="fx-plain-list">
              {experiment.metrics.map((metric) => (
                <li key={metric.metricId}>
                  {names.get(metric.metricId) ?? metric.metricId} ({roleLabel(metric.role, m)})
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}
