import { AdapterError } from "@flagsmith-experimentation/adapters";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useAsyncState } from "./use-async-state";

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("useAsyncState", () => {
  it("goes from loading to success", async () => {
    const { result } = renderHook(() => useAsyncState("flags", () => Promise.resolve(["a"])));
    expect(result.current.status).toBe("loading");
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.data).toEqual(["a"]);
  });

  it("stays idle while the key is null", () => {
    const load = vi.fn(() => Promise.resolve(1));
    const { result } = renderHook(() => useAsyncState(null, load));
    expect(result.current.status).toBe("idle");
    expect(load).not.toHaveBeenCalled();
  });

  it("keeps the error and recovers on retry", async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new AdapterError("network"));
    load.mockResolvedValue("ok");
    const { result } = renderHook(() => useAsyncState("x", load));
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error).toBeInstanceOf(AdapterError);
    await act(() => result.current.retry());
    expect(result.current).toMatchObject({ status: "success", data: "ok" });
  });

  it("ignores a slow answer to an older key", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const { result, rerender } = renderHook(
      ({ key }) => useAsyncState(key, () => (key === "a" ? slow.promise : fast.promise)),
      {
        initialProps: { key: "a" },
      },
    );
    rerender({ key: "b" });
    fast.resolve("b's answer");
    await waitFor(() => expect(result.current.data).toBe("b's answer"));
    await act(async () => slow.resolve("a's late answer"));
    expect(result.current).toMatchObject({ status: "success", data: "b's answer" });
  });

  it("keeps the previous data readable while the next key loads", async () => {
    const next = deferred<string>();
    const { result, rerender } = renderHook(
      ({ key }) => useAsyncState(key, () => (key === "a" ? Promise.resolve("a") : next.promise)),
      {
        initialProps: { key: "a" },
      },
    );
    await waitFor(() => expect(result.current.data).toBe("a"));
    rerender({ key: "b" });
    expect(result.current).toMatchObject({ status: "loading", data: "a" });
  });

  it("fails with a timeout AdapterError when the call never answers", async () => {
    vi.useFakeTimers();
    try {
      const { result } = renderHook(() =>
        useAsyncState("hang", () => new Promise<never>(() => {}), { timeoutMs: 1000, operation: "flags.listFlags" }),
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(result.current.status).toBe("error");
      expect(result.current.error).toMatchObject({ kind: "timeout", operation: "flags.listFlags" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("sets nothing after unmount", async () => {
    const late = deferred<string>();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { unmount } = renderHook(() => useAsyncState("x", () => late.promise));
    unmount();
    await act(async () => late.resolve("too late"));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
