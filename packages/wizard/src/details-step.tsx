import { Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";
import { plannedDurationDays, scheduledStart } from "./dates";
import type { WizardValues } from "./steps";
import { useWizardText } from "./wizard-text";

/** Step 1: name, hypothesis, start and end dates. */
export function DetailsStep({ form, today }: { form: UseFormReturn<WizardValues>; today: Date }) {
  const { messages, days, dateTime } = useWizardText();
  const {
    register,
    formState: { errors },
  } = form;
  const [startDate, endDate] = form.watch(["startDate", "endDate"]);
  const id = useId();
  const duration = plannedDurationDays(startDate, endDate);
  const start = scheduledStart(startDate, today);

  return (
    <div className="fx-wizard-fields">
      <div className="fx-field">
        <label htmlFor={`${id}-name`}>{messages.nameLabel}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          required
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && `${id}-name-error`)}
          {...register("name")}
        />
        <FieldError id={`${id}-name-error`} message={errors.name?.message} />
      </div>

      <div className="fx-field">
        <label htmlFor={`${id}-hypothesis`}>{messages.hypothesisLabel}</label>
        <textarea
          id={`${id}-hypothesis`}
          rows={3}
          required
          aria-invalid={errors.hypothesis ? true : undefined}
          aria-describedby={describedBy(`${id}-hypothesis-hint`, errors.hypothesis && `${id}-hypothesis-error`)}
          {...register("hypothesis")}
        />
        <p id={`${id}-hypothesis-hint`} className="fx-hint">
          {messages.hypothesisHint}
        </p>
        <FieldError id={`${id}-hypothesis-error`} message={errors.hypothesis?.message} />
      </div>

      <div className="fx-wizard-row">
        <div className="fx-field">
          <label htmlFor={`${id}-start`}>{messages.startDateLabel}</label>
          <input
            id={`${id}-start`}
            type="date"
            required
            aria-invalid={errors.startDate ? true : undefined}
            aria-describedby={describedBy(errors.startDate && `${id}-start-error`, `${id}-dates-hint`)}
            {...register("startDate")}
          />
          <FieldError id={`${id}-start-error`} message={errors.startDate?.message} />
        </div>
        <div className="fx-field">
          <label htmlFor={`${id}-end`}>{messages.endDateLabel}</label>
          <input
            id={`${id}-end`}
            type="date"
            required
            aria-invalid={errors.endDate ? true : undefined}
            aria-describedby={describedBy(errors.endDate && `${id}-end-error`, `${id}-dates-hint`)}
            {...register("endDate")}
          />
          <FieldError id={`${id}-end-error`} message={errors.endDate?.message} />
        </div>
      </div>
      <p id={`${id}-dates-hint`} className="fx-hint">
        {messages.datesHint}
      </p>
      <div className="fx-wizard-notes" aria-live="polite">
        {duration !== undefined ? <p className="fx-hint">{messages.durationNote(days(duration))}</p> : null}
        {start ? <Callout tone="info">{messages.scheduledNote(dateTime(start))}</Callout> : null}
      </div>
    </div>
  );
}
