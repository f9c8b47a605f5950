import type { MetricAnalysis } from "@flagsmith-experimentation/stats-core";
import { leadingTreatment, orderMetrics } from "./analysis-view";

export type ComparisonSortKey = "metric" | "lift" | "significance";
export type SortDirection = "ascending" | "descending";
export interface ComparisonSort {
  key: ComparisonSortKey;
  direction: SortDirection;
}

function liftValue(metric: MetricAnalysis): number | undefined {
  const lift = leadingTreatment(metric)?.lift;
  return lift ? lift.estimate : undefined;
}

/** Evidence strength on one scale for both engines: chance to win, or 1 − (adjusted) p-value. */
function significanceValue(metric: MetricAnalysis): number | undefined {
  const lift = leadingTreatment(metric)?.lift;
  if (!lift) return undefined;
  if (lift.chanceToWin !== null) return Math.max(lift.chanceToWin, 1 - lift.chanceToWin);
  const p = lift.adjustedPValue ?? lift.pValue;
  return p === null ? undefined : 1 - p;
}

/**
 * Rows in display order: primary metrics always first (they decide the experiment), then the rest.
 * Within each group, by the chosen column; rows without a value go last whatever the direction.
 */
export function sortComparisonRows(metrics: readonly MetricAnalysis[], sort: ComparisonSort | null): MetricAnalysis[] {
  const ordered = orderMetrics(metrics);
  if (!sort) return ordered;
  const sign = sort.direction === "ascending" ? 1 : -1;
  const group = (metric: MetricAnalysis) => (metric.role === "primary" ? 0 : 1);
  const value = (metric: MetricAnalysis) =>
    sort.key === "lift" ? liftValue(metric) : sort.key === "significance" ? significanceValue(metric) : undefined;
  return ordered
    .map((metric, index) => ({ metric, index }))
    .sort((a, b) => {
      const byGroup = group(a.metric) - group(b.metric);
      if (byGroup !== 0) return byGroup;
      if (sort.key === "metric") return sign * a.metric.name.localeCompare(b.metric.name) || a.index - b.index;
      const va = value(a.metric);
      const vb = value(b.metric);
      if (va === undefined && vb === undefined) return a.index - b.index;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return sign * (va - vb) || a.index - b.index;
    })
    .map(({ metric }) => metric);
}
