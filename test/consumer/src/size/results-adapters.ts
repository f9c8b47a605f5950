import { guardMetricsAdapter, guardWarehouseAdapter, type WarehouseAdapter } from "@flagsmith-experimentation/adapters";
import { metricsAdapter, persistence } from "./host-adapters";

/**
 * The results adapters as the results-dashboard README shows them: the metric statistics come from the host's
 * server, which runs the kit's SQL with the warehouse credentials (the browser never sends SQL).
 */
const warehouse: WarehouseAdapter = {
  testConnection: () => fetch("/api/warehouse/check").then((r) => r.json()),
  fetchMetricStats: ({ experiment, metrics, granularity, now }) =>
    fetch(`/api/experiments/${experiment.id}/metric-stats`, {
      method: "POST",
      body: JSON.stringify({ metricIds: metrics.map((metric) => metric.id), granularity, now }),
    }).then((r) => r.json()),
};

export const resultsAdapters = {
  persistence,
  metrics: guardMetricsAdapter(metricsAdapter),
  warehouse: guardWarehouseAdapter(warehouse),
};
