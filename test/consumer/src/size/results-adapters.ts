import { createSqlWarehouse, guardMetricsAdapter, guardWarehouseAdapter } from "@flagsmith-experimentation/adapters";
import { metricsAdapter, persistence } from "./host-adapters";

/** The results adapters as the results-dashboard README shows them: the kit writes the SQL, the host's backend runs it. */
export const resultsAdapters = {
  persistence,
  metrics: guardMetricsAdapter(metricsAdapter),
  warehouse: guardWarehouseAdapter(
    createSqlWarehouse({
      dialect: "postgres",
      query: (sql, params) =>
        fetch("/api/warehouse/query", { method: "POST", body: JSON.stringify({ sql, params }) }).then((r) => r.json()),
    }),
  ),
};
