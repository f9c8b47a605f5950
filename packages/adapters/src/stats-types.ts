// The sufficient-statistics types are defined in stats-core (which imports nothing) and re-exported here (SPEC §4).
export type {
  CovariateStats,
  MeanStats,
  MetricStatsRow,
  ProportionStats,
  RatioStats,
  SufficientStats,
} from "@flagsmith-experimentation/stats-core";
