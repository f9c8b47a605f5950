import type { Experiment, Flag, SegmentOverride } from "@flagsmith-experimentation/adapters";
import { errorKind } from "@flagsmith-experimentation/ui";
import { type Dispatch, useRef } from "react";
import { createIdempotencyKey } from "./idempotency";
import type { StepContext } from "./step-schemas";
import { validateStep } from "./step-schemas";
import type { WizardValues } from "./steps";
import type { DraftAutosave } from "./use-draft-autosave";
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
 * (`checkLaunchReadiness`), saves the draft, and launches exactly the reviewed revision with one idempotency key per
 * draft. A second confirmation while one runs is ignored, so the experiment launches once.
 */
export function useLaunch(deps: LaunchDeps): () => Promise<void> {
  const running = useRef(false);
  const idempotencyKey = useRef<string | undefined>(undefined);
  const latest = useRef(deps);
  latest.current = deps;

  return async () => {
    if (running.current) return;
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
      const draft = await autosave.flush();
      idempotencyKey.current ??= createIdempotencyKey();
      const experiment = await adapters.persistence.launch(draft.id, {
        idempotencyKey: idempotencyKey.current,
        expectedRevision: draft.revision,
      });
      autosave.stop();
      dispatch({ type: "launched", experiment });
      latest.current.onLaunched?.(experiment);
    } catch (error) {
      dispatch({ type: "launch-failed", error });
    } finally {
      running.current = false;
    }
  };
}
