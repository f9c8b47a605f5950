import type { Experiment } from "./experiment";

/**
 * What went wrong at an adapter boundary:
 * - `network`: the server could not be reached; `timeout`: it did not answer in time;
 * - `invalid-response`: it answered with data of the wrong shape;
 * - `not-found` (404), `unauthorized` (401/403), `conflict` (409, or a stale revision);
 * - `rate-limited` (429; `retryAfterSeconds` says when to try again);
 * - `invalid-request` (400; `fieldErrors` says which fields were refused);
 * - `server` (5xx): the server failed; `query`: the warehouse refused the SQL or the data (not a network fault).
 */
export type AdapterErrorKind =
  | "network"
  | "timeout"
  | "invalid-response"
  | "not-found"
  | "conflict"
  | "unauthorized"
  | "rate-limited"
  | "invalid-request"
  | "server"
  | "query";

/** Messages a person can read, used when the adapter gives none. */
export const DEFAULT_ADAPTER_ERROR_MESSAGES: Record<AdapterErrorKind, string> = {
  network: "We could not reach the server. Check the connection and try again.",
  timeout: "The server took too long to answer. Try again in a moment.",
  "invalid-response": "The server sent data in a shape we do not understand.",
  "not-found": "We could not find what you asked for. It may have been deleted.",
  conflict: "Someone else changed this at the same time. Reload and try again.",
  unauthorized: "You are not allowed to do this. Check the API key or your permissions.",
  "rate-limited": "The server is receiving too many requests. Try again in a moment.",
  "invalid-request": "The server refused the request because some values are not valid.",
  server: "The server ran into a problem. Try again in a moment.",
  query: "The warehouse could not run the query for this experiment.",
};

/** What a `conflict` is about: the experiment holding the flag, or the current version of what was edited. */
export interface AdapterConflict {
  /** The experiment that already holds the flag (one active experiment per flag and environment). */
  experimentId?: string;
  experimentName?: string;
  /** The stored experiment as it is now (a stale revision: show the user what changed). */
  current?: Experiment;
}

export interface AdapterErrorOptions {
  /** The original error or response, kept for logs and debugging (never shown). */
  cause?: unknown;
  /** The adapter method that failed, e.g. `"flags.listFlags"`. */
  operation?: string;
  /** For `invalid-response`: where the data did not match, e.g. `["0", "variations", "1", "key"]`. */
  issues?: { path: string; message: string }[];
  /** The HTTP status, when the adapter talks HTTP. */
  status?: number;
  /** For `rate-limited`: seconds until a retry may succeed (HTTP `Retry-After`). */
  retryAfterSeconds?: number;
  /** For `invalid-request`: the server's messages per field (`non_field_errors` for the whole request). */
  fieldErrors?: Record<string, string[]>;
  /** The server's own explanation (e.g. Flagsmith's `detail`), already part of `message` when the adapter set one. */
  detail?: string;
  conflict?: AdapterConflict;
}

/**
 * The one error type every adapter call fails with. `message` is written for a user;
 * `cause` carries the original error.
 */
export class AdapterError extends Error {
  override readonly name = "AdapterError";
  readonly kind: AdapterErrorKind;
  readonly operation: string | undefined;
  readonly issues: { path: string; message: string }[];
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly fieldErrors: Record<string, string[]>;
  readonly detail: string | undefined;
  readonly conflict: AdapterConflict | undefined;

  constructor(kind: AdapterErrorKind, message?: string, options: AdapterErrorOptions = {}) {
    super(message ?? DEFAULT_ADAPTER_ERROR_MESSAGES[kind], { cause: options.cause });
    this.kind = kind;
    this.operation = options.operation;
    this.issues = options.issues ?? [];
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fieldErrors = options.fieldErrors ?? {};
    this.detail = options.detail;
    this.conflict = options.conflict;
  }

  /** Worth offering “Retry” for: network trouble, timeouts, rate limits and server failures. */
  get retryable(): boolean {
    return this.kind === "network" || this.kind === "timeout" || this.kind === "rate-limited" || this.kind === "server";
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}

/**
 * Turns anything thrown into an {@link AdapterError}; adapter errors pass through unchanged. Anything else is
 * kept as the `cause` of a `network` error (the adapter could not give a better reason).
 */
export function toAdapterError(error: unknown, operation?: string): AdapterError {
  if (error instanceof AdapterError) return error;
  return new AdapterError("network", undefined, { cause: error, ...(operation ? { operation } : {}) });
}
