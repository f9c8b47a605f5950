import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { pValueText } from "./analysis-view";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface HealthBannerProps extends LocaleTextProps {
  /** The result of stats-core's `analyzeExperiment`. */
  analysis: AnalysisResult;
  /** Identities excluded for being exposed to more than one variation (the warehouse's exposure summary). */
  excludedMultipleVariations?: number;
}

/** Data-health warnings: sample ratio mismatch (observed vs expected split), multi-exposed identities, not enough data. */
export function HealthBanner({ analysis, excludedMultipleVariations, className, style, ...text }: HealthBannerProps) {
  const { m, f } = useLocaleText(text);
  const srmId = useId();
  const { srm } = analysis;
  const names = new Map<string, string>();
  for (const metric of analysis.metrics) {
    for (const variation of metric.variations) names.set(variation.variationKey, variation.name);
  }
  const keys = Object.keys(srm.expectedShare);
  const total = keys.reduce((sum, key) => sum + (srm.users[key] ?? 0), 0);
  const insufficient = analysis.metrics.filter((metric) => metric.status === "insufficient-data");
  const multiple = excludedMultipleVariations ?? 0;
  const showSrm = srm.status === "ok" && srm.mismatch;
  if (!showSrm && multiple <= 0 && insufficient.length === 0) return null;
  return (
    <div {...rootProps("fx-health", { className, style })}>
      {showSrm ? (
        <section className="fx-callout" data-tone="danger" role="alert" aria-labelledby={srmId}>
          <h3 id={srmId} className="fx-callout-title">
            {m.srmTitle}
          </h3>
          <p>{formatMessage(m.srmText, { pValue: pValueText(srm.pValue, m, f) })}</p>
          <dl className="fx-srm-split">
            {keys.map((key) => {
              const users = srm.users[key] ?? 0;
              return (
                <div key={key} className="fx-srm-row">
                  <dt>{names.get(key) ?? key}</dt>
                  <dd>
                    {m.srmObserved}: {f.probability(total > 0 ? users / total : 0)} ({f.count(users)} {m.usersLabel})
                  </dd>
                  <dd>
                    {m.srmExpected}: {f.probability(srm.expectedShare[key] ?? 0)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ) : null}
      {multiple > 0 ? (
        <section className="fx-callout" data-tone="warning" role="status" aria-label={m.multipleExposuresTitle}>
          <p className="fx-callout-title">{m.multipleExposuresTitle}</p>
          <p>{formatMessage(m.multipleExposuresText, { count: f.count(multiple) })}</p>
        </section>
      ) : null}
      {insufficient.length > 0 ? (
        <section className="fx-callout" data-tone="info" role="status" aria-label={m.notEnoughDataTitle}>
          <p className="fx-callout-title">{m.notEnoughDataTitle}</p>
          <p>
            {m.notEnoughDataText} {insufficient.map((metric) => metric.name).join(m.listSeparator)}
          </p>
        </section>
      ) : null}
    </div>
  );
}
