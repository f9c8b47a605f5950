import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { segmentsForFlag } from "../segment";
import { createFlagsmithAdapters } from "./adapters";
import {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_ID,
  REPLAY_PRODUCTION_KEY,
  REPLAY_STAGING_KEY,
  REPLAY_WORLD,
} from "./replay/fixtures";
import { type ReplayServer, startReplayServer } from "./replay/server";
import { flagsmithRolloutSegmentExperimentId } from "./segments";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(REPLAY_WORLD);
});
afterAll(() => server.close());
beforeEach(() => server.replay.clearRequests());

const adapters = (environmentKey = REPLAY_PRODUCTION_KEY) =>
  createFlagsmithAdapters({ baseUrl: server.baseUrl, apiKey: REPLAY_API_KEY, environmentKey });

describe("Flagsmith segments", () => {
  it("lists the project's segments with the dashboard's query; a feature-specific one carries its flag", async () => {
    const segments = await adapters().segments.listSegments();
    expect(segments).toEqual([
      { id: "501", name: "Beta testers", description: "Opted in to early features" },
      { id: "502", name: "EU customers" },
      { id: "503", name: "Checkout power users", description: "Only for checkout_cta_color", flagId: "4821" },
      { id: "504", name: "Mobile app users", description: "Sessions from the iOS and Android apps" },
    ]);
    expect(server.replay.requests.at(-1)).toMatchObject({
      path: "/api/v1/projects/12/segments/",
      query: { include_feature_specific: "true", page_size: "1000" },
    });
    // Offered only for its own feature.
    expect(segmentsForFlag(segments, "4822").map((s) => s.id)).toEqual(["501", "502", "504"]);
    expect(segmentsForFlag(segments, "4821").map((s) => s.id)).toEqual(["501", "502", "503", "504"]);
  });

  it("lists a flag's segment overrides in the environment by priority", async () => {
    expect(await adapters().segments.listOverrides("4821")).toEqual([
      { flagId: "4821", segmentId: "502" },
      { flagId: "4821", segmentId: "503" },
    ]);
    expect(server.replay.requests.at(-1)).toMatchObject({
      path: "/api/v1/features/feature-segments/",
      query: { environment: String(REPLAY_PRODUCTION_ID), feature: "4821" },
    });
  });

  it("recognises an experiment's system rollout segment and never reports it as an override", async () => {
    expect(flagsmithRolloutSegmentExperimentId("experiment-61-rollout")).toBe("61");
    expect(flagsmithRolloutSegmentExperimentId("EU customers")).toBeUndefined();
    expect(await adapters().segments.listOverrides("4826")).toEqual([]);
  });

  it("keeps a user's segment that only looks like a rollout segment", async () => {
    const world = structuredClone(REPLAY_WORLD);
    const eu = world.segments.find((s) => s.id === 502);
    if (!eu) throw new Error("fixture segment 502 is missing");
    eu.name = "experiment-1-rollout";
    const lookalike = await startReplayServer(world);
    try {
      const overrides = await createFlagsmithAdapters({
        baseUrl: lookalike.baseUrl,
        apiKey: REPLAY_API_KEY,
        environmentKey: REPLAY_PRODUCTION_KEY,
      }).segments.listOverrides("4821");
      expect(overrides.map((o) => o.segmentId)).toEqual(["502", "503"]);
    } finally {
      await lookalike.close();
    }
  });

  it("lists only the live version's overrides in a v2-versioned environment", async () => {
    expect(await adapters(REPLAY_STAGING_KEY).segments.listOverrides("4821")).toEqual([
      { flagId: "4821", segmentId: "501" },
    ]);
  });

  it("follows the page links of the overrides list, which ignores page_size (10 a page)", async () => {
    const world = structuredClone(REPLAY_WORLD);
    const template = world.segments.find((s) => s.id === 501);
    if (!template) throw new Error("fixture segment 501 is missing");
    for (let i = 0; i < 23; i++) {
      world.segments.push({ ...template, id: 700 + i, name: `Cohort ${i}` });
      world.featureSegments.push({
        id: 9000 + i,
        uuid: `fs-${i}`,
        feature: 4822,
        segment: 700 + i,
        environment: REPLAY_PRODUCTION_ID,
        priority: i,
        version: null,
      });
    }
    const many = await startReplayServer(world);
    try {
      const overrides = await createFlagsmithAdapters({
        baseUrl: many.baseUrl,
        apiKey: REPLAY_API_KEY,
        environmentKey: REPLAY_PRODUCTION_KEY,
      }).segments.listOverrides("4822");
      expect(overrides).toHaveLength(23);
      expect(overrides[0]).toEqual({ flagId: "4822", segmentId: "700" });
      const pages = many.replay.requests.filter((r) => r.path === "/api/v1/features/feature-segments/");
      expect(pages.map((r) => r.query.page)).toEqual([undefined, "2", "3"]);
    } finally {
      await many.close();
    }
  });
});
