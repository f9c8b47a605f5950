/**
 * A replay of the part of Flagsmith's Admin API (release 2.265.0) that experiments use, as a plain
 * `Request → Response` function: the same one serves the Node test server (`server.ts`) and a browser page
 * (as its `fetch`). It keeps state (creating an experiment locks the flag, starting it enables the rollout, …),
 * answers with bodies shaped by `payloads.ts`, checks credentials the way Flagsmith's authentication classes do,
 * and records every request so a test can compare them with what Flagsmith's own frontend sends.
 */

import {
  createExperiment,
  deleteExperiment,
  transitionExperiment,
  updateExperiment,
  updateExperimentRollout,
} from "./experiment-writes";
import {
  CUSTOM_PAGINATION,
  DEFAULT_PAGINATION,
  detail,
  json,
  paginate,
  parseBoolean,
  serverErrorPage,
  ValidationProblem,
} from "./http";
import { createSegmentOverrideV1, createVersionV2 } from "./override-writes";
import {
  environmentFeatureVersionPayload,
  environmentPayload,
  experimentDetailPayload,
  experimentListPayload,
  featureSegmentListPayload,
  listFeaturePayload,
  metricPayload,
  pagePayload,
  segmentOverrideFeatureStatePayload,
  segmentPayload,
} from "./payloads";
import { environmentDefault, liveFeatureSegments, overrideState } from "./state";
import { cloneWorld, type ReplayEnvironment, type ReplayWorld } from "./world";

/** One request as the replay saw it. */
export interface RecordedRequest {
  method: string;
  /** The URL path, e.g. `/api/v1/projects/12/features/`. */
  path: string;
  /** Query parameters; a repeated parameter becomes an array. */
  query: Record<string, string | string[]>;
  /** The `Authorization` header, or `null`. */
  authorization: string | null;
  /** The JSON body, or `null` without one. */
  body: unknown;
}

/** A canned failure for the next request(s) that match. */
export interface ReplayFailure {
  method?: string;
  /** Matched against the path (a string must be equal, a RegExp must match). */
  path: string | RegExp;
  status: number;
  /** JSON body (default `{"detail": …}` from the status); a string is sent as `text/html`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests fail (default 1). */
  times?: number;
}

export interface FlagsmithReplayOptions {
  /** The origin `next` links are built with (`build_absolute_uri` behind a proxy). Default: the request's. */
  advertisedOrigin?: string;
}

export interface FlagsmithReplay {
  /** Answers one request. Use as `fetch` in a page: `fetch: (input, init) => replay.handle(new Request(input, init))`. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` over `handle` for `http(s)://<any host>/api/v1/…` URLs. */
  fetch: typeof fetch;
  /** Every request handled so far, in order. */
  readonly requests: RecordedRequest[];
  /** The state behind the answers (mutable: tests may change it). */
  readonly world: ReplayWorld;
  /** Makes the next matching request(s) fail with the given answer. */
  failNext(failure: ReplayFailure): void;
  /** Forgets recorded requests. */
  clearRequests(): void;
  setOptions(options: FlagsmithReplayOptions): void;
}

const API = "/api/v1/";

type Route = {
  method: string;
  pattern: RegExp;
  handler: (context: RouteContext, ...groups: string[]) => Response | Promise<Response>;
};

interface RouteContext {
  world: ReplayWorld;
  url: URL;
  body: unknown;
  origin: string;
}

function defaultFailureBody(status: number): unknown {
  switch (status) {
    case 401:
      return { detail: "Authentication credentials were not provided." };
    case 403:
      return { detail: "You do not have permission to perform this action." };
    case 404:
      return { detail: "Not found." };
    case 429:
      return { detail: "Request was throttled." };
    default:
      return { detail: "A server error occurred." };
  }
}

/**
 * Flagsmith's authentication classes (`REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]`): a DRF token
 * (`Token …`, what the dashboard sends) or an organisation API key (`Api-Key …`,
 * `api_keys.authentication.MasterAPIKeyAuthentication`). Anything else is anonymous (401 on every endpoint here).
 */
function authenticate(world: ReplayWorld, authorization: string | null): Response | null {
  if (!authorization)
    return detail(401, "Authentication credentials were not provided.", { "www-authenticate": "Token" });
  const [scheme, credential = "", extra] = authorization.trim().split(/\s+/);
  if (scheme === "Token") {
    if (!credential || extra !== undefined)
      return detail(401, "Invalid token header. No credentials provided.", { "www-authenticate": "Token" });
    return world.credentials.tokens.includes(credential)
      ? null
      : detail(401, "Invalid token.", { "www-authenticate": "Token" });
  }
  if (scheme === "Api-Key") {
    return world.credentials.apiKeys.includes(credential)
      ? null
      : detail(401, "Valid Master API Key not found.", { "www-authenticate": "Token" });
  }
  return detail(401, "Authentication credentials were not provided.", { "www-authenticate": "Token" });
}

