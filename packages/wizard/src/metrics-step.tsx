import type { ExperimentMetric, MetricDefinition, MetricRole } from "@flagsmith-experimentation/adapters";
import { type AsyncQuery, Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";
import { AdapterState } from "./adapter-state";
import { roleLabel } from "./messages";
import type { WizardValues } from "./steps";
import { useWizardText } from "./wizard-text";

const ROLES: readonly MetricRole[] = ["primary", "secondary", "guardrail"];

/** Adds or removes a metric; a newly chosen metric is primary while there is none, secondary after that. */
export function toggleMetric(
  metrics: readonly ExperimentMetric[],
  metricId: string,
  checked: boolean,
): ExperimentMetric[] {
  if (!checked) return metrics.filter((m) => m.metricId !== metricId);
  if (metrics.some((m) => m.metricId === metricId)) return [...metrics];
  const role: MetricRole = metrics.some((m) => m.role === "primary") ? "secondary" : "primary";
  return [...metrics, { metricId, role }];
}

export function setMetricRole(
  metrics: readonly ExperimentMetric[],
  metricId: string,
  role: MetricRole,
): ExperimentMetric[] {
  return metrics.map((m) => (m.metricId === metricId ? { ...m, role } : m));
}

/** Step 3: choose metrics and give each a role (Primary / Secondary / Guardrail). */
export function MetricsStep({
  form,
  metricsQuery,
}: {
  form: UseFormReturn<WizardValues>;
  metricsQuery: AsyncQuery<MetricDefinition[]>;
}) {
  const { messages } = useWizardText();
  const id = useId();
  const { errors } = form.formState;
  const error = errors.metrics?.message ?? errors.metrics?.root?.message;
  const chosen = form.watch("metrics");
  const primaries = chosen.filter((m) => m.role === "primary").length;
  const change = (metrics: ExperimentMetric[]) => form.setValue("metrics", metrics, { shouldDirty: true });

  return (
    <AdapterState
      query={metricsQuery}
      resource={messages.resourceMetrics}
      isEmpty={(metrics) => metrics.length === 0}
      empty={messages.metricsEmpty}
    >
      {(definitions) => (
        <fieldset
          className="fx-fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        >
          <legend>{messages.metricsLegend}</legend>
          <p id={`${id}-hint`} className="fx-hint">
            {messages.metricsHint}
          </p>
          <FieldError id={`${id}-error`} message={error} />
          <ul className="fx-wizard-metric-list">
            {definitions.map((metric, index) => {
              const selection = chosen.find((m) => m.metricId === metric.id);
              const inputId = `${id}-metric-${index}`;
              return (
                <li key={metric.id} className="fx-wizard-metric" data-state={selection ? "checked" : "unchecked"}>
                  <div className="fx-wizard-metric-choice">
                    <input
                      id={inputId}
                      name="metrics"
                      value={metric.id}
                      type="checkbox"
                      checked={Boolean(selection)}
                      aria-describedby={`${inputId}-detail`}
                      onChange={(event) => change(toggleMetric(chosen, metric.id, event.target.checked))}
                    />
                    <label htmlFor={inputId}>{metric.name}</label>
                  </div>
                  <p id={`${inputId}-detail`} className="fx-hint">
                    {[
                      metric.description,
                      // An informational metric has no better direction.
                      metric.direction === "increase"
                        ? messages.directionIncrease
                        : metric.direction === "decrease" && messages.directionDecrease,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {selection ? (
                    <div role="radiogroup" className="fx-wizard-segmented" aria-label={messages.roleFor(metric.name)}>
                      {ROLES.map((role) => (
                        <label
                          key={role}
                          className="fx-wizard-segment"
                          data-state={selection.role === role ? "on" : "off"}
                        >
                          <input
                            type="radio"
                            name={`${inputId}-role`}
                            value={role}
                            checked={selection.role === role}
                            onChange={() => change(setMetricRole(chosen, metric.id, role))}
                          />
                          {roleLabel(role, messages)}
                        </label>
                      ))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {primaries > 1 ? (
            <Callout tone="warning" role="status">
              {messages.multiplePrimaryWarning(primaries)}
            </Callout>
          ) : null}
        </fieldset>
      )}
    </AdapterState>
  );
}
