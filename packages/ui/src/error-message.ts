import { type AdapterErrorKind, DEFAULT_ADAPTER_ERROR_MESSAGES } from "@flagsmith-experimentation/adapters";
import type { Formatters } from "./format";
import { formatMessage, messageKey } from "./i18n";

/**
 * The words for each kind of adapter failure. Both UI packages' catalogues include these keys, so a host translates
 * them once per package; `{seconds}` and `{fields}` are placeholders.
 */
export interface ErrorMessages {
  errorNetwork: string;
  errorTimeout: string;
  errorInvalidResponse: string;
  errorNotFound: string;
  errorConflict: string;
  /** `{name}`: the experiment that conflicts, when the adapter says which. */
  errorConflictWith: string;
  errorUnauthorized: string;
  errorRateLimited: string;
  /** `{seconds}`: the server's `Retry-After`, formatted. */
  errorRateLimitedRetryAfter: string;
  errorInvalidRequest: string;
  /** `{fields}`: each field with its problems. */
  errorFieldErrors: string;
  errorServer: string;
  errorQuery: string;
  /** Anything that is not an adapter error (a bug, a host error without words for people). */
  errorUnknown: string;
}

export const defaultErrorMessages: ErrorMessages = {
  errorNetwork: DEFAULT_ADAPTER_ERROR_MESSAGES.network,
  errorTimeout: DEFAULT_ADAPTER_ERROR_MESSAGES.timeout,
  errorInvalidResponse: DEFAULT_ADAPTER_ERROR_MESSAGES["invalid-response"],
  errorNotFound: DEFAULT_ADAPTER_ERROR_MESSAGES["not-found"],
  errorConflict: DEFAULT_ADAPTER_ERROR_MESSAGES.conflict,
  errorConflictWith: "It conflicts with “{name}”.",
  errorUnauthorized: DEFAULT_ADAPTER_ERROR_MESSAGES.unauthorized,
  errorRateLimited: "Too many requests at once. Wait a moment and try again.",
  errorRateLimitedRetryAfter: "Too many requests at once. Try again in {seconds}.",
  errorInvalidRequest: "The server did not accept the request.",
  errorFieldErrors: "{fields}",
  errorServer: "The server ran into a problem. Try again in a moment.",
  errorQuery: "The warehouse could not run the query.",
  errorUnknown: "Something went wrong.",
};

/** A kind `AdapterError` knows (the adapters' list of kinds); its words are the catalogue's `error<Kind>`. */
function isKnownKind(kind: string): kind is AdapterErrorKind {
  return Object.hasOwn(DEFAULT_ADAPTER_ERROR_MESSAGES, kind);
}

/**
 * An error whose message is written for people (e.g. "The warehouse sent statistics in a shape we do not
 * understand."): the mapper shows its message as is.
 */
export class ReadableError extends Error {
  override name = "ReadableError";
}

function field<T>(error: object, name: string, check: (value: unknown) => value is T): T | undefined {
  const value = (error as Record<string, unknown>)[name];
  return check(value) ? value : undefined;
}

const isString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The `kind` of an adapter error (an `AdapterError`, or any error with a string `kind`), if any. */
export function errorKind(error: unknown): string | undefined {
  return isRecord(error) ? field(error, "kind", isString) : undefined;
}

/** Flagsmith-style field errors (`{ name: ["This field is required."] }`) as one line: "name: This field is required." */
function fieldErrorsText(error: object): string | undefined {
  const fieldErrors = field(error, "fieldErrors", isRecord);
  if (!fieldErrors) return undefined;
  const parts = Object.entries(fieldErrors).flatMap(([name, problems]) => {
    const list = (Array.isArray(problems) ? problems : [problems]).filter(isString);
    return list.length > 0 ? [name === "non_field_errors" ? list.join(" ") : `${name}: ${list.join(" ")}`] : [];
  });
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/**
 * The one error-to-message mapper: what to tell a user about anything an adapter (or the kit) threw.
 *
 * - An adapter error (anything with a known `kind`) gets the catalogue's words for its kind, unless the adapter wrote
 *   its own message for people (a message other than the kind's default), which is shown instead. The server's
 *   `detail`, field errors (`invalid-request`), `Retry-After` (`rate-limited`) and the conflicting experiment's name
 *   (`conflict`) are added.
 * - A {@link ReadableError} shows its message.
 * - Anything else (a bug, a `TypeError`) shows `fallback`: never a stack trace or a programmer's message.
 */
export function errorMessage(
  error: unknown,
  messages: ErrorMessages,
  format: Pick<Formatters, "seconds">,
  fallback: string = messages.errorUnknown,
): string {
  if (error instanceof ReadableError && error.message.trim() !== "") return error.message;
  const kind = errorKind(error);
  if (!isRecord(error) || kind === undefined || !isKnownKind(kind)) return fallback;
  const own = field(error, "message", isString);
  const isDefault = own === undefined || own === DEFAULT_ADAPTER_ERROR_MESSAGES[kind];
  const retryAfter = field(error, "retryAfterSeconds", isNumber);
  let text = !isDefault
    ? own
    : kind === "rate-limited" && retryAfter !== undefined
      ? formatMessage(messages.errorRateLimitedRetryAfter, {
          seconds: format.seconds(Math.max(1, Math.ceil(retryAfter))),
        })
      : messages[messageKey("error", kind)];
  const extras: string[] = [];
  const detail = field(error, "detail", isString);
  if (detail && !text.includes(detail)) extras.push(detail);
  const fields = fieldErrorsText(error);
  if (fields && !text.includes(fields)) extras.push(formatMessage(messages.errorFieldErrors, { fields }));
  const conflict = field(error, "conflict", isRecord);
  const conflictName = conflict ? field(conflict, "experimentName", isString) : undefined;
  if (conflictName) extras.push(formatMessage(messages.errorConflictWith, { name: conflictName }));
  for (const extra of extras) text = `${text} ${extra}`;
  return text;
}

/** Whether "Retry" can help: network trouble, timeouts, rate limits and server errors. */
export function isRetryable(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === "network" || kind === "timeout" || kind === "rate-limited" || kind === "server";
}
