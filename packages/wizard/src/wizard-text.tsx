import { createContext, type ReactNode, useContext, useMemo } from "react";
import { formatIsoDate } from "./dates";
import { defaultMessages, type WizardMessages } from "./messages";

export interface WizardText {
  messages: WizardMessages;
  locale: string | undefined;
  /** A relative change as a percentage: 0.05 → "5%". */
  percent: (fraction: number) => string;
  /** A whole percentage of traffic: 50 → "50%". */
  share: (percent: number) => string;
  /** A plain number: 12000 → "12,000". */
  count: (value: number) => string;
  /** A number of days: 14 → "14 days". */
  days: (count: number) => string;
  /** A `YYYY-MM-DD` date in the locale's medium style. */
  date: (isoDate: string) => string;
}

export function createWizardText(messages: WizardMessages, locale: string | undefined): WizardText {
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const countFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const daysFormat = new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long" });
  return {
    messages,
    locale,
    percent: (fraction) => percentFormat.format(fraction),
    share: (percent) => percentFormat.format(percent / 100),
    count: (value) => countFormat.format(value),
    days: (count) => daysFormat.format(count),
    date: (isoDate) => formatIsoDate(isoDate, locale),
  };
}

const WizardTextContext = createContext<WizardText>(createWizardText(defaultMessages, undefined));

export function WizardTextProvider({
  messages,
  locale,
  children,
}: {
  messages: WizardMessages;
  locale: string | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => createWizardText(messages, locale), [messages, locale]);
  return <WizardTextContext.Provider value={value}>{children}</WizardTextContext.Provider>;
}

export function useWizardText(): WizardText {
  return useContext(WizardTextContext);
}
