import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./class-names";
import type { Tone } from "./tone";

export interface CalloutProps extends ComponentPropsWithoutRef<"div"> {
  /** Default `info`. */
  tone?: Tone;
}

/**
 * A boxed message: an error with "Retry", a warning, a note. Give it `role="alert"` for errors that need attention
 * now and `role="status"` for news that can wait; the tone shows as `data-tone`.
 */
export function Callout({ tone = "info", className, ...props }: CalloutProps) {
  return <div className={cx("fx-callout", className)} data-tone={tone} {...props} />;
}
