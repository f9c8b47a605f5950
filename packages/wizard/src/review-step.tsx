import { Button } from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import type { PowerEstimate } from "./power-estimate";
import type { PreLaunchWarningId } from "./pre-launch-checks";
import { useWizardText } from "./wizard-text";

/** Step 5: the summary with "Edit …" buttons, the pre-launch warnings, "Back" and the launch. */
export function ReviewStep({
  summary,
  warnings,
  power,
  plannedDays,
  flagName,
  onBack,
  launch,
}: {
  summary: ReactNode;
  warnings: readonly PreLaunchWarningId[];
  power: PowerEstimate;
  plannedDays: number | undefined;
  /** The chosen flag's name (the "flag is off" warning names it). */
  flagName: string;
  onBack: () => void;
  /** The launch button and its confirmation dialog. */
  launch: ReactNode;
}) {
  const { messages, days } = useWizardText();
  const warningText = (warning: PreLaunchWarningId) => {
    if (warning === "flag-disabled") return messages.flagDisabledWarning(flagName);
    if (warning === "no-direction") return messages.warningNoDirection;
    if (warning === "no-guardrail") return messages.warningNoGuardrail;
    if (warning === "too-short" && power.status === "ok" && plannedDays !== undefined) {
      return messages.warningTooShort(days(plannedDays), days(power.days));
    }
    return messages.warningUnevenWeights;
  };
  return (
    <div className="fx-wizard-review">
      <p className="fx-hint">{messages.reviewIntro}</p>
      {summary}
      {warnings.length > 0 ? (
        <section className="fx-wizard-warnings" aria-label={messages.warningsHeading}>
          <h3>{messages.warningsHeading}</h3>
          <ul>
            {warnings.map((warning) => (
              <li key={warning} data-warning={warning}>
                {warningText(warning)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="fx-wizard-actions">
        <Button onClick={onBack}>{messages.back}</Button>
        {launch}
      </div>
    </div>
  );
}
