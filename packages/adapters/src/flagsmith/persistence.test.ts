import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdapterError } from "../adapter-error";
import { type Experiment, experimentSchema } from "../experiment";
import { createFlagsmithAdapters } from "./adapters";
import { createFlagsmithMemoryStorage } from "./kit-store";
import {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_ID,
  REPLAY_PRODUCTION_KEY,
  REPLAY_STAGING_ID,
  REPLAY_STAGING_KEY,
  REPLAY_WORLD,
} from "./replay/fixtures";
import type { RecordedRequest } from "./replay/replay";
import { type ReplayServer, startReplayServer } from "./replay/server";

const NOW = new Date("2026-03-02T09:00:00Z");
let server: ReplayServer;

beforeEach(async () => {
  server = await startReplayServer(REPLAY_WORLD);
});
afterEach(() => server.close());

const adapters = (environmentKey = REPLAY_PRODUCTION_KEY, storage = createFlagsmithMemoryStorage()) =>
  createFlagsmithAdapters({
    baseUrl: server.baseUrl,
    apiKey: REPLAY_API_KEY,
    environmentKey,
    storage,
    now: () => NOW,
  });

/** What the wizard saves for checkout_cta_color (ids and values as the Flagsmith flags adapter lists them). */
const checkoutDraft = {
  name: "Green checkout button",
  hypothesis: "A green button lifts checkout conversion by 5%.",
  startDate: "2026-03-02",
  endDate: "2026-03-15",
  flagId: "4821",
  flagName: "checkout_cta_color",
  variations: [
    { key: "control", name: "Control", value: "blue", isControl: true },
    { key: "Variant_1", name: "Variant_1", value: "green", isControl: false },
    { key: "Variant_2", name: "Variant_2", value: "orange", isControl: false },
  ],
  metrics: [
    { metricId: "34", role: "guardrail" as const },
    { metricId: "31", role: "primary" as const },
    { metricId: "32", role: "secondary" as const },
  ],
  segmentId: null,
  rolloutPercentage: 50,
  weights: { control: 40, Variant_1: 30, Variant_2: 30 },
};

const writes = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method !== "GET").map(({ method, path, body }) => ({ method, path, body }));

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("Flagsmith persistence: drafts", () => {
  it("keeps drafts in the kit store, never in Flagsmith (an experiment there would lock the flag)", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft({ name: "Green checkout button" });
    expect(draft).toMatchObject({ status: "draft", environmentKey: REPLAY_PRODUCTION_KEY, segmentId: null });
    const edited = await persistence.saveDraft({ id: draft.id, revision: draft.revision, ...checkoutDraft });
    expect(edited.revision).toBe(draft.revision + 1);
    expect(writes(server.replay.requests)).toEqual([]);
    const stale = await failure(persistence.saveDraft({ id: draft.id, revision: draft.revision, name: "Other" }));
    expect(stale).toMatchObject({ kind: "conflict", conflict: { current: edited } });
    const list = await persistence.listExperiments();
    expect(list.map((e) => [e.id, e.status])).toEqual([
      [draft.id, "draft"],
      ["61", "running"],
      ["58", "stopped"],
    ]);
    await persistence.deleteDraft?.(draft.id);
    expect((await persistence.listExperiments()).map((e) => e.id)).toEqual(["61", "58"]);
  });

  it("describes Flagsmith's own experiments as kit experiments (roles from the metric order and directions)", async () => {
    const running = await adapters().persistence.getExperiment("61");
    expect(experimentSchema.safeParse(running).success).toBe(true);
    expect(running).toMatchObject({
      id: "61",
      name: "Recommendations model v2",
      flagId: "4826",
      flagName: "recommendations_model",
      environmentKey: REPLAY_PRODUCTION_KEY,
      status: "running",
      segmentId: null,
      rolloutPercentage: 40,
      weights: { control: 50, model_v2: 50 },
      variations: [
        { key: "control", name: "Control", value: "v1", isControl: true },
        { key: "model_v2", name: "model_v2", value: "v2", isControl: false },
      ],
      metrics: [
        { metricId: "32", role: "primary" },
        { metricId: "35", role: "guardrail" },
      ],
      launchedAt: "2026-02-02T08:05:00.000Z",
      startDate: "2026-02-02",
    });
    const stopped = await adapters().persistence.getExperiment("58");
    expect(stopped).toMatchObject({ status: "stopped", stoppedAt: "2025-12-22T17:00:00.000Z", endDate: "2025-12-22" });
  });
});

