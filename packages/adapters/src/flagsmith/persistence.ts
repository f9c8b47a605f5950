/**
 * Experiments persisted in Flagsmith (`environments/{key}/experiments/`), launched with the requests Flagsmith's
 * own experiment wizard sends:
 * - drafts stay in the kit store until launch (Flagsmith's API has no room for an unfinished experiment, and an
 *   experiment locks its flag from the moment it is created); Flagsmith's own `created` experiments are drafts too;
 * - launch checks the reviewed revision, then creates the experiment — with Flagsmith's rollout (`experiment_rollout`,
 *   disabled until start) for "all identities", or followed by a segment override serving the weights when a
 *   segment is targeted — and starts it;
 * - pause → `pause/`, resume → `start/`, stop → `complete/` (and the segment override removed);
 * - conclude → the winner served to the experiment's audience, then `complete/`, the decision kept in the kit store.
 * A second experiment on a flag is Flagsmith's 409, reported as a `conflict` naming the experiment holding it.
 */
import { AdapterError } from "../adapter-error";
import { type Experiment, type ExperimentDraft, experimentSchema } from "../experiment";
import {
  createDraftExperiment,
  type ExperimentEvent,
  ExperimentLifecycleError,
  transitionExperiment,
} from "../experiment-lifecycle";
import { CONTROL_VARIATION_KEY } from "../flag";
import type { ConcludeOptions, LaunchOptions, PersistenceAdapter } from "../host-adapters";
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { addFieldError } from "./errors";
import { expectedDirection, experimentFromFlagsmith, optionVariationKey } from "./experiment-mapping";
import { activeExperimentsByFeature, experimentsPath, listFlagsmithExperiments } from "./experiments-api";
import type { KitExtras, KitStore } from "./kit-store";
import { listMetricPayloads } from "./metrics";
import { createdExperimentPayload, type ExperimentPayload, experimentPayload, featurePayload } from "./payload-schemas";
import { deleteSegmentOverride, putSegmentOverride } from "./segment-overrides";
import { flagsmithRolloutSegmentExperimentId, listFeatureSegments } from "./segments";
import { rolloutValue } from "./values";

interface Context {
  client: FlagsmithClient;
  environment: (operation: string) => Promise<FlagsmithEnvironment>;
  store: KitStore;
  now: () => Date;
  newId: () => string;
}

const isFlagsmithId = (id: string) => /^\d+$/.test(id);

function lifecycleError(error: unknown, operation: string): never {
  if (error instanceof ExperimentLifecycleError) {
    if (error.code === "not-launchable") {
      const fieldErrors: Record<string, string[]> = {};
      for (const problem of error.problems) addFieldError(fieldErrors, problem.path.join("."), problem.message);
      throw new AdapterError("invalid-request", error.message, { operation, cause: error, fieldErrors });
    }
    throw new AdapterError("conflict", error.message, { operation, cause: error });
  }
  throw error;
}

function apply(experiment: Experiment, event: ExperimentEvent, operation: string): Experiment {
  try {
    return transitionExperiment(experiment, event);
  } catch (error) {
    lifecycleError(error, operation);
  }
}

