import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cx } from "./class-names";

export interface TableProps extends ComponentPropsWithoutRef<"table"> {
  caption: ReactNode;
  /** Hide the caption visually (it still names the table). */
  captionHidden?: boolean;
  /** Classes of the scrolling box around the table. */
  wrapperClassName?: string;
}

/** A data table in its own horizontally scrolling box, named by its caption. */
export function Table({ caption, captionHidden, className, wrapperClassName, children, ...props }: TableProps) {
  return (
    <div className={cx("fx-table-scroll", wrapperClassName)}>
      <table className={cx("fx-table", className)} {...props}>
        <caption className={captionHidden ? "fx-visually-hidden" : undefined}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
