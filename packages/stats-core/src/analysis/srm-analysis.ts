/** The experiment's sample-ratio-mismatch check on units per variation. */

import { srmTest } from "../srm";
import type { AnalysisVariation, SrmAnalysis, StatsReason, StatsStatus } from "../types";

/** A record keyed by variation: built from entries, so a key `__proto__` becomes an own property like any other. */
export function recordOf<V>(entries: [string, V][]): Record<string, V> {
  return Object.fromEntries(entries);
}

export function emptySrm(threshold: number, status: Exclude<StatsStatus, "ok">, reason: StatsReason): SrmAnalysis {
  return {
    status,
    reason,
    chiSquare: 0,
    pValue: 1,
    degreesOfFreedom: 0,
    mismatch: false,
    threshold,
    users: {},
    expectedShare: {},
  };
}

export function srmOf(
  variations: AnalysisVariation[],
  shares: number[],
  units: Map<string, number>,
  threshold: number,
): SrmAnalysis {
  const users = variations.map((v) => units.get(v.key) ?? 0);
  const result = srmTest(users, shares, { threshold });
  return {
    ...result,
    threshold,
    users: recordOf(variations.map((v, i) => [v.key, users[i] as number])),
    expectedShare: recordOf(variations.map((v, i) => [v.key, shares[i] as number])),
  };
}
