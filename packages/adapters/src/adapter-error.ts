/** What went wrong at an adapter boundary. */
export type AdapterErrorKind = "network" | "timeout" | "invalid-response" | "not-found" | "conflict" | "unauthorized";

/** Messages a person can read, used when the adapter gives none. */
export const DEFAULT_ADAPTER_ERROR_MESSAGES: Record<AdapterErrorKind, string> = {
  network: "We could not reach the server. Check the connection and try again.",
  timeout: "The server took too long to answer. Try again in a moment.",
  "invalid-response": "The server sent data in a shape we do not understand.",
  "not-found": "We could not find what you asked for. It may have been deleted.",
  conflict: "Someone else changed this at the same time. Reload and try again.",
  unauthorized: "You are not allowed to do this. Check the API key or your permissions.",
};

export interface AdapterErrorOptions {
  /** The original error or response, kept for logs and debugging (never shown). */
  cause?: unknown;
  /** The adapter method that failed, e.g. `"flags.listFlags"`. */
  operation?: string;
  /** For `invalid-response`: where the data did not match, e.g. `["0", "variations", "1", "key"]`. */
  issues?: { path: string; message: string }[];
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

  constructor(kind: AdapterErrorKind, message?: string, options: AdapterErrorOptions = {}) {
    super(message ?? DEFAULT_ADAPTER_ERROR_MESSAGES[kind], { cause: options.cause });
    this.kind = kind;
    this.operation = options.operation;
    this.issues = options.issues ?? [];
  }

  /** Worth offering “Retry” for (network trouble and timeouts). */
  get retryable(): boolean {
    return this.kind === "network" || this.kind === "timeout";
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}

/** Turns anything thrown into an {@link AdapterError}; adapter errors pass through unchanged. */
export function toAdapterError(error: unknown, operation?: string): AdapterError {
  if (error instanceof AdapterError) return error;
  return new AdapterError("network", undefined, { cause: error, ...(operation ? { operation } : {}) });
}
