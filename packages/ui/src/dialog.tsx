import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { cx, ROOT_CLASS } from "./class-names";

export interface DialogProps {
  open: boolean;
  /** Called when the user asks to close (Escape, a click outside, a close button); ignored while `busy`. */
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog (rendered as is; focus returns to it on close). */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** `alertdialog` for confirmations of consequential actions (the default is `dialog`). */
  role?: "dialog" | "alertdialog";
  /** While an action runs the dialog stays open and says so with `aria-busy`. */
  busy?: boolean;
  /** Extra classes on the dialog box (it is portalled to `<body>`, outside the component's root). */
  className?: string;
  children: ReactNode;
}

/**
 * The kit's one modal dialog, on Radix Dialog: focus is trapped inside and returns to the opener, the rest of the page
 * is inert, Escape closes. Portalled to `<body>`, so the box carries the root class itself.
 */
export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  role = "dialog",
  busy = false,
  className,
  children,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={cx(ROOT_CLASS, "fx-dialog-overlay")} />
        <RadixDialog.Content
          className={cx(ROOT_CLASS, "fx-dialog", className)}
          role={role}
          aria-busy={busy || undefined}
        >
          <RadixDialog.Title className="fx-dialog-title">{title}</RadixDialog.Title>
          <RadixDialog.Description className="fx-dialog-description">{description}</RadixDialog.Description>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button inside the dialog that closes it (e.g. "Cancel"). */
export const DialogClose = RadixDialog.Close;
