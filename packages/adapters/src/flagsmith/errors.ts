/**
 * Flagsmith's answers as `AdapterError`s that keep their meaning: 401/403 unauthorized, 404 not found, 409
 * conflict, 429 rate limited (with `Retry-After`), 400 invalid request (with Django REST framework's field
 * errors), 5xx server — and Flagsmith's own `detail` in the message.
 */
import { AdapterError, type AdapterErrorKind, type AdapterErrorOptions } from "../adapter-error";

/** Django REST framework's error bodies: `{"detail": …}`, `{"field": ["…"]}` (nested for nested data), `["…"]`. */
export interface DrfErrorBody {
  detail: string | undefined;
  fieldErrors: Record<string, string[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Adds a message to a field's list (`non_field_errors` for the request as a whole). */
export function addFieldError(into: Record<string, string[]>, field: string, message: string): void {
  const key = field || "non_field_errors";
  into[key] = [...(into[key] ?? []), message];
}

function collect(value: unknown, path: string, into: Record<string, string[]>): void {
  if (typeof value === "string") {
    addFieldError(into, path, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item === "string") collect(item, path, into);
      else collect(item, path ? `${path}.${index}` : String(index), into);
    });
  } else if (isRecord(value)) {
    for (const [key, nested] of Object.entries(value)) {
      collect(nested, path ? (key === "non_field_errors" ? path : `${path}.${key}`) : key, into);
    }
  }
}

/** Reads a DRF error body: `detail` (or the versioning API's `message`) and the field errors, flattened (`metrics.0.metric`). */
export function readDrfErrorBody(body: unknown): DrfErrorBody {
  if (Array.isArray(body) && body.every((item) => typeof item === "string")) {
    return { detail: body.join(" "), fieldErrors: {} };
  }
  if (!isRecord(body)) return { detail: undefined, fieldErrors: {} };
  const { detail, message, ...fields } = body;
  const text = typeof detail === "string" ? detail : typeof message === "string" ? message : undefined;
  const fieldErrors: Record<string, string[]> = {};
  collect(fields, "", fieldErrors);
  if (Array.isArray(detail)) collect(detail, "non_field_errors", fieldErrors);
  return { detail: text, fieldErrors };
}

/** `Retry-After` in seconds (a delay or an HTTP date), else DRF's "Expected available in N seconds." */
export function retryAfterSeconds(headers: Headers, detail: string | undefined, now: Date): number | undefined {
  const header = headers.get("retry-after")?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.ceil(Number(header));
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const fromDetail = detail ? /available in (\d+) seconds?/i.exec(detail) : null;
  return fromDetail ? Number(fromDetail[1]) : undefined;
}

function kindFor(status: number): AdapterErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  return "invalid-request";
}

function describeFields(fieldErrors: Record<string, string[]>): string | undefined {
  const entries = Object.entries(fieldErrors);
  if (entries.length === 0) return undefined;
  return entries
    .map(([field, messages]) => (field === "non_field_errors" ? messages.join(" ") : `${field}: ${messages.join(" ")}`))
    .join("; ");
}

export interface FlagsmithErrorContext {
  operation: string;
  /** The request went to an `environments/{key}/…` URL: a 403 there also means "no such environment key". */
  environmentUrl: boolean;
  now: Date;
}

/** The `AdapterError` for a non-2xx answer from Flagsmith. */
export function flagsmithHttpError(
  status: number,
  headers: Headers,
  body: unknown,
  context: FlagsmithErrorContext,
): AdapterError {
  const kind = kindFor(status);
  const { detail, fieldErrors } = readDrfErrorBody(body);
  const said = detail ?? describeFields(fieldErrors);
  const quote = said ? ` Flagsmith said: “${said}”` : "";
  const options: AdapterErrorOptions = {
    operation: context.operation,
    status,
    cause: { status, body },
    ...(detail !== undefined ? { detail } : {}),
  };
  switch (kind) {
    case "unauthorized":
      return new AdapterError(
        kind,
        status === 401
          ? `Flagsmith did not accept the credentials: check the organisation API key or token.${quote}`
          : context.environmentUrl
            ? `The environment key was not found, or these credentials have no access to it (the key must be the environment's client-side key, and experiments must be enabled for the organisation).${quote}`
            : `These credentials have no access to this in Flagsmith.${quote}`,
        options,
      );
    case "not-found":
      return new AdapterError(kind, `Flagsmith could not find what was asked for.${quote}`, options);
    case "conflict":
      return new AdapterError(kind, said ? `Flagsmith refused: ${said}` : undefined, options);
    case "rate-limited": {
      const seconds = retryAfterSeconds(headers, detail, context.now);
      return new AdapterError(
        kind,
        `Flagsmith is receiving too many requests${seconds !== undefined ? `; try again in ${seconds} s` : ""}.${quote}`,
        { ...options, ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}) },
      );
    }
    case "server":
      return new AdapterError(
        kind,
        `Flagsmith had a problem answering (HTTP ${status}). Try again in a moment.${quote}`,
        options,
      );
    default:
      return new AdapterError(kind, `Flagsmith refused the request.${quote}`, { ...options, fieldErrors });
  }
}
