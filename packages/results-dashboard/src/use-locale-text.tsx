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
import { type ResultsMessages, type ResultsPageMessages, resultsMessages } from "./messages";

/**
 * The results dashboard's catalogue in the kit's one text system: the words of the results page's widgets. The
 * experiment list and the warehouse connection form add their own words (`useLocaleText`'s `own`).
 */
export const resultsCatalogue = createI18nCatalogue(resultsMessages);

/** The props every widget takes for its text, numbers and the host's styling. */
export interface LocaleTextProps extends I18nProps<ResultsMessages>, StyleProps {}

/**
 * A widget's resolved messages (`m`) and `Intl` formatters (`f`): its own props on top of an enclosing widget's (a
 * `SummaryCards` inside `ResultsDashboard` inherits the dashboard's `messages`, `locale` and `currency`).
 */
export function useLocaleText<O extends object = Record<never, never>>(
  props: I18nProps<ResultsMessages>,
  own?: O,
): {
  m: ResultsPageMessages & O;
  f: Formatters;
  scope: I18nScope<ResultsPageMessages & O>;
} {
  const scope = useI18nScope(
    resultsCatalogue,
    // The props' type names every word of the package; a widget reads those of its catalogue and its own.
    { messages: props.messages as Partial<ResultsPageMessages & O>, locale: props.locale, currency: props.currency },
    own,
  );
  return { m: scope.messages, f: scope.format, scope };
}

/** What the parts inside a widget read: the text of the enclosing widget ({@link ResultsTextProvider}). */
export function useResultsText(): { m: ResultsPageMessages; f: Formatters } {
  const scope = useI18n(resultsCatalogue);
  return { m: scope.messages, f: scope.format };
}

/** Makes a widget's resolved text (from {@link useLocaleText}) what its parts read with {@link useResultsText}. */
export function ResultsTextProvider({
  value,
  children,
}: {
  value: I18nScope<ResultsPageMessages>;
  children: ReactNode;
}) {
  return (
    <I18nProvider catalogue={resultsCatalogue} value={value}>
      {children}
    </I18nProvider>
  );
}
