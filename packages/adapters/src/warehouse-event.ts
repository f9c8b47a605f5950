/** The event name of exposure rows (SPEC §7). */
export const EXPOSURE_EVENT_NAME = "$flag_exposure";

/**
 * One row of the events table (SPEC §7): `identity_key, event_name, value, timestamp, flag_id, variant_key`.
 * Exposures are rows with `eventName = "$flag_exposure"`, the experiment's `flagId` and the variation's key.
 */
export interface WarehouseEvent {
  identityKey: string;
  eventName: string;
  /** Numeric payload (revenue, milliseconds); `null` when the event has none. */
  value: number | null;
  /** UTC instant of the event. */
  timestamp: Date;
  flagId: string | null;
  variantKey: string | null;
}

/**
 * One row of Flagsmith's events table (SPEC §9), as Flagsmith's SDKs send it and its warehouse stores it:
 * exposures have `event = "$flag_exposure"`, the flag's **name** in `featureName` and the variant key in `value`;
 * conversions have no feature and a text `value` (numeric text, other text, or nothing).
 */
export interface FlagsmithEvent {
  environmentKey: string;
  event: string;
  /** The flag's name on exposures; `null` (stored as empty text in ClickHouse) on conversions. */
  featureName: string | null;
  /** UTC instant of the event. */
  timestamp: Date;
  /** The identity; `null` (empty text in ClickHouse) when the event was sent without one. */
  identifier: string | null;
  /** Exposures: the variant key. Conversions: text such as `"12.5"`, `"gift-card"`, or `null`. */
  value: string | null;
}

const DAY_MS = 86_400_000;

/** The experiment window in epoch milliseconds: `startDate` 00:00 UTC (inclusive) to the end of `endDate` (exclusive). */
export function experimentWindow(experiment: { startDate: string; endDate: string }): { start: number; end: number } {
  const start = Date.parse(`${experiment.startDate}T00:00:00.000Z`);
  const end = Date.parse(`${experiment.endDate}T00:00:00.000Z`) + DAY_MS;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new RangeError("The experiment needs a start date and an end date on or after it (YYYY-MM-DD).");
  }
  return { start, end };
}

/** Every `YYYY-MM-DD` from `from` through `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= Date.parse(`${to}T00:00:00.000Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

export { DAY_MS };
