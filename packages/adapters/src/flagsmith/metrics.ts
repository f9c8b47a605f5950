/**
 * Metrics from Flagsmith (`environments/{key}/experiment-metrics/`, `MetricSerializer`). Flagsmith's aggregations
 * are the kit's kinds of the same name — occurrence (≥ 1 event), count (events), sum (sum of value), mean (average
 * value of the identity's events) — and its directions up / down / informational the kit's increase / decrease /
 * informational. A metric whose definition the kit cannot read (a future definition version without `event`, or
 * an aggregation Flagsmith may add) is left out: it could not be computed.
 */
import type { MetricsAdapter } from "../host-adapters";
import type { MetricDefinition, MetricDirection, MetricKind } from "../metric-definition";
import type { FlagsmithClient } from "./client";
import type { FlagsmithEnvironment } from "./environment";
import { type MetricPayload, metricPayload } from "./payload-schemas";

const KINDS: Record<string, MetricKind> = { occurrence: "occurrence", count: "count", sum: "sum", mean: "mean" };
const DIRECTIONS: Record<string, MetricDirection> = {
  up: "increase",
  down: "decrease",
  informational: "informational",
};

/** A Flagsmith metric as a kit metric definition, or `null` when the kit cannot compute it. */
export function metricFromFlagsmithMetric(metric: MetricPayload): MetricDefinition | null {
  const kind = KINDS[metric.aggregation];
  const direction = DIRECTIONS[metric.direction];
  const event = metric.definition.event;
  if (!kind || !direction || typeof event !== "string" || event === "") return null;
  return {
    id: String(metric.id),
    name: metric.name,
    ...(metric.description ? { description: metric.description } : {}),
    kind,
    eventName: event,
    direction,
    ...(kind === "occurrence" ? { unit: "percent" as const } : {}),
  };
}

export function listMetricPayloads(client: FlagsmithClient, env: FlagsmithEnvironment, operation: string) {
  return client.list(
    `environments/${encodeURIComponent(env.key)}/experiment-metrics/`,
    { page: 1, page_size: 100 },
    metricPayload,
    operation,
  );
}

export function createFlagsmithMetrics(
  client: FlagsmithClient,
  environment: (operation: string) => Promise<FlagsmithEnvironment>,
): MetricsAdapter {
  return {
    async listMetrics() {
      const operation = "metrics.listMetrics";
      const env = await environment(operation);
      const metrics = await listMetricPayloads(client, env, operation);
      return metrics.map(metricFromFlagsmithMetric).filter((metric): metric is MetricDefinition => metric !== null);
    },
  };
}
