import type { ReactNode } from "react";
import { cx } from "./class-names";

/** Joins the ids of the descriptions that exist into an `aria-describedby` value. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}

/** The error text under a field; the field points at it with `aria-describedby` and sets `aria-invalid`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="fx-field-error">
      {message}
    </p>
  );
}

/** A hint under a field (or any muted note). */
export function Hint({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <p id={id} className={cx("fx-hint", className)}>
      {children}
    </p>
  );
}

export interface FieldProps {
  /** The control's id: the label points at it. */
  id: string;
  label: ReactNode;
  /** A hint under the control, linked as `${id}-hint` (pass it to the control's `aria-describedby`). */
  hint?: ReactNode;
  /** The validation message, linked as `${id}-error`. */
  error?: string | undefined;
  className?: string;
  /** The control: an `<input>`, `<select>` or `<textarea>` with `id` and `aria-describedby={fieldDescribedBy(…)}`. */
  children: ReactNode;
}

/** The ids a field's control should name in `aria-describedby`: its hint and its error, when present. */
export function fieldDescribedBy(id: string, { hint, error }: { hint?: unknown; error?: string | undefined }) {
  return describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined);
}

/** A label, a control, a hint and an error, stacked. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={cx("fx-field", className)}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
