import { Button, Callout, Dialog, DialogClose } from "@flagsmith-experimentation/ui";
import type { LaunchState } from "./wizard-machine";
import { useWizardText } from "./wizard-text";

/** "Launch Experiment" → a confirmation dialog whose confirm button is "Confirm launch". */
export function LaunchDialog({
  open,
  onOpenChange,
  onConfirm,
  state,
  experimentName,
  scheduledStart,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  state: LaunchState;
  experimentName: string;
  /** The formatted start date when the launch schedules the experiment. */
  scheduledStart: string | undefined;
}) {
  const text = useWizardText();
  const { messages } = text;
  const busy = state.status === "launching";
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
      {state.status === "failed" ? (
        <Callout tone="danger" role="alert">
          <p>{messages.launchFailed(text.error(state.error))}</p>
          <Button onClick={onConfirm}>{messages.retry}</Button>
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
        <Button variant="primary" aria-disabled={busy || undefined} onClick={onConfirm}>
          {messages.confirmLaunch}
        </Button>
      </div>
    </Dialog>
  );
}
