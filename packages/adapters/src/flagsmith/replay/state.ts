/**
 * Reads and writes of the replayed flag state, with Flagsmith's two versioning regimes
 * (`api/features/versioning/versioning_service.py`): under v1 feature states are edited in place; under v2 every
 * change is a new published EnvironmentFeatureVersion whose feature states and feature segments are fresh copies,
 * so ids change and only the live version is listed.
 */
import type {
  ReplayEnvironment,
  ReplayFeatureSegment,
  ReplayFeatureState,
  ReplayMultivariateValue,
  ReplayValue,
  ReplayWorld,
} from "./world";

export function uuidFor(id: number): string {
  return `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`;
}

/** Hands out the next primary key. */
export function nextId(world: ReplayWorld): number {
  world.nextId += 1;
  return world.nextId;
}

/** Moves the replay's clock on by one second and returns the new time (DRF renders whole seconds without a fraction). */
export function tick(world: ReplayWorld): string {
  const next = new Date(Date.parse(world.now) + 1000);
  world.now = next.toISOString().replace(".000Z", "Z");
  return world.now;
}

function isLive(environment: ReplayEnvironment, feature: number, version: number | null): boolean {
  return environment.use_v2_feature_versioning
    ? version === (environment.live_versions[feature] ?? 1)
    : version === null;
}

/** The feature's live feature states in the environment (environment default and segment overrides). */
export function liveStates(world: ReplayWorld, environment: ReplayEnvironment, feature: number): ReplayFeatureState[] {
  return world.featureStates.filter(
    (state) =>
      state.environment === environment.id && state.feature === feature && isLive(environment, feature, state.version),
  );
}

export function environmentDefault(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  feature: number,
): ReplayFeatureState | undefined {
  return liveStates(world, environment, feature).find((state) => state.feature_segment === null);
}

/** The live segment overrides' links, by priority (`features/feature-segments/` under either regime). */
export function liveFeatureSegments(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  feature: number,
): ReplayFeatureSegment[] {
  return world.featureSegments
    .filter(
      (fs) => fs.environment === environment.id && fs.feature === feature && isLive(environment, feature, fs.version),
    )
    .sort((a, b) => a.priority - b.priority || a.id - b.id);
}

export function overrideState(
  world: ReplayWorld,
  featureSegment: ReplayFeatureSegment,
): ReplayFeatureState | undefined {
  return world.featureStates.find((state) => state.feature_segment === featureSegment.id);
}

export interface OverrideChange {
  segment: number;
  enabled: boolean;
  value: ReplayValue;
  /** `undefined` keeps the existing allocations (Flagsmith's `update_multivariate_values(…, None)`). */
  multivariate?: { option: number; percentage: number }[];
  priority?: number | null;
}

export interface FlagChange {
  /** Replace the environment default's allocations (keeps its value and enabled state). */
  defaultAllocations?: { option: number; percentage: number }[];
  createOverrides?: OverrideChange[];
  updateOverrides?: OverrideChange[];
  deleteOverrideSegments?: number[];
}

export class FlagChangeConflict extends Error {}

function allocations(world: ReplayWorld, values: { option: number; percentage: number }[]): ReplayMultivariateValue[] {
  return values.map((value) => ({
    id: nextId(world),
    multivariate_feature_option: value.option,
    percentage_allocation: value.percentage,
  }));
}

/**
 * Applies a change to a feature in an environment: in place under v1, as a new published version under v2 (the
 * live version's states and feature segments copied with new ids, then changed).
 */
export function applyFlagChange(
  world: ReplayWorld,
  environment: ReplayEnvironment,
  feature: number,
  change: FlagChange,
  options: { newVersion?: boolean } = {},
): void {
  const now = tick(world);
  let version: number | null = null;
  if (environment.use_v2_feature_versioning && options.newVersion !== false) {
    const live = environment.live_versions[feature] ?? 1;
    version = live + 1;
    const segmentIds = new Map<number, number>();
    for (const fs of liveFeatureSegments(world, environment, feature)) {
      const id = nextId(world);
      segmentIds.set(fs.id, id);
      world.featureSegments.push({ ...fs, id, uuid: uuidFor(id), version });
    }
    for (const state of liveStates(world, environment, feature)) {
      const id = nextId(world);
      world.featureStates.push({
        ...structuredClone(state),
        id,
        uuid: uuidFor(id),
        version,
        feature_segment: state.feature_segment === null ? null : (segmentIds.get(state.feature_segment) ?? null),
        multivariate_feature_state_values: state.multivariate_feature_state_values.map((mv) => ({
          ...mv,
          id: nextId(world),
        })),
        created_at: now,
        updated_at: now,
      });
    }
    environment.live_versions[feature] = version;
  } else if (environment.use_v2_feature_versioning) {
    version = environment.live_versions[feature] ?? 1;
  }

  const links = () => liveFeatureSegments(world, environment, feature);
  const linkOf = (segment: number) => links().find((fs) => fs.segment === segment);

  if (change.defaultAllocations) {
    const state = environmentDefault(world, environment, feature);
    if (state) {
      state.multivariate_feature_state_values = allocations(world, change.defaultAllocations);
      state.updated_at = now;
    }
  }
  for (const segment of change.deleteOverrideSegments ?? []) {
    const link = linkOf(segment);
    if (!link) continue;
    world.featureStates = world.featureStates.filter((state) => state.feature_segment !== link.id);
    world.featureSegments = world.featureSegments.filter((fs) => fs.id !== link.id);
  }
  for (const override of change.updateOverrides ?? []) {
    const link = linkOf(override.segment);
    const state = link ? overrideState(world, link) : undefined;
    if (!link || !state) throw new FlagChangeConflict(String(override.segment));
    state.enabled = override.enabled;
    state.value = override.value;
    if (override.multivariate) state.multivariate_feature_state_values = allocations(world, override.multivariate);
    state.updated_at = now;
    if (override.priority !== undefined && override.priority !== null) link.priority = override.priority;
  }
  for (const override of change.createOverrides ?? []) {
    if (linkOf(override.segment)) throw new FlagChangeConflict(String(override.segment));
    const existing = links();
    let priority = existing.length === 0 ? 0 : Math.max(...existing.map((fs) => fs.priority)) + 1;
    if (override.priority !== undefined && override.priority !== null) {
      priority = override.priority;
      for (const fs of existing) if (fs.priority >= priority) fs.priority += 1;
    }
    const linkId = nextId(world);
    world.featureSegments.push({
      id: linkId,
      uuid: uuidFor(linkId),
      feature,
      segment: override.segment,
      environment: environment.id,
      priority,
      version,
    });
    const stateId = nextId(world);
    world.featureStates.push({
      id: stateId,
      uuid: uuidFor(stateId),
      feature,
      environment: environment.id,
      feature_segment: linkId,
      enabled: override.enabled,
      value: override.value,
      multivariate_feature_state_values: allocations(world, override.multivariate ?? []),
      version,
      created_at: now,
      updated_at: now,
    });
  }
}
