import {
  type Experiment,
  type ExperimentDraft,
  effectiveExperimentStatus,
  type PersistenceAdapter,
  type Segment,
} from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Button, Callout, errorMessage, formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { useId, useState } from "react";
import { audienceText } from "./audience";
import { ConfirmDialog } from "./confirm-dialog";
import { decisionEvidence } from "./decision-evidence";
import { EvidenceSummary } from "./evidence-summary";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText } from "./use-locale-text";

/** The lifecycle methods the actions use; each action shows only when the host's persistence has its method. */
export type ExperimentActionsPersistence = Partial<Pick<PersistenceAdapter, "stop" | "pause" | "resume" | "conclude">>;

export interface ExperimentActionsProps extends LocaleTextProps {
  experiment: Experiment;
  /**
   * Lifecycle methods of your persistence: `stop` enables "Stop experiment", `pause`/`resume` "Pause experiment" and
   * "Resume experiment", `conclude` "Ship <variation>" and "Conclude without a winner". Without it only "Start a new
   * experiment from this one" can show.
   */
  persistence?: ExperimentActionsPersistence | undefined;
  /**
   * The analysis the decision is taken on: "Ship <variation>" is offered for the winner it declares, and the
   * decision is recorded with its evidence.
   */
  analysis?: AnalysisResult | undefined;
  /** Segment names, for the audience the winner is shipped to. */
  segments?: readonly Pick<Segment, "id" | "name">[] | undefined;
  /** "Today", for a scheduled experiment whose start date has come. Default: now. */
  today?: Date | undefined;
  /** Called with the stopped experiment. */
  onStopped?: ((experiment: Experiment) => void) | undefined;
  /** Called with the experiment after every lifecycle action (stop, pause, resume, conclude). */
  onExperimentChange?: ((experiment: Experiment) => void) | undefined;
  /** Receives a pre-filled draft copied from this experiment (the host opens the wizard with it). */
  onStartFromThis?: ((draft: ExperimentDraft) => void) | undefined;
}

/** A draft that copies an experiment's configuration under a new name (dates and plan left for the wizard). */
export function draftFromExperiment(experiment: Experiment, name: string): ExperimentDraft {
  return {
    name,
    hypothesis: experiment.hypothesis,
    flagId: experiment.flagId,
    flagName: experiment.flagName,
    environmentKey: experiment.environmentKey,
    variations: experiment.variations.map((variation) => ({ ...variation })),
    metrics: experiment.metrics.map((metric) => ({ ...metric })),
    segmentId: experiment.segmentId,
    rolloutPercentage: experiment.rolloutPercentage,
    weights: { ...experiment.weights },
  };
}

/** The treatment the analysis declares the winner, if any (a control "winner" means: conclude without one). */
function declaredWinner(experiment: Experiment, analysis: AnalysisResult | undefined) {
  const recommendation = analysis?.recommendation;
  if (recommendation?.verdict !== "declare-winner" || recommendation.winner === undefined) return undefined;
  const winner = experiment.variations.find((variation) => variation.key === recommendation.winner);
  return winner && !winner.isControl ? winner : undefined;
}

/**
 * Lifecycle actions on a launched experiment, each behind the host's persistence method: "Ship <variation>" and
 * "Conclude without a winner" (a confirmation that records the decision with the evidence of that moment),
 * "Pause experiment" / "Resume experiment", "Stop experiment" (with a confirmation), and "Start a new experiment
 * from this one".
 */
