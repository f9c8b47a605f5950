import { AdapterError } from "../adapter-error";
import type { FlagsmithClient } from "./client";
import type { ResolvedFlagsmithOptions } from "./options";
import { environmentPayload } from "./payload-schemas";

/** What the adapters need to know about their environment. */
export interface FlagsmithEnvironment {
  /** The client-side key, as in `environments/{key}/…` URLs. */
  key: string;
  /** The numeric id, as in `?environment=<id>` queries and the versioning URLs. */
  id: string;
  projectId: string;
  /** v2 feature versioning: overrides are written as new feature versions instead of directly. */
  versioned: boolean;
}

/**
 * The environment behind `environmentKey`, read once with `GET environments/{key}/`
 * (`EnvironmentRetrieveSerializerWithMetadata`); a failed read is tried again on the next call.
 */
export function createEnvironmentLookup(
  client: FlagsmithClient,
  options: ResolvedFlagsmithOptions,
): (operation: string) => Promise<FlagsmithEnvironment> {
  let pending: Promise<FlagsmithEnvironment> | undefined;
  return (operation) => {
    pending ??= client
      .get(`environments/${encodeURIComponent(options.environmentKey)}/`, {}, environmentPayload, operation)
      .then((environment) => ({
        key: options.environmentKey,
        id: options.environmentId ?? String(environment.id),
        projectId: options.projectId ?? String(environment.project),
        versioned: environment.use_v2_feature_versioning,
      }))
      .catch((error: unknown) => {
        pending = undefined;
        if (error instanceof AdapterError && error.kind === "not-found") {
          throw new AdapterError(
            "not-found",
            `Flagsmith has no environment with the key “${options.environmentKey}”. Use the environment's client-side key (Environment settings → SDK Keys).`,
            {
              operation,
              cause: error,
              ...(error.status !== undefined ? { status: error.status } : {}),
              ...(error.detail !== undefined ? { detail: error.detail } : {}),
            },
          );
        }
        throw error;
      });
    return pending;
  };
}
