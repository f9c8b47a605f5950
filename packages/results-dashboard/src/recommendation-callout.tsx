import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { rootProps } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { recommendationText } from "./recommendation";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface RecommendationCalloutProps extends LocaleTextProps {
  /** The result of stats-core's `analyzeExperiment`; the text follows `analysis.recommendation`. */
  analysis: AnalysisResult;
}

/** Region "Recommendation": what the data says and what to do next, in plain language. */
export function RecommendationCallout({ analysis, className, style, ...text }: RecommendationCalloutProps) {
  const { m, f } = useLocaleText(text);
  const headingId = useId();
  const content = recommendationText(analysis, m, f);
  return (
    <section
      {...rootProps("fx-recommendation", { className, style })}
      aria-labelledby={headingId}
      data-verdict={content.verdict}
    >
      <h3 id={headingId} className="fx-recommendation-title">
        {m.recommendation}
      </h3>
      <p className="fx-recommendation-verdict">
        <span className="fx-badge" data-verdict={content.verdict}>
          {content.title}
        </span>
        {content.confidence ? <span className="fx-recommendation-confidence">{content.confidence}</span> : null}
      </p>
      <p className="fx-recommendation-sentence">{content.sentence}</p>
      {content.reasons.length > 0 ? (
        <>
          <p className="fx-recommendation-reasons-title">{m.reasonsLabel}</p>
          <ul className="fx-recommendation-reasons">
            {content.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
