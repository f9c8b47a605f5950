export type { ComparisonSort, ComparisonSortKey, SortDirection } from "./comparison-sort";
export { decisionEvidence } from "./decision-evidence";
export type { ExperimentActionsPersistence, ExperimentActionsProps } from "./experiment-actions";
export { draftFromExperiment, ExperimentActions } from "./experiment-actions";
export type { ExperimentConfigurationProps } from "./experiment-configuration";
export { ExperimentConfiguration } from "./experiment-configuration";
export type { ExperimentListFilter, ExperimentListProps, ExperimentListSort } from "./experiment-list";
export { ExperimentList } from "./experiment-list";
export type { ExperimentResultsProps } from "./experiment-results";
export { ExperimentResults } from "./experiment-results";
export { analysisToCsv, analysisToJson } from "./export-analysis";
export type { HealthBannerProps } from "./health-banner";
export { HealthBanner } from "./health-banner";
export type { LoadedResults, ResultsAdapters } from "./load-results";
export { loadResults } from "./load-results";
export type { ResultsMessages } from "./messages";
export { defaultMessages } from "./messages";
export type { MetricsComparisonTableProps } from "./metrics-comparison-table";
export { MetricsComparisonTable } from "./metrics-comparison-table";
export type { RecommendationCalloutProps } from "./recommendation-callout";
export { RecommendationCallout } from "./recommendation-callout";
export type { ResultsDashboardProps } from "./results-dashboard";
export { ResultsDashboard } from "./results-dashboard";
export type { SummaryCardsProps } from "./summary-cards";
export { SummaryCards } from "./summary-cards";
export type { TrendChartProps } from "./trend-chart";
export { TrendChart } from "./trend-chart";
export type { TrendView } from "./trend-series";
export type { LocaleTextProps } from "./use-locale-text";
export type { WarehouseConnectionFormProps } from "./warehouse-connection-form";
export { WarehouseConnectionForm } from "./warehouse-connection-form";
export type {
  SavedWarehouseConnection,
  WarehouseConnection,
  WarehouseConnectionFormValues,
  WarehouseType,
} from "./warehouse-connection-schema";
export { createWarehouseConnectionSchema } from "./warehouse-connection-schema";
