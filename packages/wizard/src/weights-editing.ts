import { isUsableWeight, rebalanceWeights, splitEvenly, type Weights, weightIssue } from "./weights";

/*
 * The weight editor's typing rules, as pure functions (the React editor only stores this state):
 *
 * - what the user types into a field is what the field keeps: it is never rewritten, not even while other fields
 *   rebalance around it, and a value that cannot be used (empty, 150, -5, 33.5) stays as typed with an error;
 * - every keystroke rebalances from the weights as they were when the user started typing into that field, so a
 *   half-typed number ("3" on the way to "34") never leaves a trace in the other fields;
 * - weights typed earlier are kept while untouched fields can absorb the change (see `rebalanceWeights`).
 */

export interface WeightsEditing {
  /** Fields the user typed a usable weight into, oldest first. */
  pinned: readonly string[];
  /** The field being typed into: its text as typed, and the weights and pins from before its first keystroke. */
  session?: { key: string; text: string; base: Weights; pinned: readonly string[] } | undefined;
}

export const initialWeightsEditing: WeightsEditing = { pinned: [] };

/** The number a field's text stands for: `NaN` for an empty field. */
export function parseWeightText(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** One keystroke in the field of `key`: the weights to store and the editing state to keep. */
export function typeWeight(
  editing: WeightsEditing,
  input: { keys: readonly string[]; weights: Weights; key: string; text: string },
): { weights: Weights; editing: WeightsEditing } {
  const { keys, weights, key, text } = input;
  const session = editing.session?.key === key ? editing.session : { key, text, base: weights, pinned: editing.pinned };
  const value = parseWeightText(text);
  const next = rebalanceWeights(keys, session.base, key, value, session.pinned);
  // A typed weight the rebalance had to release is no longer the user's: it may move again.
  const stillTyped = session.pinned.filter((k) => k !== key && next[k] === session.base[k]);
  const pinned = isUsableWeight(value) ? [...stillTyped, key] : stillTyped;
  return { weights: next, editing: { pinned, session: { ...session, text } } };
}

/** The field lost focus: the next keystroke anywhere starts a new session. */
export function endWeightSession(editing: WeightsEditing): WeightsEditing {
  return { pinned: editing.pinned };
}

/** "Split evenly": an even split, and nothing counts as typed any more. */
export function splitWeightsEvenly(keys: readonly string[]): { weights: Weights; editing: WeightsEditing } {
  return { weights: splitEvenly(keys), editing: initialWeightsEditing };
}

/** What a field shows: the text being typed, else the stored weight ("" for an empty one). */
export function weightText(editing: WeightsEditing, weights: Weights, key: string): string {
  if (editing.session?.key === key) return editing.session.text;
  const value = weights[key];
  return value === undefined || Number.isNaN(value) ? "" : String(value);
}

/** The fields whose value cannot be used, with the reason (what the editor shows next to each). */
export function weightIssues(keys: readonly string[], weights: Weights) {
  return keys.flatMap((key) => {
    const issue = weightIssue(weights[key] ?? Number.NaN);
    return issue ? [{ key, issue }] : [];
  });
}
