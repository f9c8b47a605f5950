import {
  type Experiment,
  effectiveExperimentStatus,
  experimentSchema,
  type MetricDefinition,
  type MetricStatsRow,
  type MetricsAdapter,
  metricDefinitionSchema,
  type PersistenceAdapter,
  type Segment,
  type SegmentsAdapter,
  utcDate,
  type WarehouseAdapter,
} from "@flagsmith-experimentation/adapters";
import {
  type AnalysisInput,
  type AnalysisOptions,
  type AnalysisResult,
  analyzeExperiment,
} from "@flagsmith-experimentation/stats-core";
import { type ResultsPageMessages, resultsMessages } from "./messages";
import { ResultsDataError } from "./readable-error";

export interface ResultsAdapters {
  persistence: Pick<PersistenceAdapter, "getExperiment"> &
    Partial<Pick<PersistenceAdapter, "stop" | "pause" | "resume" | "conclude">>;
  warehouse: Pick<WarehouseAdapter, "fetchMetricStats" | "fetchExposureSummary">;
  metrics: MetricsAdapter;
  /** Optional: names the experiment's segment in its configuration ("Segment “EU customers”"). */
  segments?: Pick<SegmentsAdapter, "listSegments"> | undefined;
}

/** The experiment, its metric definitions and (when the host can name them) its segments. */
export interface ExperimentDetails {
  experiment: Experiment;
  metrics: MetricDefinition[];
  segments?: Segment[];
}

export type LoadedResults =
  | { kind: "not-started"; experiment: Experiment; metrics: MetricDefinition[] }
  | { kind: "empty"; experiment: Experiment; metrics: MetricDefinition[]; refreshedAt: Date }
  | {
      kind: "ready";
      experiment: Experiment;
      metrics: MetricDefinition[];
      analysis: AnalysisResult;
      /** The warehouse's cumulative daily rows (the trend chart's per-day values). */
      daily: MetricStatsRow[];
      excludedMultipleVariations?: number;
      /** When the statistics were read. */
      refreshedAt: Date;
    };

type LoadMessages = Pick<ResultsPageMessages, "invalidExperiment" | "invalidMetrics" | "invalidStats">;

