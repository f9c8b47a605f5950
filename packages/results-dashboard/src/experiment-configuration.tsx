import type { Experiment, MetricDefinition, Segment } from "@flagsmith-experimentation/adapters";
import { formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { roleLabel } from "./analysis-view";
import { audienceText } from "./audience";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ExperimentConfigurationProps extends LocaleTextProps {
  experiment: Experiment;
  metrics?: readonly MetricDefinition[] | undefined;
  /** Segment names for the audience (an unnamed segment shows its id). */
  segments?: readonly Pick<Segment, "id" | "name">[] | undefined;
  /** The environment's name (e.g. "Production"); the experiment carries only its key. */
  environmentName?: string | undefined;
}

/**
 * The configuration of an experiment as read-only text (a launched experiment's configuration cannot change):
 * hypothesis, flag, environment, audience, dates, traffic split, metrics and the planned sample.
 */
export function ExperimentConfiguration({
  experiment,
  metrics = [],
  segments,
  environmentName,
  className,
  style,
  ...text
}: ExperimentConfigurationProps) {
  const { m, f } = useLocaleText(text);
  const headingId = useId();
  const names = new Map(metrics.map((metric) => [metric.id, metric.name]));
  const environment = environmentName?.trim() || experiment.environmentKey;
  const plan = experiment.plan;
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
          <dt>{m.flagLabel}</dt>
          <dd>
            <code>{experiment.flagName || experiment.flagId || m.notAvailable}</code>
          </dd>
        </div>
        {environment ? (
          <div>
            <dt>{m.environmentLabel}</dt>
            <dd>{environment}</dd>
          </div>
        ) : null}
        <div>
          <dt>{m.audienceLabel}</dt>
          <dd>{audienceText(experiment, segments, m, f)}</dd>
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
                  {variation.name}: {f.share(experiment.weights[variation.key] ?? 0)}
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
        {plan?.sampleSizePerVariation !== undefined ? (
          <div>
            <dt>{m.plannedSampleLabel}</dt>
            <dd>
              {formatMessage(m.plannedSampleText, {
                planned: f.count(plan.sampleSizePerVariation),
                mde: f.percentPrecise(plan.minimumDetectableEffect),
                power: f.percent(plan.power),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
