import type { Variation } from "@flagsmith-experimentation/adapters";
import { Button, describedBy, FieldError } from "@flagsmith-experimentation/ui";
import { type Ref, useId, useState } from "react";
import { rebalanceWeights, splitEvenly, totalWeight, type Weights } from "./weights";
import { useWizardText } from "./wizard-text";

/**
 * One whole-percent input per variation ("Weight for <name>"). Typing a value rebalances the other
 * variations proportionally so the total stays 100; "Split evenly" resets. While a field is being edited
 * its text is kept as typed (an empty field is not forced back to 0 mid-edit).
 */
export function WeightsEditor({
  variations,
  weights,
  onChange,
  error,
  inputRef,
}: {
  variations: readonly Variation[];
  weights: Weights;
  onChange: (weights: Weights) => void;
  error: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { messages, share } = useWizardText();
  const id = useId();
  const [editing, setEditing] = useState<{ key: string; text: string } | undefined>(undefined);
  const keys = variations.map((v) => v.key);
  const errorId = `${id}-error`;

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
          const value = editing?.key === variation.key ? editing.text : String(weights[variation.key] ?? 0);
          return (
            <li key={variation.key} className="fx-wizard-weight">
              <label htmlFor={inputId}>
                <span className="fx-visually-hidden">{messages.weightFor(variation.name)}</span>
                <span aria-hidden="true">{variation.name}</span>
              </label>
              <span className="fx-wizard-weight-input">
                <input
                  id={inputId}
                  ref={index === 0 ? inputRef : undefined}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={value}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => {
                    const text = event.target.value;
                    setEditing({ key: variation.key, text });
                    const parsed = Number(text);
                    if (text.trim() !== "" && Number.isFinite(parsed)) {
                      onChange(rebalanceWeights(keys, weights, variation.key, parsed));
                    }
                  }}
                  onBlur={() => setEditing(undefined)}
                />
                <span aria-hidden="true">%</span>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="fx-wizard-weights-footer">
        <p className="fx-hint">{messages.weightsTotal(share(totalWeight(weights)))}</p>
        <Button
          onClick={() => {
            setEditing(undefined);
            onChange(splitEvenly(keys));
          }}
        >
          {messages.splitEvenly}
        </Button>
      </div>
    </fieldset>
  );
}
