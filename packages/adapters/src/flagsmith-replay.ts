/**
 * `@flagsmith-experimentation/adapters/flagsmith-replay`: a replay of the part of Flagsmith's Admin API that
 * experiments use (release 2.265.0), as a `fetch` you can hand to `createFlagsmithAdapters` in tests, stories and
 * demos. It keeps state, answers with payloads shaped exactly as Flagsmith's serializers produce them, and records
 * every request. No server to start and nothing browser- or Node-specific.
 */

export {
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_ID,
  REPLAY_PRODUCTION_KEY,
  REPLAY_PROJECT_ID,
  REPLAY_SERVER_KEY,
  REPLAY_STAGING_ID,
  REPLAY_STAGING_KEY,
  REPLAY_USER_TOKEN,
  REPLAY_WORLD,
} from "./flagsmith/replay/fixtures";
export type {
  FlagsmithReplay,
  FlagsmithReplayOptions,
  RecordedRequest,
  ReplayFailure,
} from "./flagsmith/replay/replay";
export { createFlagsmithReplay } from "./flagsmith/replay/replay";
export type {
  ReplayEnvironment,
  ReplayExperiment,
  ReplayFeature,
  ReplayMetric,
  ReplaySegment,
  ReplayWorld,
} from "./flagsmith/replay/world";
