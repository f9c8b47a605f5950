import { describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import { demoExperiments, demoFlags, demoWorld } from "./fixtures";
import { createInMemoryAdapters } from "./in-memory-adapters";

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const completeDraft = {
  name: "Checkout colour again",
  hypothesis: "Green converts better.",
  startDate: "2026-05-01",
  endDate: "2026-05-14",
  flagId: "checkout-cta",
  variations: demoFlags[0]?.variations ?? [],
  metrics: [{ metricId: "conversion", role: "primary" as const }],
  segmentId: "eu-customers",
  weights: { control: 34, green: 33, orange: 33 },
};

describe("createInMemoryAdapters", () => {
  it("serves the demo fixtures and searches flags by name", async () => {
    const adapters = createInMemoryAdapters(demoWorld);
    expect(await adapters.flags.listFlags({})).toHaveLength(demoFlags.length);
    expect((await adapters.flags.listFlags({ search: "PRICING" })).map((f) => f.id)).toEqual(["pricing-layout"]);
    expect(await adapters.segments.listOverrides("checkout-cta")).toEqual([
      { flagId: "checkout-cta", segmentId: "beta-testers" },
    ]);
    expect((await adapters.metrics.listMetrics()).map((m) => m.kind)).toEqual([
      "occurrence",
      "sum",
      "ratio",
      "count",
      "occurrence",
      "count",
      "ratio",
    ]);
    expect(await adapters.persistence.listExperiments()).toHaveLength(demoExperiments.length);
  });

  it("answers an unknown flag with not-found", async () => {
    const error = await failure(createInMemoryAdapters(demoWorld).flags.getFlag("nope"));
    expect(error.kind).toBe("not-found");
  });

  it("creates and updates drafts, refusing a stale revision", async () => {
    const { persistence } = createInMemoryAdapters({ ...demoWorld, experiments: [] });
    const created = await persistence.saveDraft({ name: "First" });
    expect(created).toMatchObject({ status: "draft", name: "First", revision: 1 });
    const updated = await persistence.saveDraft({ id: created.id, revision: 1, hypothesis: "H" });
    expect(updated).toMatchObject({ name: "First", hypothesis: "H", revision: 2 });
    const stale = await failure(persistence.saveDraft({ id: created.id, revision: 1, name: "Other" }));
    expect(stale.kind).toBe("conflict");
  });

  it("launches once per idempotency key, as running or scheduled", async () => {
    const { persistence, controls } = createInMemoryAdapters({
      ...demoWorld,
      experiments: [],
      now: () => new Date("2026-04-20T10:00:00Z"),
    });
    const draft = await persistence.saveDraft(completeDraft);
    const [first, second] = await Promise.all([
      persistence.launch(draft.id, { idempotencyKey: "k1", expectedRevision: draft.revision }),
      persistence.launch(draft.id, { idempotencyKey: "k1", expectedRevision: draft.revision }),
    ]);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ status: "scheduled", revision: 2, launchedAt: "2026-04-20T10:00:00.000Z" });
    expect(controls.experiments()[0]?.revision).toBe(2);
    const again = await failure(persistence.launch(draft.id, { idempotencyKey: "k2", expectedRevision: 2 }));
    expect(again.kind).toBe("conflict");

    const now = createInMemoryAdapters({ ...demoWorld, experiments: [], now: () => new Date("2026-05-03T10:00:00Z") });
    const other = await now.persistence.saveDraft(completeDraft);
    expect(
      (await now.persistence.launch(other.id, { idempotencyKey: "k", expectedRevision: other.revision })).status,
    ).toBe("running");
  });

  it("launches only the revision the user reviewed", async () => {
    const { persistence, controls } = createInMemoryAdapters({ ...demoWorld, experiments: [] });
    const reviewed = await persistence.saveDraft(completeDraft);
    await persistence.saveDraft({ id: reviewed.id, name: "Changed elsewhere", weights: { control: 90, green: 10 } });

    const error = await failure(
      persistence.launch(reviewed.id, { idempotencyKey: "k", expectedRevision: reviewed.revision }),
    );
    expect(error.kind).toBe("conflict");
    expect(error.conflict?.current).toMatchObject({ name: "Changed elsewhere", revision: reviewed.revision + 1 });
    expect(controls.experiments()[0]?.status).toBe("draft");
  });

  it("pauses, resumes and concludes with a recorded decision", async () => {
    const at = new Date("2026-03-10T12:00:00Z");
    const { persistence } = createInMemoryAdapters({ ...demoWorld, now: () => at });
    expect((await persistence.pause?.("exp-checkout-cta"))?.status).toBe("paused");
    expect((await persistence.resume?.("exp-checkout-cta"))?.status).toBe("running");
    const concluded = await persistence.conclude?.("exp-checkout-cta", { winner: "green", note: "Ship it" });
    expect(concluded).toMatchObject({
      status: "concluded",
      stoppedAt: at.toISOString(),
      decision: { winner: "green", decidedAt: at.toISOString(), note: "Ship it", evidence: null },
    });
    const unknown = await failure(persistence.conclude?.("exp-search-ranking", { winner: "nope" }) ?? Promise.reject());
    expect(unknown.kind).toBe("conflict");
  });

  it("deletes drafts but never a launched experiment", async () => {
    const { persistence, controls } = createInMemoryAdapters(demoWorld);
    await persistence.deleteDraft?.("exp-draft-onboarding");
    expect(controls.experiments().some((e) => e.id === "exp-draft-onboarding")).toBe(false);
    expect((await failure(persistence.deleteDraft?.("exp-checkout-cta") ?? Promise.reject())).kind).toBe("conflict");
  });

  it("keeps the configuration read-only after launch and stops a running experiment", async () => {
    const { persistence } = createInMemoryAdapters(demoWorld);
    const error = await failure(persistence.saveDraft({ id: "exp-checkout-cta", name: "Renamed" }));
    expect(error.kind).toBe("conflict");
    expect(error.message).toMatch(/can no longer change/);
    const stopped = await persistence.stop("exp-checkout-cta");
    expect(stopped.status).toBe("stopped");
    expect((await persistence.getExperiment("exp-checkout-cta")).name).toBe("Checkout button colour");
  });

  it("injects reject, malformed and hang faults per method, and recovers after `times`", async () => {
    const adapters = createInMemoryAdapters({
      ...demoWorld,
      faults: { "flags.listFlags": { type: "reject", times: 1 } },
      guard: { timeoutMs: 30 },
    });
    expect((await failure(adapters.flags.listFlags({}))).kind).toBe("network");
    expect(await adapters.flags.listFlags({})).toHaveLength(demoFlags.length);
    expect(adapters.controls.calls("flags.listFlags")).toBe(2);

    adapters.controls.setFault("metrics.listMetrics", { type: "malformed" });
    expect((await failure(adapters.metrics.listMetrics())).kind).toBe("invalid-response");

    adapters.controls.setFault("segments.listSegments", { type: "hang" });
    expect((await failure(adapters.segments.listSegments())).kind).toBe("timeout");

    adapters.controls.setFault("persistence.getExperiment", {
      type: "reject",
      error: new AdapterError("unauthorized"),
    });
    expect((await failure(adapters.persistence.getExperiment("exp-checkout-cta"))).kind).toBe("unauthorized");
    adapters.controls.clearFaults();
    expect((await adapters.segments.listSegments()).length).toBeGreaterThan(0);
  });

  it("waits the configured latency", async () => {
    const adapters = createInMemoryAdapters({ ...demoWorld, latencyMs: { "metrics.listMetrics": 40 } });
    const started = performance.now();
    await adapters.metrics.listMetrics();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("returns copies, so callers cannot change the store", async () => {
    const adapters = createInMemoryAdapters(demoWorld);
    const [flag] = await adapters.flags.listFlags({});
    if (flag) flag.name = "mutated";
    expect((await adapters.flags.listFlags({}))[0]?.name).toBe("checkout_cta_color");
  });
});
