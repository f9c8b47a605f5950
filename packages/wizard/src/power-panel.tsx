import { Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { PowerEstimate } from "./power-estimate";
import type { WizardValues } from "./steps";
import { useWizardText } from "./wizard-text";

/** A relative lift (0.05) as the percentage the field shows ("5"), without float noise (0.07 → "7", not "7.000…01"). */
function percentText(lift: number): string {
  return Number.isFinite(lift) ? String(Number((lift * 100).toPrecision(12))) : "";
}

/**
 * The plan: an editable minimum detectable effect (in %, stored as a relative lift), the sample each variation needs,
 * the days the audience takes to bring it, and a warning when the planned dates are shorter than that.
 */
export function PowerPanel({
  form,
  estimate,
  plannedDays,
}: {
  form: UseFormReturn<WizardValues>;
  estimate: PowerEstimate;
  plannedDays: number | undefined;
}) {
  const { messages, percent, days, count } = useWizardText();
  const id = useId();
  const lift = form.watch("minimumDetectableEffect");
  const error = form.formState.errors.minimumDetectableEffect?.message;
  /** The text being typed: "" or "2." must not be turned into a number mid-edit. */
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const tooShort = estimate.status === "ok" && plannedDays !== undefined && estimate.days > plannedDays;
  return (
    <section className="fx-wizard-power" data-state={tooShort ? "too-short" : estimate.status}>
      <h3>{messages.powerHeading}</h3>
      <div className="fx-field">
        <label htmlFor={`${id}-mde`}>{messages.detectableEffectLabel}</label>
        <span className="fx-wizard-percent-input">
          <input
            id={`${id}-mde`}
            name="minimumDetectableEffect"
            type="number"
            inputMode="decimal"
            min={0.1}
            max={1000}
            step={0.1}
            value={typing ?? percentText(lift)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && `${id}-mde-error`, `${id}-mde-hint`)}
            onChange={(event) => {
              const text = event.target.value;
              setTyping(text);
              form.setValue("minimumDetectableEffect", text.trim() === "" ? Number.NaN : Number(text) / 100, {
                shouldDirty: true,
              });
            }}
            onBlur={() => setTyping(undefined)}
          />
          <span aria-hidden="true">%</span>
        </span>
        <p id={`${id}-mde-hint`} className="fx-hint">
          {messages.detectableEffectHint}
        </p>
        <FieldError id={`${id}-mde-error`} message={error} />
      </div>
      <p aria-live="polite">
        {estimate.status === "ok"
          ? `${messages.powerSample(percent(estimate.lift), count(estimate.sampleSizePerVariation))} ${messages.powerEstimate(percent(estimate.lift), days(estimate.days))}`
          : estimate.status === "no-traffic"
            ? `${messages.powerSample(percent(estimate.lift), count(estimate.sampleSizePerVariation))} ${messages.powerUnavailableTraffic}`
            : estimate.status === "no-metric"
              ? messages.powerUnavailableMetric
              : messages.powerUnavailableBaseline(estimate.metricName)}
      </p>
      {tooShort && plannedDays !== undefined ? (
        <Callout tone="warning" role="status">
          {messages.powerTooShort(days(plannedDays), days(estimate.days))}
        </Callout>
      ) : null}
    </section>
  );
}
