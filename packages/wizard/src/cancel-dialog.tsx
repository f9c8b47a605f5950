import { Button, Callout, Dialog, DialogClose } from "@flagsmith-experimentation/ui";
import { useState } from "react";
import { useWizardText } from "./wizard-text";

/**
 * "Cancel" once something was typed: keep the draft to finish later (saved first), or delete it (when the persistence
 * can delete drafts), or go on editing.
 */
export function CancelDialog({
  open,
  onOpenChange,
  experimentName,
  onKeep,
  onDelete,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  experimentName: string;
  onKeep: () => Promise<void>;
  /** Absent when the persistence cannot delete drafts. */
  onDelete: (() => Promise<void>) | undefined;
}) {
  const text = useWizardText();
  const { messages } = text;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    action()
      .catch((failure: unknown) => setError(failure))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      busy={busy}
      title={messages.cancelTitle}
      description={messages.cancelBody(experimentName)}
    >
      {error !== undefined ? (
        <Callout tone="danger" role="alert">
          <p>{messages.cancelFailed(text.error(error))}</p>
        </Callout>
      ) : null}
      <div className="fx-dialog-actions">
        <DialogClose asChild>
          <Button aria-disabled={busy || undefined}>{messages.continueEditing}</Button>
        </DialogClose>
        {onDelete ? (
          <Button aria-disabled={busy || undefined} onClick={() => busy || run(onDelete)}>
            {messages.deleteDraft}
          </Button>
        ) : null}
        <Button variant="primary" aria-disabled={busy || undefined} onClick={() => busy || run(onKeep)}>
          {messages.keepDraft}
        </Button>
      </div>
    </Dialog>
  );
}
