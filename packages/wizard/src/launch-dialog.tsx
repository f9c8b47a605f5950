import { Button, Callout, Dialog, DialogClose, errorKind } from "@flagsmith-experimentation/ui";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { LaunchState } from "./wizard-machine";
import { useWizardText } from "./wizard-text";

/**
 * "Launch Experiment" → a confirmation dialog whose confirm button is "Confirm launch". It shows the launch's
 * progress, why it failed (with "Retry"; a rate limit counts down and retries by itself), or — when the stored draft
 * changed after the review — `conflictView`, which sends the user back to review.
 */
export function LaunchDialog({
  open,
  onOpenChange,
  onConfirm,
  state,
  experimentName,
  scheduledStart,
  conflictView,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  state: LaunchState;
  experimentName: string;
  /** The start on the user's clock when the launch schedules the experiment. */
  scheduledStart: string | undefined;
  /** What changed since the review, and the choices (shown while `state` is a conflict). */
  conflictView: ReactNode;
}) {
  const text = useWizardText();
  const { messages } = text;
  const busy = state.status === "launching";
  const conflict = state.status === "conflict";
  const holder =
    state.status === "failed" && errorKind(state.error) === "conflict" ? flagHolder(state.error) : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      busy={busy}
      trigger={<Button variant="primary">{messages.launch}</Button>}
      title={messages.confirmTitle}
      description={
        <>
          {messages.confirmBody(experimentName)}
          {scheduledStart ? ` ${messages.confirmScheduledBody(scheduledStart)}` : null}
        </>
      }
    >
      {conflict ? conflictView : null}
      {state.status === "failed" ? (
        <Callout tone="danger" role="alert">
          <p>{holder ? messages.launchFlagHeld(holder) : messages.launchFailed(text.error(state.error))}</p>
          {state.retryAt !== undefined ? (
            <RetryCountdown retryAt={state.retryAt} onRetry={onConfirm} />
          ) : (
            <Button onClick={onConfirm}>{messages.retry}</Button>
          )}
        </Callout>
      ) : null}
      {busy ? (
        <p className="fx-loading" role="status">
          {messages.launching}
        </p>
      ) : null}
      <div className="fx-dialog-actions">
        <DialogClose asChild>
          <Button aria-disabled={busy || undefined}>{messages.cancelLaunch}</Button>
        </DialogClose>
        {conflict ? null : (
          <Button variant="primary" aria-disabled={busy || undefined} onClick={onConfirm}>
            {messages.confirmLaunch}
          </Button>
        )}
      </div>
    </Dialog>
  );
}

/** The experiment that already holds the flag (a `conflict` naming it), when the error says which. */
function flagHolder(error: unknown): string | undefined {
  const conflict = (error as { conflict?: { experimentName?: unknown; experimentId?: unknown } } | null)?.conflict;
  const name = conflict?.experimentName ?? conflict?.experimentId;
  return typeof name === "string" && name.trim() !== "" ? name : undefined;
}

/** "Rate limited: retrying in 12 seconds." counting down each second, then retrying once by itself; "Retry now". */
function RetryCountdown({ retryAt, onRetry }: { retryAt: number; onRetry: () => void }) {
  const { messages, seconds } = useWizardText();
  // A new object per tick, so every tick re-renders and re-arms the timer even when the clock reads the same
  // millisecond (coarse clocks) or a tick lands just before `retryAt` and the shown second does not change.
  const [tick, setTick] = useState(() => ({ now: Date.now() }));
  const retried = useRef(false);
  const latest = useRef(onRetry);
  latest.current = onRetry;
  const left = Math.max(0, Math.ceil((retryAt - tick.now) / 1000));
  useEffect(() => {
    if (retryAt - tick.now <= 0) {
      if (!retried.current) {
        retried.current = true;
        latest.current();
      }
      return;
    }
    const timer = setTimeout(() => setTick({ now: Date.now() }), Math.min(1000, Math.max(1, retryAt - tick.now)));
    return () => clearTimeout(timer);
  }, [tick, retryAt]);
  return (
    <>
      <p role="status">{messages.launchRetryingIn(seconds(left))}</p>
      <Button
        onClick={() => {
          retried.current = true;
          onRetry();
        }}
      >
        {messages.retryNow}
      </Button>
    </>
  );
}
