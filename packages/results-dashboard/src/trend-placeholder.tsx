import { Callout } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { ErrorBody } from "./error-body";
import { useResultsText } from "./use-locale-text";

export interface TrendPlaceholderProps {
  /** Why the daily rows could not be read; without it the trend is still loading. */
  error?: unknown;
  onRetry: () => void;
}

/**
 * The trend chart's place while its daily rows load (a chart-shaped skeleton, busy, with "Loading the trend…"), or
 * when they failed (the failure in words with "Retry"): the rest of the results page is already there.
 */
export function TrendPlaceholder({ error, onRetry }: TrendPlaceholderProps) {
  const { m } = useResultsText();
  const headingId = useId();
  const failed = error !== undefined;
  return (
    <section
      className="fx-trend"
      aria-labelledby={headingId}
      aria-busy={!failed}
      data-state={failed ? "error" : "loading"}
    >
      <h3 id={headingId} className="fx-section-title">
        {m.trend}
      </h3>
      {failed ? (
        <Callout tone="danger">
          <p className="fx-callout-title">{m.trendErrorTitle}</p>
          <ErrorBody error={error} onRetry={onRetry} />
        </Callout>
      ) : (
        <div className="fx-skeleton">
          <p className="fx-muted" role="status">
            {m.loadingTrend}
          </p>
          <span className="fx-skeleton-block" data-size="chart" />
        </div>
      )}
    </section>
  );
}