export function createFlagsmithPersistence(context: Context): PersistenceAdapter {
  const { client, environment, store, now } = context;
  const launching = new Map<string, Promise<Experiment>>();

  const detailPath = (env: FlagsmithEnvironment, id: string, action = "") =>
    `${experimentsPath(env)}${id}/${action ? `${action}/` : ""}`;

  const fetchDetail = async (env: FlagsmithEnvironment, id: string, operation: string) =>
    client.get(detailPath(env, id), {}, experimentPayload, operation);

  const toExperiment = async (env: FlagsmithEnvironment, payload: ExperimentPayload) =>
    experimentFromFlagsmith(payload, await store.getExtras(String(payload.id)), env.key);

  /** A local draft, or the Flagsmith experiment a launched draft became, or a Flagsmith experiment. */
  const load = async (
    id: string,
    operation: string,
  ): Promise<{ env: FlagsmithEnvironment; experiment: Experiment; payload?: ExperimentPayload }> => {
    const env = await environment(operation);
    if (!isFlagsmithId(id)) {
      const draft = await store.getDraft(id);
      if (draft) return { env, experiment: draft };
      const launched = await store.getLaunched("draft", id);
      if (!launched) throw new AdapterError("not-found", `There is no experiment with the id “${id}”.`, { operation });
      id = launched;
    }
    const payload = await fetchDetail(env, id, operation);
    return { env, experiment: await toExperiment(env, payload), payload };
  };

  /** The experiment holding the flag, for a 409 that only says "an active experiment already exists". */
  const conflictFor = async (env: FlagsmithEnvironment, flagId: string, cause: AdapterError, operation: string) => {
    const holder = await activeExperimentsByFeature(client, env, operation)
      .then((active) => active.get(flagId))
      .catch(() => undefined);
    return new AdapterError(
      "conflict",
      holder
        ? `The experiment “${holder.name}” already holds this flag in this environment. Flagsmith allows one experiment per flag until it is completed.`
        : cause.message,
      {
        operation,
        cause,
        ...(cause.status !== undefined ? { status: cause.status } : {}),
        ...(cause.detail !== undefined ? { detail: cause.detail } : {}),
        conflict: holder ? { experimentId: holder.id, experimentName: holder.name } : {},
      },
    );
  };

  /** Flagsmith option ids for the experiment's variation keys, from the flag as it is now. */
  const optionIds = async (env: FlagsmithEnvironment, experiment: Experiment, operation: string, requireAll = true) => {
    const feature = await client.get(
      `projects/${env.projectId}/features/${experiment.flagId}/`,
      { environment: env.id },
      featurePayload,
      operation,
    );
    const byKey = new Map<string, number>();
    for (const option of feature.multivariate_options) byKey.set(optionVariationKey(option), option.id);
    const missing = experiment.variations.filter((v) => !v.isControl && !byKey.has(v.key)).map((v) => v.key);
    if (requireAll && missing.length > 0) {
      throw new AdapterError(
        "conflict",
        `The flag “${feature.name}” no longer has the variation${missing.length > 1 ? "s" : ""} ${missing.map((k) => `“${k}”`).join(", ")}. Review the flag's variations and launch again.`,
        { operation },
      );
    }
    const state = feature.environment_feature_state;
    const controlValue = state ? (state.feature_state_value ?? null) : (feature.initial_value ?? null);
    const allocations = feature.multivariate_options.map((option) => ({
      option: option.id,
      percentage: experiment.weights[optionVariationKey(option)] ?? 0,
    }));
    return { feature, controlValue, allocations, byKey };
  };

  /** Flagsmith's inline metrics, primary first (Flagsmith's dashboard reads the first as the primary). */
  const metricsBody = async (env: FlagsmithEnvironment, experiment: Experiment, operation: string) => {
    const directions = new Map(
      (await listMetricPayloads(client, env, operation)).map((metric) => [String(metric.id), metric.direction]),
    );
    const order = { primary: 0, secondary: 1, guardrail: 2 } as const;
    const missing = experiment.metrics.filter((m) => !directions.has(m.metricId));
    if (missing.length > 0) {
      throw new AdapterError("invalid-request", "Some metrics of this experiment no longer exist in Flagsmith.", {
        operation,
        fieldErrors: { metrics: missing.map((m) => `Metric ${m.metricId} was not found in this environment.`) },
      });
    }
    return [...experiment.metrics]
      .sort((a, b) => order[a.role] - order[b.role])
      .map((m) => {
        const direction = directions.get(m.metricId);
        return {
          expected_direction: expectedDirection(
            m.role,
            direction === "down" ? "decrease" : direction === "informational" ? "informational" : "increase",
          ),
          metric: Number(m.metricId),
        };
      });
  };

  const extrasFor = (experiment: Experiment, draftId?: string): KitExtras => ({
    ...(draftId ? { draftId } : {}),
    startDate: experiment.startDate,
    endDate: experiment.endDate,
    metrics: experiment.metrics,
    segmentId: experiment.segmentId,
    rolloutPercentage: experiment.rolloutPercentage,
    weights: experiment.weights,
    variations: experiment.variations,
    ...(experiment.plan ? { plan: experiment.plan } : {}),
    edits: 0,
  });

  const bestEffort = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch {
      // Undoing a half-done launch: the original error is the one worth reporting.
    }
  };

  const launchNow = async (id: string, { idempotencyKey, expectedRevision }: LaunchOptions): Promise<Experiment> => {
    const operation = "persistence.launch";
    const previous = await store.getLaunched("key", idempotencyKey);
    if (previous) return (await load(previous, operation)).experiment;
    const { env, experiment: draft, payload } = await load(id, operation);
    if (draft.status !== "draft") {
      throw new AdapterError("conflict", "This experiment has already launched.", {
        operation,
        conflict: { current: draft },
      });
    }
    if (draft.revision !== expectedRevision) {
      throw new AdapterError(
        "conflict",
        "This draft was changed somewhere else after you reviewed it. Review the changes before you launch.",
        { operation, conflict: { current: draft } },
      );
    }
    const launched = apply(draft, { type: "launch", at: now() }, operation);
    if (draft.environmentKey !== "" && draft.environmentKey !== env.key) {
      throw new AdapterError("invalid-request", "This draft belongs to another Flagsmith environment.", {
        operation,
        fieldErrors: { environmentKey: [`Expected “${env.key}”, found “${draft.environmentKey}”.`] },
      });
    }
    if (draft.segmentId !== null && draft.rolloutPercentage !== 100) {
      throw new AdapterError(
        "invalid-request",
        "Flagsmith serves a segment override to the whole segment: a rollout below 100% is possible only for all identities.",
        { operation, fieldErrors: { rolloutPercentage: ["Use 100% with a segment, or target all identities."] } },
      );
    }
    const { controlValue, allocations } = await optionIds(env, draft, operation);
    const rollout = {
      enabled: false,
      feature_state_value: rolloutValue(controlValue),
      multivariate_feature_state_values: allocations.map((a) => ({
        multivariate_feature_option: a.option,
        percentage_allocation: a.percentage,
      })),
      rollout_percentage: draft.rolloutPercentage,
    };

    let flagsmithId: string;
    let createdHere = false;
    if (payload) {
      flagsmithId = String(payload.id);
      if (draft.segmentId === null) {
        await client.send("PATCH", detailPath(env, flagsmithId, "rollout"), rollout, experimentPayload, operation);
      }
    } else {
      const body = {
        ...(draft.segmentId === null ? { experiment_rollout: rollout } : {}),
        feature: Number(draft.flagId),
        hypothesis: draft.hypothesis.trim(),
        metrics: await metricsBody(env, draft, operation),
        name: draft.name.trim(),
      };
      try {
        const created = await client.send("POST", experimentsPath(env), body, createdExperimentPayload, operation);
        flagsmithId = String(created.id);
        createdHere = true;
      } catch (error) {
        if (error instanceof AdapterError && error.kind === "conflict") {
          throw await conflictFor(env, draft.flagId, error, operation);
        }
        throw error;
      }
    }
    const undo = async () => {
      if (draft.segmentId !== null) {
        await bestEffort(() => deleteSegmentOverride(client, env, draft.flagId, draft.segmentId as string, operation));
      }
      if (createdHere)
        await bestEffort(() => client.send("DELETE", detailPath(env, flagsmithId), undefined, null, operation));
    };
    let started: ExperimentPayload;
    try {
      if (draft.segmentId !== null) {
        await putSegmentOverride(
          client,
          env,
          draft.flagId,
          { segmentId: draft.segmentId, value: controlValue, allocations, enabled: true },
          operation,
        );
      }
      started = await client.send(
        "POST",
        detailPath(env, flagsmithId, "start"),
        undefined,
        experimentPayload,
        operation,
      );
    } catch (error) {
      await undo();
      throw error;
    }
    const extras = extrasFor(
      { ...launched, variations: launched.variations.map((v) => (v.isControl ? { ...v, value: controlValue } : v)) },
      isFlagsmithId(id) ? undefined : id,
    );
    await store.putExtras(flagsmithId, extras);
    await store.putLaunched("key", idempotencyKey, flagsmithId);
    if (!isFlagsmithId(id)) {
      await store.putLaunched("draft", id, flagsmithId);
      await store.removeDraft(id);
    }
    return experimentFromFlagsmith(started, extras, env.key);
  };

  /** Loads a launched experiment and checks that `event` applies to it. */
  const loadLaunched = async (
    id: string,
    event: ExperimentEvent,
    operation: string,
    known?: Awaited<ReturnType<typeof load>>,
  ) => {
    const loaded = known ?? (await load(id, operation));
    // Drafts are refused here (a lifecycle `conflict`), so what passes is a Flagsmith experiment.
    apply(loaded.experiment, event, operation);
    const { payload } = loaded;
    if (!payload) throw new AdapterError("conflict", "This experiment has not launched yet.", { operation });
    return { ...loaded, payload, flagsmithId: String(payload.id) };
  };

  const transition = async (
    id: string,
    action: "start" | "pause" | "complete",
    event: ExperimentEvent,
    operation: string,
  ) => {
    const { env, flagsmithId } = await loadLaunched(id, event, operation);
    const answer = await client.send(
      "POST",
      detailPath(env, flagsmithId, action),
      undefined,
      experimentPayload,
      operation,
    );
    return toExperiment(env, answer);
  };

  /** The segment an experiment is served through: the targeted one, or Flagsmith's rollout segment. */
  const audienceSegment = async (
    env: FlagsmithEnvironment,
    experiment: Experiment,
    flagsmithId: string,
    operation: string,
  ) => {
    if (experiment.segmentId !== null) return experiment.segmentId;
    const rows = await listFeatureSegments(client, env, experiment.flagId, operation);
    const row = rows.find((r) => flagsmithRolloutSegmentExperimentId(r.segment_name) === flagsmithId);
    return row ? String(row.segment) : undefined;
  };

  return {
    async saveDraft(draft: ExperimentDraft) {
      const operation = "persistence.saveDraft";
      const { id, revision, ...changes } = draft;
      const env = await environment(operation);
      const fields = { ...changes, environmentKey: changes.environmentKey ?? env.key };
      if (id === undefined || (!isFlagsmithId(id) && !(await store.getDraft(id)))) {
        if (id !== undefined && (await store.getLaunched("draft", id))) {
          throw new AdapterError(
            "conflict",
            "This experiment has launched, so its configuration can no longer change.",
            { operation },
          );
        }
        const created = createDraftExperiment(id ?? context.newId(), fields);
        await store.putDraft(created);
        return created;
      }
      const { experiment: current, payload } = await load(id, operation);
      if (revision !== undefined && revision !== current.revision) {
        throw new AdapterError(
          "conflict",
          "This draft was changed somewhere else since you opened it. Reload it to see the latest version.",
          { operation, conflict: { current } },
        );
      }
      const edited = apply(current, { type: "edit", changes: fields }, operation);
      if (!payload) {
        await store.putDraft(edited);
        return edited;
      }
      // A draft created in Flagsmith: name and hypothesis live there; the flag and metrics are fixed by Flagsmith.
      if (edited.flagId !== current.flagId) {
        throw new AdapterError("invalid-request", "The flag of an experiment created in Flagsmith cannot change.", {
          operation,
          fieldErrors: { flagId: ["Create a new experiment for another flag."] },
        });
      }
      const sameMetrics =
        edited.metrics.length === current.metrics.length &&
        edited.metrics.every((m) => current.metrics.some((c) => c.metricId === m.metricId));
      if (!sameMetrics) {
        throw new AdapterError(
          "invalid-request",
          "The metrics of an experiment created in Flagsmith are changed in Flagsmith.",
          {
            operation,
            fieldErrors: { metrics: ["Keep the metrics Flagsmith has for this experiment."] },
          },
        );
      }
      let updated = payload;
      if (edited.name !== current.name || edited.hypothesis !== current.hypothesis) {
        await client.send(
          "PATCH",
          detailPath(env, id),
          { hypothesis: edited.hypothesis, name: edited.name },
          createdExperimentPayload,
          operation,
        );
        updated = await fetchDetail(env, id, operation);
      }
      const previous = await store.getExtras(id);
      const extras = { ...extrasFor(edited), edits: (previous?.edits ?? 0) + 1 };
      await store.putExtras(id, extras);
      return experimentFromFlagsmith(updated, extras, env.key);
    },

    launch(id, options) {
      const inFlight = launching.get(options.idempotencyKey);
      if (inFlight) return inFlight;
      const promise = launchNow(id, options).finally(() => launching.delete(options.idempotencyKey));
      launching.set(options.idempotencyKey, promise);
      return promise;
    },

    async getExperiment(id) {
      return (await load(id, "persistence.getExperiment")).experiment;
    },

    async listExperiments() {
      const operation = "persistence.listExperiments";
      const env = await environment(operation);
      const [payloads, draftIds] = await Promise.all([
        listFlagsmithExperiments(client, env, operation),
        store.draftIds(),
      ]);
      const drafts = (await Promise.all(draftIds.map((id) => store.getDraft(id)))).filter(
        (draft): draft is Experiment => draft !== undefined,
      );
      const launched = await Promise.all(payloads.map((payload) => toExperiment(env, payload)));
      // Flagsmith allows experiments the kit cannot describe (no metric at all): they are left out of the list.
      return [...drafts, ...launched.filter((experiment) => experimentSchema.safeParse(experiment).success)];
    },

    async stop(id) {
      const operation = "persistence.stop";
      const loaded = await load(id, operation);
      const { env, experiment, payload } = loaded;
      // Stopping again retries what a first stop could not finish: removing the segment's override.
      if (payload?.status === "completed" && experiment.status === "stopped" && experiment.segmentId !== null) {
        await deleteSegmentOverride(client, env, experiment.flagId, experiment.segmentId, operation);
        return experiment;
      }
      const { flagsmithId } = await loadLaunched(id, { type: "stop" }, operation, loaded);
      const stopped = await client.send(
        "POST",
        detailPath(env, flagsmithId, "complete"),
        undefined,
        experimentPayload,
        operation,
      );
      if (experiment.segmentId !== null) {
        try {
          await deleteSegmentOverride(client, env, experiment.flagId, experiment.segmentId, operation);
        } catch (error) {
          const reason = error instanceof AdapterError ? error : undefined;
          throw new AdapterError(
            reason?.kind ?? "network",
            `The experiment is stopped in Flagsmith, but the segment still gets its variations: removing the segment override failed (${reason?.message ?? String(error)}). Stop it again to retry.`,
            {
              operation,
              cause: error,
              ...(reason?.status !== undefined ? { status: reason.status } : {}),
              ...(reason?.retryAfterSeconds !== undefined ? { retryAfterSeconds: reason.retryAfterSeconds } : {}),
            },
          );
        }
      }
      return toExperiment(env, stopped);
    },

    pause: (id) => transition(id, "pause", { type: "pause" }, "persistence.pause"),
    resume: (id) => transition(id, "start", { type: "resume" }, "persistence.resume"),

    async conclude(id, { winner, note, evidence }: ConcludeOptions) {
      const operation = "persistence.conclude";
      const { env, experiment, payload, flagsmithId } = await loadLaunched(id, { type: "conclude", winner }, operation);
      const completed = payload.status === "completed";
      const { controlValue, byKey } = await optionIds(env, experiment, operation, false);
      if (winner !== null && winner !== CONTROL_VARIATION_KEY && !byKey.has(winner)) {
        throw new AdapterError(
          "conflict",
          `The flag no longer has the variation “${winner}”, so it cannot be shipped.`,
          {
            operation,
          },
        );
      }
      const winnerOption = winner && winner !== CONTROL_VARIATION_KEY ? byKey.get(winner) : undefined;
      const served = [...byKey.values()].map((option) => ({ option, percentage: option === winnerOption ? 100 : 0 }));
      if (winner !== null) {
        if (experiment.segmentId === null && !completed) {
          const rollout = payload.experiment_rollout;
          await client.send(
            "PATCH",
            detailPath(env, flagsmithId, "rollout"),
            {
              enabled: true,
              feature_state_value: rolloutValue(controlValue),
              multivariate_feature_state_values: served.map((s) => ({
                multivariate_feature_option: s.option,
                percentage_allocation: s.percentage,
              })),
              rollout_percentage: rollout?.rollout_percentage ?? experiment.rolloutPercentage,
            },
            experimentPayload,
            operation,
          );
        } else {
          const segmentId = await audienceSegment(env, experiment, flagsmithId, operation);
          if (segmentId) {
            await putSegmentOverride(
              client,
              env,
              experiment.flagId,
              { segmentId, value: controlValue, allocations: served, enabled: true },
              operation,
            );
          }
        }
      } else if (experiment.segmentId !== null && !completed) {
        await deleteSegmentOverride(client, env, experiment.flagId, experiment.segmentId, operation);
      }
      const final = completed
        ? await fetchDetail(env, flagsmithId, operation)
        : await client.send("POST", detailPath(env, flagsmithId, "complete"), undefined, experimentPayload, operation);
      const concluded = apply(
        experiment,
        {
          type: "conclude",
          at: now(),
          winner,
          ...(note !== undefined ? { note } : {}),
          ...(evidence !== undefined ? { evidence } : {}),
        },
        operation,
      );
      const previous = (await store.getExtras(flagsmithId)) ?? extrasFor(experiment);
      const extras: KitExtras = { ...previous, ...(concluded.decision ? { decision: concluded.decision } : {}) };
      await store.putExtras(flagsmithId, extras);
      return experimentFromFlagsmith(final, extras, env.key);
    },

    async deleteDraft(id) {
      const operation = "persistence.deleteDraft";
      const { env, experiment, payload } = await load(id, operation);
      if (experiment.status !== "draft") {
        throw new AdapterError("conflict", "Only drafts can be deleted; this experiment has launched.", { operation });
      }
      if (payload) await client.send("DELETE", detailPath(env, String(payload.id)), undefined, null, operation);
      else await store.removeDraft(id);
    },
  };
}
