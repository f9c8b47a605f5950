/** Number and date formatting through `Intl`, by metric unit and locale. Never returns "NaN" or "undefined". */

import type { MetricUnit } from "@flagsmith-experimentation/stats-core";

/**
 * A locale `Intl` accepts, from what a host passed: `"en_US"` (POSIX style, as Django and Flagsmith write it)
 * becomes `"en-US"`; anything `Intl` rejects, and an empty string, becomes `undefined` (the runtime's locale).
 * `Intl` constructors throw a RangeError on a malformed tag: nothing in the kit may pass one to them.
 */
export function safeLocale(locale: string | null | undefined): string | undefined {
  if (typeof locale !== "string" || locale.trim() === "") return undefined;
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, "-"))[0];
  } catch {
    return undefined;
  }
}

export interface FormatOptions {
  /** BCP 47 locale; defaults to the runtime's. */
  locale?: string | undefined;
  /** ISO 4217 code used for `currency` metrics. */
  currency?: string | undefined;
  /** Shown instead of a number that is missing or not finite. */
  notAvailable: string;
}

export interface Formatters {
  /** A metric value (a rate, a mean, a ratio) in the metric's unit. */
  value(value: number | null | undefined, unit: MetricUnit | undefined): string;
  /** A signed relative lift: 0.042 → "+4.2%". */
  lift(value: number | null | undefined): string;
  /** The size of a relative lift, unsigned, with the lift's precision: -0.042 → "4.2%". */
  liftSize(value: number | null | undefined): string;
  /** A signed absolute difference in the metric's unit. */
  difference(value: number | null | undefined, unit: MetricUnit | undefined): string;
  /** A probability: 0.953 → "95.3%". */
  probability(value: number | null | undefined): string;
  /** A p-value with two significant digits, "< 0.001" style below a floor. */
  pValue(value: number | null | undefined): string;
  /**
   * A p-value split for a sentence: `{ relation: "<", value: "0.001" }` below the floor, else `"="` and the
   * figure, so a message reads "p < 0.001" or "p = 0.042" (never "p = < 0.001").
   */
  pValueParts(value: number | null | undefined): { relation: "=" | "<"; value: string };
  /** A whole count: 12345 → "12,345". */
  count(value: number | null | undefined): string;
  /** A plain percentage of a whole: 0.5 → "50%". */
  percent(value: number | null | undefined): string;
  /** A percentage with up to one decimal: 0.025 → "2.5%" (detectable lifts). */
  percentPrecise(value: number | null | undefined): string;
  /** A share of traffic given in whole percent: 50 → "50%". */
  share(percent: number | null | undefined): string;
  /** A number of days. */
  days(value: number | null | undefined): string;
  /** A number of seconds: 30 → "30 seconds". */
  seconds(value: number | null | undefined): string;
  /** A calendar date given as YYYY-MM-DD (interpreted in UTC). */
  date(value: string | null | undefined): string;
  /** A short calendar date for axis ticks ("Mar 2"). */
  shortDate(value: string | null | undefined): string;
  /** A date with its time of day, in the runtime's time zone ("May 18, 2026, 9:00 AM"). */
  dateTime(value: Date | string | null | undefined): string;
  /** A time of day, in the runtime's time zone ("9:00:05 AM"). */
  time(value: Date | string | null | undefined): string;
  /** A plain decimal with up to four significant digits (for "show the maths"). */
  decimal(value: number | null | undefined): string;
}

export function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** `Intl.NumberFormat`, falling back to the runtime's locale (and USD) when the locale or currency is rejected. */
function makeNumberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // An unknown locale or currency code must not take the dashboard down.
    return new Intl.NumberFormat(undefined, { ...options, currency: options.currency ? "USD" : undefined });
  }
}

function makeDateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** `{ minimumFractionDigits: n, maximumFractionDigits: n }`. */
const fixed = (digits: number): Intl.NumberFormatOptions => ({
  minimumFractionDigits: digits,
  maximumFractionDigits: digits,
});
const SIGNED: Intl.NumberFormatOptions = { signDisplay: "exceptZero" };
const PERCENT: Intl.NumberFormatOptions = { style: "percent" };
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const longUnit = (unit: string): Intl.NumberFormatOptions => ({ style: "unit", unit, unitDisplay: "long", ...WHOLE });

/**
 * Builds the formatters for one locale. Each `Intl` formatter is made on its first use (most widgets use a few of
 * them), so this is cheap; memoise per component when hot.
 */
