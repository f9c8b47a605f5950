import { errorKind } from "@flagsmith-experimentation/ui";
import { useEffect, useRef, useState } from "react";

/** `retryAfterSeconds` of a rate-limited adapter error (HTTP 429 with `Retry-After`), if it has one. */
export function retryAfterOf(error: unknown): number | undefined {
  if (errorKind(error) !== "rate-limited") return undefined;
  const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/**
 * For a rate-limited error with `Retry-After`: the seconds left, counting down once a second, then `retry()` once
 * (a rate limit says when trying again will work, so the user need not press "Retry"). `undefined` for any other
 * error. A new error starts a new countdown.
 */
export function useRetryCountdown(error: unknown, retry: () => void): number | undefined {
  const seconds = retryAfterOf(error);
  const [left, setLeft] = useState(seconds);
  const latest = useRef(retry);
  latest.current = retry;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new error (even with the same seconds) restarts the countdown
  useEffect(() => {
    setLeft(seconds);
    if (seconds === undefined) return;
    let remaining = seconds;
    const timer = setInterval(() => {
      remaining -= 1;
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        clearInterval(timer);
        latest.current();
      }
    }, 1_000);
    return () => clearInterval(timer);
  }, [error, seconds]);
  return left;
}
