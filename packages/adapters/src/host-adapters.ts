import type { DecisionEvidence, Experiment, ExperimentDraft } from "./experiment";
import type { Flag } from "./flag";
import type { MetricDefinition } from "./metric-definition";
import type { ExposureSummary } from "./metric-stats";
import type { Segment, SegmentOverride } from "./segment";
import type { MetricStatsRow } from "./stats-types";

export interface FlagQuery {
  /** Case-insensitive text to look for in flag names. */
  search?: string;
}

/** Where flags and their variations come from (Flagsmith, or your own flag store). */
export interface FlagsAdapter {
  /** Flags with their state in the adapter's environment (`enabled`, `activeExperimentId`). */
  listFlags(q?: FlagQuery): Promise<Flag[]>;
  /** Fails with `AdapterError` kind `not-found` for an unknown id. */
  getFlag(id: string): Promise<Flag>;
}

export interface SegmentsAdapter {
  listSegments(): Promise<Segment[]>;
  /** Segments that already override the flag's value. */
  listOverrides(flagId: string): Promise<SegmentOverride[]>;
}

export interface MetricsAdapter {
  listMetrics(): Promise<MetricDefinition[]>;
}

export interface LaunchOptions {
  /** The same key launches once: a repeat returns the experiment the first call launched. */
  idempotencyKey: string;
  /**
   * The revision the user reviewed. The persistence launches only that revision; when the stored draft has
   * another one it rejects with `AdapterError` kind `conflict` (carrying the current experiment).
   */
  expectedRevision: number;
}

export interface ConcludeOptions {
  /** The variation to ship to the audience, or `null` to conclude without a winner. */
  winner: string | null;
  note?: string;
  /** The analysis at the moment of the decision, stored with it. */
  evidence?: DecisionEvidence | null;
}

/** Stores experiments and moves them through their lifecycle. */
export interface PersistenceAdapter {
  /** Creates a draft (no `id`) or updates one; fails with `conflict` after launch or on a stale `revision`. */
  saveDraft(draft: ExperimentDraft): Promise<Experiment>;
  /** Launches the reviewed revision of a draft: status `running`, or `scheduled` when the start date is in the future. */
  launch(id: string, opts: LaunchOptions): Promise<Experiment>;
  getExperiment(id: string): Promise<Experiment>;
  listExperiments(): Promise<Experiment[]>;
  stop(id: string): Promise<Experiment>;
  /** Optional: pauses a running experiment (the UI offers “Pause” when present). */
  pause?(id: string): Promise<Experiment>;
  /** Optional: resumes a paused experiment. */
  resume?(id: string): Promise<Experiment>;
  /**
   * Optional: ends the experiment with a decision — ships `winner` to the audience (or none) and records
   * `decision` on the returned, concluded experiment. The UI offers “Ship <variation>” when present.
   */
  conclude?(id: string, opts: ConcludeOptions): Promise<Experiment>;
  /** Optional: deletes a draft (never a launched experiment). */
  deleteDraft?(id: string): Promise<void>;
}

export type MetricStatsGranularity = "total" | "day";

export interface MetricStatsRequest {
  experiment: Experiment;
  metrics: MetricDefinition[];
  /** `total`: one row per metric × variation; `day`: one per metric × variation × day, cumulative through that day. */
  granularity: MetricStatsGranularity;
  /**
   * Ends the window of a running experiment (`[launchedAt, stoppedAt ?? now)`) instead of the adapter's own clock:
   * queries that must describe the same window (the dashboard's totals, daily rows and exposure summary) pass the
   * same instant. Default: the adapter's clock when the query runs.
   */
  now?: Date;
}

export interface ExposureSummaryRequest {
  experiment: Experiment;
  /** Ends the window of a running experiment, as in {@link MetricStatsRequest.now}. */
  now?: Date;
}

export interface ConnectionCheck {
  ok: boolean;
  message?: string;
}

/** Computes sufficient statistics where the data lives (docs/warehouse-sql.md). */
export interface WarehouseAdapter {
  testConnection(): Promise<ConnectionCheck>;
  fetchMetricStats(req: MetricStatsRequest): Promise<MetricStatsRow[]>;
  /** Optional health check: exposed identities per variation and identities excluded for seeing several. */
  fetchExposureSummary?(req: ExposureSummaryRequest): Promise<ExposureSummary>;
}

/** The adapters a host passes to the UI; each component takes the ones it needs. */
export interface HostAdapters {
  flags: FlagsAdapter;
  segments: SegmentsAdapter;
  metrics: MetricsAdapter;
  persistence: PersistenceAdapter;
  warehouse: WarehouseAdapter;
}
