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

/** Builds the formatters for one locale. Cheap enough per render, memoise per component when hot. */
export function createFormatters({ locale: requested, currency = "USD", notAvailable }: FormatOptions): Formatters {
  const locale = safeLocale(requested);
  const liftFormat = makeNumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const liftSizeFormat = makeNumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const probabilityFormat = makeNumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percentFormat = makeNumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const precisePercentFormat = makeNumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // One precision per unit, the same for values, differences and axis ticks: rates 2 decimals, milliseconds none,
  // plain numbers 2 decimals, currencies the currency's own (lifts and probabilities: 1 decimal, above).
  const rateFormat = makeNumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signedRateFormat = makeNumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const currencyFormat = makeNumberFormat(locale, { style: "currency", currency });
  const signedCurrencyFormat = makeNumberFormat(locale, { style: "currency", currency, signDisplay: "exceptZero" });
  const msFormat = makeNumberFormat(locale, { style: "unit", unit: "millisecond", maximumFractionDigits: 0 });
  const signedMsFormat = makeNumberFormat(locale, {
    style: "unit",
    unit: "millisecond",
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  const numberFormat = makeNumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signedNumberFormat = makeNumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  const countFormat = makeNumberFormat(locale, { maximumFractionDigits: 0 });
  const daysFormat = makeNumberFormat(locale, {
    style: "unit",
    unit: "day",
    unitDisplay: "long",
    maximumFractionDigits: 0,
  });
  const secondsFormat = makeNumberFormat(locale, {
    style: "unit",
    unit: "second",
    unitDisplay: "long",
    maximumFractionDigits: 0,
  });
  const pFormat = makeNumberFormat(locale, { maximumSignificantDigits: 2, minimumSignificantDigits: 2 });
  const pFloor = makeNumberFormat(locale, { maximumFractionDigits: 3 }).format(0.001);
  const decimalFormat = makeNumberFormat(locale, { maximumSignificantDigits: 4 });
  const dateFormat = makeDateFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const shortDateFormat = makeDateFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const dateTimeFormat = makeDateFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const timeFormat = makeDateFormat(locale, { timeStyle: "medium" });
  const formatInstant = (format: Intl.DateTimeFormat, value: Date | string | null | undefined) => {
    if (value === null || value === undefined || value === "") return notAvailable;
    const time = value instanceof Date ? value.getTime() : Date.parse(value);
    return Number.isFinite(time) ? format.format(new Date(time)) : notAvailable;
  };
  const formatDate = (format: Intl.DateTimeFormat, value: string | null | undefined) => {
    if (!value) return notAvailable;
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isFinite(time) ? format.format(new Date(time)) : notAvailable;
  };

  return {
    value(value, unit) {
      if (!isFiniteNumber(value)) return notAvailable;
      switch (unit) {
        case "percent":
          return rateFormat.format(value);
        case "currency":
          return currencyFormat.format(value);
        case "ms":
          return msFormat.format(value);
        default:
          return numberFormat.format(value);
      }
    },
    lift(value) {
      return isFiniteNumber(value) ? liftFormat.format(value) : notAvailable;
    },
    liftSize(value) {
      return isFiniteNumber(value) ? liftSizeFormat.format(Math.abs(value)) : notAvailable;
    },
    difference(value, unit) {
      if (!isFiniteNumber(value)) return notAvailable;
      switch (unit) {
        case "percent":
          return signedRateFormat.format(value);
        case "currency":
          return signedCurrencyFormat.format(value);
        case "ms":
          return signedMsFormat.format(value);
        default:
          return signedNumberFormat.format(value);
      }
    },
    probability(value) {
      if (!isFiniteNumber(value)) return notAvailable;
      // Never round a near-certainty up to "100.0%" (or a tiny chance down to "0.0%").
      if (value > 0.999 && value < 1) return `> ${probabilityFormat.format(0.999)}`;
      if (value > 0 && value < 0.001) return `< ${probabilityFormat.format(0.001)}`;
      return probabilityFormat.format(value);
    },
    pValue(value) {
      if (!isFiniteNumber(value)) return notAvailable;
      if (value < 0.001) return `< ${pFloor}`;
      return pFormat.format(value);
    },
    pValueParts(value) {
      if (!isFiniteNumber(value)) return { relation: "=", value: notAvailable };
      if (value < 0.001) return { relation: "<", value: pFloor };
      return { relation: "=", value: pFormat.format(value) };
    },
    count(value) {
      return isFiniteNumber(value) ? countFormat.format(value) : notAvailable;
    },
    percent(value) {
      return isFiniteNumber(value) ? percentFormat.format(value) : notAvailable;
    },
    percentPrecise(value) {
      return isFiniteNumber(value) ? precisePercentFormat.format(value) : notAvailable;
    },
    share(percent) {
      return isFiniteNumber(percent) ? precisePercentFormat.format(percent / 100) : notAvailable;
    },
    days(value) {
      return isFiniteNumber(value) ? daysFormat.format(Math.max(0, Math.ceil(value))) : notAvailable;
    },
    seconds(value) {
      return isFiniteNumber(value) ? secondsFormat.format(value) : notAvailable;
    },
    date(value) {
      return formatDate(dateFormat, value);
    },
    shortDate(value) {
      return formatDate(shortDateFormat, value);
    },
    dateTime(value) {
      return formatInstant(dateTimeFormat, value);
    },
    time(value) {
      return formatInstant(timeFormat, value);
    },
    decimal(value) {
      return isFiniteNumber(value) ? decimalFormat.format(value) : notAvailable;
    },
  };
}
