/** Reading Flagsmith's experiments (`environments/{key}/experiments/`), shared by the flags and the persistence. */
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { type ExperimentPayload, experimentPayload } from "./payload-schemas";

export function experimentsPath(env: FlagsmithEnvironment): string {
  return `environments/${encodeURIComponent(env.key)}/experiments/`;
}

/** Every experiment of the environment, newest first, with the query Flagsmith's experiment wizard uses. */
export function listFlagsmithExperiments(
  client: FlagsmithClient,
  env: FlagsmithEnvironment,
  operation: string,
): Promise<ExperimentPayload[]> {
  return client.list(experimentsPath(env), { page: 1, page_size: 100 }, experimentPayload, operation);
}

/**
 * The experiment holding each feature: Flagsmith allows one experiment per feature and environment that is not
 * completed — a draft (`created`) holds the flag as much as a running or paused one (`ExperimentViewSet.create`).
 */
export async function activeExperimentsByFeature(
  client: FlagsmithClient,
  env: FlagsmithEnvironment,
  operation: string,
): Promise<Map<string, { id: string; name: string }>> {
  const active = new Map<string, { id: string; name: string }>();
  for (const experiment of await listFlagsmithExperiments(client, env, operation)) {
    if (experiment.status !== "completed" && !active.has(String(experiment.feature.id))) {
      active.set(String(experiment.feature.id), { id: String(experiment.id), name: experiment.name });
    }
  }
  return active;
}
