import { withTimeout } from "@flagsmith-experimentation/adapters";
import { useCallback, useEffect, useRef, useState } from "react";

export type AsyncState<T> =
  | { status: "idle"; data: undefined; error: undefined }
  | { status: "loading"; data: T | undefined; error: undefined }
  | { status: "error"; data: T | undefined; error: unknown }
  | { status: "success"; data: T; error: undefined };

export type AsyncQuery<T> = AsyncState<T> & {
  /** Runs the call again (the "Retry" button); resolves with the fresh data, or `undefined` on failure. */
  retry: () => Promise<T | undefined>;
};

export interface AsyncStateOptions {
  /**
   * Milliseconds before the call fails with an `AdapterError` of kind `timeout` (a call that never answers must not
   * leave a spinner forever). Default: no limit (the adapters are expected to be guarded).
   */
  timeoutMs?: number;
  /** Names the call in the timeout error, e.g. `"flags.listFlags"`. */
  operation?: string;
}

const IDLE = { status: "idle", data: undefined, error: undefined } as const;

/**
 * The kit's one async-state machine: runs `load` whenever `key` changes (nothing while `key` is `null`), with
 * loading / error / success states, "Retry", an optional timeout, and stale answers ignored: a slow response to an
 * older key (or an older retry) never overwrites a newer one, and nothing is set after unmount. Data from the
 * previous key stays readable while the next one loads.
 */
export function useAsyncState<T>(
  key: string | null,
  load: () => Promise<T>,
  { timeoutMs = Number.POSITIVE_INFINITY, operation = "load" }: AsyncStateOptions = {},
): AsyncQuery<T> {
  const [state, setState] = useState<AsyncState<T>>(
    key === null ? IDLE : { status: "loading", data: undefined, error: undefined },
  );
  const latest = useRef({ load, timeoutMs, operation });
  latest.current = { load, timeoutMs, operation };
  const requestRef = useRef(0);
  const mountedRef = useRef(true);

  const run = useCallback(async (): Promise<T | undefined> => {
    const request = ++requestRef.current;
    const current = () => mountedRef.current && request === requestRef.current;
    setState((previous) => ({ status: "loading", data: previous.data, error: undefined }));
    try {
      const { load: call, timeoutMs: limit, operation: name } = latest.current;
      const data = await withTimeout(Promise.resolve().then(call), limit, name);
      if (current()) setState({ status: "success", data, error: undefined });
      return data;
    } catch (error) {
      if (current()) setState((previous) => ({ status: "error", data: previous.data, error }));
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
      setState(IDLE);
      return;
    }
    void run();
  }, [key, run]);

  return { ...state, retry: run } as AsyncQuery<T>;
}
