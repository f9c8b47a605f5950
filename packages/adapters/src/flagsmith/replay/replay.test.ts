import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_ID,
  REPLAY_PRODUCTION_KEY,
  REPLAY_SERVER_KEY,
  REPLAY_STAGING_ID,
  REPLAY_USER_TOKEN,
  REPLAY_WORLD,
} from "./fixtures";
import { createFlagsmithReplay } from "./replay";
import { type ReplayServer, startReplayServer } from "./server";

const auth = { authorization: `Api-Key ${REPLAY_API_KEY}` };

async function call(
  replay: ReturnType<typeof createFlagsmithReplay>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = auth,
) {
  const response = await replay.handle(
    new Request(`http://flagsmith.test/api/v1/${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // HTML error pages stay text.
  }
  return { status: response.status, headers: response.headers, body: parsed as Record<string, unknown> & unknown[] };
}

describe("Flagsmith replay: authentication (REST_FRAMEWORK authentication classes)", () => {
  it("answers 401 without credentials or with a bad key or token, and accepts organisation keys and user tokens", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    expect((await call(replay, "GET", "projects/12/segments/", undefined, {})).body).toEqual({
      detail: "Authentication credentials were not provided.",
    });
    expect(
      (await call(replay, "GET", "projects/12/segments/", undefined, { authorization: `Api-Key ${REPLAY_SERVER_KEY}` }))
        .body,
    ).toEqual({ detail: "Valid Master API Key not found." });
    expect(
      (await call(replay, "GET", "projects/12/segments/", undefined, { authorization: "Token nope" })).body,
    ).toEqual({ detail: "Invalid token." });
    expect((await call(replay, "GET", "projects/12/segments/")).status).toBe(200);
    expect(
      (await call(replay, "GET", "projects/12/segments/", undefined, { authorization: `Token ${REPLAY_USER_TOKEN}` }))
        .status,
    ).toBe(200);
  });

  it("answers 403 on experiment URLs of an unknown environment key (ExperimentPermission), 404 on the environment itself", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const experiments = await call(replay, "GET", `environments/${REPLAY_SERVER_KEY}/experiments/`);
    expect(experiments).toMatchObject({
      status: 403,
      body: { detail: "You do not have permission to perform this action." },
    });
    const environment = await call(replay, "GET", `environments/${REPLAY_SERVER_KEY}/`);
    expect(environment).toMatchObject({ status: 404, body: { detail: "No Environment matches the given query." } });
  });
});

describe("Flagsmith replay: pagination", () => {
  it("honours page_size where CustomPagination is used and builds sorted absolute next links", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const first = await call(replay, "GET", `projects/12/features/?environment=${REPLAY_PRODUCTION_ID}&page_size=2`);
    expect(first.body).toMatchObject({
      count: 6,
      next: `http://flagsmith.test/api/v1/projects/12/features/?environment=${REPLAY_PRODUCTION_ID}&page=2&page_size=2`,
      previous: null,
    });
    expect((first.body.results as unknown[]).length).toBe(2);
    const third = await call(
      replay,
      "GET",
      `projects/12/features/?environment=${REPLAY_PRODUCTION_ID}&page=3&page_size=2`,
    );
    expect(third.body).toMatchObject({
      next: null,
      previous: `http://flagsmith.test/api/v1/projects/12/features/?environment=${REPLAY_PRODUCTION_ID}&page=2&page_size=2`,
    });
  });

  it("ignores page_size on DRF's default pagination (10 a page) and answers 404 past the last page", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const template = replay.world.segments.find((s) => s.id === 501);
    if (!template) throw new Error("fixture segment 501 is missing");
    for (let i = 0; i < 12; i++) {
      replay.world.segments.push({ ...template, id: 700 + i, name: `Cohort ${i}` });
      replay.world.featureSegments.push({
        id: 9000 + i,
        uuid: `fs-${i}`,
        feature: 4822,
        segment: 700 + i,
        environment: REPLAY_PRODUCTION_ID,
        priority: i,
        version: null,
      });
    }
    const page = await call(
      replay,
      "GET",
      `features/feature-segments/?environment=${REPLAY_PRODUCTION_ID}&feature=4822&page_size=100`,
    );
    expect((page.body.results as unknown[]).length).toBe(10);
    expect(page.body.next).toBe(
      `http://flagsmith.test/api/v1/features/feature-segments/?environment=${REPLAY_PRODUCTION_ID}&feature=4822&page=2&page_size=100`,
    );
    const past = await call(
      replay,
      "GET",
      `features/feature-segments/?environment=${REPLAY_PRODUCTION_ID}&feature=4822&page=9`,
    );
    expect(past).toMatchObject({ status: 404, body: { detail: "Invalid page." } });
  });

  it("builds next links on the advertised origin when Flagsmith sits behind a proxy", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD, { advertisedOrigin: "http://flagsmith-api.internal:8000" });
    const first = await call(replay, "GET", "projects/12/features/?page_size=4");
    expect(first.body.next).toBe("http://flagsmith-api.internal:8000/api/v1/projects/12/features/?page=2&page_size=4");
  });
});

