/**
 * Flagsmith experiments as kit experiments, and back. Flagsmith holds the name, hypothesis, flag, metrics
 * (with an expected direction each; the first one is the primary, as Flagsmith's dashboard reads it), status,
 * start and end instants and — for its own rollout — the rollout percentage and split. The kit's other fields come
 * from the kit store (`kit-store.ts`) when this browser or host launched the experiment, and are derived otherwise.
 */
import type { Experiment, ExperimentMetric, ExperimentStatus, MetricRole } from "../experiment";
import { utcDate } from "../experiment-lifecycle";
import { CONTROL_VARIATION_KEY, type FlagValue, type Variation } from "../flag";
import type { MetricDirection } from "../metric-definition";
import { isUsableOptionKey } from "./flags";
import type { KitExtras } from "./kit-store";
import type { ExperimentPayload } from "./payload-schemas";
import { fromRolloutValue, optionValue } from "./values";

const STATUS: Record<ExperimentPayload["status"], ExperimentStatus> = {
  created: "draft",
  running: "running",
  paused: "paused",
  completed: "stopped",
};

/** Flagsmith's expected direction for a kit metric role (`ExpectedDirection`): guardrails "should not" move the wrong way. */
export function expectedDirection(role: MetricRole, direction: MetricDirection): string {
  const lowerIsBetter = direction === "decrease";
  if (role === "guardrail") return lowerIsBetter ? "not_increase" : "not_decrease";
  return lowerIsBetter ? "decrease" : "increase";
}

/** The kit's roles from Flagsmith's metrics: the first is the primary, a "should not" direction marks a guardrail. */
export function metricsFromFlagsmith(metrics: ExperimentPayload["metrics"]): ExperimentMetric[] {
  return metrics.map((metric, index) => ({
    metricId: String(metric.metric),
    role: index === 0 ? "primary" : metric.expected_direction.startsWith("not_") ? "guardrail" : "secondary",
  }));
}

/** The variation key of an option: its key verbatim, or `option-<id>` for one without (never exposed by SDKs). */
export function optionVariationKey(option: { id: number; key?: string | null | undefined }): string {
  return isUsableOptionKey(option.key) ? option.key : `option-${option.id}`;
}

function variationsFromFlagsmith(experiment: ExperimentPayload, controlValue: FlagValue): Variation[] {
  return [
    { key: CONTROL_VARIATION_KEY, name: "Control", value: controlValue, isControl: true },
    ...[...experiment.feature.multivariate_options]
      .sort((a, b) => a.id - b.id)
      .map((option) => ({
        key: optionVariationKey(option),
        name: isUsableOptionKey(option.key) ? option.key : `Option ${option.id} (no key)`,
        value: optionValue(option),
        isControl: false,
      })),
  ];
}

/** Weights from Flagsmith's rollout split (control takes the rest), or an even split without one. */
function weightsFromFlagsmith(experiment: ExperimentPayload, variations: Variation[]): Record<string, number> {
  const rollout = experiment.experiment_rollout;
  if (!rollout) {
    const share = 100 / variations.length;
    return Object.fromEntries(variations.map((variation) => [variation.key, share]));
  }
  const byOption = new Map(
    rollout.multivariate_feature_state_values.map((mv) => [mv.multivariate_feature_option, mv.percentage_allocation]),
  );
  const weights: Record<string, number> = {};
  let treatments = 0;
  for (const option of experiment.feature.multivariate_options) {
    const weight = byOption.get(option.id) ?? 0;
    weights[optionVariationKey(option)] = weight;
    treatments += weight;
  }
  weights[CONTROL_VARIATION_KEY] = Math.max(0, 100 - treatments);
  return weights;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return utcDate(at);
}

/** A DRF datetime (`2026-03-02T09:00:00.123456Z`) as an ISO instant the kit's schemas accept. */
function instant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * The revision of a Flagsmith experiment: Flagsmith's `updated_at` in milliseconds (it moves with every change
 * made in Flagsmith) plus the saves of kit-only fields. It only ever grows, so comparing it detects a change.
 */
export function flagsmithRevision(experiment: Pick<ExperimentPayload, "updated_at">, extras?: KitExtras): number {
  const updated = Date.parse(experiment.updated_at);
  return (Number.isNaN(updated) ? 0 : updated) + (extras?.edits ?? 0);
}

export function experimentFromFlagsmith(
  experiment: ExperimentPayload,
  extras: KitExtras | undefined,
  environmentKey: string,
): Experiment {
  const rollout = experiment.experiment_rollout ?? null;
  const controlValue = rollout
    ? fromRolloutValue(rollout.feature_state_value)
    : (extras?.variations.find((v) => v.isControl)?.value ?? experiment.feature.initial_value ?? null);
  const variations = extras?.variations ?? variationsFromFlagsmith(experiment, controlValue);
  const status = experiment.status === "completed" && extras?.decision ? "concluded" : STATUS[experiment.status];
  // Flagsmith's live rollout is the truth while the experiment runs (it can be edited on Flagsmith's experiment
  // page); once concluded it serves the winner, so the split as launched is the kit's record.
  const liveRollout = rollout && extras?.segmentId == null && status !== "concluded";
  const weights = liveRollout || !extras ? weightsFromFlagsmith(experiment, variations) : extras.weights;
  const rolloutPercentage =
    liveRollout && rollout
      ? Math.min(100, Math.max(1, rollout.rollout_percentage))
      : (extras?.rolloutPercentage ?? 100);
  const flagsmithMetrics = metricsFromFlagsmith(experiment.metrics);
  const sameMetrics =
    extras !== undefined &&
    extras.metrics.length === flagsmithMetrics.length &&
    extras.metrics.every((m) => flagsmithMetrics.some((f) => f.metricId === m.metricId));
  const launchedAt = instant(experiment.started_at);
  const stoppedAt = instant(experiment.ended_at);
  const startDate = extras?.startDate || utcDate(new Date(launchedAt ?? instant(experiment.created_at) ?? 0));
  const endDate = extras?.endDate || (stoppedAt ? utcDate(new Date(stoppedAt)) : addDays(startDate, 13));
  return {
    id: String(experiment.id),
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    startDate,
    endDate: [startDate, endDate].sort()[1] ?? startDate,
    flagId: String(experiment.feature.id),
    flagName: experiment.feature.name,
    environmentKey,
    variations,
    metrics: sameMetrics ? extras.metrics : flagsmithMetrics,
    segmentId: extras?.segmentId ?? null,
    rolloutPercentage,
    weights,
    status,
    revision: flagsmithRevision(experiment, extras),
    ...(launchedAt ? { launchedAt } : {}),
    ...(stoppedAt ? { stoppedAt } : {}),
    ...(extras?.plan ? { plan: extras.plan } : {}),
    ...(extras?.decision && status === "concluded" ? { decision: extras.decision } : {}),
  };
}
