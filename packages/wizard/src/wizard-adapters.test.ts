import { AdapterError } from "@flagsmith-experimentation/adapters";
import {
  createInMemoryAdapters,
  demoMetrics,
  demoSegments,
  demoWorld,
} from "@flagsmith-experimentation/adapters/testing";
import { errorKind } from "@flagsmith-experimentation/ui";
import { describe, expect, it } from "vitest";
import { guardWizardAdapters } from "./wizard-adapters";

describe("guardWizardAdapters", () => {
  it("passes valid answers through and keeps the planning figures", async () => {
    const raw = createInMemoryAdapters({
      ...demoWorld,
      guard: false,
      segments: demoSegments.map((s, i) => Object.assign({}, s, { expectedDailyTraffic: i === 0 ? 1200 : "lots" })),
      metrics: demoMetrics.map((m, i) => Object.assign({}, m, { baseline: i === 0 ? 0.1 : null, baselineSd: -1 })),
    });
    const adapters = guardWizardAdapters(raw);
    const segments = await adapters.segments.listSegments();
    expect(segments[0]).toEqual({ ...demoSegments[0], expectedDailyTraffic: 1200 });
    expect(segments[1]).toEqual({ ...demoSegments[1], expectedDailyTraffic: undefined });
    const metrics = await adapters.metrics.listMetrics();
    expect(metrics[0]).toEqual({ ...demoMetrics[0], baseline: 0.1, baselineSd: undefined });
    expect(metrics[1]).toEqual({ ...demoMetrics[1], baseline: undefined, baselineSd: undefined });
    expect((await adapters.flags.listFlags({ search: "pricing" })).map((f) => f.id)).toEqual(["pricing-layout"]);
  });

  it("turns a malformed answer into an invalid-response AdapterError", async () => {
    const raw = createInMemoryAdapters({
      ...demoWorld,
      guard: false,
      faults: { "flags.listFlags": { type: "malformed" } },
    });
    const error = await guardWizardAdapters(raw)
      .flags.listFlags({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect(errorKind(error)).toBe("invalid-response");
    expect((error as AdapterError).operation).toBe("flags.listFlags");
  });

  it("times out a call that never answers", async () => {
    const raw = createInMemoryAdapters({
      ...demoWorld,
      guard: false,
      faults: { "segments.listSegments": { type: "hang" } },
    });
    const error = await guardWizardAdapters(raw, { timeoutMs: 20 })
      .segments.listSegments()
      .catch((e: unknown) => e);
    expect(errorKind(error)).toBe("timeout");
  });

  it("lets the host's own errors through unchanged", async () => {
    const raw = createInMemoryAdapters({ ...demoWorld, guard: false });
    const error = await guardWizardAdapters(raw)
      .flags.getFlag("nope")
      .catch((e: unknown) => e);
    expect(errorKind(error)).toBe("not-found");
    expect((error as Error).message).toBe("There is no flag with the id “nope”.");
  });
});
