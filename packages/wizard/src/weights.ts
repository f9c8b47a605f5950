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

/** Clamps to [0, 100] and rounds to a whole percentage; anything not finite becomes 0. */
export function normalizeWeight(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(TOTAL_WEIGHT, Math.max(0, Math.round(value)));
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
 * Sets one variation's weight and rebalances the others proportionally to their current weights, so
 * the total stays exactly 100. Keys missing from `current` count as 0; keys in `current` that are not
 * in `keys` are dropped.
 */
export function rebalanceWeights(keys: readonly string[], current: Weights, editedKey: string, value: number): Weights {
  if (!keys.includes(editedKey)) return alignWeights(keys, current);
  if (keys.length === 1) return { [editedKey]: TOTAL_WEIGHT };
  const edited = normalizeWeight(value);
  const others = keys.filter((key) => key !== editedKey);
  const shares = apportion(
    TOTAL_WEIGHT - edited,
    others.map((key) => current[key] ?? 0),
  );
  const next: Weights = {};
  for (const key of keys) {
    next[key] = key === editedKey ? edited : (shares[others.indexOf(key)] ?? 0);
  }
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
