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
  /** A signed absolute difference in the metric's unit. */
  difference(value: number | null | undefined, unit: MetricUnit | undefined): string;
  /** A probability: 0.953 → "95.3%". */
  probability(value: number | null | undefined): string;
  /** A p-value with three significant digits, "< 0.001" style below a floor. */
  pValue(value: number | null | undefined): string;
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
  const probabilityFormat = makeNumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percentFormat = makeNumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const precisePercentFormat = makeNumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const rateFormat = makeNumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const signedRateFormat = makeNumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  });
  const currencyFormat = makeNumberFormat(locale, { style: "currency", currency });
  const signedCurrencyFormat = makeNumberFormat(locale, { style: "currency", currency, signDisplay: "exceptZero" });
  const msFormat = makeNumberFormat(locale, { style: "unit", unit: "millisecond", maximumFractionDigits: 1 });
  const signedMsFormat = makeNumberFormat(locale, {
    style: "unit",
    unit: "millisecond",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  const numberFormat = makeNumberFormat(locale, { maximumFractionDigits: 2 });
  const signedNumberFormat = makeNumberFormat(locale, { maximumFractionDigits: 3, signDisplay: "exceptZero" });
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
    decimal(value) {
      return isFiniteNumber(value) ? decimalFormat.format(value) : notAvailable;
    },
  };
}
