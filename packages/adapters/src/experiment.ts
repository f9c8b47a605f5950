import * as z from "zod/mini";
import { CONTROL_VARIATION_KEY, variationSchema } from "./flag";
import { stringKeyed } from "./string-keyed";

/** The calendar range every supported warehouse can hold (ClickHouse `DateTime64` stops at 2299). */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2299-12-30";

/**
 * A calendar date `YYYY-MM-DD` that exists (no 2026-02-30) and that every warehouse engine accepts
 * (between {@link EARLIEST_DATE} and {@link LATEST_DATE}).
 */
export const isoDateSchema = z.iso
  .date("Use a date that exists, in the form YYYY-MM-DD.")
  .check(
    z.refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, "Use a date between the years 1900 and 2299."),
  );

/** Drafts may leave a date empty; launched experiments never do. */
const draftDateSchema = z.union([isoDateSchema, z.literal("")]);
const instantSchema = z.iso.datetime({ offset: true });
const nonNegativeInteger = () => z.int().check(z.gte(0));

export const metricRoleSchema = z.enum(["primary", "secondary", "guardrail"]);
export const experimentStatusSchema = z.enum(["draft", "scheduled", "running", "paused", "stopped", "concluded"]);

export const experimentMetricSchema = z.object({
  metricId: z.string().check(z.minLength(1)),
  role: metricRoleSchema,
});

/** Traffic split in percent per variation key; the values of a launchable experiment sum to 100. */
export const experimentWeightsSchema = stringKeyed(z.number().check(z.gte(0), z.lte(100)));

/** Share of the audience (a segment, or all identities) that enters the experiment, in percent. */
export const rolloutPercentageSchema = z
  .number()
  .check(
    z.gte(1, "The rollout must include at least 1% of identities."),
    z.lte(100, "The rollout cannot exceed 100% of identities."),
  );

/**
 * The plan the wizard made the experiment with: the smallest relative lift it should detect, at which power and
 * significance level, and the sample per variation and daily traffic that follow. The results page and the
 * decision rules read it ("Day X of N", "% of planned sample").
 */
export const experimentPlanSchema = z.object({
  /** Relative lift to detect, e.g. `0.05` for +5 %. */
  minimumDetectableEffect: z.number().check(z.gt(0)),
  power: z.number().check(z.gt(0), z.lt(1)),
  alpha: z.number().check(z.gt(0), z.lt(1)),
  /** The primary metric the sample size was computed for. */
  primaryMetricId: z.optional(z.string().check(z.minLength(1))),
  /** Identities needed per variation; absent when the metric had no baseline. */
  sampleSizePerVariation: z.optional(z.int().check(z.gte(1))),
  /** Identities per day entering the experiment, as estimated when planning. */
  expectedDailyTraffic: z.optional(z.number().check(z.gte(0))),
});

export const recommendationVerdictSchema = z.enum([
  "keep-running",
  "declare-winner",
  "investigate",
  "no-difference",
  "not-started",
  "inconclusive",
]);

/**
 * A confidence interval `[lower, upper]`: an array of exactly two numbers, with the issues `z.tuple` gives. Built on the
 * array schema every host bundle has anyway, because `z.tuple` would be shipped for this one field (0.5 kB gzip); the
 * cast restores the tuple type `z.tuple` infers (experiment-decision.test.ts checks the type and the parsing).
 */
const intervalSchema = z.array(z.number()).check(z.length(2)) as unknown as z.ZodMiniType<[number, number]>;

/** What the analysis said when the decision was taken, kept with the decision. */
export const decisionEvidenceSchema = z.object({
  verdict: recommendationVerdictSchema,
  /** Identities analysed per variation key. */
  users: stringKeyed(nonNegativeInteger()),
  /** The primary metrics' comparisons with control at that moment. */
  metrics: z.array(
    z.object({
      metricId: z.string().check(z.minLength(1)),
      variationKey: z.string().check(z.minLength(1)),
      lift: z.nullable(z.number()),
      interval: z.nullable(intervalSchema),
      significant: z.boolean(),
      chanceToWin: z.nullable(z.number().check(z.gte(0), z.lte(1))),
      pValue: z.nullable(z.number().check(z.gte(0), z.lte(1))),
    }),
  ),
});