function queryRecord(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

/**
 * `experimentation.permissions.ExperimentPermission` (also `MetricPermission`): the environment must exist and
 * the organisation must have experimentation; otherwise 403 (an unknown key is not a 404 on these URLs).
 */
function experimentEnvironment(world: ReplayWorld, key: string): ReplayEnvironment | Response {
  const environment = world.environments.find((env) => env.api_key === key);
  if (!environment || world.experimentationDisabledProjects.includes(environment.project)) {
    return detail(403, "You do not have permission to perform this action.");
  }
  return environment;
}

function projectOf(world: ReplayWorld, projectId: string): number | Response {
  const id = Number(projectId);
  const known = world.environments.some((env) => env.project === id) || world.features.some((f) => f.project === id);
  return known ? id : detail(404, "No Project matches the given query.");
}

function totalSegmentOverrides(world: ReplayWorld, environment: ReplayEnvironment) {
  return world.features
    .filter((feature) => feature.project === environment.project)
    .reduce((total, feature) => total + liveFeatureSegments(world, environment, feature.id).length, 0);
}

const routes: Route[] = [
  {
    // `environments.views.EnvironmentViewSet.retrieve` (lookup by api_key).
    method: "GET",
    pattern: /^environments\/([^/]+)\/$/,
    handler: ({ world }, key) => {
      const environment = world.environments.find((env) => env.api_key === key);
      if (!environment) return detail(404, "No Environment matches the given query.");
      return json(200, environmentPayload(environment, totalSegmentOverrides(world, environment)));
    },
  },
  {
    // `features.views.FeatureViewSet.list` with `FeatureQuerySerializer` filters; `CustomPagination`.
    method: "GET",
    pattern: /^projects\/(\d+)\/features\/$/,
    handler: ({ world, url, origin }, projectId = "") => {
      const project = projectOf(world, projectId);
      if (project instanceof Response) return project;
      const params = url.searchParams;
      const errors: Record<string, string[]> = {};
      const environmentParam = params.get("environment");
      if (environmentParam !== null && !/^\d+$/.test(environmentParam))
        errors.environment = ["A valid integer is required."];
      const archivedParam = params.get("is_archived");
      const archived = archivedParam === null ? undefined : parseBoolean(archivedParam);
      if (archivedParam !== null && archived === undefined) errors.is_archived = ["Must be a valid boolean."];
      const type = params.get("type");
      if (type !== null && type !== "STANDARD" && type !== "MULTIVARIATE")
        errors.type = [`"${type}" is not a valid choice.`];
      if (Object.keys(errors).length > 0) return json(400, errors);
      let environment: ReplayEnvironment | undefined;
      if (environmentParam !== null) {
        environment = world.environments.find((env) => env.id === Number(environmentParam));
        // `Environment.objects.get(id=…)` is not guarded: an unknown id is an uncaught DoesNotExist.
        if (!environment) return serverErrorPage();
      }
      const search = params.get("search")?.toLowerCase();
      const features = world.features
        .filter((f) => f.project === project)
        .filter((f) => (search ? f.name.toLowerCase().includes(search) : true))
        .filter((f) => (archived === undefined ? true : f.is_archived === archived))
        .filter((f) => (type ? f.type === type : true))
        .sort((a, b) => a.created_date.localeCompare(b.created_date) || a.id - b.id);
      const page = paginate(features, url, CUSTOM_PAGINATION, origin);
      if (page instanceof Response) return page;
      return json(
        200,
        pagePayload(
          page.page.map((feature) =>
            listFeaturePayload(feature, {
              environmentState: environment ? (environmentDefault(world, environment, feature.id) ?? null) : null,
              numSegmentOverrides: environment ? liveFeatureSegments(world, environment, feature.id).length : 0,
              environmentGiven: environment !== undefined,
            }),
          ),
          page.count,
          page.next,
          page.previous,
        ),
      );
    },
  },
  {
    // `features.views.FeatureViewSet.retrieve` (`ListFeatureSerializer`).
    method: "GET",
    pattern: /^projects\/(\d+)\/features\/(\d+)\/$/,
    handler: ({ world, url }, projectId = "", featureId = "") => {
      const project = projectOf(world, projectId);
      if (project instanceof Response) return project;
      const feature = world.features.find((f) => f.project === project && f.id === Number(featureId));
      if (!feature) return detail(404, "No Feature matches the given query.");
      const environmentParam = url.searchParams.get("environment");
      let environment: ReplayEnvironment | undefined;
      if (environmentParam !== null) {
        environment = world.environments.find((env) => env.id === Number(environmentParam));
        if (!environment) return serverErrorPage();
      }
      return json(
        200,
        listFeaturePayload(feature, {
          environmentState: environment ? (environmentDefault(world, environment, feature.id) ?? null) : null,
          numSegmentOverrides: environment ? liveFeatureSegments(world, environment, feature.id).length : 0,
          environmentGiven: environment !== undefined,
        }),
      );
    },
  },
  {
    // `segments.views.SegmentViewSet.list`: never system segments; `include_feature_specific` defaults to true.
    method: "GET",
    pattern: /^projects\/(\d+)\/segments\/$/,
    handler: ({ world, url, origin }, projectId = "") => {
      const project = projectOf(world, projectId);
      if (project instanceof Response) return project;
      const includeParam = url.searchParams.get("include_feature_specific");
      const include = includeParam === null ? true : parseBoolean(includeParam);
      if (include === undefined) return json(400, { include_feature_specific: ["Must be a valid boolean."] });
      const q = url.searchParams.get("q")?.toLowerCase();
      const segments = world.segments
        .filter((s) => s.project === project && !s.is_system_segment)
        .filter((s) => (include ? true : s.feature === null))
        .filter((s) => (q ? s.name.toLowerCase().includes(q) : true))
        .sort((a, b) => a.id - b.id);
      const page = paginate(segments, url, CUSTOM_PAGINATION, origin);
      if (page instanceof Response) return page;
      return json(200, pagePayload(page.page.map(segmentPayload), page.count, page.next, page.previous));
    },
  },
  {
    // `features.feature_segments.views.FeatureSegmentViewSet.list`: DRF's default pagination (10 a page,
    // `page_size` ignored); under v2 versioning only the live version's feature segments.
    method: "GET",
    pattern: /^features\/feature-segments\/$/,
    handler: ({ world, url, origin }) => {
      const errors: Record<string, string[]> = {};
      for (const name of ["environment", "feature"]) {
        const value = url.searchParams.get(name);
        if (value === null || value === "") errors[name] = ["This field is required."];
        else if (!/^\d+$/.test(value)) errors[name] = ["A valid integer is required."];
      }
      if (Object.keys(errors).length > 0) return json(400, errors);
      const environment = world.environments.find((env) => env.id === Number(url.searchParams.get("environment")));
      if (!environment) return serverErrorPage();
      const links = liveFeatureSegments(world, environment, Number(url.searchParams.get("feature")));
      const page = paginate(links, url, DEFAULT_PAGINATION, origin);
      if (page instanceof Response) return page;
      return json(
        200,
        pagePayload(
          page.page.map((link) => {
            const segment = world.segments.find((s) => s.id === link.segment);
            if (!segment) throw new Error(`replay world: feature segment ${link.id} has no segment`);
            return featureSegmentListPayload(link, segment);
          }),
          page.count,
          page.next,
          page.previous,
        ),
      );
    },
  },
  {
    // `FeatureSegmentViewSet.destroy` (v1 environments; the dashboard's way to remove an override).
    method: "DELETE",
    pattern: /^features\/feature-segments\/(\d+)\/$/,
    handler: ({ world }, id = "") => {
      const link = world.featureSegments.find((fs) => fs.id === Number(id));
      const environment = link ? world.environments.find((env) => env.id === link.environment) : undefined;
      if (!link || !environment) return detail(404, "No FeatureSegment matches the given query.");
      const state = overrideState(world, link);
      if (environment.use_v2_feature_versioning && state) {
        return detail(
          400,
          "This environment uses v2 feature versioning. Use the environment feature version endpoint instead.",
        );
      }
      world.featureStates = world.featureStates.filter((s) => s.feature_segment !== link.id);
      world.featureSegments = world.featureSegments.filter((fs) => fs.id !== link.id);
      return json(204, null);
    },
  },
  {
    // `features.views.create_segment_override` (v1 environments only: `require_direct_state_write`).
    method: "POST",
    pattern: /^environments\/([^/]+)\/features\/(\d+)\/create-segment-override\/$/,
    handler: ({ world, body }, key = "", featureId = "") => {
      const environment = world.environments.find((env) => env.api_key === key);
      if (!environment) return detail(404, "No Environment matches the given query.");
      const feature = world.features.find((f) => f.id === Number(featureId) && f.project === environment.project);
      if (!feature) return detail(404, "No Feature matches the given query.");
      const created = createSegmentOverrideV1(world, environment, feature, body);
      if (created instanceof Response) return created;
      return json(201, segmentOverrideFeatureStatePayload(created.state, created.link));
    },
  },
  {
    // `features.versioning.views.EnvironmentFeatureVersionViewSet.create` (v2 environments only).
    method: "POST",
    pattern: /^environments\/(\d+)\/features\/(\d+)\/versions\/$/,
    handler: ({ world, body }, environmentId = "", featureId = "") => {
      const feature = world.features.find((f) => f.id === Number(featureId));
      if (!feature) return detail(404, "No Feature matches the given query.");
      const environment = world.environments.find(
        (env) => env.id === Number(environmentId) && env.project === feature.project,
      );
      if (!environment) return detail(404, "No Environment matches the given query.");
      const version = createVersionV2(world, environment, feature, body);
      if (version instanceof Response) return version;
      return json(201, environmentFeatureVersionPayload(version));
    },
  },
  {
    // `experimentation.views.MetricViewSet.list` (`CustomPagination`, `q` searches names).
    method: "GET",
    pattern: /^environments\/([^/]+)\/experiment-metrics\/$/,
    handler: ({ world, url, origin }, key = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      const q = url.searchParams.get("q")?.toLowerCase();
      const metrics = world.metrics
        .filter((m) => m.environment === environment.id)
        .filter((m) => (q ? m.name.toLowerCase().includes(q) : true));
      const page = paginate(metrics, url, CUSTOM_PAGINATION, origin);
      if (page instanceof Response) return page;
      return json(
        200,
        pagePayload(
          page.page.map((m) => metricPayload(m, world)),
          page.count,
          page.next,
          page.previous,
        ),
      );
    },
  },
  {
    // `experimentation.views.ExperimentViewSet.list`: newest first, `status` (repeatable) and `q` filters,
    // `CustomPagination`, plus `status_counts`.
    method: "GET",
    pattern: /^environments\/([^/]+)\/experiments\/$/,
    handler: ({ world, url, origin }, key = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      const statuses = url.searchParams.getAll("status");
      const valid = ["created", "running", "paused", "completed"];
      const invalid = statuses.findIndex((s) => !valid.includes(s));
      if (invalid >= 0)
        return json(400, { status: { [String(invalid)]: [`"${statuses[invalid]}" is not a valid choice.`] } });
      const q = url.searchParams.get("q")?.toLowerCase();
      const matchesQ = (name: string, featureId: number) =>
        !q ||
        name.toLowerCase().includes(q) ||
        (world.features
          .find((f) => f.id === featureId)
          ?.name.toLowerCase()
          .includes(q) ??
          false);
      const base = world.experiments.filter((e) => e.environment === environment.id && matchesQ(e.name, e.feature));
      const experiments = base
        .filter((e) => statuses.length === 0 || statuses.includes(e.status))
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
      const page = paginate(experiments, url, CUSTOM_PAGINATION, origin);
      if (page instanceof Response) return page;
      return json(200, {
        ...pagePayload(
          page.page.map((e) => experimentListPayload(e, world, environmentDefault(world, environment, e.feature))),
          page.count,
          page.next,
          page.previous,
        ),
        status_counts: Object.fromEntries(valid.map((s) => [s, base.filter((e) => e.status === s).length])),
      });
    },
  },
  {
    // `ExperimentViewSet.create` (`ExperimentSerializer`): one active experiment per feature and environment.
    method: "POST",
    pattern: /^environments\/([^/]+)\/experiments\/$/,
    handler: ({ world, body }, key = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      return createExperiment(world, environment, body);
    },
  },
  {
    // `ExperimentViewSet.retrieve` (`ExperimentDetailSerializer`).
    method: "GET",
    pattern: /^environments\/([^/]+)\/experiments\/(\d+)\/$/,
    handler: ({ world }, key = "", id = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      const experiment = world.experiments.find((e) => e.id === Number(id) && e.environment === environment.id);
      if (!experiment) return detail(404, "No Experiment matches the given query.");
      const segment = world.segments.find((s) => s.id === experiment.rollout_segment);
      const link = segment
        ? liveFeatureSegments(world, environment, experiment.feature).find((fs) => fs.segment === segment.id)
        : undefined;
      const override = link ? overrideState(world, link) : undefined;
      return json(
        200,
        experimentDetailPayload(
          experiment,
          world,
          environmentDefault(world, environment, experiment.feature),
          segment && override ? { segment, override } : null,
        ),
      );
    },
  },
  {
    method: "PATCH",
    pattern: /^environments\/([^/]+)\/experiments\/(\d+)\/$/,
    handler: ({ world, body }, key = "", id = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      return updateExperiment(world, environment, Number(id), body);
    },
  },
  {
    method: "DELETE",
    pattern: /^environments\/([^/]+)\/experiments\/(\d+)\/$/,
    handler: ({ world }, key = "", id = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      return deleteExperiment(world, environment, Number(id));
    },
  },
  {
    // `ExperimentViewSet.start|pause|complete` (`transition_experiment_status`; `start` also enables the rollout).
    method: "POST",
    pattern: /^environments\/([^/]+)\/experiments\/(\d+)\/(start|pause|complete)\/$/,
    handler: ({ world }, key = "", id = "", action = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      const target = action === "start" ? "running" : action === "pause" ? "paused" : "completed";
      return transitionExperiment(world, environment, Number(id), target);
    },
  },
  {
    // `ExperimentViewSet.rollout` (`ExperimentRolloutSerializer`, `apply_experiment_rollout`).
    method: "PATCH",
    pattern: /^environments\/([^/]+)\/experiments\/(\d+)\/rollout\/$/,
    handler: ({ world, body }, key = "", id = "") => {
      const environment = experimentEnvironment(world, key);
      if (environment instanceof Response) return environment;
      return updateExperimentRollout(world, environment, Number(id), body);
    },
  },
];

function matchesFailure(failure: ReplayFailure, method: string, path: string): boolean {
  if (failure.method && failure.method.toUpperCase() !== method) return false;
  return typeof failure.path === "string" ? failure.path === path : failure.path.test(path);
}

function failureResponse(failure: ReplayFailure): Response {
  if (typeof failure.body === "string") {
    return new Response(failure.body, {
      status: failure.status,
      headers: { "content-type": "text/html; charset=utf-8", ...failure.headers },
    });
  }
  return json(failure.status, failure.body ?? defaultFailureBody(failure.status), failure.headers);
}

/** Creates a replay over (a copy of) `world`. */
export function createFlagsmithReplay(world: ReplayWorld, options: FlagsmithReplayOptions = {}): FlagsmithReplay {
  const state = cloneWorld(world);
  const requests: RecordedRequest[] = [];
  const failures: (ReplayFailure & { remaining: number })[] = [];
  let settings = { ...options };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const text = method === "GET" || method === "HEAD" ? "" : await request.text();
    let body: unknown = null;
    let malformed = false;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        malformed = true;
        body = text;
      }
    }
    const authorization = request.headers.get("authorization");
    requests.push({ method, path: url.pathname, query: queryRecord(url), authorization, body });

    const failure = failures.find((f) => f.remaining > 0 && matchesFailure(f, method, url.pathname));
    if (failure) {
      failure.remaining -= 1;
      return failureResponse(failure);
    }
    if (!url.pathname.startsWith(API)) return detail(404, "Not found.");
    const unauthenticated = authenticate(state, authorization);
    if (unauthenticated) return unauthenticated;
    if (malformed) return detail(400, "JSON parse error - Expecting value: line 1 column 1 (char 0)");

    const relative = url.pathname.slice(API.length);
    const candidates = routes.filter((route) => route.pattern.test(relative));
    if (candidates.length === 0) return detail(404, "Not found.");
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      return detail(405, `Method "${method}" not allowed.`, {
        allow: [...new Set(candidates.map((c) => c.method))].join(", "),
      });
    }
    const groups = route.pattern.exec(relative)?.slice(1) ?? [];
    try {
      return await route.handler(
        { world: state, url, body, origin: settings.advertisedOrigin ?? url.origin },
        ...groups.map((g) => decodeURIComponent(g)),
      );
    } catch (error) {
      if (error instanceof ValidationProblem) return json(400, error.body);
      throw error;
    }
  };

  return {
    handle,
    fetch: (input, init) => handle(new Request(input instanceof URL ? input.toString() : input, init)),
    requests,
    world: state,
    failNext(failure) {
      failures.push({ ...failure, remaining: failure.times ?? 1 });
    },
    clearRequests() {
      requests.length = 0;
    },
    setOptions(next) {
      settings = { ...settings, ...next };
    },
  };
}
