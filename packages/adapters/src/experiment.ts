import * as z from "zod";
import { CONTROL_VARIATION_KEY, variationSchema } from "./flag";

/** A calendar date `YYYY-MM-DD` (the experiment window runs from the start date 00:00 UTC to the end of the end date). */
export const isoDateSchema = z.iso.date("Use a date in the form YYYY-MM-DD.");

/** Drafts may leave a date empty; launched experiments never do. */
const draftDateSchema = z.union([isoDateSchema, z.literal("")]);

export const metricRoleSchema = z.enum(["primary", "secondary", "guardrail"]);
export const experimentStatusSchema = z.enum(["draft", "scheduled", "running", "stopped", "concluded"]);

export const experimentMetricSchema = z.object({
  metricId: z.string().min(1),
  role: metricRoleSchema,
});

/** Traffic split in percent per variation key; the values of a launchable experiment sum to 100. */
export const experimentWeightsSchema = z.record(z.string(), z.number().finite().min(0).max(100));

/** Tolerance for the weights sum (decimal weights such as 33.33 + 33.33 + 33.34). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

export interface ExperimentProblem {
  /** Field the problem is about, e.g. `["weights"]`. */
  path: (string | number)[];
  message: string;
}

const experimentObjectSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  hypothesis: z.string(),
  startDate: draftDateSchema,
  endDate: draftDateSchema,
  flagId: z.string(),
  variations: z.array(variationSchema),
  metrics: z.array(experimentMetricSchema),
  segmentId: z.string(),
  weights: experimentWeightsSchema,
  status: experimentStatusSchema,
  /** Increases with every saved change; used to detect concurrent edits. */
  revision: z.number().int().min(0),
  /** ISO date-time of the launch; present once the experiment left `draft`. */
  launchedAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * What keeps an experiment from launching, as a list of readable problems (empty when it is launchable).
 * Drafts may be incomplete; every other status must satisfy all of these.
 */
export function findExperimentProblems(
  experiment: Omit<z.infer<typeof experimentObjectSchema>, "status" | "revision" | "id" | "launchedAt">,
): ExperimentProblem[] {
  const problems: ExperimentProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (experiment.name.trim() === "") add(["name"], "Give the experiment a name.");
  if (experiment.hypothesis.trim() === "") add(["hypothesis"], "Write down the hypothesis you are testing.");
  if (experiment.startDate === "") add(["startDate"], "Choose a start date.");
  if (experiment.endDate === "") add(["endDate"], "Choose an end date.");
  if (experiment.startDate !== "" && experiment.endDate !== "" && experiment.endDate < experiment.startDate) {
    add(["endDate"], "The end date must not be before the start date.");
  }
  if (experiment.flagId === "") add(["flagId"], "Choose a flag.");
  const controls = experiment.variations.filter((v) => v.isControl);
  if (controls.length !== 1 || controls[0]?.key !== CONTROL_VARIATION_KEY) {
    add(["variations"], "The experiment needs exactly one control variation.");
  }
  if (experiment.variations.length - controls.length < 1) {
    add(["variations"], "The experiment needs at least one variation besides the control.");
  }
  const keys = experiment.variations.map((v) => v.key);
  if (new Set(keys).size !== keys.length) add(["variations"], "Variation keys must be unique.");
  if (experiment.metrics.length === 0) add(["metrics"], "Choose at least one metric.");
  else if (!experiment.metrics.some((m) => m.role === "primary")) {
    add(["metrics"], "Mark at least one metric as primary.");
  }
  const metricIds = experiment.metrics.map((m) => m.metricId);
  if (new Set(metricIds).size !== metricIds.length) add(["metrics"], "Each metric can be chosen once.");
  if (experiment.segmentId === "") add(["segmentId"], "Choose a segment.");
  const weightKeys = Object.keys(experiment.weights).sort();
  if (weightKeys.join("\u0000") !== [...keys].sort().join("\u0000")) {
    add(["weights"], "Give every variation a weight, and only those.");
  }
  const total = Object.values(experiment.weights).reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 100) > WEIGHT_SUM_TOLERANCE) add(["weights"], "The weights must add up to 100%.");
  return problems;
}

export const experimentSchema = experimentObjectSchema.superRefine((experiment, ctx) => {
  if (experiment.status === "draft") return;
  for (const problem of findExperimentProblems(experiment)) {
    ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
  }
  if (experiment.launchedAt === undefined) {
    ctx.addIssue({ code: "custom", message: "A launched experiment records when it launched.", path: ["launchedAt"] });
  }
});

/**
 * What the wizard saves: the fields a user fills in, every one optional. Without `id` a new draft is created;
 * with `revision` the save fails with a conflict when someone else saved in between.
 */
export const experimentDraftSchema = z.object({
  id: z.string().min(1).optional(),
  revision: z.number().int().min(0).optional(),
  name: z.string().optional(),
  hypothesis: z.string().optional(),
  startDate: draftDateSchema.optional(),
  endDate: draftDateSchema.optional(),
  flagId: z.string().optional(),
  variations: z.array(variationSchema).optional(),
  metrics: z.array(experimentMetricSchema).optional(),
  segmentId: z.string().optional(),
  weights: experimentWeightsSchema.optional(),
});

export type MetricRole = z.infer<typeof metricRoleSchema>;
export type ExperimentStatus = z.infer<typeof experimentStatusSchema>;
export type ExperimentMetric = z.infer<typeof experimentMetricSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
export type ExperimentDraft = z.infer<typeof experimentDraftSchema>;

/** The configuration fields (everything a user sets); frozen once the experiment leaves `draft`. */
export const EXPERIMENT_CONFIGURATION_FIELDS = [
  "name",
  "hypothesis",
  "startDate",
  "endDate",
  "flagId",
  "variations",
  "metrics",
  "segmentId",
  "weights",
] as const satisfies readonly (keyof Experiment & keyof ExperimentDraft)[];

export type ExperimentConfigurationField = (typeof EXPERIMENT_CONFIGURATION_FIELDS)[number];