/** Reads the experiment and its metric definitions (validated), and the segments when the host has the adapter. */
export async function loadExperimentDetails(
  experimentId: string,
  adapters: ResultsAdapters,
  messages: LoadMessages = resultsMessages,
): Promise<ExperimentDetails> {
  const { segments } = adapters;
  const [rawExperiment, allMetrics, allSegments] = await Promise.all([
    adapters.persistence.getExperiment(experimentId),
    adapters.metrics.listMetrics(),
    // Segment names are a nicety: a failure must not hide the results.
    segments ? segments.listSegments().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const experiment = checkExperiment(rawExperiment, messages.invalidExperiment);
  const metrics = checkMetrics(allMetrics, experiment, messages.invalidMetrics);
  const details: ExperimentDetails = { experiment, metrics };
  if (Array.isArray(allSegments)) {
    details.segments = allSegments.filter(
      (segment): segment is Segment =>
        isRecord(segment) && typeof segment.id === "string" && typeof segment.name === "string",
    );
  }
  return details;
}

/** The analysis of the totals, without the daily rows: what the results page shows first (progressive loading). */
export type LoadedSummary =
  | { kind: "not-started"; experiment: Experiment; metrics: MetricDefinition[] }
  | { kind: "empty"; experiment: Experiment; metrics: MetricDefinition[]; refreshedAt: Date }
  | {
      kind: "ready";
      experiment: Experiment;
      metrics: MetricDefinition[];
      /** `analyzeExperiment` of the totals alone: no trend series, no days-left estimate yet. */
      analysis: AnalysisResult;
      /** What `analysis` was computed from: {@link analyzeWithDaily} adds the daily rows to it. */
      input: AnalysisInput;
      excludedMultipleVariations?: number;
      /** When the statistics were read. */
      refreshedAt: Date;
    };

/** The analysis input for an experiment's totals (and daily rows, when known). */
function analysisInput(
  experiment: Experiment,
  metrics: readonly MetricDefinition[],
  status: AnalysisInput["status"],
  totals: MetricStatsRow[],
  options: AnalysisOptions | undefined,
  today: Date,
): AnalysisInput {
  const roles = new Map(experiment.metrics.map((entry) => [entry.metricId, entry.role]));
  return {
    // The decision rules depend on where the experiment stands and what it was planned for (docs/decision-rules.md).
    ...(status ? { status } : {}),
    ...(experiment.plan ? { plan: experiment.plan } : {}),
    // The last planned day is over (UTC, the lifecycle's rule): acting on a winner is valid.
    plannedEndReached: experiment.endDate !== "" && experiment.endDate < utcDate(today),
    variations: experiment.variations.map(({ key, name, isControl }) => ({ key, name, isControl })),
    weights: experiment.weights,
    metrics: metrics.map((metric) => ({ ...metric, role: roles.get(metric.id) ?? "secondary" })),
    totals,
    ...(options ? { options } : {}),
  };
}

/**
 * "Today" (whether a scheduled experiment has started) and the instant that ends a running experiment's window in
 * the warehouse's queries: the real clock when the load starts, one for all the queries of a load.
 */
export interface LoadWindow {
  today: Date;
  now: Date;
}

const hasData = (totals: readonly MetricStatsRow[]) => totals.some((row) => row.stats.n !== 0);

/**
 * The totals and the exposure summary (one window, ending at `now` for a running experiment) and their analysis: the
 * whole results page but the trend. A draft, or a scheduled experiment before `today`, is `not-started` without
 * asking the warehouse.
 */
export async function loadSummary(
  { experiment, metrics }: Pick<ExperimentDetails, "experiment" | "metrics">,
  adapters: Pick<ResultsAdapters, "warehouse">,
  options: AnalysisOptions | undefined,
  messages: LoadMessages,
  { today, now }: LoadWindow,
): Promise<LoadedSummary> {
  const status = effectiveExperimentStatus(experiment, today);
  if (status === "draft" || status === "scheduled") return { kind: "not-started", experiment, metrics };
  const [totals, exposure] = await Promise.all([
    adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "total", now }),
    adapters.warehouse.fetchExposureSummary
      ? // The exposure summary is an optional health check: its failure must not hide the results.
        adapters.warehouse.fetchExposureSummary({ experiment, now }).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  checkRows(totals, messages.invalidStats);
  const refreshedAt = new Date();
  if (!hasData(totals)) return { kind: "empty", experiment, metrics, refreshedAt };
  const input = analysisInput(experiment, metrics, status, totals, options, today);
  const summary: LoadedSummary = {
    kind: "ready",
    experiment,
    metrics,
    analysis: analyzeExperiment(input),
    input,
    refreshedAt,
  };
  if (exposure && Number.isFinite(exposure.excludedMultipleVariations))
    summary.excludedMultipleVariations = exposure.excludedMultipleVariations;
  return summary;
}

/**
 * The cumulative daily rows behind the trend chart, for the same window as {@link loadSummary}'s totals (pass the
 * same `now`: the chart's last point is then the totals the page shows). None for an experiment not started yet.
 */
export async function loadDaily(
  { experiment, metrics }: Pick<ExperimentDetails, "experiment" | "metrics">,
  adapters: Pick<ResultsAdapters, "warehouse">,
  messages: LoadMessages,
  { today, now }: LoadWindow,
): Promise<MetricStatsRow[]> {
  const status = effectiveExperimentStatus(experiment, today);
  if (status === "draft" || status === "scheduled") return [];
  const daily = await adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "day", now });
  checkRows(daily, messages.invalidStats);
  return daily;
}

/**
 * The summary's analysis again with the daily rows: the same totals (so every figure on the page stays), plus each
 * metric's trend series and the days-left estimate, which need the days.
 */
