import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./class-names";
import type { Tone } from "./tone";

export interface BadgeProps extends ComponentPropsWithoutRef<"span"> {
  tone?: Tone | undefined;
}

/** A short label in a pill; its meaning for the user as `data-tone`. */
export function Badge({ tone, className, ...props }: BadgeProps) {
  return <span className={cx("fx-badge", className)} data-tone={tone} {...props} />;
}
