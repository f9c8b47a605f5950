import { messageKey } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import type { WizardMessages } from "./messages";
import { WIZARD_STEPS, type WizardStepId } from "./steps";
import { useWizardText } from "./wizard-text";

export type StepState = "done" | "current" | "upcoming";

export function stepName(step: WizardStepId, messages: WizardMessages): string {
  return messages[messageKey("step", step)];
}

/**
 * The five steps as an ordered list: done / current (`aria-current="step"`) / upcoming. Steps can be
 * revisited freely; moving forward goes through validation (the wizard decides in `onSelect`).
 */
export function StepList({
  current,
  stateOf,
  onSelect,
  disabled,
}: {
  current: WizardStepId;
  stateOf: (step: WizardStepId) => StepState;
  onSelect: (step: WizardStepId) => void;
  disabled?: boolean;
}) {
  const { messages } = useWizardText();
  const id = useId();
  return (
    <nav className="fx-wizard-steps" aria-label={messages.stepListLabel}>
      <ol>
        {WIZARD_STEPS.map((step, index) => {
          const state = step === current ? "current" : stateOf(step);
          return (
            <li
              key={step}
              className="fx-wizard-step"
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
            >
              <button
                type="button"
                className="fx-wizard-step-button"
                onClick={() => onSelect(step)}
                disabled={disabled}
                aria-describedby={`${id}-${step}`}
              >
                <span className="fx-wizard-step-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="fx-wizard-step-name">{stepName(step, messages)}</span>
              </button>
              <span id={`${id}-${step}`} className="fx-visually-hidden">
                {messages[messageKey("stepState", state)]}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
