/**
 * The world the tests and the Storybook demo replay: one project ("Webshop") with a v1 environment
 * ("Production") and a v2 one ("Staging"), and the cases the kit must handle — upper-case option keys, an option
 * without a key, an option with `type: null`, a standard flag, an archived feature, a feature-specific segment,
 * an experiment's hidden rollout segment, metrics of every aggregation and direction.
 */
import { uuidFor } from "./state";
import {
  type ReplayFeature,
  type ReplayFeatureState,
  type ReplayOption,
  type ReplayValue,
  type ReplayWorld,
  replayValue,
} from "./world";

export const REPLAY_PROJECT_ID = 12;
/** Client-side environment keys: what `environments/{api_key}/…` URLs take. */
export const REPLAY_PRODUCTION_KEY = "Mpr5y7yTbxvQDjiJLaTRtB";
export const REPLAY_STAGING_KEY = "Stg8cRq2ZpLmWx4nKd7VhE";
export const REPLAY_PRODUCTION_ID = 34;
export const REPLAY_STAGING_ID = 35;
/** A server-side SDK key of Production: accepted by the SDK API only, never by the Admin API. */
export const REPLAY_SERVER_KEY = "ser.Xk29VbLq7RtNw3PzYc8HmJ";
/** An organisation API key (Organisation settings → API Keys), sent as `Authorization: Api-Key …`. */
export const REPLAY_API_KEY = "Qb7TzW2.kNp4Lr9XvYs3Hc6MdF8JgA1eUo5i";
/** A user's token, what Flagsmith's dashboard sends as `Authorization: Token …`. */
export const REPLAY_USER_TOKEN = "9f2c1d7e5b8a4c3f0e6d2b1a9c8f7e6d5c4b3a21";

const CREATED = "2026-01-12T10:22:31Z";

function option(id: number, key: string | null, value: ReplayValue, allocation: number): ReplayOption {
  return { id, uuid: uuidFor(id), key, value, default_percentage_allocation: allocation };
}

function feature(id: number, name: string, fields: Partial<Omit<ReplayFeature, "id" | "name">> = {}): ReplayFeature {
  return {
    id,
    uuid: uuidFor(id),
    project: REPLAY_PROJECT_ID,
    name,
    type: (fields.multivariate_options?.length ?? 0) > 0 ? "MULTIVARIATE" : "STANDARD",
    default_enabled: true,
    initial_value: null,
    description: null,
    is_archived: false,
    is_server_key_only: false,
    created_date: `2026-01-${String(10 + (id % 10)).padStart(2, "0")}T09:00:00Z`,
    multivariate_options: [],
    ...fields,
  };
}

/** `features.models.Feature` rows; served by `features/serializers.py` `ListFeatureSerializer` (`listFeaturePayload`). */
const features: ReplayFeature[] = [
  feature(4821, "checkout_cta_color", {
    description: "Colour of the checkout button",
    initial_value: "blue",
    multivariate_options: [
      option(911, "Variant_1", replayValue("green"), 30),
      option(912, "Variant_2", replayValue("orange"), 30),
    ],
  }),
  feature(4822, "search_result_limit", {
    description: "How many results a search page shows",
    // `Feature.initial_value` is a CharField: what the flag was created with, as text.
    initial_value: "16",
    multivariate_options: [option(913, "fifty", replayValue(50), 50)],
  }),
  feature(4823, "onboarding_tour", {
    description: "",
    initial_value: "true",
    default_enabled: false,
  }),
  feature(4824, "pricing_page_layout", {
    description: "Grid or list layout of the pricing page",
    initial_value: "table",
    multivariate_options: [
      option(914, "grid", replayValue("grid"), 25),
      // Created before option keys existed: no key, and `type` never set (the column allows NULL).
      option(915, null, replayValue("cards", null), 25),
    ],
  }),
  feature(4825, "holiday_banner", {
    description: "Retired after the winter sale",
    initial_value: "snow",
    is_archived: true,
    multivariate_options: [option(916, "sleigh", replayValue("sleigh"), 50)],
  }),
  feature(4826, "recommendations_model", {
    description: "Model behind the product recommendations",
    initial_value: "v1",
    multivariate_options: [option(917, "model_v2", replayValue("v2"), 50)],
  }),
];

function state(
  id: number,
  featureId: number,
  environment: number,
  enabled: boolean,
  value: ReplayValue,
  allocations: Record<number, number> = {},
  extra: Partial<ReplayFeatureState> = {},
): ReplayFeatureState {
  return {
    id,
    uuid: uuidFor(id),
    feature: featureId,
    environment,
    feature_segment: null,
    enabled,
    value,
    multivariate_feature_state_values: Object.entries(allocations).map(([option, percentage], index) => ({
      id: id * 10 + index,
      multivariate_feature_option: Number(option),
      percentage_allocation: percentage,
    })),
    version: null,
    created_at: CREATED,
    updated_at: CREATED,
    ...extra,
  };
}

