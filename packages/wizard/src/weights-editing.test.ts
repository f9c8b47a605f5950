import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidSplit, splitEvenly, type Weights } from "./weights";
import {
  endWeightSession,
  initialWeightsEditing,
  parseWeightText,
  splitWeightsEvenly,
  typeWeight,
  type WeightsEditing,
  weightIssues,
  weightText,
} from "./weights-editing";

/** What a user does to the weight fields: types a text into one, leaves it, or presses "Split evenly". */
type Action = { type: "type"; field: number; text: string } | { type: "blur" } | { type: "split" };

/** Texts a user may type, keystroke by keystroke: valid weights, out-of-range ones, decimals, negatives, nothing. */
const typedText = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map(String),
  fc.integer({ min: 101, max: 1000 }).map(String),
  fc.integer({ min: -100, max: -1 }).map(String),
  fc.double({ min: 0, max: 100, noNaN: true, noInteger: true }).map((n) => n.toFixed(1)),
  fc.constant(""),
);

/** Every prefix of a text, as the field's value goes through them while it is typed ("3", "34"). */
function keystrokes(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant("type" as const), field: fc.nat(7), text: typedText }) },
  { weight: 2, arbitrary: fc.constant({ type: "blur" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "split" as const }) },
);

describe("typing into the weight fields", () => {
  it("types 33, 33, 34 into three fields and keeps each as typed", () => {
    const keys = ["control", "green", "orange"];
    let weights: Weights = splitEvenly(keys);
    let editing: WeightsEditing = initialWeightsEditing;
    for (const [key, text] of [
      ["control", "33"],
      ["green", "33"],
      ["orange", "34"],
    ] as const) {
      for (const stroke of ["", ...keystrokes(text)]) {
        ({ weights, editing } = typeWeight(editing, { keys, weights, key, text: stroke }));
      }
      editing = endWeightSession(editing);
    }
    expect(weights).toEqual({ control: 33, green: 33, orange: 34 });
  });

  it("keeps 150 as typed with an error, and leaves the other fields alone", () => {
    const keys = ["control", "green", "orange"];
    let weights: Weights = { control: 34, green: 33, orange: 33 };
    let editing: WeightsEditing = initialWeightsEditing;
    for (const stroke of keystrokes("150")) {
      ({ weights, editing } = typeWeight(editing, { keys, weights, key: "control", text: stroke }));
    }
    expect(weights).toEqual({ control: 150, green: 33, orange: 33 });
    expect(weightIssues(keys, weights)).toEqual([{ key: "control", issue: "out-of-range" }]);
    expect(weightText(endWeightSession(editing), weights, "control")).toBe("150");
  });

  it("never rewrites the field being typed, and always ends at 100 or shows an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(action, { maxLength: 25 }), (count, actions) => {
        const keys = Array.from({ length: count }, (_, i) => (i === 0 ? "control" : `Variant_${i}`));
        let weights: Weights = splitEvenly(keys);
        let editing: WeightsEditing = initialWeightsEditing;
        for (const step of actions) {
          if (step.type === "blur") {
            editing = endWeightSession(editing);
            continue;
          }
          if (step.type === "split") {
            ({ weights, editing } = splitWeightsEvenly(keys));
            continue;
          }
          const key = keys[step.field % count] as string;
          // The field is typed from empty, one keystroke at a time.
          for (const stroke of ["", ...keystrokes(step.text)]) {
            ({ weights, editing } = typeWeight(editing, { keys, weights, key, text: stroke }));
            // The field shows exactly what was typed, and the stored weight is that value.
            expect(weightText(editing, weights, key)).toBe(stroke);
            expect(Object.is(weights[key], parseWeightText(stroke))).toBe(true);
          }
          // After leaving the field it still holds the typed value (written as a number).
          expect(parseWeightText(weightText(endWeightSession(editing), weights, key))).toBe(parseWeightText(step.text));
        }
        // Either the split is whole percentages adding up to 100, or a field says what is wrong.
        expect(isValidSplit(keys, weights) || weightIssues(keys, weights).length > 0).toBe(true);
      }),
    );
  });

  it("keeps the previously typed field when another field is typed and untouched fields can absorb it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (count, first, second) => {
          fc.pre(first + second <= 100);
          const keys = Array.from({ length: count }, (_, i) => `v${i}`);
          let weights: Weights = splitEvenly(keys);
          let editing: WeightsEditing = initialWeightsEditing;
          for (const stroke of keystrokes(String(first))) {
            ({ weights, editing } = typeWeight(editing, { keys, weights, key: "v0", text: stroke }));
          }
          editing = endWeightSession(editing);
          for (const stroke of keystrokes(String(second))) {
            ({ weights, editing } = typeWeight(editing, { keys, weights, key: "v1", text: stroke }));
          }
          expect(weights.v0).toBe(first);
          expect(weights.v1).toBe(second);
          expect(isValidSplit(keys, weights)).toBe(true);
        },
      ),
    );
  });

  it("splits evenly in one step, forgetting what was typed", () => {
    const keys = ["control", "green", "orange"];
    let { weights, editing } = typeWeight(initialWeightsEditing, {
      keys,
      weights: splitEvenly(keys),
      key: "green",
      text: "-5",
    });
    ({ weights, editing } = splitWeightsEvenly(keys));
    expect(weights).toEqual({ control: 34, green: 33, orange: 33 });
    expect(editing).toEqual(initialWeightsEditing);
  });
});
