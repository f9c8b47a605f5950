import {
  Button,
  type ButtonVariant,
  Callout,
  Dialog,
  errorMessage,
  formatMessage,
} from "@flagsmith-experimentation/ui";
import { type ReactNode, useState } from "react";
import { useResultsText } from "./use-locale-text";

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** The confirm button's text while `onConfirm` runs. */
  busyLabel: string;
  variant?: ButtonVariant;
  /** Runs the action; a rejection keeps the dialog open with `failedMessage` (`{detail}` is the error in words). */
  onConfirm: () => Promise<void>;
  failedMessage: string;
  /** Extra content between the description and the buttons (evidence, a note field). */
  children?: ReactNode;
  /** Called when the dialog closes without the action (Cancel, Escape). */
  onCancel?: () => void;
}

/**
 * A confirmation for a consequential action (stop, ship, conclude, delete): a modal `alertdialog` that stays open,
 * busy, while the action runs, and shows a readable error if it fails (the user can retry or cancel).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  busyLabel,
  variant = "primary",
  onConfirm,
  failedMessage,
  children,
  onCancel,
}: ConfirmDialogProps) {
  const { m, f } = useResultsText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (busy) return;
    setOpen(false);
    setError(null);
    onCancel?.();
  };
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(formatMessage(failedMessage, { detail: errorMessage(caught, m, f, m.errorUnknown) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      busy={busy}
      role="alertdialog"
      trigger={trigger}
      title={title}
      description={description}
    >
      {children}
      {error ? (
        <Callout tone="danger" role="alert">
          <p>{error}</p>
        </Callout>
      ) : null}
      <div className="fx-dialog-actions">
        <Button onClick={close} disabled={busy}>
          {m.cancel}
        </Button>
        <Button variant={variant} onClick={confirm} disabled={busy} busy={busy}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