describe("Flagsmith persistence: launch", () => {
  it("sends the requests Flagsmith's own experiment wizard sends: create with a disabled rollout, then start", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(checkoutDraft);
    server.replay.clearRequests();
    const launched = await persistence.launch(draft.id, {
      idempotencyKey: "launch-1",
      expectedRevision: draft.revision,
    });
    // frontend/web/components/experiments/CreateExperimentWizard.tsx `doCreate`, with the primary metric first.
    expect(writes(server.replay.requests)).toEqual([
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/`,
        body: {
          experiment_rollout: {
            enabled: false,
            feature_state_value: { type: "string", value: "blue" },
            multivariate_feature_state_values: [
              { multivariate_feature_option: 911, percentage_allocation: 30 },
              { multivariate_feature_option: 912, percentage_allocation: 30 },
            ],
            rollout_percentage: 50,
          },
          feature: 4821,
          hypothesis: "A green button lifts checkout conversion by 5%.",
          metrics: [
            { expected_direction: "increase", metric: 31 },
            { expected_direction: "increase", metric: 32 },
            { expected_direction: "not_increase", metric: 34 },
          ],
          name: "Green checkout button",
        },
      },
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/start/`,
        body: null,
      },
    ]);
    expect(server.replay.requests.every((r) => r.authorization === `Api-Key ${REPLAY_API_KEY}`)).toBe(true);
    expect(launched).toMatchObject({
      status: "running",
      flagId: "4821",
      segmentId: null,
      rolloutPercentage: 50,
      weights: { control: 40, Variant_1: 30, Variant_2: 30 },
      metrics: checkoutDraft.metrics,
      startDate: "2026-03-02",
      endDate: "2026-03-15",
    });
    expect(launched.id).toMatch(/^\d+$/);
    expect(launched.launchedAt).toBeDefined();
    // Flagsmith serves the split now: the rollout override is enabled, and the flag is held.
    const detail = await (
      await fetch(`${server.baseUrl}environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/`, {
        headers: { authorization: `Api-Key ${REPLAY_API_KEY}` },
      })
    ).json();
    expect(detail.experiment_rollout).toMatchObject({ enabled: true, rollout_percentage: 50 });
    const flag = await adapters().flags.getFlag("4821");
    expect(flag.activeExperimentId).toBe(launched.id);
    // The draft's id leads to the launched experiment; the draft is gone from the list.
    expect((await persistence.getExperiment(draft.id)).id).toBe(launched.id);
    expect((await persistence.listExperiments()).filter((e) => e.status === "draft")).toEqual([]);
  });

  it("launches once per idempotency key, however many times it is asked", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(checkoutDraft);
    const options = { idempotencyKey: "double-click", expectedRevision: draft.revision };
    const [first, second] = await Promise.all([
      persistence.launch(draft.id, options),
      persistence.launch(draft.id, options),
    ]);
    const third = await persistence.launch(draft.id, options);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(server.replay.requests.filter((r) => r.method === "POST" && r.path.endsWith("/experiments/"))).toHaveLength(
      1,
    );
  });

  it("launches only the revision that was reviewed", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(checkoutDraft);
    const changed = await persistence.saveDraft({ id: draft.id, name: "Changed meanwhile" });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error).toMatchObject({ kind: "conflict", conflict: { current: changed } });
    expect(writes(server.replay.requests)).toEqual([]);
  });

  it("turns Flagsmith's 409 into a conflict naming the experiment that holds the flag", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft({
      ...checkoutDraft,
      flagId: "4826",
      flagName: "recommendations_model",
      variations: [
        { key: "control", name: "Control", value: "v1", isControl: true },
        { key: "model_v2", name: "model_v2", value: "v2", isControl: false },
      ],
      weights: { control: 50, model_v2: 50 },
    });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error).toMatchObject({
      kind: "conflict",
      status: 409,
      detail: "An active experiment already exists for this feature.",
      conflict: { experimentId: "61", experimentName: "Recommendations model v2" },
    });
    expect(error.message).toContain("“Recommendations model v2” already holds this flag");
    expect((await persistence.getExperiment(draft.id)).status).toBe("draft");
  });

  it("says what is missing from an incomplete draft, field by field", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft({ ...checkoutDraft, metrics: [], hypothesis: "" });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error.kind).toBe("invalid-request");
    expect(error.fieldErrors).toMatchObject({
      hypothesis: ["Write down the hypothesis you are testing."],
      metrics: ["Choose at least one metric."],
    });
  });

  it("keeps the draft and reports the rate limit when Flagsmith throttles the launch", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(checkoutDraft);
    server.replay.failNext({
      method: "POST",
      path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/`,
      status: 429,
      body: { detail: "Request was throttled. Expected available in 12 seconds." },
      headers: { "retry-after": "12" },
    });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error).toMatchObject({ kind: "rate-limited", retryAfterSeconds: 12 });
    expect(await persistence.getExperiment(draft.id)).toEqual(draft);
    const retried = await persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision });
    expect(retried.status).toBe("running");
  });

  it("undoes a half-done launch: an experiment that fails to start is deleted, freeing the flag", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(checkoutDraft);
    server.replay.failNext({ method: "POST", path: /\/start\/$/, status: 500, body: "<h1>Server Error (500)</h1>" });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(server.replay.world.experiments.filter((e) => e.feature === 4821 && e.status !== "completed")).toEqual([]);
    expect((await persistence.getExperiment(draft.id)).status).toBe("draft");
  });
});

describe("Flagsmith persistence: segment targeting", () => {
  const segmentDraft = { ...checkoutDraft, segmentId: "504", rolloutPercentage: 100 };

  // The override requests are the dashboard's: frontend/common/services/useSegmentOverride.ts (v1, create),
  // frontend/common/stores/feature-list-store.ts `editFeatureState` (v1, remove) and
  // frontend/common/services/useFeatureVersion.ts `createFeatureVersion` (v2, one published version per change).
  it("v1: the launch serves the weights to the segment through an override; stop removes it", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(segmentDraft);
    server.replay.clearRequests();
    const launched = await persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision });
    expect(writes(server.replay.requests)).toEqual([
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/`,
        body: expect.not.objectContaining({ experiment_rollout: expect.anything() }),
      },
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/features/4821/create-segment-override/`,
        body: {
          enabled: true,
          feature_segment: { segment: 504, priority: 0 },
          feature_state_value: { type: "unicode", string_value: "blue", integer_value: null, boolean_value: null },
          multivariate_feature_state_values: [
            { multivariate_feature_option: 911, percentage_allocation: 30 },
            { multivariate_feature_option: 912, percentage_allocation: 30 },
          ],
        },
      },
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/start/`,
        body: null,
      },
    ]);
    expect(launched).toMatchObject({ status: "running", segmentId: "504", weights: segmentDraft.weights });
    // The experiment's override comes first, so its audience gets the experiment before any other override.
    expect((await adapters().segments.listOverrides("4821")).map((o) => o.segmentId)).toEqual(["504", "502", "503"]);

    server.replay.clearRequests();
    const stopped = await persistence.stop(launched.id);
    expect(stopped).toMatchObject({ status: "stopped", segmentId: "504" });
    expect(stopped.stoppedAt).toBeDefined();
    expect(writes(server.replay.requests).map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/complete/`,
      expect.stringMatching(/^DELETE \/api\/v1\/features\/feature-segments\/\d+\/$/),
    ]);
    expect((await adapters().segments.listOverrides("4821")).map((o) => o.segmentId)).toEqual(["502", "503"]);
  });

  it("a stop whose override removal fails says so, and stopping again finishes it", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft(segmentDraft);
    const launched = await persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision });
    server.replay.failNext({
      method: "DELETE",
      path: /\/feature-segments\/\d+\/$/,
      status: 503,
      body: "<html>busy</html>",
    });
    const error = await failure(persistence.stop(launched.id));
    expect(error).toMatchObject({ kind: "server", status: 503 });
    expect(error.message).toMatch(/stopped in Flagsmith, but the segment still gets its variations/);
    expect((await adapters().segments.listOverrides("4821")).map((o) => o.segmentId)).toContain("504");
    expect(await persistence.stop(launched.id)).toMatchObject({ status: "stopped" });
    expect((await adapters().segments.listOverrides("4821")).map((o) => o.segmentId)).toEqual(["502", "503"]);
  });

  it("v2: the override is written as a new published feature version", async () => {
    const { persistence } = adapters(REPLAY_STAGING_KEY);
    const draft = await persistence.saveDraft({
      ...segmentDraft,
      metrics: [{ metricId: "41", role: "primary" }],
    });
    server.replay.clearRequests();
    const launched = await persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision });
    expect(writes(server.replay.requests)[1]).toEqual({
      method: "POST",
      path: `/api/v1/environments/${REPLAY_STAGING_ID}/features/4821/versions/`,
      body: {
        feature_states_to_create: [
          {
            enabled: true,
            feature_segment: { segment: 504, priority: 0 },
            feature_state_value: { type: "unicode", string_value: "blue", integer_value: null, boolean_value: null },
            multivariate_feature_state_values: [
              { multivariate_feature_option: 911, percentage_allocation: 30 },
              { multivariate_feature_option: 912, percentage_allocation: 30 },
            ],
          },
        ],
        feature_states_to_update: [],
        segment_ids_to_delete_overrides: [],
        publish_immediately: true,
      },
    });
    expect((await adapters(REPLAY_STAGING_KEY).segments.listOverrides("4821")).map((o) => o.segmentId)).toEqual([
      "504",
      "501",
    ]);
    await persistence.stop(launched.id);
    expect(writes(server.replay.requests).at(-1)).toEqual({
      method: "POST",
      path: `/api/v1/environments/${REPLAY_STAGING_ID}/features/4821/versions/`,
      body: {
        feature_states_to_create: [],
        feature_states_to_update: [],
        segment_ids_to_delete_overrides: [504],
        publish_immediately: true,
      },
    });
    expect((await adapters(REPLAY_STAGING_KEY).segments.listOverrides("4821")).map((o) => o.segmentId)).toEqual([
      "501",
    ]);
  });

  it("refuses a rollout below 100% within a segment (Flagsmith serves an override to the whole segment)", async () => {
    const { persistence } = adapters();
    const draft = await persistence.saveDraft({ ...segmentDraft, rolloutPercentage: 40 });
    const error = await failure(
      persistence.launch(draft.id, { idempotencyKey: "k", expectedRevision: draft.revision }),
    );
    expect(error).toMatchObject({ kind: "invalid-request", fieldErrors: { rolloutPercentage: [expect.any(String)] } });
    expect(writes(server.replay.requests)).toEqual([]);
  });
});

describe("Flagsmith persistence: acting on a running experiment", () => {
  async function launch(draft: Record<string, unknown> = checkoutDraft, environmentKey = REPLAY_PRODUCTION_KEY) {
    const all = adapters(environmentKey);
    const saved = await all.persistence.saveDraft(draft);
    const launched = await all.persistence.launch(saved.id, {
      idempotencyKey: `k-${saved.id}`,
      expectedRevision: saved.revision,
    });
    server.replay.clearRequests();
    return { ...all, launched };
  }

  // frontend/common/services/useExperiment.ts: `pauseExperiment`, `startExperiment`, `completeExperiment`,
  // `updateExperimentRollout` — the same paths, POST without a body (PATCH with one for the rollout).
  it("pauses with pause/, resumes with start/ and stops with complete/", async () => {
    const { persistence, launched } = await launch();
    expect(await persistence.pause?.(launched.id)).toMatchObject({ status: "paused" });
    expect(await persistence.resume?.(launched.id)).toMatchObject({ status: "running" });
    const stopped = await persistence.stop(launched.id);
    expect(stopped).toMatchObject({ status: "stopped", segmentId: null });
    expect(writes(server.replay.requests).map((w) => w.path.split("/").at(-2))).toEqual(["pause", "start", "complete"]);
    // Flagsmith refuses what its lifecycle does not allow; the kit says so before asking.
    expect(await failure(persistence.resume?.(launched.id) ?? Promise.resolve())).toMatchObject({ kind: "conflict" });
  });

  it("concludes with a winner: the rollout serves it, then the experiment completes with the decision kept", async () => {
    const { persistence, launched } = await launch();
    const concluded = await persistence.conclude?.(launched.id, { winner: "Variant_1", note: "Clear win" });
    expect(writes(server.replay.requests)).toEqual([
      {
        method: "PATCH",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/rollout/`,
        body: {
          enabled: true,
          feature_state_value: { type: "string", value: "blue" },
          multivariate_feature_state_values: [
            { multivariate_feature_option: 911, percentage_allocation: 100 },
            { multivariate_feature_option: 912, percentage_allocation: 0 },
          ],
          rollout_percentage: 50,
        },
      },
      {
        method: "POST",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/${launched.id}/complete/`,
        body: null,
      },
    ]);
    expect(concluded).toMatchObject({
      status: "concluded",
      weights: { control: 40, Variant_1: 30, Variant_2: 30 },
      decision: { winner: "Variant_1", note: "Clear win", decidedAt: NOW.toISOString(), evidence: null },
    });
    expect(await persistence.getExperiment(launched.id)).toMatchObject({
      status: "concluded",
      decision: { winner: "Variant_1" },
    });
  });

  it("concludes a stopped experiment: the winner is served through the rollout segment's override", async () => {
    const { persistence, launched } = await launch();
    await persistence.stop(launched.id);
    server.replay.clearRequests();
    const concluded = await persistence.conclude?.(launched.id, { winner: "Variant_2" });
    expect(concluded).toMatchObject({ status: "concluded", decision: { winner: "Variant_2" } });
    const override = writes(server.replay.requests).find((w) => w.path.endsWith("/create-segment-override/"));
    expect(override?.body).toMatchObject({
      multivariate_feature_state_values: [
        { multivariate_feature_option: 911, percentage_allocation: 0 },
        { multivariate_feature_option: 912, percentage_allocation: 100 },
      ],
    });
  });

  it("concludes a segment-targeted experiment: the segment keeps the winner", async () => {
    const { persistence, launched } = await launch({ ...checkoutDraft, segmentId: "504", rolloutPercentage: 100 });
    await persistence.conclude?.(launched.id, { winner: "control" });
    const override = server.replay.world.featureStates.find((state) => {
      const link = server.replay.world.featureSegments.find((fs) => fs.id === state.feature_segment);
      return link?.segment === 504 && link.environment === REPLAY_PRODUCTION_ID;
    });
    expect(override?.multivariate_feature_state_values.map((mv) => mv.percentage_allocation)).toEqual([0, 0]);
    expect(server.replay.world.experiments.find((e) => String(e.id) === launched.id)?.status).toBe("completed");
  });

  it("refuses to ship a variation the experiment does not have", async () => {
    const { persistence, launched } = await launch();
    expect(
      await failure(persistence.conclude?.(launched.id, { winner: "Variant_9" }) ?? Promise.resolve()),
    ).toMatchObject({
      kind: "conflict",
    });
    expect(writes(server.replay.requests)).toEqual([]);
  });
});

describe("Flagsmith persistence: experiments created in Flagsmith", () => {
  it("shows a `created` experiment as a draft, edits its name in Flagsmith and launches it with start/", async () => {
    const { persistence } = adapters();
    const created = await fetch(`${server.baseUrl}environments/${REPLAY_PRODUCTION_KEY}/experiments/`, {
      method: "POST",
      headers: { authorization: `Api-Key ${REPLAY_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        feature: 4822,
        name: "Fifty results",
        hypothesis: "More results, more clicks",
        metrics: [{ metric: 31, expected_direction: "increase" }],
      }),
    }).then((r) => r.json());
    const draft = (await persistence.listExperiments()).find((e) => e.id === String(created.id)) as Experiment;
    expect(draft).toMatchObject({ status: "draft", flagId: "4822", metrics: [{ metricId: "31", role: "primary" }] });
    const renamed = await persistence.saveDraft({
      id: draft.id,
      revision: draft.revision,
      name: "Fifty results per page",
    });
    expect(writes(server.replay.requests).at(-1)).toMatchObject({
      method: "PATCH",
      body: { name: "Fifty results per page" },
    });
    const launched = await persistence.launch(renamed.id, { idempotencyKey: "k", expectedRevision: renamed.revision });
    expect(launched).toMatchObject({ id: String(created.id), status: "running", name: "Fifty results per page" });
    expect(
      writes(server.replay.requests)
        .slice(-2)
        .map((w) => `${w.method} ${w.path.split("/").at(-2)}`),
    ).toEqual(["PATCH rollout", "POST start"]);
  });
});
