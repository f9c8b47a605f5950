export type { BadgeProps } from "./badge";
export { Badge } from "./badge";
export type { ButtonProps, ButtonVariant } from "./button";
export { Button } from "./button";
export type { CalloutProps } from "./callout";
export { Callout } from "./callout";
export type { StyleProps } from "./class-names";
export { cx, ROOT_CLASS, rootProps } from "./class-names";
export type { DialogProps } from "./dialog";
export { Dialog, DialogClose } from "./dialog";
export type { ErrorMessages } from "./error-message";
export { defaultErrorMessages, errorKind, errorMessage, isRetryable, ReadableError } from "./error-message";
export type { FieldProps } from "./field";
export { describedBy, Field, FieldError, fieldDescribedBy, Hint } from "./field";
export type { FormatOptions, Formatters } from "./format";
export { createFormatters, isFiniteNumber, safeLocale } from "./format";
export type { I18n, I18nCatalogue, I18nProps, I18nScope, PascalCase } from "./i18n";
export {
  createI18nCatalogue,
  formatMessage,
  I18nProvider,
  messageKey,
  resolveMessages,
  useI18n,
  useI18nScope,
} from "./i18n";
export type { TableProps } from "./table";
export { Table } from "./table";
export type { Tone } from "./tone";
export type { AsyncQuery, AsyncState, AsyncStateOptions } from "./use-async-state";
export { useAsyncState } from "./use-async-state";
export { useControllableState } from "./use-controllable-state";
export { VisuallyHidden } from "./visually-hidden";
