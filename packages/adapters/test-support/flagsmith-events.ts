/**
 * Flagsmith-shaped events for tests and the benchmark: a seeded generator with what real Flagsmith data has
 * (several environments in one table, `Variant_N` keys, text values, at-least-once delivery, identities that saw
 * two variants, events without an identity, events exactly at the window's edges), Flagsmith's events table as its
 * documentation creates it in ClickHouse, and the same table on DuckDB and PostgreSQL.
 */
import { EXPOSURE_EVENT_NAME, type FlagsmithEvent } from "../src/warehouse-event";

/** mulberry32: small, seedable, the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FlagsmithEventsOptions {
  seed: number;
  identities: number;
  /** The experiment's environment; its events are the ones that count. */
  environmentKey: string;
  /** Other environments in the same table (staging…): same flag, same identities, different assignments. */
  otherEnvironmentKeys: readonly string[];
  featureName: string;
  /** Variant keys, `control` first, served with equal weights. */
  variants: readonly string[];
  /** The measurement window `[start, end)`; exposures and conversions also fall a little outside it. */
  start: Date;
  end: Date;
  /** Share of events delivered twice, exactly (at-least-once delivery). Default 0. */
  duplicateShare?: number;
  /** Share of identities exposed to a second variant. Default 0.03. */
  multiVariantShare?: number;
  /** Adds hand-written events at the window's edges and anonymous events. Default true. */
  edgeCases?: boolean;
  /** Mean page views of an active identity (each with a load time 80 % of the time). Default 2.5. */
  pageViewsPerIdentity?: number;
}

/** Metric events the generator emits (what the tests' metrics read). */
export const GENERATED_EVENT_NAMES = {
  purchase: "purchase", // value: price as text, sometimes `gift-card` or empty
  pageView: "page_view", // value: empty
  loadTime: "page_load_ms", // value: milliseconds as integer text
} as const;

const HOUR_MS = 3_600_000;

/**
 * Streams Flagsmith-shaped events for `identities` identities (deterministic for a seed). Per identity: one to three
 * exposures to its variant (sometimes before or after the window), sometimes a second variant, purchases with text
 * values, page views and load times, in the experiment's environment and now and then in another one.
 */
export function* generateFlagsmithEvents(options: FlagsmithEventsOptions): Generator<FlagsmithEvent> {
  const random = seededRandom(options.seed);
  const start = options.start.getTime();
  const end = options.end.getTime();
  const span = end - start;
  const duplicateShare = options.duplicateShare ?? 0;
  const multiVariantShare = options.multiVariantShare ?? 0.03;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const at = (t: number) => new Date(Math.round(t));
  let emitted: FlagsmithEvent[] = [];
  const emit = (event: FlagsmithEvent) => {
    emitted.push(event);
    if (random() < duplicateShare) emitted.push({ ...event, timestamp: new Date(event.timestamp.getTime()) });
  };
  const exposure = (environmentKey: string, identifier: string, variant: string, t: number) =>
    emit({
      environmentKey,
      event: EXPOSURE_EVENT_NAME,
      featureName: options.featureName,
      timestamp: at(t),
      identifier,
      value: variant,
    });
  const conversion = (
    environmentKey: string,
    identifier: string | null,
    event: string,
    value: string | null,
    t: number,
  ) => emit({ environmentKey, event, featureName: null, timestamp: at(t), identifier, value });

  for (let i = 0; i < options.identities; i++) {
    const identifier = `user-${i}`;
    const variantIndex = Math.floor(random() * options.variants.length);
    const variant = options.variants[variantIndex] as string;
    const activity = 0.5 + random(); // per-identity propensity
    // Most first exposures fall inside the window; some a day before it or after it.
    const first = start - 0.05 * span + random() * 1.1 * span;
    const repeats = Math.floor(random() * 3);
    exposure(options.environmentKey, identifier, variant, first);
    for (let r = 0; r < repeats; r++)
      exposure(options.environmentKey, identifier, variant, first + random() * 48 * HOUR_MS);
    if (random() < multiVariantShare) {
      const other = options.variants[(variantIndex + 1) % options.variants.length] as string;
      exposure(options.environmentKey, identifier, other, first + random() * 72 * HOUR_MS);
    }
    // Another environment serves the same flag to the same identity, with its own assignment.
    if (options.otherEnvironmentKeys.length > 0 && random() < 0.2) {
      const environmentKey = pick(options.otherEnvironmentKeys);
      const t = start + random() * span;
      exposure(environmentKey, identifier, pick(options.variants), t);
      if (random() < 0.5) conversion(environmentKey, identifier, GENERATED_EVENT_NAMES.purchase, "100.00", t + HOUR_MS);
    }
    // Purchases: from a day before the first exposure to five days after it.
    const purchases = random() < 0.25 * activity + (variantIndex > 0 ? 0.03 : 0) ? 1 + Math.floor(random() * 3) : 0;
    for (let p = 0; p < purchases; p++) {
      const roll = random();
      const value = roll < 0.05 ? "gift-card" : roll < 0.1 ? "" : roll < 0.12 ? null : (5 + random() * 95).toFixed(2);
      conversion(
        options.environmentKey,
        identifier,
        GENERATED_EVENT_NAMES.purchase,
        value,
        first - 24 * HOUR_MS + random() * 144 * HOUR_MS,
      );
    }
    const views = random() < 0.9 ? Math.floor(random() * 2 * (options.pageViewsPerIdentity ?? 2.5) * activity) : 0;
    for (let v = 0; v < views; v++) {
      const t = first - 12 * HOUR_MS + random() * 120 * HOUR_MS;
      conversion(options.environmentKey, identifier, GENERATED_EVENT_NAMES.pageView, "", t);
      if (random() < 0.8) {
        conversion(
          options.environmentKey,
          identifier,
          GENERATED_EVENT_NAMES.loadTime,
          String(200 + Math.floor(random() * 1800)),
          t + 1,
        );
      }
    }
    if (emitted.length >= 1000) {
      yield* emitted;
      emitted = [];
    }
  }
  yield* emitted;
  emitted = [];
  if (options.edgeCases ?? true) {
    for (const event of windowEdgeEvents(options)) emit(event);
    yield* emitted;
  }
}

