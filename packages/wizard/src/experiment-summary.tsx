import type { ExperimentPlan, Flag, MetricDefinition, Segment } from "@flagsmith-experimentation/adapters";
import { Button } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { plannedDurationDays, scheduledStart } from "./dates";
import { roleLabel } from "./messages";
import { audienceName, nameOf } from "./names";
import { stepName } from "./step-list";
import type { WizardStepId, WizardValues } from "./steps";
import { useWizardText } from "./wizard-text";

type EditableStep = Exclude<WizardStepId, "review">;

/** Every section of the configuration; with `onEdit`, each section has an "Edit <step name>" button. */
export function ExperimentSummary({
  values,
  flag,
  metrics,
  segments,
  today,
  plan,
  environmentName,
  onEdit,
}: {
  values: WizardValues;
  /** The plan as it will be stored (the sample per variation, when it could be computed). */
  plan: ExperimentPlan | undefined;
  /** The environment the experiment runs in, when the wizard knows it. */
  environmentName: string | undefined;
  flag: Flag | undefined;
  metrics: readonly MetricDefinition[] | undefined;
  segments: readonly Segment[] | undefined;
  today: Date;
  onEdit?: ((step: EditableStep) => void) | undefined;
}) {
  const text = useWizardText();
  const { messages } = text;
  const id = useId();
  const none = <span className="fx-muted">{messages.summaryNone}</span>;
  const duration = plannedDurationDays(values.startDate, values.endDate);
  const start = scheduledStart(values.startDate, today);
  const segmentName = audienceName(values.segmentId, segments, messages);
  const sample = plan?.sampleSizePerVariation;

  const section = (step: EditableStep, body: React.ReactNode) => (
    <section className="fx-wizard-summary-section" aria-labelledby={`${id}-${step}`}>
      <div className="fx-wizard-summary-header">
        <h3 id={`${id}-${step}`}>{stepName(step, messages)}</h3>
        {onEdit ? (
          <Button variant="link" onClick={() => onEdit(step)}>
            {messages.editStep(stepName(step, messages))}
          </Button>
        ) : null}
      </div>
      {body}
    </section>
  );

  return (
    <div className="fx-wizard-summary">
      {section(
        "details",
        <dl>
          {environmentName ? (
            <>
              <dt>{messages.summaryEnvironment}</dt>
              <dd>{environmentName}</dd>
            </>
          ) : null}
          <dt>{messages.summaryName}</dt>
          <dd>{values.name.trim() || none}</dd>
          <dt>{messages.summaryHypothesis}</dt>
          <dd className="fx-wizard-prose">{values.hypothesis.trim() || none}</dd>
          <dt>{messages.summaryDates}</dt>
          <dd>
            {messages.summaryDateRange(text.date(values.startDate), text.date(values.endDate))}
            {duration !== undefined ? ` (${text.days(duration)})` : null}
            <br />
            {start ? messages.summaryStatusScheduled(text.dateTime(start)) : messages.summaryStatusImmediate}
          </dd>
        </dl>,
      )}
      {section(
        "flag",
        <dl>
          <dt>{messages.summaryFlag}</dt>
          <dd>{flag?.name ?? (values.flagName || values.flagId || none)}</dd>
          <dt>{messages.summaryVariations}</dt>
          <dd>
            {values.variations.length > 0 ? (
              <ul>
                {values.variations.map((v) => (
                  <li key={v.key}>
                    {v.name}: {v.isControl ? messages.controlRole : messages.treatmentRole}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
        </dl>,
      )}
      {section(
        "metrics",
        values.metrics.length > 0 ? (
          <ul>
            {values.metrics.map((m) => (
              <li key={m.metricId}>
                {nameOf(metrics, m.metricId)}: {roleLabel(m.role, messages)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{none}</p>
        ),
      )}
      {section(
        "traffic",
        <dl>
          <dt>{messages.summarySegment}</dt>
          <dd>{segmentName || none}</dd>
          <dt>{messages.summaryRollout}</dt>
          <dd>{text.share(values.rolloutPercentage)}</dd>
          <dt>{messages.summaryWeights}</dt>
          <dd>
            <ul>
              {values.variations.map((v) => (
                <li key={v.key}>
                  {v.name}: {text.share(values.weights[v.key] ?? 0)}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{messages.summaryPlan}</dt>
          <dd>
            {messages.summaryPlanValue(
              text.percent(values.minimumDetectableEffect),
              sample === undefined ? undefined : text.count(sample),
            )}
          </dd>
        </dl>,
      )}
    </div>
  );
}
