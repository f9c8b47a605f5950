import type { Experiment, ExperimentDecision, MetricDefinition } from "@flagsmith-experimentation/adapters";
import { formatMessage } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { EvidenceSummary } from "./evidence-summary";
import { useResultsText } from "./use-locale-text";

export interface DecisionSummaryProps {
  experiment: Experiment & { decision: ExperimentDecision };
  metrics?: readonly Pick<MetricDefinition, "id" | "name" | "unit">[];
}

/** Region "Decision" of a concluded experiment: what was shipped (or none), who decided and when, the note and the evidence. */
export function DecisionSummary({ experiment, metrics }: DecisionSummaryProps) {
  const { m, f } = useResultsText();
  const headingId = useId();
  const { decision } = experiment;
  const winner = decision.winner === null ? undefined : experiment.variations.find((v) => v.key === decision.winner);
  const when = f.dateTime(decision.decidedAt);
  return (
    <section className="fx-decision" aria-labelledby={headingId} data-winner={winner ? winner.key : "none"}>
      <h3 id={headingId} className="fx-section-title">
        {m.decision}
      </h3>
      <p className="fx-decision-what">
        {winner || decision.winner !== null
          ? formatMessage(m.decisionShipped, { variation: winner?.name ?? decision.winner ?? "" })
          : m.decisionNoWinner}
      </p>
      <p className="fx-muted">
        {decision.decidedBy
          ? formatMessage(m.decidedOnBy, { date: when, who: decision.decidedBy })
          : formatMessage(m.decidedOn, { date: when })}
      </p>
      {decision.note ? (
        <blockquote className="fx-decision-note" aria-label={m.decisionNote}>
          <p>{decision.note}</p>
        </blockquote>
      ) : null}
      <h4 className="fx-subsection-title">{m.decisionEvidence}</h4>
      {decision.evidence ? (
        <EvidenceSummary evidence={decision.evidence} experiment={experiment} metrics={metrics} />
      ) : (
        <p className="fx-muted">{m.evidenceNone}</p>
      )}
    </section>
  );
}
