import { AdapterError, type Experiment, type PersistenceAdapter } from "@flagsmith-experimentation/adapters";
import { errorKind } from "@flagsmith-experimentation/ui";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftFields } from "./draft-values";
import { createDraftId } from "./idempotency";

export type DraftSaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; experiment: Experiment }
  | { status: "error"; error: unknown }
  /** The stored draft changed somewhere else: saving waits until the user keeps their version or takes the stored one. */
  | { status: "conflict"; current: Experiment };

export interface DraftAutosave {
  state: DraftSaveState;
  /** Saves after `delayMs` of quiet (each call restarts the wait). Does nothing while a conflict waits for the user. */
  schedule: () => void;
  /** Saves now (or joins the save that is about to start) and resolves with the stored draft. */
  flush: () => Promise<Experiment>;
  /** Stops scheduling saves (after launch the configuration is locked). */
  stop: () => void;
  /** The draft's id, once a save was attempted (or for a reopened draft). */
  draftId: () => string | undefined;
  /** "Keep my changes": continue from the stored revision and save the form's values over it. */
  keepMine: (current: Experiment) => Promise<Experiment>;
  /** "Use the saved version": the stored draft becomes the last save (the form shows it). */
  takeTheirs: (current: Experiment) => void;
  /** Stops saving, waits for a save in flight, and resolves with the draft's id (if any save was attempted). */
  settle: () => Promise<string | undefined>;
}

/** The stored experiment a conflict error carries (`AdapterError.conflict.current`), if any. */
export function conflictCurrent(error: unknown): Experiment | undefined {
  return (error as { conflict?: { current?: Experiment } } | null)?.conflict?.current;
}

/**
 * Keeps the draft saved through `persistence.saveDraft`, debounced. Saves never overlap: they run one after another,
 * each with the latest values, and pass the last known `revision` along.
 *
 * - A new draft gets its id from the wizard before the first save (`createDraftId`): a save that outlives its timeout
 *   and a later one write the same draft.
 * - A `conflict` (the draft changed somewhere else) is never retried with the stale revision: the hook fetches the
 *   stored draft and waits for the user to keep their changes (saved on the stored revision) or take the stored ones.
 * - Nothing is reported after unmount (`onSaved` is not called, no state is set).
 */
export function useDraftAutosave({
  persistence,
  getDraft,
  initial,
  delayMs,
  onSaved,
}: {
  persistence: Pick<PersistenceAdapter, "saveDraft" | "getExperiment">;
  /** The fields to save, read when a save starts. */
  getDraft: () => DraftFields;
  /** A reopened draft. */
  initial: Pick<Experiment, "id" | "revision"> | undefined;
  delayMs: number;
  onSaved?: ((experiment: Experiment) => void) | undefined;
}): DraftAutosave {
  const [state, setState] = useState<DraftSaveState>({ status: "idle" });
  const savedRef = useRef<{ id: string | undefined; revision: number | undefined; attempted: boolean }>(
    initial
      ? { id: initial.id, revision: initial.revision, attempted: true }
      : { id: undefined, revision: undefined, attempted: false },
  );
  /** The last stored draft and what was sent for it: an unchanged form is not saved again. */
  const lastSavedRef = useRef<{ experiment: Experiment; sent: string } | undefined>(undefined);
  /** The stored draft of an unresolved conflict, and the error that reported it. */
  const conflictRef = useRef<{ current: Experiment; error: unknown } | undefined>(undefined);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const queuedRef = useRef<Promise<Experiment> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stoppedRef = useRef(false);
  const mountedRef = useRef(true);
  const latest = useRef({ persistence, getDraft, onSaved });
  latest.current = { persistence, getDraft, onSaved };

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      clearTimeout(timerRef.current);
    };
  }, []);

  const report = useCallback((next: DraftSaveState) => {
    if (mountedRef.current) setState(next);
  }, []);

  const saveOnce = useCallback(async (): Promise<Experiment> => {
    const { persistence: adapter, getDraft: read, onSaved: notify } = latest.current;
    const pending = conflictRef.current;
    if (pending) throw pending.error;
    const draft = read();
    const sent = JSON.stringify(draft);
    const last = lastSavedRef.current;
    if (last && last.sent === sent) return last.experiment;
    const saved = savedRef.current;
    saved.id ??= createDraftId();
    saved.attempted = true;
    const id = saved.id;
    report({ status: "saving" });
    try {
      const experiment = await adapter.saveDraft({
        id,
        ...(saved.revision !== undefined ? { revision: saved.revision } : {}),
        ...draft,
      });
      savedRef.current = { id: experiment.id, revision: experiment.revision, attempted: true };
      lastSavedRef.current = { experiment, sent };
      report({ status: "saved", experiment });
      if (mountedRef.current) notify?.(experiment);
      return experiment;
    } catch (error) {
      if (errorKind(error) === "conflict") {
        const current = conflictCurrent(error) ?? (await adapter.getExperiment(id).catch(() => undefined));
        if (current) {
          // The error carries the stored draft, so whoever awaited the save (the launch) can show what changed.
          const withCurrent = new AdapterError("conflict", (error as Error).message, {
            cause: error,
            operation: "persistence.saveDraft",
            conflict: { ...(error as AdapterError).conflict, current },
          });
          conflictRef.current = { current, error: withCurrent };
          report({ status: "conflict", current });
          throw withCurrent;
        }
      }
      report({ status: "error", error });
      throw error;
    }
  }, [report]);

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
    if (stoppedRef.current || conflictRef.current) return;
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      if (!stoppedRef.current) flush().catch(() => undefined);
    }, delayMs);
  }, [delayMs, flush]);

  const stop = useCallback(() => {
    stoppedRef.current = true;
    clearTimeout(timerRef.current);
  }, []);

  const draftId = useCallback(() => (savedRef.current.attempted ? savedRef.current.id : undefined), []);

  /** The conflict is resolved: saves continue from the stored revision. */
  const adopt = useCallback((current: Experiment) => {
    conflictRef.current = undefined;
    savedRef.current = { id: current.id, revision: current.revision, attempted: true };
    lastSavedRef.current = undefined;
  }, []);

  const keepMine = useCallback(
    (current: Experiment) => {
      adopt(current);
      return flush();
    },
    [adopt, flush],
  );

  const takeTheirs = useCallback(
    (current: Experiment) => {
      adopt(current);
      report({ status: "saved", experiment: current });
    },
    [adopt, report],
  );

  const settle = useCallback(async () => {
    stop();
    await chainRef.current.catch(() => undefined);
    return draftId();
  }, [stop, draftId]);

  return { state, schedule, flush, stop, draftId, keepMine, takeTheirs, settle };
}
