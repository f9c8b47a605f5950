import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import { flagSchema, isFlagEligible } from "./flag";
import { createFlagsmithAdapters } from "./flagsmith-rest-adapter";

/** Payloads shaped like the Flagsmith Admin API (trimmed to a realistic subset of fields). */
const checkoutFeature = {
  id: 4821,
  uuid: "2f3c7c1e-8f0a-4a77-9a48-7ad3b0cf4f11",
  name: "checkout_cta_color",
  type: "MULTIVARIATE",
  default_enabled: true,
  initial_value: "blue",
  created_date: "2026-01-12T10:22:31.154Z",
  description: "Colour of the checkout button",
  tags: [],
  is_archived: false,
  multivariate_options: [
    {
      id: 911,
      uuid: "8c0d",
      type: "unicode",
      integer_value: null,
      string_value: "green",
      boolean_value: null,
      default_percentage_allocation: 30,
      key: "green",
    },
    {
      id: 912,
      uuid: "8c0e",
      type: "unicode",
      integer_value: null,
      string_value: "orange",
      boolean_value: null,
      default_percentage_allocation: 30,
    },
  ],
};
const limitFeature = {
  id: 4822,
  name: "search_result_limit",
  type: "MULTIVARIATE",
  initial_value: 20,
  description: null,
  multivariate_options: [
    {
      id: 913,
      type: "int",
      integer_value: 50,
      string_value: null,
      boolean_value: null,
      default_percentage_allocation: 50,
      key: "Fifty Results",
    },
  ],
};
const tourFeature = {
  id: 4823,
  name: "onboarding_tour",
  type: "STANDARD",
  initial_value: null,
  description: "",
  multivariate_options: [],
};

type Handler = (req: IncomingMessage, url: URL) => { status?: number; body: unknown } | undefined;
let handler: Handler = () => undefined;
const seen: { path: string; auth: string | undefined }[] = [];
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    seen.push({ path: `${url.pathname}${url.search}`, auth: req.headers.authorization });
    const answer = handler(req, url) ?? { status: 404, body: { detail: "Not found." } };
    res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
    res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen.length = 0;
  handler = () => undefined;
});

