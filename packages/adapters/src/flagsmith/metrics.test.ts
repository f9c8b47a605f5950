import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricDefinitionSchema } from "../metric-definition";
import { createFlagsmithAdapters } from "./adapters";
import { metricFromFlagsmithMetric } from "./metrics";
import { REPLAY_API_KEY, REPLAY_PRODUCTION_KEY, REPLAY_WORLD } from "./replay/fixtures";
import { type ReplayServer, startReplayServer } from "./replay/server";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(REPLAY_WORLD);
});
afterAll(() => server.close());

describe("Flagsmith metrics", () => {
  it("maps Flagsmith's aggregations and directions onto the kit's kinds and directions", async () => {
    const metrics = await createFlagsmithAdapters({
      baseUrl: server.baseUrl,
      apiKey: REPLAY_API_KEY,
      environmentKey: REPLAY_PRODUCTION_KEY,
    }).metrics.listMetrics();
    expect(metrics).toEqual([
      {
        id: "31",
        name: "Checkout conversion",
        description: "Share of identities that buy",
        kind: "occurrence",
        eventName: "purchase",
        direction: "increase",
        unit: "percent",
      },
      {
        id: "32",
        name: "Revenue per user",
        description: "Sum of purchase values per identity",
        kind: "sum",
        eventName: "purchase",
        direction: "increase",
      },
      { id: "33", name: "Average order value", kind: "mean", eventName: "purchase", direction: "increase" },
      {
        id: "34",
        name: "Page load time",
        description: "Milliseconds to interactive",
        kind: "mean",
        eventName: "page_view",
        direction: "decrease",
      },
      { id: "35", name: "Support tickets", kind: "count", eventName: "support_ticket", direction: "decrease" },
      {
        id: "36",
        name: "Add-to-cart events",
        description: "Context only",
        kind: "count",
        eventName: "add_to_cart",
        direction: "informational",
      },
    ]);
    for (const metric of metrics) expect(metricDefinitionSchema.safeParse(metric).success).toBe(true);
    expect(server.replay.requests.at(-1)).toMatchObject({
      path: `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiment-metrics/`,
      query: { page: "1", page_size: "100" },
    });
  });

  it("leaves out a metric whose definition the kit cannot read", () => {
    const base = { id: 1, name: "Future", description: "", aggregation: "count", direction: "up" };
    expect(metricFromFlagsmithMetric({ ...base, definition: { version: 2, events: ["a", "b"] } })).toBeNull();
    expect(
      metricFromFlagsmithMetric({ ...base, aggregation: "p95", definition: { version: 1, event: "x" } }),
    ).toBeNull();
    expect(metricFromFlagsmithMetric({ ...base, definition: { version: 1, event: "x" } })).toMatchObject({
      kind: "count",
      eventName: "x",
    });
  });
});
