import type { DecisionEvidence, Experiment, MetricDefinition } from "@flagsmith-experimentation/adapters";
import { formatMessage, messageKey } from "@flagsmith-experimentation/ui";
import { pValueText } from "./analysis-view";
import { useResultsText } from "./use-locale-text";

export interface EvidenceSummaryProps {
  evidence: DecisionEvidence;
  experiment: Pick<Experiment, "variations">;
  /** Names and units of the metrics the evidence is about. */
  metrics?: readonly Pick<MetricDefinition, "id" | "name" | "unit">[];
}

/**
 * The evidence behind a decision, as recorded (docs/decision-rules.md): the recommendation of that moment, the users per
 * variation, and each primary metric's lift with its interval and its chance to win or p-value.
 */
export function EvidenceSummary({ evidence, experiment, metrics = [] }: EvidenceSummaryProps) {
  const { m, f } = useResultsText();
  const variationName = (key: string) => experiment.variations.find((v) => v.key === key)?.name ?? key;
  const metricName = (id: string) => metrics.find((metric) => metric.id === id)?.name ?? id;
  const lift = (value: number | null) => (value === null ? m.notAvailable : f.lift(value));
  return (
    <div className="fx-evidence">
      <p className="fx-evidence-verdict">
        {formatMessage(m.evidenceVerdict, { verdict: m[messageKey("verdict", evidence.verdict)] })}
      </p>
      <dl className="fx-maths-list">
        {Object.entries(evidence.users).map(([key, users]) => (
          <div key={key} className="fx-maths-item">
            <dt>{variationName(key)}</dt>
            <dd>{formatMessage(m.usersCount, { users: f.count(users) })}</dd>
          </div>
        ))}
      </dl>
      {evidence.metrics.length > 0 ? (
        <ul className="fx-plain-list fx-evidence-metrics">
          {evidence.metrics.map((entry) => (
            <li key={`${entry.metricId}\u0000${entry.variationKey}`}>
              <strong>{metricName(entry.metricId)}</strong>, {variationName(entry.variationKey)}: {lift(entry.lift)}
              {entry.interval
                ? ` (${formatMessage(m.intervalRange, { low: f.lift(entry.interval[0]), high: f.lift(entry.interval[1]) })})`
                : ""}
              {entry.chanceToWin !== null
                ? ` · ${formatMessage(experiment.variations.length === 2 ? m.probabilityBestText : m.chanceToWin, {
                    value: f.probability(entry.chanceToWin),
                  })}`
                : entry.pValue !== null
                  ? ` · ${pValueText(entry.pValue, m, f)}`
                  : ""}
              {` · ${entry.significant ? m.significant : m.notSignificant}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