const adapters = (extra: Partial<Parameters<typeof createFlagsmithAdapters>[0]> = {}) =>
  createFlagsmithAdapters({ apiKey: "ser.abc123", projectId: 12, environmentId: 34, baseUrl, ...extra });

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("Flagsmith REST adapter", () => {
  it("lists flags across pages with the API key and maps multivariate options to variations", async () => {
    handler = (_req, url) => {
      if (url.pathname !== "/api/v1/projects/12/features/") return undefined;
      const page = url.searchParams.get("page") ?? "1";
      if (page === "1") {
        return {
          body: {
            count: 3,
            next: `${baseUrl}projects/12/features/?page=2&page_size=2`,
            previous: null,
            results: [checkoutFeature, limitFeature],
          },
        };
      }
      return {
        body: { count: 3, next: null, previous: `${baseUrl}projects/12/features/?page=1`, results: [tourFeature] },
      };
    };
    const flags = await adapters({ pageSize: 2 }).flags.listFlags({});
    expect(seen.map((s) => s.path)).toEqual([
      "/api/v1/projects/12/features/?page_size=2",
      "/api/v1/projects/12/features/?page=2&page_size=2",
    ]);
    expect(seen.every((s) => s.auth === "Api-Key ser.abc123")).toBe(true);
    expect(flags.map((f) => flagSchema.parse(f))).toEqual(flags);
    expect(flags[0]).toEqual({
      id: "4821",
      name: "checkout_cta_color",
      description: "Colour of the checkout button",
      type: "multivariate",
      enabled: true,
      controlValue: "blue",
      variations: [
        { key: "control", name: "Control", value: "blue", isControl: true },
        { key: "green", name: "green", value: "green", isControl: false },
        { key: "option-912", name: "orange", value: "orange", isControl: false },
      ],
    });
    expect(flags[1]?.variations[1]).toEqual({ key: "option-913", name: "Fifty Results", value: 50, isControl: false });
    expect(flags[2]).toMatchObject({ id: "4823", type: "standard", controlValue: null });
    expect(flags.map(isFlagEligible)).toEqual([true, true, false]);
  });

  it("passes the search to Flagsmith and filters by name", async () => {
    handler = (_req, url) =>
      url.pathname === "/api/v1/projects/12/features/"
        ? { body: { next: null, results: [checkoutFeature, limitFeature] } }
        : undefined;
    const flags = await adapters().flags.listFlags({ search: "Checkout" });
    expect(seen[0]?.path).toBe("/api/v1/projects/12/features/?page_size=100&search=Checkout");
    expect(flags.map((f) => f.name)).toEqual(["checkout_cta_color"]);
  });

  it("takes the control value from the environment when its key is given", async () => {
    handler = (_req, url) => {
      if (url.pathname === "/api/v1/projects/12/features/4821/") return { body: checkoutFeature };
      if (url.pathname === "/api/v1/environments/env_key_1/featurestates/") {
        return {
          body: {
            next: null,
            results: [
              {
                id: 1,
                feature: 4821,
                enabled: true,
                feature_state_value: "navy",
                feature_segment: null,
                identity: null,
                multivariate_feature_state_values: [
                  { id: 5, multivariate_feature_option: 911, percentage_allocation: 20 },
                  { id: 6, multivariate_feature_option: 912, percentage_allocation: 20 },
                ],
              },
              {
                id: 2,
                feature: 4821,
                feature_state_value: "red",
                feature_segment: { id: 77, segment: 501, priority: 0 },
                identity: null,
                multivariate_feature_state_values: [],
              },
            ],
          },
        };
      }
      return undefined;
    };
    const flag = await adapters({ environmentKey: "env_key_1" }).flags.getFlag("4821");
    expect(flag.controlValue).toBe("navy");
    expect(flag.variations[0]).toEqual({ key: "control", name: "Control", value: "navy", isControl: true });
    expect(seen.map((s) => s.path)).toContain(
      "/api/v1/environments/env_key_1/featurestates/?page_size=100&feature=4821",
    );
  });

  it("lists segments and the segment overrides of a flag in the environment, by priority", async () => {
    handler = (_req, url) => {
      if (url.pathname === "/api/v1/projects/12/segments/") {
        return {
          body: {
            count: 2,
            next: null,
            results: [
              { id: 501, uuid: "a", name: "Beta testers", description: "Opted in", project: 12, rules: [] },
              { id: 502, uuid: "b", name: "EU customers", description: null, project: 12, rules: [] },
            ],
          },
        };
      }
      if (url.pathname === "/api/v1/features/feature-segments/") {
        return {
          body: {
            next: null,
            results: [
              { id: 9, uuid: "x", segment: 502, segment_name: "EU customers", priority: 1, environment: 34 },
              { id: 8, uuid: "y", segment: 501, segment_name: "Beta testers", priority: 0, environment: 34 },
            ],
          },
        };
      }
      return undefined;
    };
    const { segments } = adapters();
    expect(await segments.listSegments()).toEqual([
      { id: "501", name: "Beta testers", description: "Opted in" },
      { id: "502", name: "EU customers" },
    ]);
    expect(await segments.listOverrides("4821")).toEqual([
      { flagId: "4821", segmentId: "501" },
      { flagId: "4821", segmentId: "502" },
    ]);
    expect(seen.at(-1)?.path).toBe("/api/v1/features/feature-segments/?page_size=100&environment=34&feature=4821");
  });

  it("turns a malformed payload into invalid-response with the offending path", async () => {
    handler = () => ({
      body: { next: null, results: [{ ...checkoutFeature, multivariate_options: [{ id: "nine", string_value: 3 }] }] },
    });
    const error = await failure(adapters().flags.listFlags({}));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toBe("Flagsmith answered with data in a shape we do not understand.");
    expect(error.issues.map((i) => i.path)).toContain("results.0.multivariate_options.0.id");
  });

  it("treats a body that is not JSON as invalid-response", async () => {
    handler = () => ({ body: "<html>Gateway</html>" });
    expect((await failure(adapters().segments.listSegments())).kind).toBe("invalid-response");
  });

  it("maps 401 to unauthorized, 404 to not-found and 5xx to network", async () => {
    handler = () => ({ status: 401, body: { detail: "Invalid API key." } });
    const unauthorized = await failure(adapters().flags.listFlags({}));
    expect(unauthorized.kind).toBe("unauthorized");
    expect(unauthorized.message).toMatch(/refused the API key/);
    handler = () => undefined;
    expect((await failure(adapters().flags.getFlag("999"))).kind).toBe("not-found");
    expect((await failure(adapters().flags.getFlag("../../admin"))).kind).toBe("not-found");
    handler = () => ({ status: 502, body: "bad gateway" });
    expect((await failure(adapters().segments.listSegments())).kind).toBe("network");
  });

  it("never follows a `next` link to another server with the API key", async () => {
    handler = () => ({ body: { next: "http://evil.example/steal?page=2", results: [checkoutFeature] } });
    const error = await failure(adapters().flags.listFlags({}));
    expect(error.kind).toBe("invalid-response");
    expect(seen).toHaveLength(1);
  });

  it("times out a server that does not answer", async () => {
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const port = (slow.address() as AddressInfo).port;
    const error = await failure(
      createFlagsmithAdapters({
        apiKey: "k",
        projectId: 1,
        environmentId: 1,
        baseUrl: `http://127.0.0.1:${port}/api/v1`,
        timeoutMs: 50,
      }).segments.listSegments(),
    );
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
    expect(error.kind).toBe("timeout");
  });

  it("reports an unreachable server as a network error", async () => {
    const error = await failure(
      createFlagsmithAdapters({
        apiKey: "k",
        projectId: 1,
        environmentId: 1,
        baseUrl: "http://127.0.0.1:9/api/v1/",
      }).segments.listSegments(),
    );
    expect(error.kind).toBe("network");
  });
});
