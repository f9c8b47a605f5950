import * as Dialog from "@radix-ui/react-dialog";
import { errorMessage } from "./use-adapter-query";
import { useWizardText } from "./wizard-text";

export type LaunchState = { status: "idle" } | { status: "launching" } | { status: "failed"; error: unknown };

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
  const { messages } = useWizardText();
  const busy = state.status === "launching";
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Dialog.Trigger asChild>
        <button type="button" className="fe-wizard__button" data-variant="primary">
          {messages.launch}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fe-wizard__overlay" />
        <Dialog.Content className="fe-wizard__dialog" aria-busy={busy || undefined}>
          <Dialog.Title className="fe-wizard__dialog-title">{messages.confirmTitle}</Dialog.Title>
          <Dialog.Description className="fe-wizard__dialog-body">
            {messages.confirmBody(experimentName)}
            {scheduledStart ? ` ${messages.confirmScheduledBody(scheduledStart)}` : null}
          </Dialog.Description>
          {state.status === "failed" ? (
            <div className="fe-wizard__callout" data-tone="danger" role="alert">
              <p>{messages.launchFailed(errorMessage(state.error, messages))}</p>
              <button type="button" className="fe-wizard__button" data-variant="secondary" onClick={onConfirm}>
                {messages.retry}
              </button>
            </div>
          ) : null}
          {busy ? (
            <p className="fe-wizard__loading" role="status">
              {messages.launching}
            </p>
          ) : null}
          <div className="fe-wizard__actions">
            <Dialog.Close asChild>
              <button
                type="button"
                className="fe-wizard__button"
                data-variant="secondary"
                aria-disabled={busy || undefined}
              >
                {messages.cancelLaunch}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="fe-wizard__button"
              data-variant="primary"
              aria-disabled={busy || undefined}
              onClick={onConfirm}
            >
              {messages.confirmLaunch}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
