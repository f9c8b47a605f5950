/**
 * stats-core reports progress as `percentOfPlannedSample`; this turns it into a fraction (0–1) for
 * `Intl` percent formatting, clamped to be finite and non-negative.
 */
export function fractionOfPlan(percentOfPlannedSample: number): number {
  if (!Number.isFinite(percentOfPlannedSample) || percentOfPlannedSample < 0) return 0;
  return percentOfPlannedSample / 100;
}