/**
 * Events the window rules decide, one identity per rule: exposed exactly at the start (in), a conversion exactly at
 * the exposure (counts), exposed 1 ms before the end (in), exposed exactly at the end (out), a conversion exactly at
 * the end (out), a conversion exactly at the start by an identity exposed later (before exposure: out); and events
 * without an identity, which belong to nobody.
 */
export function windowEdgeEvents(
  options: Pick<FlagsmithEventsOptions, "environmentKey" | "featureName" | "variants" | "start" | "end">,
): FlagsmithEvent[] {
  const { environmentKey, featureName } = options;
  const start = options.start.getTime();
  const end = options.end.getTime();
  const [control = "control", treatment = control] =
    options.variants.length > 1 ? [options.variants[0], options.variants[1]] : [];
  const row = (
    identifier: string | null,
    event: string,
    t: number,
    value: string | null,
    feature: string | null = null,
  ): FlagsmithEvent => ({
    environmentKey,
    event,
    featureName: feature,
    timestamp: new Date(t),
    identifier,
    value,
  });
  const purchase = GENERATED_EVENT_NAMES.purchase;
  return [
    row("edge-at-start", EXPOSURE_EVENT_NAME, start, treatment, featureName),
    row("edge-at-start", purchase, start, "10.00"),
    row("edge-at-start", purchase, end - 1, "1.50"),
    row("edge-at-start", purchase, end, "500.00"),
    row("edge-before-end", EXPOSURE_EVENT_NAME, end - 1, control, featureName),
    row("edge-before-end", purchase, end - 1, "7"),
    row("edge-at-end", EXPOSURE_EVENT_NAME, end, control, featureName),
    row("edge-at-end", purchase, end + 1, "9"),
    row("edge-before-exposure", purchase, start, "30"),
    row("edge-before-exposure", EXPOSURE_EVENT_NAME, start + 1, control, featureName),
    row("edge-before-exposure", purchase, start + 1, "3"),
    // Events without an identity never make an identity, whatever they carry.
    row(null, purchase, start + HOUR_MS, "99.99"),
    row(null, GENERATED_EVENT_NAMES.pageView, start + HOUR_MS, ""),
  ];
}

/** Events exposed without an identity: Flagsmith's ClickHouse stores the missing identifier as empty text. */
export function anonymousExposures(
  options: Pick<FlagsmithEventsOptions, "environmentKey" | "featureName" | "variants" | "start">,
): FlagsmithEvent[] {
  const t = options.start.getTime() + HOUR_MS;
  return [null, null, ""].map((identifier, i) => ({
    environmentKey: options.environmentKey,
    event: EXPOSURE_EVENT_NAME,
    featureName: options.featureName,
    timestamp: new Date(t + i),
    identifier,
    value: options.variants[0] ?? "control",
  }));
}

/** Drops exact duplicates (same identifier, event, timestamp and value — and environment and feature). */
export function withoutExactDuplicates(events: Iterable<FlagsmithEvent>): FlagsmithEvent[] {
  const seen = new Set<string>();
  const kept: FlagsmithEvent[] = [];
  for (const event of events) {
    const key = JSON.stringify([
      event.environmentKey,
      event.event,
      event.featureName,
      event.timestamp.getTime(),
      event.identifier,
      event.value,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(event);
  }
  return kept;
}

/**
 * Flagsmith's events table for a self-hosted ClickHouse, as Flagsmith's "Connect a warehouse" guide creates it
 * (`docs/docs/experimentation/connect-a-warehouse.md`, release 2.265.0) — only the database name is ours.
 */
export function flagsmithClickHouseDdl(database: string): string {
  return `CREATE DATABASE IF NOT EXISTS ${database};

CREATE TABLE IF NOT EXISTS ${database}.events
(
    environment_key      LowCardinality(String),
    event                LowCardinality(String),
    feature_name         LowCardinality(String),
    timestamp            DateTime64(3),
    collected_at         DateTime64(3),
    identifier           String,
    value                String                          CODEC(ZSTD(3)),
    traits               String                          CODEC(ZSTD(3)),
    metadata             String                          CODEC(ZSTD(3)),
    sdk_language         LowCardinality(String),
    sdk_version          LowCardinality(String),

    INDEX idx_identity identifier TYPE bloom_filter GRANULARITY 4,

    CONSTRAINT environment_key_not_empty CHECK environment_key != '',
    CONSTRAINT event_not_empty           CHECK event != '',
    CONSTRAINT timestamp_sane            CHECK timestamp > toDateTime64('2020-01-01 00:00:00', 3)
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(timestamp)
ORDER BY (environment_key, event, feature_name, timestamp, identifier);`;
}

/** One event as a JSONEachRow line for Flagsmith's ClickHouse table (missing text is stored as empty text). */
export function flagsmithEventJsonLine(event: FlagsmithEvent): string {
  const timestamp = event.timestamp.toISOString();
  return JSON.stringify({
    environment_key: event.environmentKey,
    event: event.event,
    feature_name: event.featureName ?? "",
    timestamp,
    collected_at: timestamp,
    identifier: event.identifier ?? "",
    value: event.value ?? "",
    traits: "",
    metadata: "",
    sdk_language: "javascript",
    sdk_version: "10.0.0",
  });
}
