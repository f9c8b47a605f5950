import { isFiniteNumber } from "@flagsmith-experimentation/ui";
import { linearScale } from "./linear-scale";

/** One lift to draw on a shared, zero-centred axis: the estimate and its interval. */
export interface LiftExtent {
  estimate: number | null | undefined;
  interval?: readonly [number, number] | null | undefined;
}

/** A symmetric domain [-bound, bound] with zero in the middle. */
export interface LiftDomain {
  bound: number;
}

const MIN_BOUND = 0.01;

/**
 * The half-width of a zero-centred axis that fits every estimate and interval end, with 10 % headroom,
 * never narrower than ±1 % (so a tiny lift does not look huge) and always finite.
 */
export function liftDomain(extents: readonly LiftExtent[]): LiftDomain {
  let max = 0;
  for (const extent of extents) {
    for (const value of [extent.estimate, extent.interval?.[0], extent.interval?.[1]]) {
      if (isFiniteNumber(value)) max = Math.max(max, Math.abs(value));
    }
  }
  return { bound: Math.max(MIN_BOUND, max * 1.1) };
}

/** Where an estimate and its interval sit on a bar `width` units wide, zero at the centre; clamped to the bar. */
export interface LiftGeometry {
  zero: number;
  estimate?: number;
  low?: number;
  high?: number;
}

export function liftGeometry(extent: LiftExtent, domain: LiftDomain, width: number): LiftGeometry {
  const scale = linearScale({ domain: [-domain.bound, domain.bound], range: [0, width], clamp: true });
  const at = (value: number | null | undefined): number | undefined => {
    return isFiniteNumber(value) ? scale(value) : undefined;
  };
  const geometry: LiftGeometry = { zero: scale(0) };
  const estimate = at(extent.estimate);
  if (estimate !== undefined) geometry.estimate = estimate;
  const low = at(extent.interval?.[0]);
  const high = at(extent.interval?.[1]);
  if (low !== undefined && high !== undefined) {
    geometry.low = Math.min(low, high);
    geometry.high = Math.max(low, high);
  }
  return geometry;
}
