import type { StatsReason, StatsReasonCode, StatsStatus } from "./types";

/** A typed failure carried through the engine instead of an exception. */
export type Failure = { status: Exclude<StatsStatus, "ok">; reason: StatsReason };

export function invalid(code: StatsReasonCode, message: string, subject?: string): Failure {
  return { status: "invalid-input", reason: subject === undefined ? { code, message } : { code, message, subject } };
}

export function insufficient(code: StatsReasonCode, message: string, subject?: string): Failure {
  return {
    status: "insufficient-data",
    reason: subject === undefined ? { code, message } : { code, message, subject },
  };
}

/** For results computed from extreme magnitudes (overflow/underflow): say so instead of returning NaN. */
export const OUT_OF_RANGE: Failure = insufficient(
  "out-of-range",
  "the values are too extreme (overflow or underflow) to analyse reliably",
);

/** True when any of the numbers is NaN. */
export function hasNaN(values: number[]): boolean {
  return values.some((v) => Number.isNaN(v));
}
