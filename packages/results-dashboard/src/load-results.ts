import {
  type Experiment,
  experimentSchema,
  type MetricDefinition,
  type MetricStatsRow,
  type MetricsAdapter,
  metricDefinitionSchema,
  type PersistenceAdapter,
  type WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import { type AnalysisOptions, type AnalysisResult, analyzeExperiment } from "@flagsmith-experimentation/stats-core";
import { defaultMessages, type ResultsMessages } from "./messages";
import { ResultsDataError } from "./readable-error";

export interface ResultsAdapters {
  persistence: Pick<PersistenceAdapter, "getExperiment"> & Partial<Pick<PersistenceAdapter, "stop">>;
  warehouse: Pick<WarehouseAdapter, "fetchMetricStats" | "fetchExposureSummary">;
  metrics: MetricsAdapter;
}

export type LoadedResults =
  | { kind: "empty"; experiment: Experiment; metrics: MetricDefinition[] }
  | {
      kind: "ready";
      experiment: Experiment;
      metrics: MetricDefinition[];
      analysis: AnalysisResult;
      excludedMultipleVariations?: number;
    };

/** Loads an experiment, its metric statistics (totals and per day) and runs `analyzeExperiment` on them. */
export async function loadResults(
  experimentId: string,
  adapters: ResultsAdapters,
  options?: AnalysisOptions,
  messages: Pick<ResultsMessages, "invalidExperiment" | "invalidMetrics" | "invalidStats"> = defaultMessages,
): Promise<LoadedResults> {
  const [rawExperiment, allMetrics] = await Promise.all([
    adapters.persistence.getExperiment(experimentId),
    adapters.metrics.listMetrics(),
  ]);
  const experiment = checkExperiment(rawExperiment, messages.invalidExperiment);
  const metrics = checkMetrics(allMetrics, experiment, messages.invalidMetrics);
  const [totals, daily, exposure] = await Promise.all([
    adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "total" }),
    adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "day" }),
    adapters.warehouse.fetchExposureSummary
      ? // The exposure summary is an optional health check: its failure must not hide the results.
        adapters.warehouse.fetchExposureSummary({ experiment }).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  checkRows(totals, messages.invalidStats);
  checkRows(daily, messages.invalidStats);
  if (totals.length === 0 || totals.every((row) => row.stats.n === 0)) {
    return { kind: "empty", experiment, metrics };
  }
  const roles = new Map(experiment.metrics.map((entry) => [entry.metricId, entry.role]));
  const analysis = analyzeExperiment({
    variations: experiment.variations.map(({ key, name, isControl }) => ({ key, name, isControl })),
    weights: experiment.weights,
    metrics: metrics.map((metric) => ({ ...metric, role: roles.get(metric.id) ?? "secondary" })),
    totals,
    daily,
    ...(options ? { options } : {}),
  });
  const result: LoadedResults = { kind: "ready", experiment, metrics, analysis };
  if (exposure && Number.isFinite(exposure.excludedMultipleVariations))
    result.excludedMultipleVariations = exposure.excludedMultipleVariations;
  return result;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * The experiment, validated with the adapters' schema: a host adapter that is not wrapped by `guardAdapters`
 * still cannot crash the dashboard with a malformed experiment.
 */
function checkExperiment(experiment: unknown, message: string): Experiment {
  const parsed = experimentSchema.safeParse(experiment);
  if (!parsed.success) throw new ResultsDataError(message);
  return parsed.data;
}

/** The experiment's metric definitions, each validated; definitions of other metrics are not read. */
function checkMetrics(allMetrics: unknown, experiment: Experiment, message: string): MetricDefinition[] {
  if (!Array.isArray(allMetrics)) throw new ResultsDataError(message);
  const wanted = new Set(experiment.metrics.map((entry) => entry.metricId));
  const byId = new Map<string, MetricDefinition>();
  for (const candidate of allMetrics) {
    if (!isRecord(candidate) || typeof candidate.id !== "string" || !wanted.has(candidate.id)) continue;
    const parsed = metricDefinitionSchema.safeParse(candidate);
    if (!parsed.success) throw new ResultsDataError(message);
    byId.set(parsed.data.id, parsed.data);
  }
  return experiment.metrics
    .map((entry) => byId.get(entry.metricId))
    .filter((metric): metric is MetricDefinition => metric !== undefined);
}

/** Rows must name a metric and a variation and carry statistics with a known kind; numbers are stats-core's job. */
function checkRows(rows: unknown, message: string): asserts rows is MetricStatsRow[] {
  if (!Array.isArray(rows)) throw new ResultsDataError(message);
  for (const row of rows) {
    if (
      !isRecord(row) ||
      typeof row.metricId !== "string" ||
      typeof row.variationKey !== "string" ||
      !isRecord(row.stats) ||
      !["proportion", "mean", "ratio"].includes(String(row.stats.kind)) ||
      typeof row.stats.n !== "number"
    ) {
      throw new ResultsDataError(message);
    }
  }
}
