import type { ComponentPropsWithRef } from "react";
import { cx } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

export interface ButtonProps extends ComponentPropsWithRef<"button"> {
  /** `secondary` (the default) for most actions, `primary` for the step's main action, `danger` for destructive ones. */
  variant?: ButtonVariant;
  /** Shows the button as busy (`aria-busy`, `data-state="busy"`) while an action runs. */
  busy?: boolean;
}

/** The kit's one button: `type="button"` unless told otherwise, the variant as `data-variant`. */
export function Button({ variant = "secondary", busy, type = "button", className, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx("fx-button", className)}
      data-variant={variant}
      data-state={busy ? "busy" : undefined}
      aria-busy={busy || undefined}
      {...props}
    />
  );
}
