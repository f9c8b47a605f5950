import { describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import { demoFlags, demoMetrics, demoSegments, demoWorld } from "./fixtures";
import { flagSchema } from "./flag";
import { callAdapter, guardAdapters } from "./guard-adapters";
import type { FlagsAdapter, PersistenceAdapter } from "./host-adapters";
import type { MetricDefinition } from "./metric-definition";
import type { Segment } from "./segment";

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

  it("refuses a list in which two items share an id (flags, segments, metrics, experiments)", async () => {
    const [first, second] = demoFlags;
    if (!first || !second) throw new Error("demo flags missing");
    const flags: FlagsAdapter = {
      listFlags: async () => [first, { ...second, id: first.id }],
      getFlag: async () => first,
    };
    const metrics = {
      listMetrics: async () => [...demoMetrics, { ...(demoMetrics[1] as MetricDefinition), id: "conversion" }],
    };
    const segments = {
      listSegments: async () => [...demoSegments, demoSegments[0] as Segment],
      listOverrides: async () => [],
    };
    const guarded = guardAdapters({ flags, metrics, segments });
    for (const call of [guarded.flags.listFlags({}), guarded.metrics.listMetrics(), guarded.segments.listSegments()]) {
      const error = await failure(call);
      expect(error.kind).toBe("invalid-response");
      expect(error.issues.some((issue) => /ids must be unique/.test(issue.message))).toBe(true);
    }
    const issues = (await failure(guarded.flags.listFlags({}))).issues;
    expect(issues).toEqual([{ path: "1.id", message: `Two items have the id “${first.id}”: ids must be unique.` }]);
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

describe("guardAdapters — optional capabilities and planning figures", () => {
  it("keeps pause, resume, conclude and deleteDraft only when the host has them", async () => {
    const { createInMemoryAdapters } = await import("./in-memory-adapters");
    const raw = createInMemoryAdapters({ ...demoWorld, guard: false });
    const full = guardAdapters({ persistence: raw.persistence }).persistence;
    expect(typeof full.pause).toBe("function");
    expect(typeof full.resume).toBe("function");
    expect(typeof full.conclude).toBe("function");
    expect(typeof full.deleteDraft).toBe("function");
    await expect(full.deleteDraft?.("exp-draft-onboarding")).resolves.toBeUndefined();

    const { pause: _p, resume: _r, conclude: _c, deleteDraft: _d, ...minimal } = raw.persistence;
    const guarded: PersistenceAdapter = guardAdapters({ persistence: minimal }).persistence;
    expect(guarded.pause).toBeUndefined();
    expect(guarded.conclude).toBeUndefined();
  });

  it("keeps the planning figures the wizard reads (expectedDailyTraffic, baseline, baselineSd)", async () => {
    const segments = {
      listSegments: async () => [{ id: "s", name: "S", expectedDailyTraffic: 1200 }],
      listOverrides: async () => [],
    };
    const metrics = {
      listMetrics: async () => [
        {
          id: "m",
          name: "M",
          kind: "occurrence",
          eventName: "e",
          direction: "increase",
          baseline: 0.1,
          baselineSd: 0.3,
        },
      ],
    };
    const guarded = guardAdapters({ segments, metrics } as never) as unknown as {
      segments: typeof segments;
      metrics: typeof metrics;
    };
    expect(await guarded.segments.listSegments()).toEqual([{ id: "s", name: "S", expectedDailyTraffic: 1200 }]);
    expect((await guarded.metrics.listMetrics())[0]).toMatchObject({ baseline: 0.1, baselineSd: 0.3 });
  });

  it("reports rate limits, refused fields and server failures as distinct, retryable-or-not kinds", () => {
    expect(new AdapterError("rate-limited", undefined, { retryAfterSeconds: 12 })).toMatchObject({
      kind: "rate-limited",
      retryAfterSeconds: 12,
      retryable: true,
    });
    expect(new AdapterError("invalid-request", undefined, { fieldErrors: { name: ["Too long."] } })).toMatchObject({
      retryable: false,
      fieldErrors: { name: ["Too long."] },
    });
    expect(new AdapterError("server").retryable).toBe(true);
    expect(new AdapterError("query").retryable).toBe(false);
  });
});