/**
 * `features.models.FeatureState` rows: environment defaults in Production (v1) and Staging (v2, all at version 1 but
 * checkout_cta_color at 3). Served as `FeatureStateSerializerSmall` (`environment_feature_state`), as
 * `CustomCreateSegmentOverrideFeatureStateSerializer` and in `get_experiment_rollout`.
 */
const featureStates: ReplayFeatureState[] = [
  state(7001, 4821, REPLAY_PRODUCTION_ID, true, replayValue("blue"), { 911: 0, 912: 0 }),
  state(7002, 4822, REPLAY_PRODUCTION_ID, true, replayValue(20), { 913: 0 }),
  state(7003, 4823, REPLAY_PRODUCTION_ID, false, replayValue(true)),
  state(7004, 4824, REPLAY_PRODUCTION_ID, true, replayValue("table"), { 914: 0, 915: 0 }),
  state(7005, 4825, REPLAY_PRODUCTION_ID, false, replayValue("snow"), { 916: 0 }),
  // The running experiment 61 reset these to 0% when its rollout was created.
  state(7006, 4826, REPLAY_PRODUCTION_ID, true, replayValue("v1"), { 917: 0 }),
  // The rollout override of experiment 61 (segment 599, feature segment 8003).
  state(7007, 4826, REPLAY_PRODUCTION_ID, true, replayValue("v1"), { 917: 50 }, { feature_segment: 8003 }),
  // EU customers see navy checkout buttons (a segment override of the kind the wizard must not collide with).
  state(7008, 4821, REPLAY_PRODUCTION_ID, true, replayValue("navy"), {}, { feature_segment: 8001 }),
  state(7009, 4821, REPLAY_PRODUCTION_ID, true, replayValue("blue"), {}, { feature_segment: 8002 }),

  state(7101, 4821, REPLAY_STAGING_ID, true, replayValue("blue"), { 911: 0, 912: 0 }, { version: 3 }),
  state(7102, 4822, REPLAY_STAGING_ID, true, replayValue(20), { 913: 0 }, { version: 1 }),
  state(7103, 4823, REPLAY_STAGING_ID, true, replayValue(true), {}, { version: 1 }),
  state(7104, 4824, REPLAY_STAGING_ID, true, replayValue("table"), { 914: 0, 915: 0 }, { version: 1 }),
  state(7105, 4825, REPLAY_STAGING_ID, false, replayValue("snow"), { 916: 0 }, { version: 1 }),
  state(7106, 4826, REPLAY_STAGING_ID, true, replayValue("v1"), { 917: 0 }, { version: 1 }),
  // Version 2 of checkout_cta_color in Staging had an override for EU customers; version 3 removed it.
  state(7107, 4821, REPLAY_STAGING_ID, true, replayValue("blue"), { 911: 0, 912: 0 }, { version: 2 }),
  state(7108, 4821, REPLAY_STAGING_ID, true, replayValue("navy"), {}, { version: 2, feature_segment: 8101 }),
  // Version 3 keeps an override for beta testers.
  state(7109, 4821, REPLAY_STAGING_ID, true, replayValue("purple"), {}, { version: 3, feature_segment: 8102 }),
];

