export type { AdapterConflict, AdapterErrorKind, AdapterErrorOptions } from "./adapter-error";
export {
  AdapterError,
  DEFAULT_ADAPTER_ERROR_MESSAGES,
  isAdapterError,
  toAdapterError,
} from "./adapter-error";
export type { EventsTableColumns, EventsTableSchema } from "./events-table-schema";
export { DEFAULT_EVENTS_TABLE_COLUMNS, FLAGSMITH_EVENTS_TABLE_COLUMNS } from "./events-table-schema";
export type { EventsTableOptions } from "./events-table-sql";
export {
  buildCreateEventsTableSql,
  buildInsertEventsSql,
} from "./events-table-sql";
export type {
  DecisionEvidence,
  Experiment,
  ExperimentConfiguration,
  ExperimentConfigurationField,
  ExperimentDecision,
  ExperimentDraft,
  ExperimentMetric,
  ExperimentPlan,
  ExperimentProblem,
  ExperimentProblemCode,
  ExperimentStatus,
  MetricRole,
  RecommendationVerdict,
} from "./experiment";
export {
  decisionEvidenceSchema,
  EARLIEST_DATE,
  EXPERIMENT_CONFIGURATION_FIELDS,
  experimentDecisionSchema,
  experimentDraftSchema,
  experimentMetricSchema,
  experimentPlanSchema,
  experimentSchema,
  experimentStatusSchema,
  experimentWeightsSchema,
  findExperimentProblems,
  isoDateSchema,
  LATEST_DATE,
  metricRoleSchema,
  recommendationVerdictSchema,
  rolloutPercentageSchema,
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
  isExperimentActive,
  transitionExperiment,
  utcDate,
} from "./experiment-lifecycle";
export type { ExperimentPlanning, PlanGap, PlanInput } from "./experiment-plan";
export {
  DEFAULT_MINIMUM_DETECTABLE_EFFECT,
  DEFAULT_PLAN_ALPHA,
  DEFAULT_PLAN_POWER,
  planExperiment,
} from "./experiment-plan";
export type { Flag, FlagIneligibility, FlagValue, UnkeyedOption, Variation } from "./flag";
export {
  CONTROL_VARIATION_KEY,
  controlVariation,
  flagIneligibility,
  flagSchema,
  flagValueSchema,
  isFlagEligible,
  unkeyedOptionSchema,
  VARIATION_KEY_PATTERN,
  variationSchema,
} from "./flag";
export type { FlagsmithAdapters } from "./flagsmith/adapters";
export { createFlagsmithAdapters } from "./flagsmith/adapters";
export { flagFromFlagsmithFeature } from "./flagsmith/flags";
export type { FlagsmithKitStorage } from "./flagsmith/kit-store";
export { createFlagsmithMemoryStorage } from "./flagsmith/kit-store";
export { metricFromFlagsmithMetric } from "./flagsmith/metrics";
export type { FlagsmithAdaptersOptions } from "./flagsmith/options";
export { FlagsmithConfigurationError } from "./flagsmith/options";
export { flagsmithRolloutSegmentExperimentId } from "./flagsmith/segments";
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
  ConcludeOptions,
  ConnectionCheck,
  ExposureSummaryRequest,
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
  ExperimentForSql,
  MetricStatsQueryOptions,
  SqlStatement,
  SqlTableOptions,
} from "./metric-stats-sql";
export {
  buildConnectionCheckQuery,
  buildExposureSummaryQuery,
  buildMetricStatsQuery,
  WarehouseRequestError,
} from "./metric-stats-sql";
export type { Segment, SegmentOverride } from "./segment";
export { segmentOverrideSchema, segmentSchema, segmentsForFlag } from "./segment";
export type { SqlDialectName } from "./sql-dialect";
export { NUMERIC_TEXT_PATTERN, SQL_DIALECTS, SQL_IDENTIFIER_PATTERN, SqlIdentifierError } from "./sql-dialect";
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
export { uniqueIdListSchema } from "./unique-ids";
export { warehouseErrorKind } from "./warehouse-error";
export type { ExperimentWindowInput, FlagsmithEvent, WarehouseEvent } from "./warehouse-event";
export { datesBetween, EXPOSURE_EVENT_NAME, ExperimentWindowError, experimentWindow } from "./warehouse-event";
