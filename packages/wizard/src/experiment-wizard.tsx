import type { Experiment, Flag, SegmentOverride, Variation } from "@flagsmith-experimentation/adapters";
import {
  type AsyncQuery,
  Button,
  Callout,
  errorKind,
  rootProps,
  type StyleProps,
  useAsyncState,
} from "@flagsmith-experimentation/ui";
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { AdapterState } from "./adapter-state";
import { isScheduledStart, plannedDurationDays } from "./dates";
import { DetailsStep } from "./details-step";
import { configurationOf, initialWizardValues, type WizardDefaultValues } from "./draft-values";
import { ExperimentSummary } from "./experiment-summary";
import { FlagStep } from "./flag-step";
import { createIdempotencyKey } from "./idempotency";
import { LaunchDialog, type LaunchState } from "./launch-dialog";
import type { WizardMessages } from "./messages";
import { MetricsStep } from "./metrics-step";
import { estimatePower } from "./power-estimate";
import { preLaunchWarnings } from "./pre-launch-checks";
import { StepList, type StepState, stepName } from "./step-list";
import { type StepContext, type StepIssue, validateStep } from "./step-schemas";
import {
  STEP_FIELDS,
  stepIndex,
  stepOfField,
  WIZARD_STEPS,
  type WizardField,
  type WizardStepId,
  type WizardValues,
} from "./steps";
import { TrafficStep } from "./traffic-step";
import { useDraftAutosave } from "./use-draft-autosave";
import { alignWeights, splitEvenly } from "./weights";
import {
  type GuardedWizardAdapters,
  guardWizardAdapters,
  type PlannedMetric,
  type PlannedSegment,
  type WizardAdapters,
} from "./wizard-adapters";
import { useWizardI18nScope, useWizardText, WizardTextProvider } from "./wizard-text";

/** Milliseconds of quiet before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 600;

export interface ExperimentWizardProps extends StyleProps {
  /** The host's adapters; every answer is validated before the wizard uses it. */
  adapters: WizardAdapters;
  /** Called once the experiment has launched (status `running`, or `scheduled` for a future start). */
  onLaunched?: (experiment: Experiment) => void;
  /** Shows a "Cancel" button on the first step. */
  onCancel?: () => void;
  /** "Today" for date defaults and validation (tests and stories pin it). Default: the current date. */
  today?: Date;
  /** The flag's page in the host app, linked from "Add a variation" for flags without variations. */
  flagHref?: (flag: Flag) => string;
  /** Prefilled values, e.g. `{ name, hypothesis }`. A saved draft (`draftId`) takes precedence. */
  defaultValues?: WizardDefaultValues;
  /** Reopens a saved draft (`persistence.getExperiment`); a launched experiment opens read-only. */
  draftId?: string;
  /** Called after every successful draft save: keep `experiment.id` to reopen the draft later. */
  onDraftSaved?: (experiment: Experiment) => void;
  /** Overrides for any user-visible string. */
  messages?: Partial<WizardMessages>;
  /** BCP 47 locale for numbers and dates. Default: the browser's. */
  locale?: string;
}

/**
 * The five-step experiment-creation flow: details & hypothesis, flag & variations, metrics with roles,
 * segment & traffic split, review & launch.
 */
export function ExperimentWizard(props: ExperimentWizardProps) {
  const i18n = useWizardI18nScope({ messages: props.messages, locale: props.locale });
  const { flags, segments, metrics, persistence } = props.adapters;
  const adapters = useMemo(
    () => guardWizardAdapters({ flags, segments, metrics, persistence }),
    [flags, segments, metrics, persistence],
  );
  const [today] = useState(() => props.today ?? new Date());
  return (
    <WizardTextProvider value={i18n}>
      <div {...rootProps("fx-wizard", props)}>
        {props.draftId ? (
          <DraftLoader draftId={props.draftId} adapters={adapters} today={today} props={props} />
        ) : (
          <WizardForm adapters={adapters} today={today} props={props} saved={undefined} />
        )}
      </div>
    </WizardTextProvider>
  );
}