describe("Flagsmith replay: payloads", () => {
  it("lists features with the environment's typed value and enabled state (ListFeatureSerializer)", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const page = await call(
      replay,
      "GET",
      `projects/12/features/?environment=${REPLAY_PRODUCTION_ID}&is_archived=false`,
    );
    const results = page.body.results as Record<string, unknown>[];
    expect(results.map((f) => f.name)).not.toContain("holiday_banner");
    const limit = results.find((f) => f.name === "search_result_limit");
    expect(limit).toMatchObject({
      initial_value: "16",
      environment_feature_state: {
        feature_state_value: 20,
        enabled: true,
        environment: REPLAY_PRODUCTION_ID,
        feature_segment: null,
        identity: null,
      },
    });
    const pricing = results.find((f) => f.name === "pricing_page_layout") as { multivariate_options: unknown[] };
    expect(pricing.multivariate_options[1]).toEqual({
      id: 915,
      uuid: "00000000-0000-4000-8000-000000000915",
      type: null,
      integer_value: null,
      string_value: "cards",
      boolean_value: null,
      default_percentage_allocation: 25,
      key: null,
    });
  });

  it("never lists system segments; lists feature-specific ones unless excluded", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const all = await call(replay, "GET", "projects/12/segments/");
    expect((all.body.results as { name: string }[]).map((s) => s.name)).toEqual([
      "Beta testers",
      "EU customers",
      "Checkout power users",
      "Mobile app users",
    ]);
    const shared = await call(replay, "GET", "projects/12/segments/?include_feature_specific=false");
    expect((shared.body.results as { feature: number | null }[]).every((s) => s.feature === null)).toBe(true);
  });

  it("lists only the live version's feature segments under v2 versioning", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const staging = await call(
      replay,
      "GET",
      `features/feature-segments/?environment=${REPLAY_STAGING_ID}&feature=4821`,
    );
    expect(staging.body.results).toEqual([
      {
        id: 8102,
        uuid: "00000000-0000-4000-8000-000000008102",
        segment: 501,
        priority: 0,
        environment: REPLAY_STAGING_ID,
        segment_name: "Beta testers",
        is_feature_specific: false,
      },
    ]);
    const production = await call(
      replay,
      "GET",
      `features/feature-segments/?environment=${REPLAY_PRODUCTION_ID}&feature=4826`,
    );
    expect((production.body.results as { segment_name: string }[])[0]?.segment_name).toBe("experiment-61-rollout");
  });
});

