/**
 * A linear map from a numeric domain to a pixel range: what the charts need from a scale (map, invert, round ticks,
 * a "nice" domain), with d3-scale's tick rules. `@visx/scale` would bring every d3 interpolator, colour space, time
 * interval and number locale along for this (about a sixth of the results dashboard's size budget).
 */
export interface LinearScale {
  (value: number): number;
  /** The domain value at a range position (e.g. a pointer's x). */
  invert(position: number): number;
  /** About `count` round values (1, 2 or 5 × 10ⁿ apart) inside the domain, in domain order. */
  ticks(count: number): number[];
  readonly domain: readonly [number, number];
}

export interface LinearScaleOptions {
  domain: readonly [number, number];
  range: readonly [number, number];
  /** Keep mapped values inside the range. */
  clamp?: boolean;
  /** Widen the domain to round values at both ends, at the tick step for about this many ticks. */
  nice?: number;
}

/**
 * The spacing of about `count` round ticks over [start, stop] (start < stop): 1, 2 or 5 × 10ⁿ. Below 1 it is also
 * given as the whole number `inverse` = 1 / step, so ticks are i / inverse without binary noise (0.3, not 0.30…04).
 */
function increment(start: number, stop: number, count: number): { step: number; inverse: number } | null {
  const raw = (stop - start) / Math.max(0, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return null;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  // The nearest of 1, 2, 5, 10 on a log scale: the boundaries are √2, √10 and √50.
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  return power < 0
    ? { step: factor / 10 ** -power, inverse: 10 ** -power / factor }
    : { step: factor * 10 ** power, inverse: 0 };
}

/** The tick step for about `count` ticks over the domain (0 when there is none). */
export function tickStep(start: number, stop: number, count: number): number {
  return increment(Math.min(start, stop), Math.max(start, stop), count)?.step ?? 0;
}

function ticksOf(start: number, stop: number, count: number): number[] {
  if (start === stop) return Number.isFinite(start) ? [start] : [];
  const [low, high] = start < stop ? [start, stop] : [stop, start];
  const spacing = increment(low, high, count);
  if (!spacing) return [];
  const { step, inverse } = spacing;
  const at = (i: number) => (inverse ? i / inverse : i * step);
  let first = Math.round(inverse ? low * inverse : low / step);
  let last = Math.round(inverse ? high * inverse : high / step);
  if (at(first) < low) first += 1;
  if (at(last) > high) last -= 1;
  const values: number[] = [];
  for (let i = first; i <= last; i += 1) values.push(at(i) + 0); // + 0: a tick at −0 is 0
  return start < stop ? values : values.reverse();
}

/** The domain widened outwards to multiples of its tick step, repeated until the step settles (at most 10 times). */
function niceDomain(start: number, stop: number, count: number): [number, number] {
  const reversed = stop < start;
  let [low, high] = reversed ? [stop, start] : [start, stop];
  let previous: string | undefined;
  for (let round = 0; round < 10; round += 1) {
    const spacing = increment(low, high, count);
    if (!spacing) break;
    const key = `${spacing.step}/${spacing.inverse}`;
    if (key === previous) return reversed ? [high, low] : [low, high];
    const { step, inverse } = spacing;
    low = inverse ? Math.floor(low * inverse) / inverse : Math.floor(low / step) * step;
    high = inverse ? Math.ceil(high * inverse) / inverse : Math.ceil(high / step) * step;
    previous = key;
  }
  return [start, stop];
}

export function linearScale({ domain, range, clamp = false, nice }: LinearScaleOptions): LinearScale {
  const [d0, d1] = nice === undefined ? domain : niceDomain(domain[0], domain[1], nice);
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) => {
    const t = span === 0 ? 0.5 : (value - d0) / span;
    return r0 + (clamp ? Math.min(1, Math.max(0, t)) : t) * (r1 - r0);
  }) as LinearScale;
  scale.invert = (position) => (r1 === r0 ? d0 : d0 + ((position - r0) / (r1 - r0)) * span);
  scale.ticks = (count) => ticksOf(d0, d1, count);
  Object.defineProperty(scale, "domain", { value: [d0, d1] as const });
  return scale;
}
