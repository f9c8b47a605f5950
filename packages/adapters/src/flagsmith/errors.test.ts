import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AdapterError } from "../adapter-error";
import { createFlagsmithAdapters } from "./adapters";
import { readDrfErrorBody, retryAfterSeconds } from "./errors";
import { FlagsmithConfigurationError } from "./options";
import {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_KEY,
  REPLAY_SERVER_KEY,
  REPLAY_USER_TOKEN,
  REPLAY_WORLD,
} from "./replay/fixtures";
import { type ReplayServer, startReplayServer } from "./replay/server";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(REPLAY_WORLD);
});
afterAll(() => server.close());
beforeEach(() => server.replay.clearRequests());

const adapters = (extra: Partial<Parameters<typeof createFlagsmithAdapters>[0]> = {}) =>
  createFlagsmithAdapters({
    baseUrl: server.baseUrl,
    apiKey: REPLAY_API_KEY,
    environmentKey: REPLAY_PRODUCTION_KEY,
    ...extra,
  });

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const metricsPath = `/api/v1/environments/${REPLAY_PRODUCTION_KEY}/experiment-metrics/`;

describe("Flagsmith errors keep Flagsmith's meaning", () => {
  it("401: the credentials, with Flagsmith's detail", async () => {
    const error = await failure(adapters({ apiKey: "wrong.key" }).metrics.listMetrics());
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, detail: "Valid Master API Key not found." });
    expect(error.message).toBe(
      "Flagsmith did not accept the credentials: check the organisation API key or token. Flagsmith said: “Valid Master API Key not found.”",
    );
    expect(error.retryable).toBe(false);
  });

  it("a user token works like an organisation key", async () => {
    expect(await adapters({ apiKey: undefined, token: REPLAY_USER_TOKEN }).metrics.listMetrics()).toHaveLength(6);
    expect(server.replay.requests.every((r) => r.authorization === `Token ${REPLAY_USER_TOKEN}`)).toBe(true);
  });

  it("403 on an environment URL: the environment key is unknown or not accessible", async () => {
    const world = structuredClone(REPLAY_WORLD);
    world.experimentationDisabledProjects = [12];
    const disabled = await startReplayServer(world);
    try {
      const error = await failure(
        createFlagsmithAdapters({
          baseUrl: disabled.baseUrl,
          apiKey: REPLAY_API_KEY,
          environmentKey: REPLAY_PRODUCTION_KEY,
        }).metrics.listMetrics(),
      );
      expect(error).toMatchObject({ kind: "unauthorized", status: 403 });
      expect(error.message).toMatch(/^The environment key was not found, or these credentials have no access to it/);
      expect(error.message).toContain("“You do not have permission to perform this action.”");
    } finally {
      await disabled.close();
    }
  });

  it("404 for an unknown environment key says which key to use", async () => {
    const error = await failure(adapters({ environmentKey: "NoSuchEnvironmentKey" }).flags.listFlags({}));
    expect(error).toMatchObject({ kind: "not-found", status: 404, detail: "No Environment matches the given query." });
    expect(error.message).toContain("client-side key");
  });

  it("429: rate limited, with Retry-After in seconds and the message saying when", async () => {
    server.replay.failNext({
      path: metricsPath,
      status: 429,
      body: { detail: "Request was throttled. Expected available in 12 seconds." },
      headers: { "retry-after": "12" },
    });
    const error = await failure(adapters().metrics.listMetrics());
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterSeconds: 12 });
    expect(error.message).toBe(
      "Flagsmith is receiving too many requests; try again in 12 s. Flagsmith said: “Request was throttled. Expected available in 12 seconds.”",
    );
    expect(error.retryable).toBe(true);
  });

  it("400: invalid request with Django REST framework's field errors, flattened", async () => {
    server.replay.failNext({
      path: metricsPath,
      status: 400,
      body: {
        name: ["This field may not be blank."],
        metrics: [{}, { expected_direction: ['"up" is not a valid choice.'] }],
      },
    });
    const error = await failure(adapters().metrics.listMetrics());
    expect(error).toMatchObject({
      kind: "invalid-request",
      status: 400,
      fieldErrors: {
        name: ["This field may not be blank."],
        "metrics.1.expected_direction": ['"up" is not a valid choice.'],
      },
    });
    expect(error.message).toContain("name: This field may not be blank.");
  });

  it("500 (Django's HTML page) and 502 from a proxy: server errors worth a retry", async () => {
    server.replay.failNext({ path: metricsPath, status: 500, body: "<h1>Server Error (500)</h1>" });
    const internal = await failure(adapters().metrics.listMetrics());
    expect(internal).toMatchObject({ kind: "server", status: 500 });
    expect(internal.message).toBe("Flagsmith had a problem answering (HTTP 500). Try again in a moment.");
    expect(internal.retryable).toBe(true);
    server.replay.failNext({ path: metricsPath, status: 502, body: "<html>Bad gateway</html>" });
    expect(await failure(adapters().metrics.listMetrics())).toMatchObject({ kind: "server", status: 502 });
  });

  it("a 200 that is not JSON, or JSON of the wrong shape: invalid-response naming the path", async () => {
    server.replay.failNext({ path: metricsPath, status: 200, body: "<html>Login</html>" });
    expect(await failure(adapters().metrics.listMetrics())).toMatchObject({ kind: "invalid-response" });
    server.replay.failNext({ path: metricsPath, status: 200, body: { next: null, results: [{ id: "one" }] } });
    const error = await failure(adapters().metrics.listMetrics());
    expect(error.kind).toBe("invalid-response");
    expect(error.issues.map((issue) => issue.path)).toContain("results.0.id");
  });

  it("an unreachable server is a network error; a silent one times out", async () => {
    const unreachable = await failure(
      createFlagsmithAdapters({
        baseUrl: "http://127.0.0.1:9/api/v1/",
        apiKey: "k",
        environmentKey: "e",
      }).metrics.listMetrics(),
    );
    expect(unreachable).toMatchObject({ kind: "network" });
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const timedOut = await failure(
        createFlagsmithAdapters({
          baseUrl: `http://127.0.0.1:${port}/api/v1`,
          apiKey: "k",
          environmentKey: "e",
          timeoutMs: 50,
        }).metrics.listMetrics(),
      );
      expect(timedOut).toMatchObject({ kind: "timeout" });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("Flagsmith options", () => {
  it("refuses a server-side SDK key as environment key or API key, with how to fix it", () => {
    expect(() => createFlagsmithAdapters({ apiKey: REPLAY_API_KEY, environmentKey: REPLAY_SERVER_KEY })).toThrow(
      FlagsmithConfigurationError,
    );
    expect(() => createFlagsmithAdapters({ apiKey: REPLAY_API_KEY, environmentKey: REPLAY_SERVER_KEY })).toThrow(
      /client-side key/,
    );
    expect(() => createFlagsmithAdapters({ apiKey: REPLAY_SERVER_KEY, environmentKey: REPLAY_PRODUCTION_KEY })).toThrow(
      /organisation API key/,
    );
    expect(() => createFlagsmithAdapters({ environmentKey: REPLAY_PRODUCTION_KEY })).toThrow(/apiKey/);
    expect(() => createFlagsmithAdapters({ apiKey: "a", token: "b", environmentKey: REPLAY_PRODUCTION_KEY })).toThrow(
      /either/,
    );
  });
});

describe("reading Django REST framework error bodies", () => {
  it("takes detail, versioning's message, bare lists and nested field errors", () => {
    expect(readDrfErrorBody({ detail: "Not found." })).toEqual({ detail: "Not found.", fieldErrors: {} });
    expect(readDrfErrorBody({ message: "An unresolvable conflict occurred." }).detail).toBe(
      "An unresolvable conflict occurred.",
    );
    expect(readDrfErrorBody(["Multivariate allocations must not exceed 100%, got 110%."])).toEqual({
      detail: "Multivariate allocations must not exceed 100%, got 110%.",
      fieldErrors: {},
    });
    expect(
      readDrfErrorBody({
        experiment_rollout: { rollout_percentage: ["Ensure this value is less than or equal to 100."] },
      }).fieldErrors,
    ).toEqual({ "experiment_rollout.rollout_percentage": ["Ensure this value is less than or equal to 100."] });
    expect(readDrfErrorBody({ non_field_errors: ["Invalid data."] }).fieldErrors).toEqual({
      non_field_errors: ["Invalid data."],
    });
    expect(readDrfErrorBody("<html>")).toEqual({ detail: undefined, fieldErrors: {} });
  });

  it("reads Retry-After as seconds or as a date, else from DRF's throttle message", () => {
    const now = new Date("2026-03-02T09:00:00Z");
    expect(retryAfterSeconds(new Headers({ "retry-after": "7" }), undefined, now)).toBe(7);
    expect(retryAfterSeconds(new Headers({ "retry-after": "Mon, 02 Mar 2026 09:00:30 GMT" }), undefined, now)).toBe(30);
    expect(retryAfterSeconds(new Headers(), "Request was throttled. Expected available in 45 seconds.", now)).toBe(45);
    expect(retryAfterSeconds(new Headers(), undefined, now)).toBeUndefined();
  });
});
