import {
  type DecisionEvidence,
  EXPERIMENT_CONFIGURATION_FIELDS,
  type Experiment,
  type ExperimentDraft,
  type ExperimentProblem,
  type ExperimentStatus,
  findExperimentProblems,
} from "./experiment";

/** Something that happens to an experiment. `at` is when it happens (defaults to now). */
export type ExperimentEvent =
  | { type: "edit"; changes: Omit<ExperimentDraft, "id" | "revision"> }
  | { type: "launch"; at?: Date }
  | { type: "start"; at?: Date }
  | { type: "pause"; at?: Date }
  | { type: "resume"; at?: Date }
  | { type: "stop"; at?: Date }
  | {
      type: "conclude";
      at?: Date;
      /** The variation shipped, or `null` to conclude without a winner. Default `null`. */
      winner?: string | null;
      decidedBy?: string;
      note?: string;
      evidence?: DecisionEvidence | null;
    };

export type ExperimentEventType = ExperimentEvent["type"];

export type ExperimentLifecycleErrorCode =
  /** The configuration cannot change after launch. */
  | "configuration-locked"
  /** The event does not apply in the current status (e.g. stopping a draft). */
  | "invalid-transition"
  /** Launch was asked for an incomplete configuration; `problems` says what is missing. */
  | "not-launchable";

/** A refused lifecycle transition. The message is written for the person who asked for it. */
export class ExperimentLifecycleError extends Error {
  override readonly name = "ExperimentLifecycleError";
  readonly code: ExperimentLifecycleErrorCode;
  readonly status: ExperimentStatus;
  readonly event: ExperimentEventType;
  readonly problems: ExperimentProblem[];

  constructor(
    code: ExperimentLifecycleErrorCode,
    message: string,
    details: { status: ExperimentStatus; event: ExperimentEventType; problems?: ExperimentProblem[] },
  ) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.event = details.event;
    this.problems = details.problems ?? [];
  }
}

/**
 * Which events each status accepts: draft → scheduled/running ⇄ paused → stopped → concluded. A running or paused
 * experiment can also be concluded directly ("Ship <variation>").
 */
const allowedEvents: Record<ExperimentStatus, readonly ExperimentEventType[]> = {
  draft: ["edit", "launch"],
  scheduled: ["start", "stop"],
  running: ["pause", "stop", "conclude"],
  paused: ["resume", "stop", "conclude"],
  stopped: ["conclude"],
  concluded: [],
};

/** Running or paused: the flag is held by this experiment (Flagsmith allows one such experiment per flag). */
export function isExperimentActive(status: ExperimentStatus): boolean {
  return status === "running" || status === "paused";
}

/** Whether `event` is allowed in `status` (a UI uses it to enable buttons). */
export function canApplyExperimentEvent(status: ExperimentStatus, event: ExperimentEventType): boolean {
  return allowedEvents[status].includes(event);
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The status as of `now`: a scheduled experiment whose start date has come is running. */
export function effectiveExperimentStatus(
  experiment: Pick<Experiment, "status" | "startDate">,
  now: Date,
): ExperimentStatus {
  if (experiment.status === "scheduled" && experiment.startDate !== "" && experiment.startDate <= utcDate(now)) {
    return "running";
  }
  return experiment.status;
}

/** A new draft experiment holding what the user filled in so far; unset fields are empty. */
export function createDraftExperiment(id: string, draft: Omit<ExperimentDraft, "id" | "revision"> = {}): Experiment {
  return {
    id,
    name: draft.name ?? "",
    hypothesis: draft.hypothesis ?? "",
    startDate: draft.startDate ?? "",
    endDate: draft.endDate ?? "",
    flagId: draft.flagId ?? "",
    flagName: draft.flagName ?? "",
    environmentKey: draft.environmentKey ?? "",
    variations: draft.variations ?? [],
    metrics: draft.metrics ?? [],
    segmentId: draft.segmentId ?? null,
    rolloutPercentage: draft.rolloutPercentage ?? 100,
    weights: draft.weights ?? {},
    status: "draft",
    revision: 1,
    ...(draft.plan ? { plan: draft.plan } : {}),
  };
}

function describeStatus(status: ExperimentStatus): string {
  return status === "draft" ? "a draft" : `a ${status} experiment`;
}

/**
 * The lifecycle as a pure function: returns the experiment after `event`, or throws an
 * {@link ExperimentLifecycleError}. Every accepted event increases `revision` by one.
 * After launch the configuration is immutable; only the status moves on.
 */
export function transitionExperiment(experiment: Experiment, event: ExperimentEvent): Experiment {
  const { status } = experiment;
  if (event.type === "edit" && status !== "draft") {
    const changed = EXPERIMENT_CONFIGURATION_FIELDS.filter((field) => event.changes[field] !== undefined);
    throw new ExperimentLifecycleError(
      "configuration-locked",
      `This experiment has launched, so its configuration can no longer change${changed.length > 0 ? ` (tried to change: ${changed.join(", ")})` : ""}.`,
      { status, event: event.type },
    );
  }
  if (!canApplyExperimentEvent(status, event.type)) {
    throw new ExperimentLifecycleError("invalid-transition", `You cannot ${event.type} ${describeStatus(status)}.`, {
      status,
      event: event.type,
    });
  }
  const revision = experiment.revision + 1;
  switch (event.type) {
    case "edit": {
      const next: Experiment = { ...experiment, revision };
      for (const field of EXPERIMENT_CONFIGURATION_FIELDS) {
        const value = event.changes[field];
        if (value !== undefined) Object.assign(next, { [field]: value });
      }
      return next;
    }
    case "launch": {
      const problems = findExperimentProblems(experiment);
      if (problems.length > 0) {
        throw new ExperimentLifecycleError(
          "not-launchable",
          `The experiment cannot launch yet: ${problems.map((p) => p.message).join(" ")}`,
          { status, event: event.type, problems },
        );
      }
      const at = event.at ?? new Date();
      const nextStatus = experiment.startDate > utcDate(at) ? "scheduled" : "running";
      return { ...experiment, status: nextStatus, launchedAt: at.toISOString(), revision };
    }
    case "start":
    case "resume":
      return { ...experiment, status: "running", revision };
    case "pause":
      return { ...experiment, status: "paused", revision };
    case "stop": {
      const stoppedAt = experiment.stoppedAt ?? (event.at ?? new Date()).toISOString();
      return { ...experiment, status: "stopped", stoppedAt, revision };
    }
    case "conclude": {
      const at = (event.at ?? new Date()).toISOString();
      const winner = event.winner ?? null;
      if (winner !== null && !experiment.variations.some((v) => v.key === winner)) {
        throw new ExperimentLifecycleError(
          "invalid-transition",
          `“${winner}” is not a variation of this experiment, so it cannot be shipped.`,
          { status, event: event.type },
        );
      }
      return {
        ...experiment,
        status: "concluded",
        stoppedAt: experiment.stoppedAt ?? at,
        decision: {
          winner,
          decidedAt: at,
          ...(event.decidedBy !== undefined ? { decidedBy: event.decidedBy } : {}),
          ...(event.note !== undefined ? { note: event.note } : {}),
          evidence: event.evidence ?? null,
        },
        revision,
      };
    }
  }
}