describe("Flagsmith replay: experiments", () => {
  const create = (feature: number, extra: Record<string, unknown> = {}) => ({
    feature,
    name: "Checkout colour",
    hypothesis: "Green converts better",
    metrics: [{ metric: 31, expected_direction: "increase" }],
    experiment_rollout: {
      enabled: false,
      rollout_percentage: 50,
      feature_state_value: { type: "string", value: "blue" },
      multivariate_feature_state_values: [
        { multivariate_feature_option: 911, percentage_allocation: 30 },
        { multivariate_feature_option: 912, percentage_allocation: 30 },
      ],
    },
    ...extra,
  });

  it("creates, starts (enabling the rollout), pauses and completes an experiment", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const created = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/`, create(4821));
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual([
      "id",
      "feature",
      "name",
      "hypothesis",
      "status",
      "created_at",
      "updated_at",
      "started_at",
      "ended_at",
    ]);
    const id = created.body.id as number;
    const detailBefore = await call(replay, "GET", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/`);
    expect(detailBefore.body.experiment_rollout).toEqual({
      enabled: false,
      rollout_percentage: 50,
      feature_state_value: { type: "string", value: "blue" },
      multivariate_feature_state_values: [
        { multivariate_feature_option: 911, percentage_allocation: 30 },
        { multivariate_feature_option: 912, percentage_allocation: 30 },
      ],
    });
    const started = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/start/`);
    expect(started.body).toMatchObject({ status: "running", started_at: expect.any(String) });
    expect(started.body).not.toHaveProperty("experiment_rollout");
    const detail = await call(replay, "GET", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/`);
    expect(detail.body.experiment_rollout).toMatchObject({ enabled: true });
    expect(
      (await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/pause/`)).body,
    ).toMatchObject({ status: "paused" });
    const completed = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/complete/`);
    expect(completed.body).toMatchObject({ status: "completed", ended_at: expect.any(String) });
    const again = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/${id}/start/`);
    expect(again).toMatchObject({ status: 400, body: { detail: "Unable to transition experiment status." } });
  });

  it("answers 409 for a second active experiment on a feature, and DRF field errors for a bad body", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const conflict = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/`, create(4826));
    expect(conflict).toMatchObject({
      status: 409,
      body: { detail: "An active experiment already exists for this feature." },
    });
    const standard = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_KEY}/experiments/`, {
      feature: 4823,
      name: "",
      metrics: [{ metric: 31, expected_direction: "up" }],
    });
    expect(standard).toMatchObject({
      status: 400,
      body: {
        feature: ["Experiments can only be created for multivariate flags."],
        name: ["This field may not be blank."],
        hypothesis: ["This field is required."],
        metrics: [{ expected_direction: ['"up" is not a valid choice.'] }],
      },
    });
    const tooMuch = await call(
      replay,
      "POST",
      `environments/${REPLAY_PRODUCTION_KEY}/experiments/`,
      create(4821, {
        experiment_rollout: {
          enabled: false,
          rollout_percentage: 100,
          feature_state_value: { type: "string", value: "blue" },
          multivariate_feature_state_values: [
            { multivariate_feature_option: 911, percentage_allocation: 70 },
            { multivariate_feature_option: 912, percentage_allocation: 40 },
          ],
        },
      }),
    );
    expect(tooMuch).toMatchObject({ status: 400, body: ["Multivariate allocations must not exceed 100%, got 110%."] });
  });

  it("writes segment overrides directly under v1 and through a new version under v2", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const override = {
      enabled: true,
      feature_segment: { segment: 504 },
      feature_state_value: { type: "unicode", string_value: "blue", integer_value: null, boolean_value: null },
      multivariate_feature_state_values: [{ multivariate_feature_option: 911, percentage_allocation: 50 }],
    };
    const v1 = await call(
      replay,
      "POST",
      `environments/${REPLAY_PRODUCTION_KEY}/features/4821/create-segment-override/`,
      override,
    );
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ feature_segment: { segment: 504, priority: 2 }, enabled: true });
    const v1InV2 = await call(
      replay,
      "POST",
      "environments/Stg8cRq2ZpLmWx4nKd7VhE/features/4821/create-segment-override/",
      override,
    );
    expect(v1InV2.body).toEqual({
      detail: "This environment uses v2 feature versioning. Use the environment feature version endpoint instead.",
    });
    const before = await call(
      replay,
      "GET",
      `features/feature-segments/?environment=${REPLAY_STAGING_ID}&feature=4821`,
    );
    const v2 = await call(replay, "POST", `environments/${REPLAY_STAGING_ID}/features/4821/versions/`, {
      feature_states_to_create: [override],
      publish_immediately: true,
    });
    expect(v2).toMatchObject({ status: 201, body: { published: true, is_live: true } });
    const after = await call(replay, "GET", `features/feature-segments/?environment=${REPLAY_STAGING_ID}&feature=4821`);
    const beforeIds = (before.body.results as { id: number }[]).map((fs) => fs.id);
    const afterRows = after.body.results as { id: number; segment: number }[];
    expect(afterRows.map((fs) => fs.segment)).toEqual([501, 504]);
    expect(afterRows.some((fs) => beforeIds.includes(fs.id))).toBe(false);
    const v2InV1 = await call(replay, "POST", `environments/${REPLAY_PRODUCTION_ID}/features/4821/versions/`, {
      feature_states_to_create: [],
      publish_immediately: true,
    });
    expect(v2InV1.body).toEqual({ environment: ["Environment must use v2 feature versioning."] });
  });

  it("fails the next matching request as told, with headers", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    replay.failNext({
      path: /experiments\/$/,
      status: 429,
      body: { detail: "Request was throttled. Expected available in 12 seconds." },
      headers: { "retry-after": "12" },
    });
    const throttled = await call(replay, "GET", `environments/${REPLAY_PRODUCTION_KEY}/experiments/`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("12");
    expect((await call(replay, "GET", `environments/${REPLAY_PRODUCTION_KEY}/experiments/`)).status).toBe(200);
  });
});

describe("Flagsmith replay server", () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer(REPLAY_WORLD);
  });
  afterAll(() => server.close());

  it("serves the replay on 127.0.0.1 and records method, path, query, auth header and body", async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/$/);
    const response = await fetch(`${server.baseUrl}environments/${REPLAY_PRODUCTION_KEY}/experiments/61/`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ name: "Recommendations v2" }),
    });
    expect(response.status).toBe(200);
    expect(server.replay.requests.at(-1)).toEqual({
      method: "PATCH",
      path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/61/`,
      query: {},
      authorization: `Api-Key ${REPLAY_API_KEY}`,
      body: { name: "Recommendations v2" },
    });
  });

  it("stops by itself after being idle", async () => {
    const idle = await startReplayServer(REPLAY_WORLD, { idleMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(fetch(`${idle.baseUrl}environments/x/`)).rejects.toThrow();
  });
});
