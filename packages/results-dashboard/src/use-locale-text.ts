import { useMemo } from "react";
import { createFormatters, type Formatters } from "./format";
import { type ResultsMessages, resolveMessages } from "./messages";

/** The props every widget takes for its text and numbers. */
export interface LocaleTextProps {
  /** Overrides for any user-visible string (see `defaultMessages`). */
  messages?: Partial<ResultsMessages> | undefined;
  /** BCP 47 locale for numbers and dates; defaults to the browser's. */
  locale?: string | undefined;
  /** ISO 4217 currency for `currency` metrics. Default "USD". */
  currency?: string | undefined;
}

/** Intl formatters are costly to build: share them between widgets with the same locale and currency. */
const formatterCache = new Map<string, Formatters>();

function cachedFormatters(locale: string | undefined, currency: string | undefined, notAvailable: string): Formatters {
  const key = `${locale ?? ""}\u0000${currency ?? ""}\u0000${notAvailable}`;
  let formatters = formatterCache.get(key);
  if (!formatters) {
    if (formatterCache.size > 32) formatterCache.clear();
    formatters = createFormatters({ locale, currency, notAvailable });
    formatterCache.set(key, formatters);
  }
  return formatters;
}

/** Resolved messages (`m`) and `Intl` formatters (`f`) for a widget, memoised on their inputs. */
export function useLocaleText({ messages, locale, currency }: LocaleTextProps): { m: ResultsMessages; f: Formatters } {
  const m = useMemo(() => resolveMessages(messages), [messages]);
  const f = useMemo(() => cachedFormatters(locale, currency, m.notAvailable), [locale, currency, m.notAvailable]);
  return { m, f };
}
