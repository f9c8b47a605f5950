import type { Experiment, ExperimentDraft, PersistenceAdapter } from "@flagsmith-experimentation/adapters";
import { useId, useState } from "react";
import { formatMessage } from "./messages";
import { ModalDialog } from "./modal-dialog";
import { readableError } from "./readable-error";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface ExperimentActionsProps extends LocaleTextProps {
  experiment: Experiment;
  /** Stops the experiment; without it the "Stop experiment" action is hidden. */
  persistence?: Pick<PersistenceAdapter, "stop">;
  /** Called with the stopped experiment. */
  onStopped?: (experiment: Experiment) => void;
  /** Receives a pre-filled draft copied from this experiment (the host opens the wizard with it). */
  onStartFromThis?: (draft: ExperimentDraft) => void;
}

/** A draft that copies a launched experiment's configuration under a new name (dates left for the user). */
export function draftFromExperiment(experiment: Experiment, name: string): ExperimentDraft {
  return {
    name,
    hypothesis: experiment.hypothesis,
    flagId: experiment.flagId,
    variations: experiment.variations.map((variation) => ({ ...variation })),
    metrics: experiment.metrics.map((metric) => ({ ...metric })),
    segmentId: experiment.segmentId,
    weights: { ...experiment.weights },
  };
}

/** Lifecycle actions: "Stop experiment" (with a confirmation) and "Start a new experiment from this one". */
export function ExperimentActions({
  experiment,
  persistence,
  onStopped,
  onStartFromThis,
  ...text
}: ExperimentActionsProps) {
  const { m } = useLocaleText(text);
  const [open, setOpen] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const close = () => {
    if (stopping) return;
    setOpen(false);
    setError(null);
  };
  const canStop = persistence !== undefined && (experiment.status === "running" || experiment.status === "scheduled");
  const name = experiment.name.trim() || m.untitled;

  const stop = async () => {
    if (!persistence || stopping) return;
    setStopping(true);
    setError(null);
    try {
      const stopped = await persistence.stop(experiment.id);
      setOpen(false);
      onStopped?.(stopped);
    } catch (caught) {
      setError(formatMessage(m.stopFailed, { detail: readableError(caught, m.errorUnknown) }));
    } finally {
      setStopping(false);
    }
  };

  if (!canStop && !onStartFromThis) return null;
  return (
    <div className="fx-actions">
      {onStartFromThis ? (
        <button
          type="button"
          className="fx-button"
          onClick={() => onStartFromThis(draftFromExperiment(experiment, formatMessage(m.copyName, { name })))}
        >
          {m.startFromThis}
        </button>
      ) : null}
      {canStop ? (
        <button type="button" className="fx-button" data-variant="danger" onClick={() => setOpen(true)}>
          {m.stopExperiment}
        </button>
      ) : null}
      {canStop && open ? (
        <ModalDialog onDismiss={close} labelledBy={titleId} describedBy={descriptionId}>
          <h2 id={titleId} className="fx-dialog-title">
            {m.stopConfirmTitle}
          </h2>
          <p id={descriptionId} className="fx-dialog-text">
            {formatMessage(m.stopConfirmText, { name })}
          </p>
          {error ? (
            <p className="fx-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="fx-dialog-actions">
            <button type="button" className="fx-button" onClick={close} disabled={stopping}>
              {m.cancel}
            </button>
            <button
              type="button"
              className="fx-button"
              data-variant="danger"
              onClick={stop}
              disabled={stopping}
              aria-busy={stopping || undefined}
            >
              {stopping ? m.stopping : m.confirmStop}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </div>
  );
}
