import { useCallback, useEffect, useRef, useState } from "react";
import type { WizardMessages } from "./messages";
import { errorKind } from "./wizard-adapters";

export type AdapterQueryState<T> =
  | { status: "idle"; data: undefined; error: undefined }
  | { status: "loading"; data: T | undefined; error: undefined }
  | { status: "error"; data: T | undefined; error: unknown }
  | { status: "success"; data: T; error: undefined };

export type AdapterQuery<T> = AdapterQueryState<T> & {
  /** Runs the call again (the "Retry" button); resolves with the fresh data, or `undefined` on failure. */
  retry: () => Promise<T | undefined>;
};

/**
 * Runs one adapter call whenever `key` changes (no call while `key` is `null`), with loading / error /
 * success states and a retry. Answers to an outdated key are dropped, so a slow response can never
 * overwrite a newer one. Data from the previous key stays available while the next one loads.
 */
export function useAdapterQuery<T>(key: string | null, load: () => Promise<T>): AdapterQuery<T> {
  const [state, setState] = useState<AdapterQueryState<T>>(
    key === null
      ? { status: "idle", data: undefined, error: undefined }
      : { status: "loading", data: undefined, error: undefined },
  );
  const loadRef = useRef(load);
  loadRef.current = load;
  const requestRef = useRef(0);
  const mountedRef = useRef(true);

  const run = useCallback(async (): Promise<T | undefined> => {
    const request = ++requestRef.current;
    setState((previous) => ({ status: "loading", data: previous.data, error: undefined }));
    try {
      const data = await loadRef.current();
      if (mountedRef.current && request === requestRef.current) setState({ status: "success", data, error: undefined });
      return data;
    } catch (error) {
      if (mountedRef.current && request === requestRef.current) {
        setState((previous) => ({ status: "error", data: previous.data, error }));
      }
      return undefined;
    }
  }, []);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
    };
  }, []);

  useEffect(() => {
    if (key === null) {
      requestRef.current += 1;
      setState({ status: "idle", data: undefined, error: undefined });
      return;
    }
    void run();
  }, [key, run]);

  return { ...state, retry: run } as AdapterQuery<T>;
}

/**
 * The user-readable message of anything an adapter threw: timeouts and malformed answers use `messages`
 * (overridable and translatable); other errors (`AdapterError` messages are written for people) keep theirs.
 */
export function errorMessage(
  error: unknown,
  messages: Pick<WizardMessages, "unknownError" | "invalidResponse" | "timedOut">,
): string {
  const kind = errorKind(error);
  if (kind === "timeout") return messages.timedOut;
  if (kind === "invalid-response") return messages.invalidResponse;
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  return messages.unknownError;
}
