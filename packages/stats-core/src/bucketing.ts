import { md5 } from "@noble/hashes/legacy.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import type { WeightedVariation } from "./types";

/** The 128-bit md5 digest of `text` as an unsigned BigInt (exact; a float parse loses bits). */
function md5AsBigInt(text: string): bigint {
  const digest = md5(utf8ToBytes(text));
  let value = 0n;
  for (const byte of digest) value = (value << 8n) | BigInt(byte);
  return value;
}

/** An id as Flagsmith hashes it (Python's `str`). Anything else hashes as "" rather than throwing. */
function idText(id: unknown): string {
  if (typeof id === "string") return id;
  if (typeof id === "number" || typeof id === "bigint" || typeof id === "boolean") return String(id);
  return "";
}

/** A finite number, or 0: never coerces objects (whose `toString`/`valueOf` may throw). Used for priorities. */
function finiteOrZero(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * Flagsmith's `get_hashed_percentage_for_object_ids`: ids joined with ",", md5, the 128-bit
 * integer mod 9999, divided by 9998, times 100 — in [0, 100). When that is exactly 100 the ids
 * are repeated ("a,b,a,b") and hashed again. Bit-identical to flagsmith-engine.
 */
export function flagsmithHashPercentage(ids: (string | number)[]): number {
  const parts = Array.isArray(ids) ? ids.map(idText) : [];
  for (let iterations = 1; iterations < 1000; iterations++) {
    const repeated: string[] = [];
    for (let i = 0; i < iterations; i++) repeated.push(...parts);
    const value = (Number(md5AsBigInt(repeated.join(",")) % 9999n) / 9998) * 100;
    if (value !== 100) return value;
  }
  // Unreachable in practice (each round has a 1/9999 chance of landing on 100).
  return 0;
}

function isValidWeight(weight: unknown): weight is number {
  return typeof weight === "number" && Number.isFinite(weight) && weight >= 0;
}

/**
 * Flagsmith's multivariate assignment: the identity's percentage for [featureKey, identityKey];
 * variations sorted by priority ascending, cumulative weights from 0; the first with
 * start ≤ p < start + weight wins, otherwise `"control"`.
 * A weight that is negative or not a finite number makes the configuration invalid (Flagsmith refuses it;
 * flagsmith-engine would shift every later range by it): nobody is assigned a variation, every identity
 * gets `"control"` — rejected rather than bucketed differently from the engine.
 */
export function assignVariation(featureKey: string, identityKey: string, variations: WeightedVariation[]): string {
  const list = Array.isArray(variations) ? variations.filter((v) => typeof v === "object" && v !== null) : [];
  if (!list.every((v) => isValidWeight(v.weight))) return "control";
  const percentage = flagsmithHashPercentage([featureKey, identityKey]);
  const sorted = [...list].sort((a, b) => finiteOrZero(a.priority) - finiteOrZero(b.priority));
  let start = 0;
  for (const variation of sorted) {
    const weight = variation.weight;
    const limit = start + weight;
    if (start <= percentage && percentage < limit) return variation.key;
    start = limit;
  }
  return "control";
}
