import type { Experiment, Flag, SegmentOverride } from "@flagsmith-experimentation/adapters";
import { errorKind } from "@flagsmith-experimentation/ui";
import { type Dispatch, useRef } from "react";
import { createIdempotencyKey } from "./idempotency";
import { fieldErrorIssues } from "./launch-errors";
import type { StepContext } from "./step-schemas";
import { validateStep } from "./step-schemas";
import type { WizardValues } from "./steps";
import { conflictCurrent, type DraftAutosave } from "./use-draft-autosave";
import type { GuardedWizardAdapters } from "./wizard-adapters";
import { checkLaunchReadiness, type WizardEvent } from "./wizard-machine";
import type { WizardText } from "./wizard-text";

export interface LaunchDeps {
  adapters: GuardedWizardAdapters;
  dispatch: Dispatch<WizardEvent>;
  getValues: () => WizardValues;
  autosave: Pick<DraftAutosave, "flush" | "stop">;
  context: Omit<StepContext, "flag" | "overrides">;
  text: WizardText;
  segmentName: (segmentId: string) => string;
  /** The flag changed since it was picked: show its fresh variations (and carry the weights over). */
  onFlagChanged: (
    flag: Flag,
    refresh: { variations: WizardValues["variations"]; weights: WizardValues["weights"] },
  ) => void;
  /** The segment now has an override on the flag: reload the overrides the traffic step shows. */
  onOverridesChanged: () => void;
  onLaunched: ((experiment: Experiment) => void) | undefined;
}

/**
 * "Confirm launch": checks the reviewed configuration against the flag and overrides as they are now
 * (`checkLaunchReadiness`), saves what the user is looking at, and launches exactly that revision (SPEC §11:
 * `expectedRevision`) with one idempotency key per confirmation.
 *
 * - One launch and one `onLaunched` whatever the clicks: a confirmation while one runs is ignored, and once the
 *   experiment has launched nothing launches again (the dialog may still be on screen for a moment).
 * - The stored draft changed since the review (a `conflict` carrying the stored experiment, from the save or from the
 *   launch): nothing is launched; the dialog shows what changed and the user reviews again. The next confirmation gets
 *   a new key, so no stale attempt is ever replayed.
 * - `invalid-request` with field errors: back to the step of the first field, the errors on their fields.
 * - `rate-limited` with `Retry-After`: the dialog counts down and retries by itself (same key).
 */
export function useLaunch(deps: LaunchDeps): () => Promise<void> {
  const running = useRef(false);
  const done = useRef(false);
  const idempotencyKey = useRef<string | undefined>(undefined);
  const latest = useRef(deps);
  latest.current = deps;

  return async () => {
    if (running.current || done.current) return;
    running.current = true;
    const { adapters, dispatch, getValues, autosave, context, text, segmentName } = latest.current;
    dispatch({ type: "launch-started" });
    try {
      const values = getValues();
      const flag = await adapters.flags.getFlag(values.flagId).catch((error: unknown) => {
        if (errorKind(error) === "not-found") return undefined;
        throw error;
      });
      const overrides: SegmentOverride[] = flag ? await adapters.segments.listOverrides(values.flagId) : [];
      const readiness = checkLaunchReadiness({
        values,
        flag,
        overrides,
        context,
        validate: validateStep,
        messages: text.messages,
        segmentName,
      });
      if (readiness.status === "stale") {
        if (readiness.refresh) latest.current.onFlagChanged(readiness.refresh.flag, readiness.refresh);
        if (readiness.step === "traffic") latest.current.onOverridesChanged();
        dispatch({ type: "launch-blocked", step: readiness.step, notice: readiness.notice });
        return;
      }
      if (readiness.status === "invalid") {
        dispatch({ type: "launch-blocked", step: readiness.step, issues: readiness.issues });
        return;
      }
      // What the user is looking at, stored: its revision is the one they reviewed.
      const draft = await autosave.flush();
      idempotencyKey.current ??= createIdempotencyKey();
      const experiment = await adapters.persistence.launch(draft.id, {
        idempotencyKey: idempotencyKey.current,
        expectedRevision: draft.revision,
      });
      done.current = true;
      autosave.stop();
      dispatch({ type: "launched", experiment });
      latest.current.onLaunched?.(experiment);
    } catch (error) {
      const kind = errorKind(error);
      const current = kind === "conflict" ? conflictCurrent(error) : undefined;
      if (current) {
        // This attempt launched nothing: the next confirmation is a new one.
        idempotencyKey.current = undefined;
        dispatch({ type: "launch-conflict", current });
        return;
      }
      const blocked = kind === "invalid-request" ? fieldErrorIssues(error) : undefined;
      if (blocked) {
        dispatch({
          type: "launch-blocked",
          step: blocked.step,
          notice: text.messages.launchFieldErrors,
          issues: blocked.issues,
          fromServer: true,
        });
        return;
      }
      const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      const retryAt =
        kind === "rate-limited" && typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0
          ? Date.now() + Math.ceil(retryAfter) * 1000
          : undefined;
      dispatch({ type: "launch-failed", error, retryAt });
    } finally {
      running.current = false;
    }
  };
}