export const REPLAY_WORLD: ReplayWorld = {
  credentials: { apiKeys: [REPLAY_API_KEY], tokens: [REPLAY_USER_TOKEN] },
  experimentationDisabledProjects: [],
  // `environments.models.Environment` rows; served by `EnvironmentRetrieveSerializerWithMetadata`.
  environments: [
    {
      id: REPLAY_PRODUCTION_ID,
      uuid: uuidFor(REPLAY_PRODUCTION_ID),
      project: REPLAY_PROJECT_ID,
      name: "Production",
      api_key: REPLAY_PRODUCTION_KEY,
      use_v2_feature_versioning: false,
      live_versions: {},
    },
    {
      id: REPLAY_STAGING_ID,
      uuid: uuidFor(REPLAY_STAGING_ID),
      project: REPLAY_PROJECT_ID,
      name: "Staging",
      api_key: REPLAY_STAGING_KEY,
      use_v2_feature_versioning: true,
      live_versions: { 4821: 3, 4822: 1, 4823: 1, 4824: 1, 4825: 1, 4826: 1 },
    },
  ],
  features,
  featureStates,
  // `features.models.FeatureSegment` rows; served by `feature_segments/serializers.py` `FeatureSegmentListSerializer`.
  featureSegments: [
    {
      id: 8001,
      uuid: uuidFor(8001),
      feature: 4821,
      segment: 502,
      environment: REPLAY_PRODUCTION_ID,
      priority: 0,
      version: null,
    },
    {
      id: 8002,
      uuid: uuidFor(8002),
      feature: 4821,
      segment: 503,
      environment: REPLAY_PRODUCTION_ID,
      priority: 1,
      version: null,
    },
    {
      id: 8003,
      uuid: uuidFor(8003),
      feature: 4826,
      segment: 599,
      environment: REPLAY_PRODUCTION_ID,
      priority: 0,
      version: null,
    },
    {
      id: 8101,
      uuid: uuidFor(8101),
      feature: 4821,
      segment: 502,
      environment: REPLAY_STAGING_ID,
      priority: 0,
      version: 2,
    },
    {
      id: 8102,
      uuid: uuidFor(8102),
      feature: 4821,
      segment: 501,
      environment: REPLAY_STAGING_ID,
      priority: 0,
      version: 3,
    },
  ],
  // `segments.models.Segment` rows (599 is a system rollout segment); served by `segments/serializers.py` `SegmentSerializer`.
  segments: [
    {
      id: 501,
      uuid: uuidFor(501),
      project: REPLAY_PROJECT_ID,
      name: "Beta testers",
      description: "Opted in to early features",
      feature: null,
      is_system_segment: false,
      created_at: CREATED,
      updated_at: CREATED,
    },
    {
      id: 502,
      uuid: uuidFor(502),
      project: REPLAY_PROJECT_ID,
      name: "EU customers",
      description: null,
      feature: null,
      is_system_segment: false,
      created_at: CREATED,
      updated_at: CREATED,
    },
    {
      id: 503,
      uuid: uuidFor(503),
      project: REPLAY_PROJECT_ID,
      name: "Checkout power users",
      description: "Only for checkout_cta_color",
      feature: 4821,
      is_system_segment: false,
      created_at: CREATED,
      updated_at: CREATED,
    },
    {
      id: 504,
      uuid: uuidFor(504),
      project: REPLAY_PROJECT_ID,
      name: "Mobile app users",
      description: "Sessions from the iOS and Android apps",
      feature: null,
      is_system_segment: false,
      created_at: CREATED,
      updated_at: CREATED,
    },
    {
      id: 599,
      uuid: uuidFor(599),
      project: REPLAY_PROJECT_ID,
      name: "experiment-61-rollout",
      description: null,
      feature: null,
      is_system_segment: true,
      rollout_percentage: 40,
      created_at: "2026-02-02T08:00:00Z",
      updated_at: "2026-02-02T08:00:00Z",
    },
  ],
  // `experimentation.models.Metric` rows; served by `experimentation/serializers.py` `MetricSerializer`.
  metrics: [
    metric(31, "Checkout conversion", "occurrence", "up", "purchase", "Share of identities that buy"),
    metric(32, "Revenue per user", "sum", "up", "purchase", "Sum of purchase values per identity"),
    metric(33, "Average order value", "mean", "up", "purchase", ""),
    metric(34, "Page load time", "mean", "down", "page_view", "Milliseconds to interactive"),
    metric(35, "Support tickets", "count", "down", "support_ticket", ""),
    metric(36, "Add-to-cart events", "count", "informational", "add_to_cart", "Context only"),
    {
      ...metric(41, "Checkout conversion", "occurrence", "up", "purchase", ""),
      environment: REPLAY_STAGING_ID,
    },
    { ...metric(42, "Page load time", "mean", "down", "page_view", ""), environment: REPLAY_STAGING_ID },
  ],
  // `experimentation.models.Experiment` rows; served by `ExperimentListSerializer` / `ExperimentDetailSerializer`.
  experiments: [
    {
      id: 61,
      environment: REPLAY_PRODUCTION_ID,
      feature: 4826,
      name: "Recommendations model v2",
      hypothesis: "The v2 model raises revenue per user by 3% within three weeks.",
      status: "running",
      created_at: "2026-02-02T08:00:00Z",
      updated_at: "2026-02-02T08:05:00Z",
      started_at: "2026-02-02T08:05:00Z",
      ended_at: null,
      rollout_segment: 599,
      metrics: [
        { id: 91, metric: 32, expected_direction: "increase", created_at: "2026-02-02T08:00:00Z" },
        { id: 92, metric: 35, expected_direction: "not_increase", created_at: "2026-02-02T08:00:00Z" },
      ],
    },
    {
      id: 58,
      environment: REPLAY_PRODUCTION_ID,
      feature: 4821,
      name: "Checkout button colour (winter)",
      hypothesis: "A green button lifts checkout conversion by 5%.",
      status: "completed",
      created_at: "2025-12-01T09:00:00Z",
      updated_at: "2025-12-22T17:00:00Z",
      started_at: "2025-12-01T09:10:00Z",
      ended_at: "2025-12-22T17:00:00Z",
      rollout_segment: null,
      metrics: [{ id: 81, metric: 31, expected_direction: "increase", created_at: "2025-12-01T09:00:00Z" }],
    },
  ],
  now: "2026-03-02T09:00:00Z",
  nextId: 10_000,
};

function metric(
  id: number,
  name: string,
  aggregation: "count" | "sum" | "mean" | "occurrence",
  direction: "up" | "down" | "informational",
  event: string,
  description: string,
) {
  return {
    id,
    environment: REPLAY_PRODUCTION_ID,
    name,
    description,
    aggregation,
    direction,
    definition: { version: 1, event },
    created_at: CREATED,
    updated_at: CREATED,
  };
}
