import type { CSSProperties } from "react";

/**
 * The class every public component puts on its outermost element (and on what it portals out, such as a dialog).
 * Every rule of the kit's stylesheets is scoped under it, so the kit never styles the host page.
 */
export const ROOT_CLASS = "fx-root";

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter((name): name is string => typeof name === "string" && name !== "").join(" ");
}

/** What every public component accepts for the host's own styling. */
export interface StyleProps {
  /** Extra classes on the component's outermost element. */
  className?: string | undefined;
  /** Inline styles on the component's outermost element (e.g. CSS custom properties such as `--color-text-action`). */
  style?: CSSProperties | undefined;
}

/** `className` and `style` for a public component's outermost element: the root class, its own class, the host's. */
export function rootProps(ownClass: string, { className, style }: StyleProps = {}) {
  return { className: cx(ROOT_CLASS, ownClass, className), style };
}
