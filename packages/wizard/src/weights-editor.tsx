import type { Variation } from "@flagsmith-experimentation/adapters";
import { Button, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { useId, useState } from "react";
import type { WizardMessages } from "./messages";
import { usableTotal, type WeightIssue, type Weights } from "./weights";
import {
  endWeightSession,
  initialWeightsEditing,
  splitWeightsEvenly,
  typeWeight,
  weightIssues,
  weightText,
} from "./weights-editing";
import { useWizardText } from "./wizard-text";

function issueMessage(issue: WeightIssue, messages: WizardMessages): string {
  return issue === "empty"
    ? messages.weightEmpty
    : issue === "not-whole"
      ? messages.weightNotWhole
      : messages.weightOutOfRange;
}

/**
 * One whole-percent input per variation ("Weight for <name>"). Typing rebalances the other variations so the
 * total stays 100 without ever rewriting what the user typed (weights-editing.ts); a value that can't be used
 * stays as typed with an error next to it. "Split evenly" resets in one click.
 */
export function WeightsEditor({
  name,
  variations,
  weights,
  onChange,
  error,
}: {
  /** The inputs' `name` (the form field they edit together). */
  name: string;
  variations: readonly Variation[];
  weights: Weights;
  onChange: (weights: Weights) => void;
  error: string | undefined;
}) {
  const { messages, share } = useWizardText();
  const id = useId();
  const [editing, setEditing] = useState(initialWeightsEditing);
  const keys = variations.map((v) => v.key);
  const issues = weightIssues(keys, weights);
  const errorId = `${id}-error`;
  const totalId = `${id}-total`;

  return (
    <fieldset
      className="fx-fieldset"
      aria-describedby={describedBy(`${id}-hint`, error && errorId)}
      aria-invalid={error ? true : undefined}
    >
      <legend>{messages.weightsLegend}</legend>
      <p id={`${id}-hint`} className="fx-hint">
        {messages.weightsHint}
      </p>
      <FieldError id={errorId} message={error} />
      <ul className="fx-wizard-weights">
        {variations.map((variation, index) => {
          const inputId = `${id}-weight-${index}`;
          const fieldErrorId = `${inputId}-error`;
          const issue = issues.find((i) => i.key === variation.key)?.issue;
          return (
            <li key={variation.key} className="fx-wizard-weight" data-invalid={issue ? "" : undefined}>
              <label htmlFor={inputId}>
                <span className="fx-visually-hidden">{messages.weightFor(variation.name)}</span>
                <span aria-hidden="true">{variation.name}</span>
              </label>
              <span className="fx-wizard-weight-input">
                <input
                  id={inputId}
                  name={name}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={weightText(editing, weights, variation.key)}
                  aria-invalid={issue || error ? true : undefined}
                  aria-describedby={describedBy(issue && fieldErrorId)}
                  onChange={(event) => {
                    const next = typeWeight(editing, {
                      keys,
                      weights,
                      key: variation.key,
                      text: event.target.value,
                    });
                    setEditing(next.editing);
                    onChange(next.weights);
                  }}
                  onBlur={() => setEditing(endWeightSession)}
                />
                <span aria-hidden="true">%</span>
              </span>
              <FieldError id={fieldErrorId} message={issue ? issueMessage(issue, messages) : undefined} />
            </li>
          );
        })}
      </ul>
      <div className="fx-wizard-weights-footer">
        <p id={totalId} className="fx-hint" data-state={usableTotal(weights) === 100 ? "complete" : "incomplete"}>
          {messages.weightsTotal(share(usableTotal(weights)))}
        </p>
        <Button
          onClick={() => {
            const next = splitWeightsEvenly(keys);
            setEditing(next.editing);
            onChange(next.weights);
          }}
        >
          {messages.splitEvenly}
        </Button>
      </div>
    </fieldset>
  );
}
