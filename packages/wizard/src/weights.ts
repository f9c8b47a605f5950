/**
 * Traffic weights: whole percentages (integers) that always add up to exactly 100.
 *
 * Integers keep the UI honest (a 33.3 % split cannot be typed, shown and stored differently) and map
 * one-to-one onto Flagsmith's multivariate percentage allocations. Splits that do not divide 100
 * evenly use the largest-remainder method: the first variations get the extra point
 * (3 variations → 34 / 33 / 33).
 */

export const TOTAL_WEIGHT = 100;

/** Ratio between the largest and the smallest weight above which a split counts as "very uneven". */
export const UNEVEN_WEIGHT_RATIO = 4;

export type Weights = Record<string, number>;

/** Why a typed weight cannot be used as it is (shown next to the field; the value is never rewritten). */
export type WeightIssue = "empty" | "not-whole" | "out-of-range";

/** What is wrong with one weight, or `undefined` for a whole percentage from 0 to 100. */
export function weightIssue(value: number): WeightIssue | undefined {
  if (Number.isNaN(value)) return "empty";
  if (!Number.isInteger(value)) return Number.isFinite(value) ? "not-whole" : "out-of-range";
  return value < 0 || value > TOTAL_WEIGHT ? "out-of-range" : undefined;
}

/** A weight the split can use: a whole percentage from 0 to 100. */
export function isUsableWeight(value: number | undefined): value is number {
  return value !== undefined && weightIssue(value) === undefined;
}

/**
 * Distributes `total` whole points over `shares` proportionally (largest remainder, ties to the earlier
 * entry). Shares that are all zero are treated as equal.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  if (shares.length === 0) return [];
  const safe = shares.map((share) => (Number.isFinite(share) && share > 0 ? share : 0));
  const sum = safe.reduce((a, b) => a + b, 0);
  const basis = sum > 0 ? safe : safe.map(() => 1);
  const basisSum = sum > 0 ? sum : basis.length;
  const exact = basis.map((share) => (share / basisSum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/** An even split over `keys`, in order: `splitEvenly(["control", "b", "c"])` → 34 / 33 / 33. */
export function splitEvenly(keys: readonly string[]): Weights {
  return alignWeights(keys, undefined);
}

/**
 * Sets one variation's weight to what the user typed and rebalances the others so the total is exactly 100,
 * without ever changing the edited weight:
 *
 * - Weights the user typed earlier (`pinned`, oldest first) keep their values while the untouched weights can
 *   absorb the difference; the untouched ones share it in proportion to their current weights (largest remainder).
 * - Only when the untouched weights cannot absorb it are typed weights released, the oldest first.
 * - A value that is not a whole percentage from 0 to 100 is kept as typed and nothing else moves (the editor
 *   shows an error: see {@link weightIssue}); other fields holding such values are left as they are too.
 *
 * Keys missing from `current` count as 0; keys in `current` that are not in `keys` are dropped.
 */
export function rebalanceWeights(
  keys: readonly string[],
  current: Weights,
  editedKey: string,
  value: number,
  pinned: readonly string[] = [],
): Weights {
  if (!keys.includes(editedKey)) return alignWeights(keys, current);
  const next: Weights = Object.fromEntries(keys.map((key) => [key, current[key] ?? 0]));
  next[editedKey] = value;
  if (!isUsableWeight(value)) return next;
  // Fields holding an unusable value stay as typed (they show their own error) and take no part.
  const others = keys.filter((key) => key !== editedKey && isUsableWeight(next[key]));
  const kept = pinned.filter((key) => others.includes(key));
  const keptSum = () => kept.reduce((sum, key) => sum + (next[key] ?? 0), 0);
  const free = () => others.filter((key) => !kept.includes(key));
  // Release the oldest typed weights until the rest can absorb the difference.
  while (kept.length > 0 && (free().length === 0 || keptSum() > TOTAL_WEIGHT - value)) kept.shift();
  const open = free();
  if (open.length === 0) return next;
  const left = TOTAL_WEIGHT - value - keptSum();
  const shares = apportion(
    Math.max(0, left),
    open.map((key) => next[key] ?? 0),
  );
  open.forEach((key, index) => {
    next[key] = shares[index] ?? 0;
  });
  return next;
}

/**
 * Makes `current` fit `keys`: keeps it when it already holds exactly these keys with whole weights
 * summing to 100, otherwise re-apportions the existing weights (an even split when there are none).
 */
export function alignWeights(keys: readonly string[], current: Weights | undefined): Weights {
  if (current && isValidSplit(keys, current)) {
    return Object.fromEntries(keys.map((key) => [key, current[key] ?? 0]));
  }
  const values = apportion(
    TOTAL_WEIGHT,
    keys.map((key) => current?.[key] ?? 0),
  );
  return Object.fromEntries(keys.map((key, index) => [key, values[index] ?? 0]));
}

export function totalWeight(weights: Weights): number {
  return Object.values(weights).reduce((a, b) => a + b, 0);
}

/** The sum of the usable weights (unusable ones, such as an empty field, count as 0). */
export function usableTotal(weights: Weights): number {
  return Object.values(weights).reduce((sum, w) => sum + (isUsableWeight(w) ? w : 0), 0);
}

/** Exactly these keys, whole numbers in [0, 100], summing to 100. */
export function isValidSplit(keys: readonly string[], weights: Weights): boolean {
  const own = Object.keys(weights);
  if (own.length !== keys.length || !keys.every((key) => own.includes(key))) return false;
  const values = keys.map((key) => weights[key] ?? Number.NaN);
  return (
    values.every((v) => Number.isInteger(v) && v >= 0 && v <= TOTAL_WEIGHT) &&
    values.reduce((a, b) => a + b, 0) === TOTAL_WEIGHT
  );
}

/** True when the largest weight is more than {@link UNEVEN_WEIGHT_RATIO} times the smallest (or one is 0). */
export function isVeryUneven(weights: Weights): boolean {
  const values = Object.values(weights);
  if (values.length < 2) return false;
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min <= 0) return max > 0;
  return max / min > UNEVEN_WEIGHT_RATIO;
}
