import { type Flag, type Segment, type SegmentOverride, segmentsForFlag } from "@flagsmith-experimentation/adapters";
import { type AsyncQuery, Callout, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId, useMemo, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { QueryNotice } from "./adapter-state";
import { nameOf } from "./names";
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
  invalid,
  describedByIds,
}: {
  segments: readonly Segment[];
  value: string | null;
  onChange: (segmentId: string | null) => void;
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
      name="segmentId"
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
  form,
  segmentsQuery,
  overridesQuery,
  flag,
  planning,
}: {
  form: UseFormReturn<WizardValues>;
  segmentsQuery: AsyncQuery<Segment[]>;
  overridesQuery: AsyncQuery<SegmentOverride[]>;
  flag: Flag | undefined;
  /** The power estimate and the days the planned dates cover. */
  planning: { power: PowerEstimate; plannedDays: number | undefined };
}) {
  const { messages } = useWizardText();
  const id = useId();
  const { errors } = form.formState;
  const [flagId, segmentId, variations, weights] = form.watch(["flagId", "segmentId", "variations", "weights"]);
  const change = { shouldDirty: true } as const;
  const segments = segmentsQuery.data;
  const offered = useMemo(() => (segments ? segmentsForFlag(segments, flagId) : []), [segments, flagId]);
  const conflict = segmentId !== null && overridesQuery.data?.some((o) => o.segmentId === segmentId);
  // `weights` is a record, so react-hook-form types its error as one error per key: the wizard sets one for the field.
  const weightsMessage: unknown = errors.weights?.message;
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
        {offered.length > SEGMENT_SELECT_LIMIT ? (
          <SegmentCombobox
            segments={offered}
            value={segmentId}
            onChange={(next) => form.setValue("segmentId", next, change)}
            invalid={Boolean(errors.segmentId || conflict)}
            describedByIds={describedBy(conflict && conflictId, segmentError && segmentErrorId)}
          />
        ) : (
          <select
            id={`${id}-segment`}
            // Controlled from the form's value: the options arrive with the segments, after the select.
            value={segmentId ?? ALL_IDENTITIES}
            aria-invalid={errors.segmentId || conflict ? true : undefined}
            aria-describedby={describedBy(`${id}-segment-hint`, conflict && conflictId, segmentError && segmentErrorId)}
            {...form.register("segmentId", { setValueAs: (value) => (value === ALL_IDENTITIES ? null : value) })}
          >
            <option value={ALL_IDENTITIES}>{messages.segmentAllIdentities}</option>
            {chosenElsewhere ? <option value={chosenElsewhere.id}>{chosenElsewhere.name}</option> : null}
            {offered.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        )}
        <p id={`${id}-segment-hint`} className="fx-hint">
          {messages.segmentHint}
        </p>
        <FieldError id={segmentErrorId} message={segmentError} />
        {segmentsQuery.status === "success" && offered.length === 0 ? (
          <p className="fx-hint">{messages.segmentsEmpty}</p>
        ) : (
          <QueryNotice query={segmentsQuery} resource={messages.resourceSegments} />
        )}
      </div>

      {segmentId !== null ? <QueryNotice query={overridesQuery} resource={messages.resourceOverrides} /> : null}

      {conflict ? (
        <Callout id={conflictId} tone="danger" role="alert">
          <p>{messages.overrideConflict(flag?.name ?? flagId, nameOf(segments, segmentId ?? ""))}</p>
        </Callout>
      ) : null}

      <RolloutField form={form} allIdentities={segmentId === null} />

      <WeightsEditor
        name="weights"
        variations={variations}
        weights={weights}
        onChange={(next) => form.setValue("weights", next, change)}
        error={weightsError}
      />

      <PowerPanel form={form} estimate={planning.power} plannedDays={planning.plannedDays} />
    </div>
  );
}

/** "Rollout percentage": a whole percentage of the audience, kept as typed (an error says what is wrong). */
function RolloutField({ form, allIdentities }: { form: UseFormReturn<WizardValues>; allIdentities: boolean }) {
  const { messages } = useWizardText();
  const id = useId();
  const error = form.formState.errors.rolloutPercentage?.message;
  return (
    <div className="fx-field">
      <label htmlFor={`${id}-rollout`}>{messages.rolloutLabel}</label>
      <span className="fx-wizard-percent-input">
        <input
          id={`${id}-rollout`}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-rollout-error`, `${id}-rollout-hint`)}
          {...form.register("rolloutPercentage", { valueAsNumber: true })}
        />
        <span aria-hidden="true">%</span>
      </span>
      <p id={`${id}-rollout-hint`} className="fx-hint">
        {allIdentities ? messages.rolloutHintAll : messages.rolloutHintSegment}
      </p>
      <FieldError id={`${id}-rollout-error`} message={error} />
    </div>
  );
}