/** How an experiment ended: the variation shipped (or `null` for none), who decided, when, and on what evidence. */
export const experimentDecisionSchema = z.object({
  winner: z.nullable(z.string().check(z.minLength(1))),
  decidedAt: instantSchema,
  decidedBy: z.optional(z.string()),
  note: z.optional(z.string()),
  evidence: z.nullable(decisionEvidenceSchema),
});

/** Tolerance for the weights sum (decimal weights such as 33.33 + 33.33 + 33.34). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Which rule an experiment breaks: UIs key their own (translated) words on it. */
export type ExperimentProblemCode =
  | "name-required"
  | "hypothesis-required"
  | "start-date-required"
  | "end-date-required"
  | "end-before-start"
  | "flag-required"
  | "control-required"
  | "treatment-required"
  | "variation-keys-unique"
  | "metrics-required"
  | "primary-required"
  | "metrics-unique"
  | "segment-required"
  | "weights-keys"
  | "weights-sum";

export interface ExperimentProblem {
  code: ExperimentProblemCode;
  /** Field the problem is about, e.g. `["weights"]`. */
  path: (string | number)[];
  message: string;
}

const experimentObjectSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  hypothesis: z.string(),
  startDate: draftDateSchema,
  endDate: draftDateSchema,
  flagId: z.string(),
  /** The flag's name: what Flagsmith's exposure events carry (`feature_name`). */
  flagName: z._default(z.string(), ""),
  /** The environment the experiment runs in (Flagsmith environment key); empty when the host has none. */
  environmentKey: z._default(z.string(), ""),
  variations: z.array(variationSchema),
  metrics: z.array(experimentMetricSchema),
  /** The targeted segment, or `null` for all identities. */
  segmentId: z.nullable(z.string()),
  rolloutPercentage: z._default(rolloutPercentageSchema, 100),
  weights: experimentWeightsSchema,
  status: experimentStatusSchema,
  /** Increases with every saved change; used to detect concurrent edits and to launch only what was reviewed. */
  revision: nonNegativeInteger(),
  /** When the experiment launched; present once it left `draft`. */
  launchedAt: z.optional(instantSchema),
  /** When it stopped (stop or conclude); the measurement window ends there. */
  stoppedAt: z.optional(instantSchema),
  plan: z.optional(experimentPlanSchema),
  decision: z.optional(experimentDecisionSchema),
});

/** The fields {@link findExperimentProblems} reads: what a user configures before launch. */
const EXPERIMENT_RULE_FIELDS = [
  "name",
  "hypothesis",
  "startDate",
  "endDate",
  "flagId",
  "variations",
  "metrics",
  "segmentId",
  "weights",
] as const;

export type ExperimentConfiguration = Omit<
  z.infer<typeof experimentObjectSchema>,
  "status" | "revision" | "id" | "launchedAt" | "stoppedAt" | "decision"
>;

/**
 * What keeps an experiment from launching, as a list of readable problems (empty when it is launchable).
 * Drafts may be incomplete; every other status must satisfy all of these. An end date equal to the start date is
 * a valid one-day experiment.
 */
