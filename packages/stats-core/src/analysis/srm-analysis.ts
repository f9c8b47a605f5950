/** The experiment's sample-ratio-mismatch check on units per variation. */
import { srmTest } from "../srm";
import type { SrmAnalysis, StatsReason, StatsStatus } from "../types";
import type { TrafficShare } from "./input-validation";

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

export function srmOf(shares: TrafficShare[], units: Map<string, number>, threshold: number): SrmAnalysis {
  const users = shares.map(({ variation }) => units.get(variation.key) ?? 0);
  const result = srmTest(
    users,
    shares.map(({ share }) => share),
    { threshold },
  );
  return {
    ...result,
    threshold,
    users: recordOf(shares.map(({ variation }, i) => [variation.key, users[i] ?? 0])),
    expectedShare: recordOf(shares.map(({ variation, share }) => [variation.key, share])),
  };
}
