import type { Experiment, PersistenceAdapter } from "@flagsmith-experimentation/adapters";
import { useCallback, useEffect, useRef, useState } from "react";
import { toExperimentDraft } from "./draft-values";
import type { WizardValues } from "./steps";

export type DraftSaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; experiment: Experiment }
  | { status: "error"; error: unknown };

export interface DraftAutosave {
  state: DraftSaveState;
  /** Saves after `delayMs` of quiet (each call restarts the wait). */
  schedule: () => void;
  /** Saves now (or joins the save that is about to start) and resolves with the stored draft. */
  flush: () => Promise<Experiment>;
  /** Stops scheduling saves (after launch the configuration is locked). */
  stop: () => void;
  /** The id and revision of the last save, if any. */
  saved: () => Pick<Experiment, "id" | "revision"> | undefined;
}

/**
 * Keeps the draft saved through `persistence.saveDraft`, debounced. Saves never overlap: they run one
 * after another, each with the latest values, and pass the last known `revision` along.
 */
export function useDraftAutosave({
  persistence,
  getValues,
  initial,
  delayMs,
  onSaved,
}: {
  persistence: Pick<PersistenceAdapter, "saveDraft">;
  getValues: () => WizardValues;
  initial: Pick<Experiment, "id" | "revision"> | undefined;
  delayMs: number;
  onSaved?: ((experiment: Experiment) => void) | undefined;
}): DraftAutosave {
  const [state, setState] = useState<DraftSaveState>({ status: "idle" });
  const savedRef = useRef(initial);
  /** The last stored draft and what was sent for it: an unchanged form is not saved again. */
  const lastSavedRef = useRef<{ experiment: Experiment; sent: string } | undefined>(undefined);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const queuedRef = useRef<Promise<Experiment> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stoppedRef = useRef(false);
  const mountedRef = useRef(true);
  const latest = useRef({ persistence, getValues, onSaved });
  latest.current = { persistence, getValues, onSaved };

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      clearTimeout(timerRef.current);
    };
  }, []);

  const saveOnce = useCallback(async (): Promise<Experiment> => {
    const { persistence: adapter, getValues: read, onSaved: notify } = latest.current;
    const values = read();
    const sent = JSON.stringify(toExperimentDraft(values));
    const last = lastSavedRef.current;
    if (last && last.sent === sent) return last.experiment;
    if (mountedRef.current) setState({ status: "saving" });
    try {
      const experiment = await adapter.saveDraft(toExperimentDraft(values, savedRef.current));
      savedRef.current = { id: experiment.id, revision: experiment.revision };
      lastSavedRef.current = { experiment, sent };
      if (mountedRef.current) setState({ status: "saved", experiment });
      notify?.(experiment);
      return experiment;
    } catch (error) {
      if (mountedRef.current) setState({ status: "error", error });
      throw error;
    }
  }, []);

  const flush = useCallback((): Promise<Experiment> => {
    clearTimeout(timerRef.current);
    if (queuedRef.current) return queuedRef.current;
    const next = chainRef.current
      .catch(() => undefined)
      .then(() => {
        queuedRef.current = null;
        return saveOnce();
      });
    queuedRef.current = next;
    chainRef.current = next;
    return next;
  }, [saveOnce]);

  const schedule = useCallback(() => {
    if (stoppedRef.current) return;
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      if (!stoppedRef.current) flush().catch(() => undefined);
    }, delayMs);
  }, [delayMs, flush]);

  const stop = useCallback(() => {
    stoppedRef.current = true;
    clearTimeout(timerRef.current);
  }, []);

  const saved = useCallback(() => savedRef.current, []);

  return { state, schedule, flush, stop, saved };
}
