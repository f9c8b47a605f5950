import { type Context, createContext, type ReactNode, useContext, useMemo } from "react";
import { createFormatters, type Formatters, safeLocale } from "./format";

/**
 * One way to do text in the kit. Each UI package has one catalogue of messages (its `defaultMessages`): plain
 * strings, `{placeholder}` templates filled by {@link formatMessage}, or functions where grammar needs code
 * (plurals). Hosts override any subset through the `messages` prop; numbers and dates go through one set of `Intl`
 * formatters for the `locale` prop, which never throws on a malformed locale (see `safeLocale`).
 */

/** What a component can read: the resolved messages, the (safe) locale and the formatters for it. */
export interface I18n<M> {
  messages: M;
  /** The canonical BCP 47 locale, or `undefined` for the runtime's. */
  locale: string | undefined;
  format: Formatters;
}

/** The props every public component takes for its text and numbers. */
export interface I18nProps<M> {
  /** Overrides for any user-visible string (see the package's `defaultMessages`). */
  messages?: Partial<M> | undefined;
  /** BCP 47 locale for numbers and dates (`"en-US"`; `"en_US"` works too). Default: the runtime's. */
  locale?: string | undefined;
  /** ISO 4217 currency for `currency` metrics. Default `"USD"`. */
  currency?: string | undefined;
}

/**
 * The defaults with the host's overrides on top. An override is used only when it has the default's type (a string
 * for a string, a function for a function, a list for a list) and is not an empty string, so a stray `undefined` or a
 * typo never blanks a label.
 */
export function resolveMessages<M extends object>(defaults: M, overrides: Partial<M> | undefined): M {
  if (!overrides) return defaults;
  const merged = { ...defaults };
  for (const key of Object.keys(overrides) as (keyof M)[]) {
    const value = overrides[key];
    const fallback = defaults[key];
    if (value === undefined || value === "" || !(key in defaults)) continue;
    if (Array.isArray(fallback) ? Array.isArray(value) : typeof value === typeof fallback) {
      merged[key] = value as M[keyof M];
    }
  }
  return merged;
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder out rather than printing "undefined". */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return value === undefined ? "" : String(value);
  });
}

/** Building `Intl` formatters is costly: widgets with the same locale, currency and "n/a" text share them. */
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

/** What a provider holds: the resolved text, plus the currency so nested widgets inherit it. */
export type I18nScope<M> = I18n<M> & { currency: string | undefined };

/** A package's catalogue and the React context that carries its resolved text (one per UI package). */
export interface I18nCatalogue<M> {
  defaultMessages: M;
  defaults: I18nScope<M>;
  context: Context<I18nScope<M> | null>;
}

/** A package's text system over its catalogue: pass it to {@link I18nProvider}, {@link useI18n}, {@link useI18nScope}. */
export function createI18nCatalogue<M extends { notAvailable: string }>(defaultMessages: M): I18nCatalogue<M> {
  return {
    defaultMessages,
    defaults: {
      messages: defaultMessages,
      locale: undefined,
      currency: undefined,
      format: cachedFormatters(undefined, undefined, defaultMessages.notAvailable),
    },
    context: createContext<I18nScope<M> | null>(null),
  };
}

/**
 * A public component's own text: its `messages`, `locale` and `currency` props on top of an enclosing provider (a
 * `SummaryCards` inside a `ResultsDashboard` inherits the dashboard's messages), or the package defaults. `own`: the
 * defaults of words only this component uses, kept out of the catalogue so that hosts who never render it do not ship
 * them (a constant, so it never resets the memo).
 */
export function useI18nScope<M extends { notAvailable: string }, O extends object = Record<never, never>>(
  catalogue: I18nCatalogue<M>,
  { messages, locale, currency }: I18nProps<M & O>,
  own?: O,
): I18nScope<M & O> {
  const parent = useContext(catalogue.context);
  const inherited = parent?.messages ?? catalogue.defaultMessages;
  const base = useMemo(() => (own ? { ...own, ...inherited } : inherited) as M & O, [own, inherited]);
  const resolved = useMemo(() => resolveMessages(base, messages), [base, messages]);
  const safe = locale === undefined ? parent?.locale : safeLocale(locale);
  const money = currency ?? parent?.currency;
  const format = useMemo(() => cachedFormatters(safe, money, resolved.notAvailable), [safe, money, resolved]);
  return useMemo(
    () => ({ messages: resolved, locale: safe, currency: money, format }),
    [resolved, safe, money, format],
  );
}

/** Makes `value` (from {@link useI18nScope}) what every part inside reads with {@link useI18n}. */
export function I18nProvider<M>({
  catalogue,
  value,
  children,
}: {
  catalogue: I18nCatalogue<M>;
  value: I18nScope<M>;
  children: ReactNode;
}) {
  const { Provider } = catalogue.context;
  return <Provider value={value}>{children}</Provider>;
}

/** The text of the nearest provider, or the package defaults outside one. */
export function useI18n<M>(catalogue: I18nCatalogue<M>): I18nScope<M> {
  return useContext(catalogue.context) ?? catalogue.defaults;
}

/** `"keep-running"` → `"KeepRunning"`, as a type. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/**
 * The catalogue key for one value of a union, by the kit's naming rule: `messageKey("status", "running")` →
 * `"statusRunning"`, `messageKey("verdict", "keep-running")` → `"verdictKeepRunning"`. Indexing a catalogue with it is
 * type-checked: a new status without its message is a compile error.
 */
export function messageKey<P extends string, V extends string>(prefix: P, value: V): `${P}${PascalCase<V>}` {
  const pascal = value
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  return `${prefix}${pascal}` as `${P}${PascalCase<V>}`;
}