export function createFormatters({ locale: requested, currency = "USD", notAvailable }: FormatOptions): Formatters {
  const locale = safeLocale(requested);
  /** Formats finite numbers with `options` (after `transform`); anything else reads `notAvailable`. */
  const number = (options: Intl.NumberFormatOptions, transform = (value: number) => value) => {
    let format: Intl.NumberFormat | undefined;
    return (value: number | null | undefined): string => {
      if (!isFiniteNumber(value)) return notAvailable;
      format ??= makeNumberFormat(locale, options);
      return format.format(transform(value));
    };
  };
  // One precision per unit, the same for values, differences and axis ticks: rates 2 decimals, milliseconds none,
  // plain numbers 2 decimals, currencies the currency's own (lifts and probabilities: 1 decimal).
  const inUnit = (sign?: Intl.NumberFormatOptions) => {
    const byUnit = {
      percent: number({ ...PERCENT, ...fixed(2), ...sign }),
      currency: number({ style: "currency", currency, ...sign }),
      ms: number({ style: "unit", unit: "millisecond", ...WHOLE, ...sign }),
      number: number({ ...fixed(2), ...sign }),
    };
    // An unknown unit (data from outside TypeScript, even "constructor") reads as a plain number, never a crash.
    return (value: number | null | undefined, unit: MetricUnit | undefined) =>
      (unit && Object.hasOwn(byUnit, unit) ? byUnit[unit] : byUnit.number)(value);
  };
  /** Formats a date (`at`: how to read the text) with `options`, made on first use; bad input reads `notAvailable`. */
  const date = (options: Intl.DateTimeFormatOptions, at: (value: string) => string) => {
    let format: Intl.DateTimeFormat | undefined;
    return (value: Date | string | null | undefined): string => {
      const time = value instanceof Date ? value.getTime() : value ? Date.parse(at(value)) : Number.NaN;
      if (!Number.isFinite(time)) return notAvailable;
      format ??= makeDateFormat(locale, options);
      return format.format(time);
    };
  };
  /** A calendar day (YYYY-MM-DD is 00:00 UTC that day), shown in UTC. */
  const day = (options: Intl.DateTimeFormatOptions) =>
    date({ ...options, timeZone: "UTC" }, (value) => (value.length === 10 ? `${value}T00:00:00Z` : value));
  /** An instant, shown in the runtime's time zone. */
  const instant = (options: Intl.DateTimeFormatOptions) => date(options, (value) => value);

  const probability = number({ ...PERCENT, ...fixed(1) });
  const p = number({ maximumSignificantDigits: 2, minimumSignificantDigits: 2 });
  const P_FLOOR = 0.001;
  const floor = number({ maximumFractionDigits: 3 });
  const pFloor = () => floor(P_FLOOR);
  const precisePercent = number({ ...PERCENT, maximumFractionDigits: 1 });
  return {
    value: inUnit(),
    difference: inUnit(SIGNED),
    lift: number({ ...PERCENT, ...fixed(1), ...SIGNED }),
    liftSize: number({ ...PERCENT, ...fixed(1) }, Math.abs),
    probability(value) {
      // Never round a near-certainty up to "100.0%" (or a tiny chance down to "0.0%").
      if (isFiniteNumber(value) && value > 0.999 && value < 1) return `> ${probability(0.999)}`;
      if (isFiniteNumber(value) && value > 0 && value < P_FLOOR) return `< ${probability(P_FLOOR)}`;
      return probability(value);
    },
    pValue(value) {
      return isFiniteNumber(value) && value < P_FLOOR ? `< ${pFloor()}` : p(value);
    },
    pValueParts(value) {
      return isFiniteNumber(value) && value < P_FLOOR
        ? { relation: "<", value: pFloor() }
        : { relation: "=", value: p(value) };
    },
    count: number(WHOLE),
    percent: number({ ...PERCENT, ...WHOLE }),
    percentPrecise: precisePercent,
    share: (percent) => precisePercent(isFiniteNumber(percent) ? percent / 100 : percent),
    days: number(longUnit("day"), (value) => Math.max(0, Math.ceil(value))),
    seconds: number(longUnit("second")),
    date: day({ dateStyle: "medium" }),
    shortDate: day({ month: "short", day: "numeric" }),
    dateTime: instant({ dateStyle: "medium", timeStyle: "short" }),
    time: instant({ timeStyle: "medium" }),
    decimal: number({ maximumSignificantDigits: 4 }),
  };
}
