export type { AdapterErrorKind, AdapterErrorOptions } from "./adapter-error";
export {
  AdapterError,
  DEFAULT_ADAPTER_ERROR_MESSAGES,
  isAdapterError,
  toAdapterError,
} from "./adapter-error";
export type { EventsTableOptions } from "./events-table-sql";
export {
  buildCreateEventsTableSql,
  buildInsertEventsSql,
} from "./events-table-sql";
export type {
  Experiment,
  ExperimentConfigurationField,
  ExperimentDraft,
  ExperimentMetric,
  ExperimentProblem,
  ExperimentStatus,
  MetricRole,
} from "./experiment";
export {
  EXPERIMENT_CONFIGURATION_FIELDS,
  experimentDraftSchema,
  experimentMetricSchema,
  experimentSchema,
  experimentStatusSchema,
  experimentWeightsSchema,
  findExperimentProblems,
  isoDateSchema,
  metricRoleSchema,
} from "./experiment";
export type {
  ExperimentEvent,
  ExperimentEventType,
  ExperimentLifecycleErrorCode,
} from "./experiment-lifecycle";
export {
  canApplyExperimentEvent,
  createDraftExperiment,
  ExperimentLifecycleError,
  effectiveExperimentStatus,
  transitionExperiment,
  utcDate,
} from "./experiment-lifecycle";
export {
  demoEventModels,
  demoExperiments,
  demoFlags,
  demoMetrics,
  demoOverrides,
  demoSegments,
  simulateDemoTraffic,
} from "./fixtures";
export type { Flag, FlagValue, Variation } from "./flag";
export {
  CONTROL_VARIATION_KEY,
  controlVariation,
  flagSchema,
  flagValueSchema,
  isFlagEligible,
  VARIATION_KEY_PATTERN,
  variationSchema,
} from "./flag";
export type {
  FlagsmithAdaptersOptions,
  FlagsmithFeature,
  FlagsmithMultivariateOption,
} from "./flagsmith-rest-adapter";
export {
  createFlagsmithAdapters,
  flagFromFlagsmithFeature,
  flagsmithVariationKey,
} from "./flagsmith-rest-adapter";
export type { GuardOptions } from "./guard-adapters";
export {
  callAdapter,
  DEFAULT_ADAPTER_TIMEOUT_MS,
  guardAdapters,
  guardFlagsAdapter,
  guardMetricsAdapter,
  guardPersistenceAdapter,
  guardSegmentsAdapter,
  guardWarehouseAdapter,
  withTimeout,
} from "./guard-adapters";
export type {
  ConnectionCheck,
  FlagQuery,
  FlagsAdapter,
  HostAdapters,
  LaunchOptions,
  MetricStatsGranularity,
  MetricStatsRequest,
  MetricsAdapter,
  PersistenceAdapter,
  SegmentsAdapter,
  WarehouseAdapter,
} from "./host-adapters";
export type {
  AdapterFault,
  AdapterMethod,
  InMemoryAdapters,
  InMemoryAdaptersOptions,
  InMemoryControls,
} from "./in-memory-adapters";
export { createInMemoryAdapters } from "./in-memory-adapters";
export type { MetricDefinition, MetricDirection, MetricKind, MetricUnit } from "./metric-definition";
export {
  metricDefinitionSchema,
  metricDirectionSchema,
  metricKindSchema,
  metricUnitSchema,
} from "./metric-definition";
export type { ExposureSummary } from "./metric-stats";
export {
  exposureSummarySchema,
  meanStatsSchema,
  metricStatsRowSchema,
  proportionStatsSchema,
  ratioStatsSchema,
} from "./metric-stats";
export type {
  EventsTableColumns,
  MetricStatsQueryOptions,
  SqlStatement,
  SqlTableOptions,
} from "./metric-stats-sql";
export {
  buildConnectionCheckQuery,
  buildExposureSummaryQuery,
  buildMetricStatsQuery,
  DEFAULT_EVENTS_TABLE_COLUMNS,
} from "./metric-stats-sql";
export type { AggregationOptions, CovariateOptions } from "./reference-aggregation";
export { aggregateMetricStats, assignExposedIdentities } from "./reference-aggregation";
export type { Segment, SegmentOverride } from "./segment";
export { segmentOverrideSchema, segmentSchema } from "./segment";
export type { SqlDialectName } from "./sql-dialect";
export { SQL_DIALECTS, SQL_IDENTIFIER_PATTERN, SqlIdentifierError } from "./sql-dialect";
export type { SqlQueryFunction, SqlWarehouseAdapter, SqlWarehouseOptions } from "./sql-warehouse";
export { createSqlWarehouse, metricStatsFromRows } from "./sql-warehouse";
export type {
  CovariateStats,
  MeanStats,
  MetricStatsRow,
  ProportionStats,
  RatioStats,
  SufficientStats,
} from "./stats-types";
export type {
  SimulatedEffect,
  SimulatedEventModel,
  TrafficSimulationOptions,
} from "./traffic-simulator";
export { generateTrafficEvents, simulateTraffic } from "./traffic-simulator";
export type { WarehouseEvent } from "./warehouse-event";
export { datesBetween, EXPOSURE_EVENT_NAME, experimentWindow } from "./warehouse-event";
