import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { flagIneligibility, flagSchema } from "../flag";
import { createFlagsmithAdapters } from "./adapters";
import type { FlagsmithAdaptersOptions } from "./options";
import {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_ID,
  REPLAY_PRODUCTION_KEY,
  REPLAY_STAGING_KEY,
  REPLAY_WORLD,
} from "./replay/fixtures";
import { type ReplayServer, startReplayServer } from "./replay/server";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(REPLAY_WORLD);
});
afterAll(() => server.close());
beforeEach(() => server.replay.clearRequests());

const adapters = (extra: Partial<FlagsmithAdaptersOptions> = {}) =>
  createFlagsmithAdapters({
    baseUrl: server.baseUrl,
    apiKey: REPLAY_API_KEY,
    environmentKey: REPLAY_PRODUCTION_KEY,
    ...extra,
  });

describe("Flagsmith flags", () => {
  // The experiments query is the one of Flagsmith's wizard (frontend/web/components/experiments/steps/SetupStep.tsx);
  // the features query is the one Flagsmith's own dashboard sends (packages/adapters/README.md): every type (a standard flag is shown as not eligible), archived ones left out.
  it("lists the environment's unarchived features in one listing, with the experiments that hold them", async () => {
    const flags = await adapters().flags.listFlags({});
    expect(
      server.replay.requests.map(({ method, path, query, authorization }) => ({ method, path, query, authorization })),
    ).toEqual([
      {
        method: "GET",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/`,
        query: {},
        authorization: `Api-Key ${REPLAY_API_KEY}`,
      },
      {
        method: "GET",
        path: "/api/v1/projects/12/features/",
        query: { environment: String(REPLAY_PRODUCTION_ID), is_archived: "false" },
        authorization: `Api-Key ${REPLAY_API_KEY}`,
      },
      {
        method: "GET",
        path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiments/`,
        query: { page: "1", page_size: "100" },
        authorization: `Api-Key ${REPLAY_API_KEY}`,
      },
    ]);
    // In Flagsmith's order (created first); the archived holiday_banner is left out by Flagsmith.
    expect(flags.map((flag) => flag.name)).toEqual([
      "checkout_cta_color",
      "search_result_limit",
      "onboarding_tour",
      "pricing_page_layout",
      "recommendations_model",
    ]);
    for (const flag of flags) expect(flagSchema.safeParse(flag).success).toBe(true);
  });

  it("keeps option keys verbatim and takes the typed value and enabled state of the environment", async () => {
    const flags = await adapters().flags.listFlags({});
    const checkout = flags.find((flag) => flag.name === "checkout_cta_color");
    expect(checkout).toEqual({
      id: "4821",
      name: "checkout_cta_color",
      description: "Colour of the checkout button",
      type: "multivariate",
      controlValue: "blue",
      enabled: true,
      variations: [
        { key: "control", name: "Control", value: "blue", isControl: true },
        { key: "Variant_1", name: "Variant_1", value: "green", isControl: false },
        { key: "Variant_2", name: "Variant_2", value: "orange", isControl: false },
      ],
    });
    // `initial_value` is "16" (text, as created); the environment's value is the integer 20.
    const limit = flags.find((flag) => flag.name === "search_result_limit");
    expect(limit?.controlValue).toBe(20);
    expect(limit?.variations[1]).toEqual({ key: "fifty", name: "fifty", value: 50, isControl: false });
    const tour = flags.find((flag) => flag.name === "onboarding_tour");
    expect(tour).toMatchObject({ type: "standard", controlValue: true, enabled: false });
    expect(tour && flagIneligibility(tour)).toEqual({ reason: "no-variations" });
  });

  it("reports an option without a key (and `type: null`) as unkeyed instead of failing the list", async () => {
    const flags = await adapters().flags.listFlags({});
    const pricing = flags.find((flag) => flag.name === "pricing_page_layout");
    expect(pricing?.variations.map((v) => v.key)).toEqual(["control", "grid"]);
    expect(pricing?.unkeyedOptions).toEqual([{ name: "cards", value: "cards" }]);
    expect(pricing && flagIneligibility(pricing)).toEqual({
      reason: "unkeyed-options",
      options: [{ name: "cards", value: "cards" }],
    });
  });

  it("marks a flag held by an experiment that is not completed", async () => {
    const flags = await adapters().flags.listFlags({});
    const model = flags.find((flag) => flag.name === "recommendations_model");
    expect(model?.activeExperimentId).toBe("61");
    expect(model && flagIneligibility(model)).toEqual({ reason: "active-experiment", experimentId: "61" });
    // Experiment 58 on checkout_cta_color is completed: the flag is free.
    expect(flags.find((flag) => flag.name === "checkout_cta_color")?.activeExperimentId).toBeUndefined();
  });

  it("passes the search to Flagsmith", async () => {
    const flags = await adapters().flags.listFlags({ search: "Checkout" });
    expect(flags.map((flag) => flag.name)).toEqual(["checkout_cta_color"]);
    expect(server.replay.requests.find((r) => r.path === "/api/v1/projects/12/features/")?.query).toEqual({
      environment: String(REPLAY_PRODUCTION_ID),
      is_archived: "false",
      search: "Checkout",
    });
  });

  it("reads the environment's value in a v2-versioned environment from its live version", async () => {
    const flags = await adapters({ environmentKey: REPLAY_STAGING_KEY }).flags.listFlags({});
    expect(flags.find((flag) => flag.name === "onboarding_tour")).toMatchObject({ controlValue: true, enabled: true });
  });

  it("gets one flag with its environment state, and not-found for an unknown or malformed id", async () => {
    const { flags } = adapters();
    expect(await flags.getFlag("4822")).toMatchObject({ id: "4822", controlValue: 20, enabled: true });
    expect(server.replay.requests.some((r) => r.path === "/api/v1/projects/12/features/4822/")).toBe(true);
    await expect(flags.getFlag("999999")).rejects.toMatchObject({ kind: "not-found", status: 404 });
    await expect(flags.getFlag("../../admin")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("follows page links, also absolute ones on another origin (Flagsmith behind a proxy), on the configured server", async () => {
    const world = structuredClone(REPLAY_WORLD);
    const template = world.features.find((feature) => feature.name === "search_result_limit");
    if (!template) throw new Error("fixture feature search_result_limit is missing");
    for (let i = 0; i < 1200; i++) {
      world.features.push({ ...template, id: 20_000 + i, uuid: `f-${i}`, name: `generated_flag_${i}` });
    }
    const proxied = await startReplayServer(world, { advertisedOrigin: "http://flagsmith-api.internal:8000" });
    try {
      const flags = await createFlagsmithAdapters({
        baseUrl: proxied.baseUrl,
        apiKey: REPLAY_API_KEY,
        environmentKey: REPLAY_PRODUCTION_KEY,
      }).flags.listFlags({});
      expect(flags).toHaveLength(1205);
      const pages = proxied.replay.requests.filter((r) => r.path === "/api/v1/projects/12/features/");
      // The second page is asked of the configured server, with the page of Flagsmith's (proxy-origin) `next` link.
      expect(pages.map((r) => r.query.page)).toEqual([undefined, "2"]);
    } finally {
      await proxied.close();
    }
  });
});
