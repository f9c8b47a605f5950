import type { Experiment, ExperimentDraft, PersistenceAdapter } from "@flagsmith-experimentation/adapters";
import { Button, Callout, Dialog, errorMessage, formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { useState } from "react";
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
  className,
  style,
  ...text
}: ExperimentActionsProps) {
  const { m, f } = useLocaleText(text);
  const [open, setOpen] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      setError(formatMessage(m.stopFailed, { detail: errorMessage(caught, m, f, m.errorUnknown) }));
    } finally {
      setStopping(false);
    }
  };

  if (!canStop && !onStartFromThis) return null;
  const stopButton = (
    <Button variant="danger" onClick={() => setOpen(true)}>
      {m.stopExperiment}
    </Button>
  );
  return (
    <div {...rootProps("fx-actions", { className, style })}>
      {onStartFromThis ? (
        <Button onClick={() => onStartFromThis(draftFromExperiment(experiment, formatMessage(m.copyName, { name })))}>
          {m.startFromThis}
        </Button>
      ) : null}
      {canStop ? (
        <Dialog
          open={open}
          onOpenChange={(next) => (next ? setOpen(true) : close())}
          busy={stopping}
          role="alertdialog"
          trigger={stopButton}
          title={m.stopConfirmTitle}
          description={formatMessage(m.stopConfirmText, { name })}
        >
          {error ? (
            <Callout tone="danger" role="alert">
              <p>{error}</p>
            </Callout>
          ) : null}
          <div className="fx-dialog-actions">
            <Button onClick={close} disabled={stopping}>
              {m.cancel}
            </Button>
            <Button variant="danger" onClick={stop} disabled={stopping} busy={stopping}>
              {stopping ? m.stopping : m.confirmStop}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
