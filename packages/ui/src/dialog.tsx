import {
  cloneElement,
  createContext,
  isValidElement,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  useContext,
  useId,
  useLayoutEffect,
  useRef,
} from "react";
import { cx, ROOT_CLASS } from "./class-names";

export interface DialogProps {
  open: boolean;
  /** Called when the user asks to close (Escape, a click outside, a close button); ignored while `busy`. */
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog: its clicks open it (focus returns to it on close). */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** `alertdialog` for confirmations of consequential actions (the default is `dialog`). */
  role?: "dialog" | "alertdialog";
  /** While an action runs the dialog stays open and says so with `aria-busy`. */
  busy?: boolean;
  /** Extra classes on the dialog box. */
  className?: string;
  children: ReactNode;
}

type ClickableProps = { onClick?: (event: MouseEvent<HTMLElement>) => void };

/** Adds `onClick` to an element (after its own, unless that prevented the default). */
function withClick(element: ReactElement<ClickableProps>, onClick: () => void, extra: Record<string, unknown> = {}) {
  return cloneElement(element, {
    ...extra,
    onClick: (event: MouseEvent<HTMLElement>) => {
      element.props.onClick?.(event);
      if (!event.defaultPrevented) onClick();
    },
  });
}

const RequestClose = createContext<() => void>(() => {});

/** The open dialog: a native `<dialog>` shown with `showModal()`, mounted only while open. */
function ModalBox({
  onRequestClose,
  title,
  description,
  role,
  busy,
  className,
  children,
}: Omit<DialogProps, "open" | "onOpenChange" | "trigger"> & { onRequestClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = dialog.ownerDocument.activeElement;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={cx(ROOT_CLASS, "fx-dialog", className)}
      data-state="open"
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={`${ids}title`}
      aria-describedby={`${ids}description`}
      aria-busy={busy || undefined}
      // Escape: the browser would close the dialog itself; the owner decides (and a busy dialog stays).
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onRequestClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onRequestClose();
      }}
      // Closed by the browser anyway (e.g. a second Escape): keep a busy dialog on screen, else tell the owner.
      onClose={(event) => {
        if (busyRef.current) event.currentTarget.showModal();
        else onRequestClose();
      }}
      // A click on the backdrop lands on the <dialog> element itself, outside its content box.
      onClick={(event) => {
        if (event.target !== event.currentTarget) return;
        const box = event.currentTarget.getBoundingClientRect();
        const inside =
          event.clientX >= box.left &&
          event.clientX <= box.right &&
          event.clientY >= box.top &&
          event.clientY <= box.bottom;
        if (!inside) onRequestClose();
      }}
    >
      <RequestClose.Provider value={onRequestClose}>
        <h2 id={`${ids}title`} className="fx-dialog-title">
          {title}
        </h2>
        <p id={`${ids}description`} className="fx-dialog-description">
          {description}
        </p>
        {children}
      </RequestClose.Provider>
    </dialog>
  );
}

/**
 * The kit's one modal dialog, on the platform's `<dialog>` with `showModal()`: the rest of the page is inert, focus
 * moves in and returns to the opener, Escape and a click on the backdrop ask to close. No dependency and no portal:
 * it renders in the browser's top layer, inside the component's root (so `.dark` on an ancestor applies).
 */
export function Dialog({ open, onOpenChange, trigger, busy = false, role = "dialog", ...box }: DialogProps) {
  const requestClose = () => {
    if (!busy) onOpenChange(false);
  };
  return (
    <>
      {isValidElement<ClickableProps>(trigger)
        ? withClick(trigger, () => onOpenChange(true), { "aria-haspopup": "dialog", "aria-expanded": open })
        : trigger}
      {open ? <ModalBox {...box} role={role} busy={busy} onRequestClose={requestClose} /> : null}
    </>
  );
}

/** Makes its child (e.g. a "Cancel" button) close the dialog it is in; `asChild` is accepted for Radix-style calls. */
export function DialogClose({ children }: { asChild?: boolean; children: ReactElement<ClickableProps> }) {
  const requestClose = useContext(RequestClose);
  return withClick(children, requestClose);
}
