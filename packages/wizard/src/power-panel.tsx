import { Callout } from "@flagsmith-experimentation/ui";
import type { PowerEstimate } from "./power-estimate";
import { useWizardText } from "./wizard-text";

/** "Detects a lift of X in about D days", and a warning when the planned dates are shorter than that. */
export function PowerPanel({ estimate, plannedDays }: { estimate: PowerEstimate; plannedDays: number | undefined }) {
  const { messages, percent, days } = useWizardText();
  const tooShort = estimate.status === "ok" && plannedDays !== undefined && estimate.days > plannedDays;
  return (
    <section className="fx-wizard-power" data-state={tooShort ? "too-short" : estimate.status}>
      <h3>{messages.powerHeading}</h3>
      <p>
        {estimate.status === "ok"
          ? messages.powerEstimate(percent(estimate.lift), days(estimate.days))
          : estimate.status === "no-metric"
            ? messages.powerUnavailableMetric
            : estimate.status === "no-segment"
              ? messages.powerUnavailableSegment
              : estimate.status === "no-traffic"
                ? messages.powerUnavailableTraffic
                : messages.powerUnavailableBaseline(estimate.metricName)}
      </p>
      {tooShort && plannedDays !== undefined ? (
        <Callout tone="warning" role="status">
          {messages.powerTooShort(days(plannedDays), days(estimate.days))}
        </Callout>
      ) : null}
    </section>
  );
}
