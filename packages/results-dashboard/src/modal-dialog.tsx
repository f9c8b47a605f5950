import { type KeyboardEvent, type ReactNode, type SyntheticEvent, useLayoutEffect, useRef } from "react";

export interface ModalDialogProps {
  /** Called on Escape (the dialog is closed by unmounting it). */
  onDismiss: () => void;
  labelledBy: string;
  describedBy: string;
  children: ReactNode;
}

/**
 * A modal alert dialog on the platform's `<dialog>`: `showModal()` puts it in the top layer, makes the rest of
 * the page inert and moves focus inside; focus returns to the opener when it closes. Mount it to open it.
 * Where `showModal` is missing (older engines, jsdom) it falls back to an open, focused dialog.
 */
export function ModalDialog({ onDismiss, labelledBy, describedBy, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = dialog.ownerDocument.activeElement;
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
      dialog.querySelector<HTMLElement>("button, [href], input, select, textarea")?.focus();
    }
    return () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onDismiss();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onDismiss();
  };
  return (
    <dialog
      ref={ref}
      className="fx-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  );
}
