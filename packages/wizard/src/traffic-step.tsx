import { type Flag, type Segment, type SegmentOverride, segmentsForFlag } from "@flagsmith-experimentation/adapters";
import { type AsyncQuery, Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { type Ref, useId, useMemo, useState } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { LoadError, Loading } from "./adapter-state";
import type { PowerEstimate } from "./power-estimate";
import { PowerPanel } from "./power-panel";
import { SearchCombobox } from "./search-combobox";
import type { WizardValues } from "./steps";
import { WeightsEditor } from "./weights-editor";
import { useWizardText } from "./wizard-text";

/** The `<option>` value that stands for "all identities" (`segmentId: null`); segment ids are never empty. */
const ALL_IDENTITIES = "";

/**
 * Up to this many segments the audience is a native `<select>`; above, a searchable virtualised combobox (a select
 * with 5,000 options takes most of a second to render).
 */
export const SEGMENT_SELECT_LIMIT = 200;

/** "All identities" and the segments, searchable: for projects with more segments than a select can list quickly. */
function SegmentCombobox({
  segments,
  value,
  onChange,
  inputRef,
  invalid,
  describedByIds,
}: {
  segments: readonly Segment[];
  value: string | null;
  onChange: (segmentId: string | null) => void;
  inputRef: Ref<HTMLInputElement>;
  invalid: boolean;
  describedByIds: string | undefined;
}) {
  const { messages } = useWizardText();
  const [search, setSearch] = useState("");
  const all = useMemo(() => ({ id: null, name: messages.segmentAllIdentities }), [messages.segmentAllIdentities]);
  const needle = search.trim().toLowerCase();
  const items = useMemo(
    () => [all, ...segments].filter((s) => needle === "" || s.name.toLowerCase().includes(needle)),
    [all, segments, needle],
  );
  const selected = value === null ? all : segments.find((s) => s.id === value);
  return (
    <SearchCombobox<{ id: string | null; name: string }>
      items={items}
      itemKey={(segment) => segment.id ?? ""}
      itemLabel={(segment) => segment.name}
      search={search}
      onSearchChange={setSearch}
      selected={selected}
      onSelect={(segment) => {
        setSearch("");
        onChange(segment.id);
      }}
      label={messages.segmentLabel}
      hint={messages.segmentSearchHint}
      inputRef={inputRef}
      invalid={invalid}
      describedByIds={describedByIds}
    />
  );
}

/**
 * Step 4: the audience (all identities, or one segment the flag has no override for; feature-specific segments only
 * for their own flag), the rollout percentage, the traffic split and the plan.
 */
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
    getFieldState,
    formState: { errors },
  } = useFormContext<WizardValues>();
  const [flagId, segmentId, variations] = useWatch({ control, name: ["flagId", "segmentId", "variations"] });
  const segments = segmentsQuery.data;
  const offered = useMemo(() => (segments ? segmentsForFlag(segments, flagId) : []), [segments, flagId]);
  const conflict = segmentId !== null && overridesQuery.data?.some((o) => o.segmentId === segmentId);
  const segmentName = segments?.find((s) => s.id === segmentId)?.name ?? segmentId ?? "";
  const weightsMessage: unknown = getFieldState("weights").error?.message;
  const weightsError = typeof weightsMessage === "string" ? weightsMessage : undefined;
  const conflictId = `${id}-conflict`;
  const segmentErrorId = `${id}-segment-error`;
  // The conflict banner already says what is wrong; the field error would repeat it.
  const segmentError = conflict ? undefined : errors.segmentId?.message;
  // A chosen segment that is not offered any more (it belongs to another flag) stays visible, so the error makes sense.
  const chosenElsewhere =
    segmentId !== null && !offered.some((s) => s.id === segmentId)
      ? segments?.find((s) => s.id === segmentId)
      : undefined;

  return (
    <div className="fx-wizard-fields">
      <div className="fx-field">
        {offered.length > SEGMENT_SELECT_LIMIT ? null : (
          <label htmlFor={`${id}-segment`}>{messages.segmentLabel}</label>
        )}
        <Controller
          control={control}
          name="segmentId"
          render={({ field }) =>
            offered.length > SEGMENT_SELECT_LIMIT ? (
              <SegmentCombobox
                segments={offered}
                value={field.value}
                onChange={field.onChange}
                inputRef={field.ref}
                invalid={Boolean(errors.segmentId || conflict)}
                describedByIds={describedBy(conflict && conflictId, segmentError && segmentErrorId)}
              />
            ) : (
              <select
                id={`${id}-segment`}
                ref={field.ref}
                name={field.name}
                value={field.value ?? ALL_IDENTITIES}
                onChange={(event) => field.onChange(event.target.value === ALL_IDENTITIES ? null : event.target.value)}
                onBlur={field.onBlur}
                aria-invalid={errors.segmentId || conflict ? true : undefined}
                aria-describedby={describedBy(
                  `${id}-segment-hint`,
                  conflict && conflictId,
                  segmentError && segmentErrorId,
                )}
              >
                <option value={ALL_IDENTITIES}>{messages.segmentAllIdentities}</option>
                {chosenElsewhere ? <option value={chosenElsewhere.id}>{chosenElsewhere.name}</option> : null}
                {offered.map((segment) => (
                  <option key={segment.id} value={segment.id}>
                    {segment.name}
                  </option>
                ))}
              </select>
            )
          }
        />
        <p id={`${id}-segment-hint`} className="fx-hint">
          {messages.segmentHint}
        </p>
        <FieldError id={segmentErrorId} message={segmentError} />
        {segmentsQuery.status === "error" ? (
          <LoadError
            resource={messages.resourceSegments}
            error={segmentsQuery.error}
            onRetry={() => void segmentsQuery.retry()}
          />
        ) : segmentsQuery.status === "loading" ? (
          <Loading resource={messages.resourceSegments} />
        ) : segmentsQuery.status === "success" && offered.length === 0 ? (
          <p className="fx-hint">{messages.segmentsEmpty}</p>
        ) : null}
      </div>

      {segmentId !== null && overridesQuery.status === "error" ? (
        <LoadError
          resource={messages.resourceOverrides}
          error={overridesQuery.error}
          onRetry={() => void overridesQuery.retry()}
        />
      ) : segmentId !== null && overridesQuery.status === "loading" ? (
        <Loading resource={messages.resourceOverrides} />
      ) : null}

      {conflict ? (
        <Callout id={conflictId} tone="danger" role="alert">
          <p>{messages.overrideConflict(flag?.name ?? flagId, segmentName)}</p>
        </Callout>
      ) : null}

      <RolloutField allIdentities={segmentId === null} />

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

/** "Rollout percentage": a whole percentage of the audience, kept as typed (an error says what is wrong). */
function RolloutField({ allIdentities }: { allIdentities: boolean }) {
  const { messages } = useWizardText();
  const id = useId();
  const { control } = useFormContext<WizardValues>();
  const [typing, setTyping] = useState<string | undefined>(undefined);
  return (
    <Controller
      control={control}
      name="rolloutPercentage"
      render={({ field, fieldState }) => (
        <div className="fx-field">
          <label htmlFor={`${id}-rollout`}>{messages.rolloutLabel}</label>
          <span className="fx-wizard-percent-input">
            <input
              id={`${id}-rollout`}
              ref={field.ref}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={typing ?? (Number.isFinite(field.value) ? String(field.value) : "")}
              aria-invalid={fieldState.error ? true : undefined}
              aria-describedby={describedBy(fieldState.error && `${id}-rollout-error`, `${id}-rollout-hint`)}
              onChange={(event) => {
                const text = event.target.value;
                setTyping(text);
                field.onChange(text.trim() === "" ? Number.NaN : Number(text));
              }}
              onBlur={() => {
                setTyping(undefined);
                field.onBlur();
              }}
            />
            <span aria-hidden="true">%</span>
          </span>
          <p id={`${id}-rollout-hint`} className="fx-hint">
            {allIdentities ? messages.rolloutHintAll : messages.rolloutHintSegment}
          </p>
          <FieldError id={`${id}-rollout-error`} message={fieldState.error?.message} />
        </div>
      )}
    />
  );
}
