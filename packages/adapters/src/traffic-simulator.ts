import { assignVariation } from "@flagsmith-experimentation/stats-core";
import { CONTROL_VARIATION_KEY } from "./flag";
import { DAY_MS, EXPOSURE_EVENT_NAME, experimentWindow, type WarehouseEvent } from "./warehouse-event";

/** Relative true effects of one variation on an event, e.g. `{ probability: 0.1 }` = +10 % of identities produce it. */
export interface SimulatedEffect {
  probability?: number;
  eventsPerActiveIdentity?: number;
  value?: number;
}

/** How exposed identities produce one kind of event. */
export interface SimulatedEventModel {
  eventName: string;
  /** Chance that an exposed identity produces the event at all (before its personal propensity). */
  probability: number;
  /** Mean number of events of an identity that produces it (at least 1). Default 1. */
  eventsPerActiveIdentity?: number;
  /** Value per event: normal, clamped at 0, rounded to `decimals` (default 2). Omit for events without a value. */
  value?: { mean: number; sd: number; decimals?: number };
  /** True effects per variation key (the control has none). */
  effects?: Record<string, SimulatedEffect>;
}

export interface TrafficSimulationOptions {
  /** Seed of the pseudo-random generator: the same options give the same events. Default 1. */
  seed?: number;
  identities: number;
  flagId: string;
  startDate: string;
  endDate: string;
  /** Percent per variation key, `control` included; identities are bucketed like Flagsmith (stats-core `assignVariation`). */
  weights: Record<string, number>;
  events: SimulatedEventModel[];
  /** Traffic per weekday, Monday first. Default `[1, 1, 1, 1, 1, 0.7, 0.6]`. */
  dayOfWeek?: readonly number[];
  /** Sample-ratio-mismatch fault: exposures of `variationKey` are lost with probability `dropShare`. */
  srm?: { variationKey: string; dropShare: number };
  /** Share of identities that also see a second variation (they must be excluded). Default 0. */
  multipleExposureShare?: number;
  /** Emit events in the N days before each identity's exposure, correlated with its later behaviour (for CUPED). */
  preExposureDays?: number;
  /** Prefix of identity keys. Default `user-`. */
  identityPrefix?: string;
}

/** sfc32: small, fast, seedable; deterministic across platforms. */
function createRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

function normal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Generates simulated experiment traffic in the kit's event model (docs/warehouse-sql.md), one event at a time (for millions of events):
 * exposures (first exposure on a day drawn with the day-of-week pattern, some repeats), then each identity's events
 * with the configured true effects. Seeded and deterministic.
 */
export function* generateTrafficEvents(options: TrafficSimulationOptions): Generator<WarehouseEvent> {
  const random = createRandom(options.seed ?? 1);
  const { start, end } = experimentWindow(options);
  const days = Math.round((end - start) / DAY_MS);
  const pattern = options.dayOfWeek ?? [1, 1, 1, 1, 1, 0.7, 0.6];
  const dayWeights = Array.from({ length: days }, (_, i) => {
    const weekday = (new Date(start + i * DAY_MS).getUTCDay() + 6) % 7;
    return Math.max(0, pattern[weekday] ?? 1);
  });
  const totalDayWeight = dayWeights.reduce((sum, w) => sum + w, 0) || 1;
  const treatments = Object.entries(options.weights)
    .filter(([key]) => key !== CONTROL_VARIATION_KEY)
    .map(([key, weight], priority) => ({ key, weight, priority }));
  const keys = Object.keys(options.weights);
  const prefix = options.identityPrefix ?? "user-";
  const preMs = (options.preExposureDays ?? 0) * DAY_MS;

  const pickDay = () => {
    let target = random() * totalDayWeight;
    for (let i = 0; i < days; i++) {
      target -= dayWeights[i] ?? 0;
      if (target < 0) return i;
    }
    return days - 1;
  };
  const event = (identityKey: string, eventName: string, t: number, value: number | null): WarehouseEvent => ({
    identityKey,
    eventName,
    value,
    timestamp: new Date(Math.floor(t)),
    flagId: null,
    variantKey: null,
  });

  for (let i = 0; i < options.identities; i++) {
    const identityKey = `${prefix}${i + 1}`;
    const variationKey = assignVariation(options.flagId, identityKey, treatments);
    const propensity = Math.exp(0.5 * normal(random) - 0.125);
    const exposedAt = start + pickDay() * DAY_MS + Math.floor(random() * DAY_MS);
    if (options.srm && variationKey === options.srm.variationKey && random() < options.srm.dropShare) continue;

    const exposure = (t: number, key: string): WarehouseEvent => ({
      identityKey,
      eventName: EXPOSURE_EVENT_NAME,
      value: null,
      timestamp: new Date(Math.floor(t)),
      flagId: options.flagId,
      variantKey: key,
    });
    yield exposure(exposedAt, variationKey);
    const repeats = poisson(random, 0.6);
    for (let r = 0; r < repeats; r++) yield exposure(exposedAt + random() * (end - exposedAt), variationKey);
    if (options.multipleExposureShare && random() < options.multipleExposureShare) {
      const others = keys.filter((k) => k !== variationKey);
      const other = others[Math.floor(random() * others.length)];
      if (other !== undefined) yield exposure(exposedAt + random() * (end - exposedAt), other);
    }

    for (const model of options.events) {
      const effect = model.effects?.[variationKey] ?? {};
      const perActive = Math.max(1, model.eventsPerActiveIdentity ?? 1);
      const emit = function* (from: number, to: number, withEffect: boolean) {
        const probability = model.probability * (withEffect ? 1 + (effect.probability ?? 0) : 1);
        if (random() >= Math.min(1, probability * propensity)) return;
        const extra = (perActive - 1) * (withEffect ? 1 + (effect.eventsPerActiveIdentity ?? 0) : 1) * propensity;
        const count = 1 + poisson(random, extra);
        for (let k = 0; k < count; k++) {
          let value: number | null = null;
          if (model.value) {
            const mean = model.value.mean * (withEffect ? 1 + (effect.value ?? 0) : 1);
            value = round(Math.max(0, mean + model.value.sd * normal(random)), model.value.decimals ?? 2);
          }
          yield event(identityKey, model.eventName, from + random() * (to - from), value);
        }
      };
      if (preMs > 0) yield* emit(exposedAt - preMs, exposedAt, false);
      yield* emit(exposedAt, end, true);
    }
  }
}

/** Collects {@link generateTrafficEvents} into an array (tests, stories, the in-memory warehouse). */
export function simulateTraffic(options: TrafficSimulationOptions): WarehouseEvent[] {
  return [...generateTrafficEvents(options)];
}