function DraftLoader({
  draftId,
  adapters,
  today,
  props,
}: {
  draftId: string;
  adapters: GuardedWizardAdapters;
  today: Date;
  props: ExperimentWizardProps;
}) {
  const { messages } = useWizardText();
  const query = useAsyncState(`draft:${draftId}`, () => adapters.persistence.getExperiment(draftId));
  return (
    <AdapterState query={query} resource={messages.resourceDraft}>
      {(experiment) => (
        <WizardForm key={experiment.id} adapters={adapters} today={today} props={props} saved={experiment} />
      )}
    </AdapterState>
  );
}

type Notice = { step: WizardStepId; message: string };

function sameVariations(a: readonly Variation[], b: readonly Variation[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((v) => {
    const other = b.find((w) => w.key === v.key);
    return other !== undefined && other.value === v.value && other.isControl === v.isControl;
  });
}

function WizardForm({
  adapters,
  today,
  props,
  saved,
}: {
  adapters: GuardedWizardAdapters;
  today: Date;
  props: ExperimentWizardProps;
  saved: Experiment | undefined;
}) {
  const text = useWizardText();
  const { messages } = text;
  const { onLaunched, onCancel, flagHref, onDraftSaved } = props;
  const [initialValues] = useState(() => initialWizardValues(today, props.defaultValues, saved));
  const form = useForm<WizardValues>({ defaultValues: initialValues, mode: "onSubmit", shouldFocusError: false });
  const { control, getValues, setValue, setError, clearErrors, setFocus } = form;
  const values = useWatch({ control }) as WizardValues;

  const [step, setStep] = useState<WizardStepId>(saved && saved.status !== "draft" ? "review" : "details");
  const [completed, setCompleted] = useState<ReadonlySet<WizardStepId>>(() => new Set());
  const [returnToReview, setReturnToReview] = useState(false);
  const [errorCount, setErrorCount] = useState(0);
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [launched, setLaunched] = useState<Experiment | undefined>(
    saved && saved.status !== "draft" ? saved : undefined,
  );
  const [dialogOpen, setDialogOpen] = useState(false);
  const [launchState, setLaunchState] = useState<LaunchState>({ status: "idle" });
  const [pickedFlag, setPickedFlag] = useState<Flag | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ field?: WizardField; heading?: boolean } | null>(null);
  const launchingRef = useRef(false);
  const idempotencyKeyRef = useRef<string | undefined>(undefined);

  // Adapter data shared by several steps.
  const flagId = values.flagId;
  const flagQuery = useAsyncState<Flag>(flagId ? `flag:${flagId}` : null, () => adapters.flags.getFlag(flagId));
  const overridesQuery = useAsyncState<SegmentOverride[]>(flagId ? `overrides:${flagId}` : null, () =>
    adapters.segments.listOverrides(flagId),
  );
  const segmentsQuery = useAsyncState<PlannedSegment[]>("segments", () => adapters.segments.listSegments());
  const metricsQuery = useAsyncState<PlannedMetric[]>("metrics", () => adapters.metrics.listMetrics());

  const currentFlag =
    pickedFlag?.id === flagId ? pickedFlag : flagQuery.data?.id === flagId ? flagQuery.data : undefined;
  const overrides = overridesQuery.status === "success" ? overridesQuery.data : undefined;

  const context = useCallback(
    (overridesOverride?: readonly SegmentOverride[], flagOverride?: Flag): StepContext => ({
      today,
      messages,
      flag: flagOverride ?? currentFlag,
      overrides: overridesOverride ?? overrides,
      segmentName: (id) => segmentsQuery.data?.find((s) => s.id === id)?.name ?? id,
    }),
    [today, messages, currentFlag, overrides, segmentsQuery.data],
  );

  const autosave = useDraftAutosave({
    persistence: adapters.persistence,
    getValues,
    initial: saved ? { id: saved.id, revision: saved.revision } : undefined,
    delayMs: DRAFT_SAVE_DELAY_MS,
    onSaved: onDraftSaved,
  });
  const { schedule, stop: stopAutosave } = autosave;

  // Save the draft after every change (debounced) until launch.
  useEffect(() => {
    if (launched) {
      stopAutosave();
      return;
    }
    const subscription = form.watch(() => schedule());
    return () => subscription.unsubscribe();
  }, [form, schedule, stopAutosave, launched]);

  // After a failed "Next", errors follow the user's corrections live.
  useEffect(() => {
    if (!attempted || step === "review") return;
    const issues = validateStep(step, values, context());
    const fields = STEP_FIELDS[step];
    for (const field of fields) {
      const issue = issues.find((i) => i.field === field);
      const current = form.getFieldState(field).error?.message;
      if (issue && issue.message !== current) setError(field, { type: "validate", message: issue.message });
      if (!issue && current !== undefined) clearErrors(field);
    }
    setErrorCount(issues.length);
  }, [attempted, step, values, context, form, setError, clearErrors]);

  // Move focus after navigation (to the step heading) or a failed validation (to the first invalid field).
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target.field) {
      const before = document.activeElement;
      setFocus(target.field);
      // A field that is not on screen (e.g. its list failed to load) cannot take focus: the summary does.
      if (document.activeElement === before) summaryRef.current?.focus();
      return;
    }
    headingRef.current?.focus();
  });

  const showIssues = (target: WizardStepId, issues: readonly StepIssue[]) => {
    clearErrors();
    for (const issue of issues) setError(issue.field, { type: "validate", message: issue.message });
    setErrorCount(issues.length);
    setAttempted(true);
    pendingFocus.current = { field: issues[0]?.field };
    if (target !== step) setStep(target);
  };

  const goTo = (target: WizardStepId) => {
    clearErrors();
    setErrorCount(0);
    setAttempted(false);
    if (notice && notice.step !== target) setNotice(undefined);
    pendingFocus.current = { heading: true };
    setStep(target);
  };

  /** Validates the steps from the current one up to (not including) `target`; stops at the first invalid. */
  const advanceTo = (target: WizardStepId) => {
    const from = stepIndex(step);
    const to = stepIndex(target);
    if (to <= from) {
      goTo(target);
      return;
    }
    const current = getValues();
    const passed = new Set(completed);
    for (let index = from; index < to; index++) {
      const checked = WIZARD_STEPS[index] as WizardStepId;
      const issues = validateStep(checked, current, context());
      if (issues.length > 0) {
        setCompleted(passed);
        showIssues(checked, issues);
        return;
      }
      passed.add(checked);
    }
    setCompleted(passed);
    goTo(target);
  };

  const onNext = (event: FormEvent) => {
    event.preventDefault();
    const next = WIZARD_STEPS[stepIndex(step) + 1];
    if (next) advanceTo(next);
  };

  const onBack = () => {
    const previous = WIZARD_STEPS[stepIndex(step) - 1];
    if (previous) goTo(previous);
  };

  const onEdit = (target: Exclude<WizardStepId, "review">) => {
    setReturnToReview(true);
    goTo(target);
  };

  const onPickFlag = (flag: Flag) => {
    setPickedFlag(flag);
    if (flag.id === getValues("flagId")) return;
    const opts = { shouldDirty: true, shouldValidate: false } as const;
    setValue("flagId", flag.id, opts);
    setValue("variations", flag.variations, opts);
    setValue("weights", splitEvenly(flag.variations.map((v) => v.key)), opts);
    if (notice?.step === "flag") setNotice(undefined);
  };

  const stateOf = (target: WizardStepId): StepState =>
    launched || completed.has(target) ? "done" : target === step ? "current" : "upcoming";

  const onSelectStep = (target: WizardStepId) => {
    if (target === step) return;
    advanceTo(target);
  };

  // Planning figures for the power estimate and the pre-launch checks.
  const plannedDays = plannedDurationDays(values.startDate, values.endDate);
  const primary = values.metrics.find((m) => m.role === "primary");
  const primaryMetric = primary ? metricsQuery.data?.find((m) => m.id === primary.metricId) : undefined;
  const segment = segmentsQuery.data?.find((s) => s.id === values.segmentId);
  const power = estimatePower({
    metric: primaryMetric,
    segment,
    weights: values.weights,
  });
  const warnings = preLaunchWarnings({
    hypothesis: values.hypothesis,
    metrics: values.metrics,
    weights: values.weights,
    plannedDays,
    neededDays: power.status === "ok" ? power.days : undefined,
    directionWords: messages.directionWords,
  });

  const reopen = (target: WizardStepId, message: string) => {
    setDialogOpen(false);
    setLaunchState({ status: "idle" });
    setReturnToReview(true);
    setNotice({ step: target, message });
    goTo(target);
  };

  const launch = async () => {
    if (launchingRef.current || launched) return;
    launchingRef.current = true;
    setLaunchState({ status: "launching" });
    try {
      const current = getValues();
      // Stale data: the flag or segment may have changed since they were picked.
      let fresh: Flag;
      try {
        fresh = await adapters.flags.getFlag(current.flagId);
      } catch (error) {
        if (errorKind(error) === "not-found") {
          reopen("flag", messages.staleMissing);
          return;
        }
        throw error;
      }
      const freshOverrides = await adapters.segments.listOverrides(current.flagId);
      if (!sameVariations(fresh.variations, current.variations)) {
        setPickedFlag(fresh);
        setValue("variations", fresh.variations, { shouldDirty: true });
        setValue(
          "weights",
          alignWeights(
            fresh.variations.map((v) => v.key),
            current.weights,
          ),
          { shouldDirty: true },
        );
        void flagQuery.retry();
        reopen("flag", messages.staleFlag(fresh.name));
        return;
      }
      if (freshOverrides.some((o) => o.segmentId === current.segmentId)) {
        await overridesQuery.retry();
        reopen("traffic", messages.staleSegment(segment?.name ?? current.segmentId));
        return;
      }
      const issues = validateStep("review", current, context(freshOverrides, fresh));
      const first = issues[0];
      if (first) {
        setDialogOpen(false);
        setLaunchState({ status: "idle" });
        setReturnToReview(true);
        const target = stepOfField(first.field) ?? "details";
        showIssues(
          target,
          issues.filter((i) => (STEP_FIELDS[target] as readonly string[]).includes(i.field)),
        );
        return;
      }
      const draft = await autosave.flush();
      idempotencyKeyRef.current ??= createIdempotencyKey();
      const experiment = await adapters.persistence.launch(draft.id, {
        idempotencyKey: idempotencyKeyRef.current,
        expectedRevision: draft.revision,
      });
      stopAutosave();
      setLaunched(experiment);
      setLaunchState({ status: "idle" });
      setDialogOpen(false);
      pendingFocus.current = { heading: true };
      onLaunched?.(experiment);
    } catch (error) {
      setLaunchState({ status: "failed", error });
    } finally {
      launchingRef.current = false;
    }
  };

  const heading = stepName(step, messages);
  const stepNotice = notice?.step === step ? notice.message : undefined;
  const lastEditable = step === "traffic";

  return (
    <FormProvider {...form}>
      <StepList current={step} stateOf={stateOf} onSelect={onSelectStep} disabled={Boolean(launched)} />
      <div className="fx-wizard-panel" data-step={step}>
        <p className="fx-wizard-position">{messages.stepPosition(stepIndex(step) + 1, WIZARD_STEPS.length)}</p>
        <h2 ref={headingRef} tabIndex={-1} className="fx-wizard-heading">
          {heading}
        </h2>
        <div ref={summaryRef} tabIndex={-1} className="fx-wizard-error-summary-anchor">
          {errorCount > 0 ? (
            <Callout tone="danger" role="alert">
              {messages.errorSummary(errorCount)}
            </Callout>
          ) : null}
        </div>
        {stepNotice ? (
          <Callout tone="danger" role="alert">
            <p>{stepNotice}</p>
          </Callout>
        ) : null}

        {launched ? (
          <LaunchedView
            experiment={launched}
            flag={currentFlag}
            metricsQuery={metricsQuery}
            segmentsQuery={segmentsQuery}
            today={today}
          />
        ) : step === "review" ? (
          <div className="fx-wizard-review">
            <p className="fx-hint">{messages.reviewIntro}</p>
            <ExperimentSummary
              values={values}
              flag={currentFlag}
              metrics={metricsQuery.data}
              segments={segmentsQuery.data}
              today={today}
              onEdit={onEdit}
            />
            {warnings.length > 0 ? (
              <section className="fx-wizard-warnings" aria-label={messages.warningsHeading}>
                <h3>{messages.warningsHeading}</h3>
                <ul>
                  {warnings.map((warning) => (
                    <li key={warning} data-warning={warning}>
                      {warning === "no-direction"
                        ? messages.warningNoDirection
                        : warning === "no-guardrail"
                          ? messages.warningNoGuardrail
                          : warning === "too-short" && power.status === "ok" && plannedDays !== undefined
                            ? messages.warningTooShort(text.days(plannedDays), text.days(power.days))
                            : messages.warningUnevenWeights}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div className="fx-wizard-actions">
              <Button onClick={onBack}>{messages.back}</Button>
              <LaunchDialog
                open={dialogOpen}
                onOpenChange={(open) => {
                  setDialogOpen(open);
                  if (!open) setLaunchState({ status: "idle" });
                }}
                onConfirm={() => void launch()}
                state={launchState}
                experimentName={values.name}
                scheduledStart={isScheduledStart(values.startDate, today) ? text.date(values.startDate) : undefined}
              />
            </div>
          </div>
        ) : (
          <form className="fx-wizard-form" noValidate onSubmit={onNext} aria-label={heading}>
            {step === "details" ? <DetailsStep today={today} /> : null}
            {step === "flag" ? (
              <FlagStep
                flagsAdapter={adapters.flags}
                flagQuery={flagQuery}
                currentFlag={currentFlag}
                onPick={onPickFlag}
                flagHref={flagHref}
              />
            ) : null}
            {step === "metrics" ? <MetricsStep metricsQuery={metricsQuery} /> : null}
            {step === "traffic" ? (
              <TrafficStep
                segmentsQuery={segmentsQuery}
                overridesQuery={overridesQuery}
                flag={currentFlag}
                power={power}
                plannedDays={plannedDays}
              />
            ) : null}
            <div className="fx-wizard-actions">
              {step === "details" ? (
                onCancel ? (
                  <Button onClick={onCancel}>{messages.cancel}</Button>
                ) : null
              ) : (
                <Button onClick={onBack}>{messages.back}</Button>
              )}
              {returnToReview && !lastEditable ? (
                <Button onClick={() => advanceTo("review")}>{messages.backToReview}</Button>
              ) : null}
              <Button type="submit" variant="primary">
                {messages.next}
              </Button>
            </div>
          </form>
        )}
      </div>
      {launched ? null : (
        <DraftStatus state={autosave.state} onRetry={() => void autosave.flush().catch(() => undefined)} />
      )}
    </FormProvider>
  );
}

function DraftStatus({ state, onRetry }: { state: ReturnType<typeof useDraftAutosave>["state"]; onRetry: () => void }) {
  const text = useWizardText();
  const { messages } = text;
  return (
    <div className="fx-wizard-draft" aria-live="polite">
      {state.status === "saving" ? <p className="fx-muted">{messages.draftSaving}</p> : null}
      {state.status === "saved" ? <p className="fx-muted">{messages.draftSaved}</p> : null}
      {state.status === "error" ? (
        <Callout tone="warning">
          <p>{messages.draftSaveFailed(text.error(state.error))}</p>
          <Button onClick={onRetry}>{messages.retry}</Button>
        </Callout>
      ) : null}
    </div>
  );
}

function LaunchedView({
  experiment,
  flag,
  metricsQuery,
  segmentsQuery,
  today,
}: {
  experiment: Experiment;
  flag: Flag | undefined;
  metricsQuery: AsyncQuery<PlannedMetric[]>;
  segmentsQuery: AsyncQuery<PlannedSegment[]>;
  today: Date;
}) {
  const text = useWizardText();
  const { messages } = text;
  return (
    <div className="fx-wizard-launched" data-status={experiment.status}>
      <Callout tone="success" role="status">
        {experiment.status === "scheduled"
          ? messages.launchedScheduled(experiment.name, text.date(experiment.startDate))
          : messages.launched(experiment.name)}
      </Callout>
      <p className="fx-hint">{messages.readOnlyNote}</p>
      <ExperimentSummary
        values={configurationOf(experiment)}
        flag={flag}
        metrics={metricsQuery.data}
        segments={segmentsQuery.data}
        today={today}
      />
    </div>
  );
}
