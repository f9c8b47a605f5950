import { VisuallyHidden } from "@flagsmith-experimentation/ui";

function Block({ size }: { size: string }) {
  return <span className="fx-skeleton-block" data-size={size} />;
}

export interface ResultsSkeletonProps {
  /** Rows of the comparison table placeholder (the experiment's number of metrics, when known). */
  rows?: number;
  /** Read by assistive technology while loading (e.g. "Loading results…"). */
  label: string;
  /** Also a placeholder for the title, before the experiment itself is known. */
  withTitle?: boolean;
}

/**
 * Placeholders shaped like what is coming — the recommendation, the three summary cards (title, figure, detail
 * lines) and the comparison table (a header and a row per metric) — so nothing jumps when the results arrive.
 */
export function ResultsSkeleton({ rows = 3, label, withTitle = false }: ResultsSkeletonProps) {
  return (
    <div className="fx-skeleton" role="status" aria-live="polite" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      {withTitle ? <Block size="title" /> : null}
      <div className="fx-skeleton-panel" data-shape="recommendation">
        <Block size="label" />
        <Block size="line" />
        <Block size="short" />
      </div>
      <div className="fx-skeleton-cards">
        {["lift", "best", "sample"].map((card) => (
          <div key={card} className="fx-skeleton-panel" data-shape="card">
            <Block size="label" />
            <Block size="figure" />
            <Block size="line" />
            <Block size="short" />
          </div>
        ))}
      </div>
      <div className="fx-skeleton-panel" data-shape="table">
        <div className="fx-skeleton-table-row" data-header="">
          {[0, 1, 2, 3, 4].map((cell) => (
            <Block key={cell} size="cell" />
          ))}
        </div>
        {Array.from({ length: Math.max(1, Math.min(rows, 20)) }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows are positional
          <div key={row} className="fx-skeleton-table-row">
            {[0, 1, 2, 3, 4].map((cell) => (
              <Block key={cell} size={cell === 3 ? "bar" : "cell"} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
