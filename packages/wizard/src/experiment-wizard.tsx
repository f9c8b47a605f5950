import {
  type Experiment,
  type Flag,
  type MetricDefinition,
  planExperiment,
  type Segment,
  type SegmentOverride,
} from "@flagsmith-experimentation/adapters";
import { Button, Callout, errorKind, rootProps, type StyleProps, useAsyncState } from "@flagsmith-experimentation/ui";
import { type FormEvent, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { AdapterState } from "./adapter-state";
import { CancelDialog } from "./cancel-dialog";
import { ConflictPanel } from "./conflict-panel";
import { isScheduledStart, plannedDurationDays, scheduledStart } from "./dates";
import { DetailsStep } from "./details-step";
import { DraftStatus } from "./draft-status";
import { configurationOf, initialWizardValues, toDraftFields, type WizardDefaultValues } from "./draft-values";
import { ExperimentSummary } from "./experiment-summary";
import { FlagStep } from "./flag-step";
import { LaunchDialog } from "./launch-dialog";
import { LaunchedView } from "./launched-view";
import type { WizardMessages } from "./messages";
import { MetricsStep } from "./metrics-step";
import { nameOf } from "./names";
import { powerEstimateFrom } from "./power-estimate";
import { preLaunchWarnings } from "./pre-launch-checks";
import { ReviewStep } from "./review-step";
import { StepList, stepName } from "./step-list";
import { isDetectableEffect, type StepContext, validateStep } from "./step-schemas";
import { stepIndex, WIZARD_STEPS, type WizardStepId, type WizardValues } from "./steps";
import { TrafficStep } from "./traffic-step";
import { useDraftAutosave } from "./use-draft-autosave";
import { useLaunch } from "./use-launch";
import { splitEvenly } from "./weights";
import {
  type GuardedWizardAdapters,
  guardWizardAdapters,
  type WizardAdapters,
  type WizardEnvironment,
} from "./wizard-adapters";
import { initialWizardState, stepState, wizardReducer } from "./wizard-machine";
import { useWizardI18nScope, useWizardText, WizardTextProvider } from "./wizard-text";

/** Milliseconds of quiet before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 600;

export interface ExperimentWizardProps extends StyleProps {
  /** The host's adapters; every answer is validated before the wizard uses it. Replacing them reloads every list. */
  adapters: WizardAdapters;
  /**
   * The environment the experiment runs in (its key is stored as `Experiment.environmentKey`). Default: the adapters'
   * `environment` (the Flagsmith adapters know theirs), else none.
   */
  environment?: WizardEnvironment;
  /** Called once the experiment has launched (status `running`, or `scheduled` for a future start). */
  onLaunched?: (experiment: Experiment) => void;
  /** Shows a "Cancel" button on the first step; once something was typed it first asks whether to keep the draft. */
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

/** A key that changes whenever the host passes other adapters: every list the wizard loads is keyed by it. */
function useGeneration(value: unknown): string {
  const ref = useRef({ value, generation: 0 });
  if (ref.current.value !== value) ref.current = { value, generation: ref.current.generation + 1 };
  return `adapters-${ref.current.generation}`;
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
  const adaptersKey = useGeneration(adapters);
  const [today] = useState(() => props.today ?? new Date());
  return (
    <WizardTextProvider value={i18n}>
      <div {...rootProps("fx-wizard", props)}>
        {props.draftId ? (
          <DraftLoader
            draftId={props.draftId}
            adapters={adapters}
            adaptersKey={adaptersKey}
            today={today}
            props={props}
          />
        ) : (
          <WizardForm adapters={adapters} adaptersKey={adaptersKey} today={today} props={props} saved={undefined} />
        )}
      </div>
    </WizardTextProvider>
  );
}

function DraftLoader({
  draftId,
  adapters,
  adaptersKey,
  today,
  props,
}: {
  draftId: string;
  adapters: GuardedWizardAdapters;
  adaptersKey: string;
  today: Date;
  props: ExperimentWizardProps;
}) {
  const { messages } = useWizardText();
  const query = useAsyncState(`${adaptersKey}:draft:${draftId}`, () => adapters.persistence.getExperiment(draftId));
  return (
    <AdapterState query={query} resource={messages.resourceDraft}>
      {(experiment) => (
        <WizardForm
          key={experiment.id}
          adapters={adapters}
          adaptersKey={adaptersKey}
          today={today}
          props={props}
          saved={experiment}
        />
      )}
    </AdapterState>
  );
}

function WizardForm({
  adapters,
  adaptersKey,
  today,
  props,
  saved,
}: {
  adapters: GuardedWizardAdapters;
  adaptersKey: string;
  today: Date;
  props: ExperimentWizardProps;
  saved: Experiment | undefined;
}) {
  const text = useWizardText();
  const { messages } = text;
  const [initialValues] = useState(() => initialWizardValues(today, props.defaultValues, saved));
  const form = useForm<WizardValues>({ defaultValues: initialValues, mode: "onSubmit", shouldFocusError: false });
  const { getValues, setValue, setError, clearErrors, reset } = form;
  const values = form.watch();
  const [state, dispatch] = useReducer(wizardReducer, saved, initialWizardState);
  const { step, launched } = state;
  /** The flag the user picked (its variations may be newer than what `getFlag` cached). */
  const [pickedFlag, setPickedFlag] = useState<Flag | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const environment = props.environment ?? props.adapters.environment;
  const environmentKey = environment?.key ?? saved?.environmentKey ?? "";

  // Adapter data shared by several steps, reloaded when the host replaces its adapters.
  const flagId = values.flagId;
  const flagQuery = useAsyncState<Flag>(flagId ? `${adaptersKey}:flag:${flagId}` : null, () =>
    adapters.flags.getFlag(flagId),
  );
  const overridesQuery = useAsyncState<SegmentOverride[]>(flagId ? `${adaptersKey}:overrides:${flagId}` : null, () =>
    adapters.segments.listOverrides(flagId),
  );
  const segmentsQuery = useAsyncState<Segment[]>(`${adaptersKey}:segments`, () => adapters.segments.listSegments());
  const metricsQuery = useAsyncState<MetricDefinition[]>(`${adaptersKey}:metrics`, () =>
    adapters.metrics.listMetrics(),
  );
  const currentFlag =
    pickedFlag?.id === flagId ? pickedFlag : flagQuery.data?.id === flagId ? flagQuery.data : undefined;

  const segmentName = useCallback((id: string) => nameOf(segmentsQuery.data, id), [segmentsQuery.data]);
  const context = useMemo<StepContext>(
    () => ({
      today,
      messages,
      flag: currentFlag,
      overrides: overridesQuery.status === "success" ? overridesQuery.data : undefined,
      segmentName,
      segments: segmentsQuery.data,
    }),
    [today, messages, currentFlag, overridesQuery.status, overridesQuery.data, segmentName, segmentsQuery.data],
  );
  const check = (target: WizardStepId) => validateStep(target, getValues(), context);

  // The plan (one model with the results page: the adapters' planExperiment), from the primary metric's baseline and
  // the audience's traffic: the segment's, or the environment's for all identities.
  const primary = values.metrics.find((m) => m.role === "primary");
  const primaryMetric = primary ? metricsQuery.data?.find((m) => m.id === primary.metricId) : undefined;
  const audienceDailyTraffic =
    values.segmentId === null
      ? environment?.expectedDailyTraffic
      : segmentsQuery.data?.find((s) => s.id === values.segmentId)?.expectedDailyTraffic;
  const planning = planExperiment({
    metric: primaryMetric,
    audienceDailyTraffic,
    rolloutPercentage: values.rolloutPercentage,
    weights: values.weights,
    minimumDetectableEffect: values.minimumDetectableEffect,
  });
  const plan = isDetectableEffect(values.minimumDetectableEffect) ? planning.plan : undefined;
  const power = powerEstimateFrom(planning, primaryMetric?.name);
  const latestDraftExtras = useRef({ environmentKey, plan });
  latestDraftExtras.current = { environmentKey, plan };

  const autosave = useDraftAutosave({
    persistence: adapters.persistence,
    getDraft: () => toDraftFields(getValues(), latestDraftExtras.current),
    initial: saved,
    delayMs: DRAFT_SAVE_DELAY_MS,
    onSaved: props.onDraftSaved,
  });
  const { schedule, stop: stopAutosave } = autosave;

  // Save the draft after every change the user makes (debounced) until launch. A wizard nobody changed saves
  // nothing: visiting steps, or prefilled values, never create a draft.
  const initialText = useRef(JSON.stringify(initialValues));
  const touched = useRef(false);
  useEffect(() => {
    if (launched) {
      stopAutosave();
      return;
    }
    const subscription = form.watch(() => {
      if (!touched.current && JSON.stringify(getValues()) === initialText.current) return;
      touched.current = true;
      schedule();
    });
    return () => subscription.unsubscribe();
  }, [form, getValues, schedule, stopAutosave, launched]);

  // After a failed "Next", the issues follow the user's corrections live.
  useEffect(() => {
    if (state.attempted) dispatch({ type: "revalidate", issues: validateStep(step, values, context) });
  }, [state.attempted, step, values, context]);

  // The machine's issues are what react-hook-form shows on the fields.
  useEffect(() => {
    clearErrors();
    for (const issue of state.issues) setError(issue.field, { type: "validate", message: issue.message });
  }, [state.issues, clearErrors, setError]);

  // Focus follows the machine: the step heading after navigation, the first invalid field after a failed check.
  useEffect(() => {
    const request = state.focus;
    if (!request) return;
    if (request.target === "heading") {
      headingRef.current?.focus();
      return;
    }
    // Every field's input carries the field's name (the first one, for a group such as the weights).
    const before = document.activeElement;
    if (request.field) formRef.current?.querySelector<HTMLElement>(`[name="${request.field}"]`)?.focus();
    // A field that is not on screen (e.g. its list failed to load) cannot take focus: the summary does.
    if (document.activeElement === before) summaryRef.current?.focus();
  }, [state.focus]);

  const onPickFlag = (flag: Flag) => {
    setPickedFlag(flag);
    if (flag.id === getValues("flagId")) return;
    const opts = { shouldDirty: true, shouldValidate: false } as const;
    setValue("flagId", flag.id, opts);
    setValue("flagName", flag.name, opts);
    setValue("variations", flag.variations, opts);
    setValue("weights", splitEvenly(flag.variations.map((v) => v.key)), opts);
    dispatch({ type: "flag-picked" });
  };

  const launch = useLaunch({
    adapters,
    dispatch,
    getValues,
    autosave,
    context: { today, messages, segmentName, segments: segmentsQuery.data },
    text,
    segmentName,
    onFlagChanged: (flag, refresh) => {
      setPickedFlag(flag);
      setValue("flagName", flag.name, { shouldDirty: true });
      setValue("variations", refresh.variations, { shouldDirty: true });
      setValue("weights", refresh.weights, { shouldDirty: true });
      void flagQuery.retry();
    },
    onOverridesChanged: () => void overridesQuery.retry(),
    onLaunched: props.onLaunched,
  });

  /** The stored draft changed somewhere else; the user keeps their version or takes the stored one, then reviews. */
  const resolveConflict = (choice: "mine" | "theirs", current: Experiment, fromLaunch: boolean) => {
    if (current.status !== "draft") {
      autosave.stop();
      dispatch({ type: "launched", experiment: current });
      return;
    }
    if (choice === "mine") {
      autosave.keepMine(current).catch(() => undefined);
    } else {
      reset(configurationOf(current));
      touched.current = true;
      autosave.takeTheirs(current);
    }
    if (fromLaunch) dispatch({ type: "review-again" });
  };

  const onCancel = props.onCancel;
  const requestCancel = () => {
    if (!onCancel) return;
    if (touched.current || saved) dispatch({ type: "cancel-dialog", open: true });
    else onCancel();
  };
  const deleteDraft = adapters.persistence.deleteDraft;

  // Planning figures for the pre-launch checks.
  const plannedDays = plannedDurationDays(values.startDate, values.endDate);
  const warnings = preLaunchWarnings({
    hypothesis: values.hypothesis,
    metrics: values.metrics,
    weights: values.weights,
    plannedDays,
    neededDays: power.status === "ok" ? power.days : undefined,
    directionWords: messages.directionWords,
    flagEnabled: currentFlag?.enabled,
  });

  const go = (target: WizardStepId) => dispatch({ type: "navigate", target, check });
  const previous = WIZARD_STEPS[stepIndex(step) - 1];
  const onBack = () => previous && go(previous);
  const heading = stepName(step, messages);
  const summary = (editable: boolean) => (
    <ExperimentSummary
      values={launched && !editable ? configurationOf(launched) : values}
      flag={currentFlag}
      metrics={metricsQuery.data}
      segments={segmentsQuery.data}
      today={today}
      plan={launched && !editable ? launched.plan : plan}
      environmentName={environment?.name}
      onEdit={editable ? (target) => dispatch({ type: "edit", target }) : undefined}
    />
  );
  const conflictView = (current: Experiment, fromLaunch: boolean) => (
    <ConflictPanel
      current={current}
      mine={values}
      intro={fromLaunch ? messages.conflictLaunch : messages.conflictSave}
      metrics={metricsQuery.data}
      segments={segmentsQuery.data}
      onKeepMine={() => resolveConflict("mine", current, fromLaunch)}
      onUseTheirs={() => resolveConflict("theirs", current, fromLaunch)}
    />
  );
  const start = scheduledStart(values.startDate, today);

  return (
    <>
      <StepList
        current={step}
        stateOf={(target) => stepState(state, target)}
        onSelect={go}
        disabled={Boolean(launched)}
      />
      <div className="fx-wizard-panel" data-step={step}>
        <p className="fx-wizard-position">
          {messages.stepPosition(stepIndex(step) + 1, WIZARD_STEPS.length)}
          {environment?.name ? (
            <span className="fx-wizard-environment">
              {" · "}
              {messages.environmentLabel}: {environment.name}
            </span>
          ) : null}
        </p>
        <h2 ref={headingRef} tabIndex={-1} className="fx-wizard-heading">
          {heading}
        </h2>
        <div ref={summaryRef} tabIndex={-1} className="fx-wizard-error-summary-anchor">
          {state.issues.length > 0 ? (
            <Callout tone="danger" role="alert">
              {messages.errorSummary(state.issues.length)}
            </Callout>
          ) : null}
        </div>
        {state.notice?.step === step ? (
          <Callout tone="danger" role="alert">
            {state.notice.message}
          </Callout>
        ) : null}
        {launched ? (
          <LaunchedView
            experiment={launched}
            summary={summary(false)}
            startedEarly={
              saved?.status !== launched.status &&
              launched.status === "running" &&
              isScheduledStart(launched.startDate, today)
            }
          />
        ) : step === "review" ? (
          <ReviewStep
            summary={summary(true)}
            warnings={warnings}
            power={power}
            plannedDays={plannedDays}
            flagName={currentFlag?.name ?? values.flagName}
            onBack={onBack}
            launch={
              <LaunchDialog
                open={state.dialogOpen}
                onOpenChange={(open) => dispatch({ type: "dialog", open })}
                onConfirm={() => void launch()}
                state={state.launch}
                experimentName={values.name}
                scheduledStart={start ? text.dateTime(start) : undefined}
                conflictView={state.launch.status === "conflict" ? conflictView(state.launch.current, true) : null}
              />
            }
          />
        ) : (
          <form
            ref={formRef}
            className="fx-wizard-form"
            noValidate
            aria-label={heading}
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              const next = WIZARD_STEPS[stepIndex(step) + 1];
              if (next) go(next);
            }}
          >
            {step === "details" ? <DetailsStep form={form} today={today} /> : null}
            {step === "flag" ? (
              <FlagStep
                form={form}
                flagsAdapter={adapters.flags}
                adaptersKey={adaptersKey}
                getExperiment={adapters.persistence.getExperiment}
                flagQuery={flagQuery}
                currentFlag={currentFlag}
                onPick={onPickFlag}
                flagHref={props.flagHref}
              />
            ) : null}
            {step === "metrics" ? <MetricsStep form={form} metricsQuery={metricsQuery} /> : null}
            {step === "traffic" ? (
              <TrafficStep
                form={form}
                segmentsQuery={segmentsQuery}
                overridesQuery={overridesQuery}
                flag={currentFlag}
                planning={{ power, plannedDays }}
              />
            ) : null}
            <div className="fx-wizard-actions">
              {step !== "details" ? (
                <Button onClick={onBack}>{messages.back}</Button>
              ) : onCancel ? (
                <Button onClick={requestCancel}>{messages.cancel}</Button>
              ) : null}
              {state.returnToReview && step !== "traffic" ? (
                <Button onClick={() => go("review")}>{messages.backToReview}</Button>
              ) : null}
              <Button type="submit" variant="primary">
                {messages.next}
              </Button>
            </div>
          </form>
        )}
      </div>
      {launched ? null : autosave.state.status === "conflict" && state.launch.status !== "conflict" ? (
        <div className="fx-wizard-draft">{conflictView(autosave.state.current, false)}</div>
      ) : (
        <DraftStatus state={autosave.state} onRetry={() => void autosave.flush().catch(() => undefined)} />
      )}
      {onCancel ? (
        <CancelDialog
          open={state.cancelOpen}
          onOpenChange={(open) => dispatch({ type: "cancel-dialog", open })}
          experimentName={values.name}
          onKeep={async () => {
            if (touched.current) await autosave.flush();
            autosave.stop();
            dispatch({ type: "cancel-dialog", open: false });
            onCancel();
          }}
          onDelete={
            deleteDraft
              ? async () => {
                  const id = await autosave.settle();
                  // A first save that never arrived left nothing to delete.
                  if (id !== undefined) {
                    await deleteDraft(id).catch((error: unknown) => {
                      if (errorKind(error) !== "not-found") throw error;
                    });
                  }
                  dispatch({ type: "cancel-dialog", open: false });
                  onCancel();
                }
              : undefined
          }
        />
      ) : null}
    </>
  );
}