export function ExperimentActions({
  experiment,
  persistence,
  analysis,
  segments,
  today,
  onStopped,
  onExperimentChange,
  onStartFromThis,
  className,
  style,
  ...text
}: ExperimentActionsProps) {
  const { m, f, scope } = useLocaleText(text);
  const noteId = useId();
  const [note, setNote] = useState("");
  const [toggling, setToggling] = useState(false);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const status = effectiveExperimentStatus(experiment, today ?? new Date());
  const name = experiment.name.trim() || m.untitled;
  const stop = persistence?.stop;
  const pause = persistence?.pause;
  const resume = persistence?.resume;
  const conclude = persistence?.conclude;
  const canStop = stop !== undefined && (status === "running" || status === "paused" || status === "scheduled");
  const canPause = pause !== undefined && status === "running";
  const canResume = resume !== undefined && status === "paused";
  const canConclude = conclude !== undefined && (status === "running" || status === "paused" || status === "stopped");
  const winner = canConclude ? declaredWinner(experiment, analysis) : undefined;
  const control = experiment.variations.find((variation) => variation.isControl);
  const audience = audienceText(experiment, segments, m, f);

  const changed = (next: Experiment) => {
    onExperimentChange?.(next);
    if (next.status === "stopped") onStopped?.(next);
  };

  const toggle = async () => {
    const action = canPause ? pause : canResume ? resume : undefined;
    if (!action || toggling) return;
    setToggling(true);
    setToggleError(null);
    try {
      changed(await action.call(persistence, experiment.id));
    } catch (caught) {
      setToggleError(
        formatMessage(canPause ? m.pauseFailed : m.resumeFailed, {
          detail: errorMessage(caught, m, f, m.errorUnknown),
        }),
      );
    } finally {
      setToggling(false);
    }
  };

  const record = async (shipped: string | null) => {
    if (!conclude) return;
    const trimmed = note.trim();
    const concluded = await conclude.call(persistence, experiment.id, {
      winner: shipped,
      ...(trimmed ? { note: trimmed } : {}),
      evidence: analysis ? decisionEvidence(analysis) : null,
    });
    setNote("");
    changed(concluded);
  };

  if (!canStop && !canPause && !canResume && !canConclude && !onStartFromThis) return null;

  const decisionFields = (
    <>
      {analysis ? (
        <div className="fx-dialog-section">
          <p className="fx-field-label">{m.evidenceNow}</p>
          <EvidenceSummary
            evidence={decisionEvidence(analysis)}
            experiment={experiment}
            metrics={analysis.metrics.map((metric) => ({ id: metric.metricId, name: metric.name }))}
          />
        </div>
      ) : null}
      <div className="fx-field">
        <label className="fx-field-label" htmlFor={noteId}>
          {m.noteLabel}
        </label>
        <textarea id={noteId} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
    </>
  );

  return (
    <ResultsTextProvider value={scope}>
      <div {...rootProps("fx-actions", { className, style })}>
        {winner ? (
          <ConfirmDialog
            trigger={<Button variant="primary">{formatMessage(m.shipVariation, { variation: winner.name })}</Button>}
            title={formatMessage(m.shipConfirmTitle, { variation: winner.name })}
            description={formatMessage(m.shipConfirmText, { variation: winner.name, audience })}
            confirmLabel={m.confirmShip}
            busyLabel={m.concluding}
            onConfirm={() => record(winner.key)}
            failedMessage={m.concludeFailed}
          >
            {decisionFields}
          </ConfirmDialog>
        ) : null}
        {canConclude ? (
          <ConfirmDialog
            trigger={<Button>{m.concludeNoWinner}</Button>}
            title={m.concludeConfirmTitle}
            description={formatMessage(m.concludeConfirmText, { control: control?.name ?? m.controlColumn })}
            confirmLabel={m.confirmConclude}
            busyLabel={m.concluding}
            onConfirm={() => record(null)}
            failedMessage={m.concludeFailed}
          >
            {decisionFields}
          </ConfirmDialog>
        ) : null}
        {canPause || canResume ? (
          <Button onClick={toggle} disabled={toggling} busy={toggling}>
            {canPause ? (toggling ? m.pausing : m.pauseExperiment) : toggling ? m.resuming : m.resumeExperiment}
          </Button>
        ) : null}
        {canStop ? (
          <ConfirmDialog
            trigger={<Button variant="danger">{m.stopExperiment}</Button>}
            title={m.stopConfirmTitle}
            description={formatMessage(m.stopConfirmText, { name })}
            confirmLabel={m.confirmStop}
            busyLabel={m.stopping}
            variant="danger"
            onConfirm={async () => {
              if (stop) changed(await stop.call(persistence, experiment.id));
            }}
            failedMessage={m.stopFailed}
          />
        ) : null}
        {onStartFromThis ? (
          <Button onClick={() => onStartFromThis(draftFromExperiment(experiment, formatMessage(m.copyName, { name })))}>
            {m.startFromThis}
          </Button>
        ) : null}
        {toggleError ? (
          <Callout tone="danger" role="alert" className="fx-actions-error">
            <p>{toggleError}</p>
          </Callout>
        ) : null}
      </div>
    </ResultsTextProvider>
  );
}
