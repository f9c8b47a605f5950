import type { ComponentPropsWithoutRef, CSSProperties, ReactNode } from "react";
import { cx } from "./class-names";

export interface TableProps extends ComponentPropsWithoutRef<"table"> {
  caption: ReactNode;
  /** Column headers (`<th scope="col">` each); leave out to write the `<thead>` yourself. */
  columns?: readonly ReactNode[];
  /** Hide the caption visually (it still names the table). */
  captionHidden?: boolean;
  /** Classes of the scrolling box around the table. */
  wrapperClassName?: string | undefined;
  /** Inline styles of the scrolling box around the table. */
  wrapperStyle?: CSSProperties | undefined;
}

/** A data table in its own horizontally scrolling box, named by its caption. */
export function Table({
  caption,
  columns,
  captionHidden,
  className,
  wrapperClassName,
  wrapperStyle,
  children,
  ...props
}: TableProps) {
  return (
    <div className={cx("fx-table-scroll", wrapperClassName)} style={wrapperStyle}>
      <table className={cx("fx-table", className)} {...props}>
        <caption className={captionHidden ? "fx-visually-hidden" : undefined}>{caption}</caption>
        {columns ? (
          <thead>
            <tr>
              {columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        {children}
      </table>
    </div>
  );
}
