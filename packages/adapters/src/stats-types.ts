// The sufficient-statistics types are defined in stats-core (which imports nothing) and re-exported here (docs/architecture.md).
export type {
  CovariateStats,
  MeanStats,
  MetricStatsRow,
  ProportionStats,
  RatioStats,
  SufficientStats,
} from "@flagsmith-experimentation/stats-core";
