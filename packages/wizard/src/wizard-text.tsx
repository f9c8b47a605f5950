import {
  createI18nCatalogue,
  errorMessage,
  type Formatters,
  type I18nProps,
  I18nProvider,
  type I18nScope,
  useI18n,
  useI18nScope,
} from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import { defaultMessages, type WizardMessages } from "./messages";

/** The wizard's catalogue in the kit's one text system. */
const wizardCatalogue = createI18nCatalogue(defaultMessages);

/** The wizard's messages and locale from its props, for {@link WizardTextProvider}. */
export function useWizardI18nScope(props: I18nProps<WizardMessages>): I18nScope<WizardMessages> {
  return useI18nScope(wizardCatalogue, props);
}

export function WizardTextProvider({ value, children }: { value: I18nScope<WizardMessages>; children: ReactNode }) {
  return (
    <I18nProvider catalogue={wizardCatalogue} value={value}>
      {children}
    </I18nProvider>
  );
}

export interface WizardText extends I18nScope<WizardMessages> {
  /** A relative change as a percentage: 0.05 → "5%". */
  percent: Formatters["percentPrecise"];
  /** A whole percentage of traffic: 50 → "50%". */
  share: Formatters["share"];
  /** A plain number: 12000 → "12,000". */
  count: Formatters["count"];
  /** A number of days: 14 → "14 days". */
  days: Formatters["days"];
  /** A number of seconds: 12 → "12 seconds". */
  seconds: Formatters["seconds"];
  /** A `YYYY-MM-DD` date in the locale's medium style. */
  date: Formatters["date"];
  /** An instant on the user's own clock, date and time: "Mar 2, 2026, 2:00 PM". */
  dateTime: Formatters["dateTime"];
  /** What to tell the user about an adapter failure. */
  error: (error: unknown) => string;
}

export function useWizardText(): WizardText {
  const i18n = useI18n(wizardCatalogue);
  const { format, messages } = i18n;
  return {
    ...i18n,
    percent: format.percentPrecise,
    share: format.share,
    count: format.count,
    days: format.days,
    date: format.date,
    seconds: format.seconds,
    dateTime: format.dateTime,
    error: (error) => errorMessage(error, messages, format),
  };
}
