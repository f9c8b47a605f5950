import {
  createI18nCatalogue,
  type Formatters,
  type I18nProps,
  I18nProvider,
  type I18nScope,
  type StyleProps,
  useI18n,
  useI18nScope,
} from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import { defaultMessages, type ResultsMessages } from "./messages";

/** The results dashboard's catalogue in the kit's one text system. */
export const resultsCatalogue = createI18nCatalogue(defaultMessages);

/** The props every widget takes for its text, numbers and the host's styling. */
export interface LocaleTextProps extends I18nProps<ResultsMessages>, StyleProps {}

/**
 * A widget's resolved messages (`m`) and `Intl` formatters (`f`): its own props on top of an enclosing widget's (a
 * `SummaryCards` inside `ResultsDashboard` inherits the dashboard's `messages`, `locale` and `currency`).
 */
export function useLocaleText(props: I18nProps<ResultsMessages>): {
  m: ResultsMessages;
  f: Formatters;
  scope: I18nScope<ResultsMessages>;
} {
  const scope = useI18nScope(resultsCatalogue, {
    messages: props.messages,
    locale: props.locale,
    currency: props.currency,
  });
  return { m: scope.messages, f: scope.format, scope };
}

/** What the parts inside a widget read: the text of the enclosing widget ({@link ResultsTextProvider}). */
export function useResultsText(): { m: ResultsMessages; f: Formatters } {
  const scope = useI18n(resultsCatalogue);
  return { m: scope.messages, f: scope.format };
}

/** Makes a widget's resolved text (from {@link useLocaleText}) what its parts read with {@link useResultsText}. */
export function ResultsTextProvider({ value, children }: { value: I18nScope<ResultsMessages>; children: ReactNode }) {
  return (
    <I18nProvider catalogue={resultsCatalogue} value={value}>
      {children}
    </I18nProvider>
  );
}