export function analyzeWithDaily(input: AnalysisInput, daily: MetricStatsRow[]): AnalysisResult {
  return analyzeExperiment({ ...input, daily });
}

/**
 * Reads an experiment's metric statistics (per day, cumulative; the totals are the last day) and runs
 * `analyzeExperiment` on them. A draft, or a scheduled experiment before its start date, is `not-started` without
 * asking the warehouse.
 */
async function loadAnalysis(
  { experiment, metrics }: Pick<ExperimentDetails, "experiment" | "metrics">,
  adapters: Pick<ResultsAdapters, "warehouse">,
  options: AnalysisOptions | undefined,
  messages: LoadMessages,
  today: Date,
): Promise<LoadedResults> {
  const status = effectiveExperimentStatus(experiment, today);
  if (status === "draft" || status === "scheduled") return { kind: "not-started", experiment, metrics };
  // One warehouse round trip: daily rows are cumulative (docs/warehouse-sql.md), so their last day is the totals.
  const [daily, exposure] = await Promise.all([
    adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "day" }),
    adapters.warehouse.fetchExposureSummary
      ? // The exposure summary is an optional health check: its failure must not hide the results.
        adapters.warehouse.fetchExposureSummary({ experiment }).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  checkRows(daily, messages.invalidStats);
  let totals = totalsFromDaily(daily, experiment, metrics);
  if (!totals) {
    // No day for some metric × variation (no data yet, or a warehouse without daily rows): ask for the totals.
    const fetched = await adapters.warehouse.fetchMetricStats({ experiment, metrics, granularity: "total" });
    checkRows(fetched, messages.invalidStats);
    totals = fetched;
  }
  const refreshedAt = new Date();
  if (!hasData(totals)) return { kind: "empty", experiment, metrics, refreshedAt };
  const analysis = analyzeWithDaily(analysisInput(experiment, metrics, status, totals, options, today), daily);
  const result: LoadedResults = { kind: "ready", experiment, metrics, analysis, daily, refreshedAt };
  if (exposure && Number.isFinite(exposure.excludedMultipleVariations))
    result.excludedMultipleVariations = exposure.excludedMultipleVariations;
  return result;
}

/**
 * Loads an experiment, its metric statistics (per day, cumulative; the totals are the last day) and runs
 * `analyzeExperiment` on them: {@link loadExperimentDetails} then {@link loadAnalysis}.
 */
export async function loadResults(
  experimentId: string,
  adapters: ResultsAdapters,
  options?: AnalysisOptions,
  messages: LoadMessages = resultsMessages,
  today: Date = new Date(),
): Promise<LoadedResults> {
  const details = await loadExperimentDetails(experimentId, adapters, messages);
  return loadAnalysis(details, adapters, options, messages, today);
}

/**
 * Totals from cumulative daily rows: for each metric × variation, the row of the latest date on or before the
 * end date (a day without new data may be missing). `undefined` when a metric × variation has no such row.
 */
export function totalsFromDaily(
  daily: readonly MetricStatsRow[],
  experiment: Pick<Experiment, "variations" | "endDate">,
  metrics: readonly Pick<MetricDefinition, "id">[],
): MetricStatsRow[] | undefined {
  const latest = new Map<string, MetricStatsRow & { date: string }>();
  for (const row of daily) {
    const { date } = row;
    if (typeof date !== "string" || (experiment.endDate !== "" && date > experiment.endDate)) continue;
    const key = JSON.stringify([row.metricId, row.variationKey]);
    const seen = latest.get(key);
    if (!seen || date > seen.date) latest.set(key, { ...row, date });
  }
  const totals: MetricStatsRow[] = [];
  for (const metric of metrics) {
    for (const variation of experiment.variations) {
      const row = latest.get(JSON.stringify([metric.id, variation.key]));
      if (!row) return undefined;
      totals.push({ metricId: row.metricId, variationKey: row.variationKey, stats: row.stats });
    }
  }
  return totals;
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
