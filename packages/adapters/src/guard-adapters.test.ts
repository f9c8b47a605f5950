import { describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import { demoFlags } from "./fixtures";
import { flagSchema } from "./flag";
import { callAdapter, guardAdapters } from "./guard-adapters";
import type { FlagsAdapter } from "./host-adapters";

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("guardAdapters", () => {
  it("passes valid results through", async () => {
    const flags: FlagsAdapter = { listFlags: async () => demoFlags, getFlag: async () => demoFlags[0] as never };
    const guarded = guardAdapters({ flags });
    await expect(guarded.flags.listFlags({})).resolves.toEqual(demoFlags);
  });

  it("turns a malformed response into an invalid-response error that says where", async () => {
    const flags: FlagsAdapter = {
      listFlags: async () => [{ id: 1, name: "x" }] as never,
      getFlag: async () => ({}) as never,
    };
    const error = await failure(guardAdapters({ flags }).flags.listFlags({}));
    expect(error.kind).toBe("invalid-response");
    expect(error.operation).toBe("flags.listFlags");
    expect(error.message).toBe("The server sent data in a shape we do not understand.");
    expect(error.issues.map((i) => i.path)).toContain("0.id");
  });

  it("times out a call that never answers", async () => {
    const flags: FlagsAdapter = { listFlags: () => new Promise(() => {}), getFlag: () => new Promise(() => {}) };
    const error = await failure(guardAdapters({ flags }, { timeoutMs: 20 }).flags.getFlag("x"));
    expect(error.kind).toBe("timeout");
    expect(error.retryable).toBe(true);
  });

  it("wraps anything thrown as a network error and keeps the cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await failure(
      callAdapter("flags.getFlag", flagSchema, () => {
        throw cause;
      }),
    );
    expect(error.kind).toBe("network");
    expect(error.cause).toBe(cause);
  });

  it("keeps adapter errors the host throws", async () => {
    const notFound = new AdapterError("not-found", "No flag 42.");
    const error = await failure(callAdapter("flags.getFlag", flagSchema, async () => Promise.reject(notFound)));
    expect(error).toBe(notFound);
  });
});