export function findExperimentProblems(
  experiment: Pick<ExperimentConfiguration, (typeof EXPERIMENT_RULE_FIELDS)[number]>,
): ExperimentProblem[] {
  const problems: ExperimentProblem[] = [];
  const add = (code: ExperimentProblemCode, field: string, message: string) =>
    problems.push({ code, path: [field], message });
  if (experiment.name.trim() === "") add("name-required", "name", "Give the experiment a name.");
  if (experiment.hypothesis.trim() === "") {
    add("hypothesis-required", "hypothesis", "Write down the hypothesis you are testing.");
  }
  if (experiment.startDate === "") add("start-date-required", "startDate", "Choose a start date.");
  if (experiment.endDate === "") add("end-date-required", "endDate", "Choose an end date.");
  if (experiment.startDate !== "" && experiment.endDate !== "" && experiment.endDate < experiment.startDate) {
    add("end-before-start", "endDate", "The end date must not be before the start date.");
  }
  if (experiment.flagId === "") add("flag-required", "flagId", "Choose a flag.");
  const controls = experiment.variations.filter((v) => v.isControl);
  if (controls.length !== 1 || controls[0]?.key !== CONTROL_VARIATION_KEY) {
    add("control-required", "variations", "The experiment needs exactly one control variation.");
  }
  if (experiment.variations.length - controls.length < 1) {
    add("treatment-required", "variations", "The experiment needs at least one variation besides the control.");
  }
  const keys = experiment.variations.map((v) => v.key);
  if (new Set(keys).size !== keys.length) add("variation-keys-unique", "variations", "Variation keys must be unique.");
  if (experiment.metrics.length === 0) add("metrics-required", "metrics", "Choose at least one metric.");
  else if (!experiment.metrics.some((m) => m.role === "primary")) {
    add("primary-required", "metrics", "Mark at least one metric as primary.");
  }
  const metricIds = experiment.metrics.map((m) => m.metricId);
  if (new Set(metricIds).size !== metricIds.length) add("metrics-unique", "metrics", "Each metric can be chosen once.");
  if (experiment.segmentId === "") add("segment-required", "segmentId", "Choose a segment, or all identities.");
  const weightKeys = Object.keys(experiment.weights).sort();
  if (weightKeys.join("\u0000") !== [...keys].sort().join("\u0000")) {
    add("weights-keys", "weights", "Give every variation a weight, and only those.");
  }
  const total = Object.values(experiment.weights).reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 100) > WEIGHT_SUM_TOLERANCE) add("weights-sum", "weights", "The weights must add up to 100%.");
  return problems;
}

export const experimentSchema = experimentObjectSchema.check(
  z.superRefine((experiment, ctx) => {
    if (experiment.status === "draft") return;
    for (const problem of findExperimentProblems(experiment)) {
      ctx.issues.push({ code: "custom", message: problem.message, path: problem.path, input: experiment });
    }
    if (experiment.launchedAt === undefined) {
      ctx.issues.push({
        code: "custom",
        message: "A launched experiment records when it launched.",
        path: ["launchedAt"],
        input: experiment,
      });
    }
  }),
);

/**
 * What the wizard saves: the fields a user fills in, every one optional. Without `id` a new draft is created;
 * with `revision` the save fails with a conflict when someone else saved in between.
 */
export const experimentDraftSchema = z.object({
  id: z.optional(z.string().check(z.minLength(1))),
  revision: z.optional(nonNegativeInteger()),
  name: z.optional(z.string()),
  hypothesis: z.optional(z.string()),
  startDate: z.optional(draftDateSchema),
  endDate: z.optional(draftDateSchema),
  flagId: z.optional(z.string()),
  flagName: z.optional(z.string()),
  environmentKey: z.optional(z.string()),
  variations: z.optional(z.array(variationSchema)),
  metrics: z.optional(z.array(experimentMetricSchema)),
  segmentId: z.optional(z.nullable(z.string())),
  rolloutPercentage: z.optional(rolloutPercentageSchema),
  weights: z.optional(experimentWeightsSchema),
  plan: z.optional(experimentPlanSchema),
});

export type MetricRole = z.infer<typeof metricRoleSchema>;
export type ExperimentStatus = z.infer<typeof experimentStatusSchema>;
export type ExperimentMetric = z.infer<typeof experimentMetricSchema>;
export type ExperimentPlan = z.infer<typeof experimentPlanSchema>;
export type RecommendationVerdict = z.infer<typeof recommendationVerdictSchema>;
export type DecisionEvidence = z.infer<typeof decisionEvidenceSchema>;
export type ExperimentDecision = z.infer<typeof experimentDecisionSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
export type ExperimentDraft = z.infer<typeof experimentDraftSchema>;

/** The configuration fields (everything a user sets); frozen once the experiment leaves `draft`. */
export const EXPERIMENT_CONFIGURATION_FIELDS = [
  "name",
  "hypothesis",
  "startDate",
  "endDate",
  "flagId",
  "flagName",
  "environmentKey",
  "variations",
  "metrics",
  "segmentId",
  "rolloutPercentage",
  "weights",
  "plan",
] as const satisfies readonly (keyof Experiment & keyof ExperimentDraft)[];

export type ExperimentConfigurationField = (typeof EXPERIMENT_CONFIGURATION_FIELDS)[number];
