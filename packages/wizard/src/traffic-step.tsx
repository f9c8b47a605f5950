import type { Flag, Segment, SegmentOverride } from "@flagsmith-experimentation/adapters";
import { type AsyncQuery, Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { AdapterState, LoadError, Loading } from "./adapter-state";
import type { PowerEstimate } from "./power-estimate";
import { PowerPanel } from "./power-panel";
import type { WizardValues } from "./steps";
import { WeightsEditor } from "./weights-editor";
import { useWizardText } from "./wizard-text";

/** Step 4: the eligible segment (no existing override on the flag), the traffic split, and the power estimate. */
export function TrafficStep({
  segmentsQuery,
  overridesQuery,
  flag,
  planning,
}: {
  segmentsQuery: AsyncQuery<Segment[]>;
  overridesQuery: AsyncQuery<SegmentOverride[]>;
  flag: Flag | undefined;
  /** The power estimate and the days the planned dates cover. */
  planning: { power: PowerEstimate; plannedDays: number | undefined };
}) {
  const { messages } = useWizardText();
  const id = useId();
  const {
    control,
    register,
    getFieldState,
    formState: { errors },
  } = useFormContext<WizardValues>();
  const [flagId, segmentId, variations] = useWatch({ control, name: ["flagId", "segmentId", "variations"] });
  const conflict = segmentId !== "" && overridesQuery.data?.some((o) => o.segmentId === segmentId);
  const segmentName = segmentsQuery.data?.find((s) => s.id === segmentId)?.name ?? segmentId;
  const weightsMessage: unknown = getFieldState("weights").error?.message;
  const weightsError = typeof weightsMessage === "string" ? weightsMessage : undefined;
  const conflictId = `${id}-conflict`;
  const segmentErrorId = `${id}-segment-error`;
  // The conflict banner already says what is wrong; the field error would repeat it.
  const segmentError = conflict ? undefined : errors.segmentId?.message;

  return (
    <div className="fx-wizard-fields">
      <AdapterState
        query={segmentsQuery}
        resource={messages.resourceSegments}
        isEmpty={(segments) => segments.length === 0}
        empty={messages.segmentsEmpty}
      >
        {(segments) => (
          <div className="fx-field">
            <label htmlFor={`${id}-segment`}>{messages.segmentLabel}</label>
            <select
              id={`${id}-segment`}
              required
              aria-invalid={errors.segmentId || conflict ? true : undefined}
              aria-describedby={describedBy(
                `${id}-segment-hint`,
                conflict && conflictId,
                segmentError && segmentErrorId,
              )}
              {...register("segmentId")}
            >
              <option value="">{messages.segmentPlaceholder}</option>
              {segments.map((segment) => (
                <option key={segment.id} value={segment.id}>
                  {segment.name}
                </option>
              ))}
            </select>
            <p id={`${id}-segment-hint`} className="fx-hint">
              {messages.segmentHint}
            </p>
            <FieldError id={segmentErrorId} message={segmentError} />
          </div>
        )}
      </AdapterState>

      {overridesQuery.status === "error" ? (
        <LoadError
          resource={messages.resourceOverrides}
          error={overridesQuery.error}
          onRetry={() => void overridesQuery.retry()}
        />
      ) : overridesQuery.status === "loading" ? (
        <Loading resource={messages.resourceOverrides} />
      ) : null}

      {conflict ? (
        <Callout id={conflictId} tone="danger" role="alert">
          <p>{messages.overrideConflict(flag?.name ?? flagId, segmentName)}</p>
        </Callout>
      ) : null}

      <Controller
        control={control}
        name="weights"
        render={({ field }) => (
          <WeightsEditor
            variations={variations}
            weights={field.value}
            onChange={field.onChange}
            error={weightsError}
            inputRef={field.ref}
          />
        )}
      />

      <PowerPanel estimate={planning.power} plannedDays={planning.plannedDays} />
    </div>
  );
}
