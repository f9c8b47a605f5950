import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./class-names";

/** Text for assistive technology only: in the accessibility tree, not on screen. */
export function VisuallyHidden({ className, ...props }: ComponentPropsWithoutRef<"span">) {
  return <span className={cx("fx-visually-hidden", className)} {...props} />;
}
