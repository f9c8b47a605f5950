import { ResultsDashboard } from "@flagsmith-experimentation/results-dashboard";
import { analyzeExperiment } from "@flagsmith-experimentation/stats-core";
import { ExperimentWizard } from "@flagsmith-experimentation/wizard";
import { useEffect } from "react";
import "@flagsmith-experimentation/wizard/styles.css";
import "@flagsmith-experimentation/results-dashboard/styles.css";
import {
  daily,
  experiment,
  flagsAdapter,
  metrics,
  metricsAdapter,
  persistence,
  segmentsAdapter,
  TODAY,
  totals,
} from "./host-data";

const analysis = analyzeExperiment({
  variations: experiment.variations,
  weights: experiment.weights,
  metrics: metrics.map((metric) => ({ ...metric, role: "primary" as const })),
  totals,
  daily,
});

/** The host page: its own form controls next to both widgets (server-rendered, then hydrated). */
export function App() {
  // For the consumer check: React has committed (after hydration, when the page was server-rendered).
  useEffect(() => {
    document.getElementById("root")?.setAttribute("data-committed", "true");
  }, []);
  return (
    <main>
      <h1>Host portal</h1>
      <label>
        Host search <input type="search" name="host-search" />
      </label>
      <ExperimentWizard
        adapters={{ flags: flagsAdapter, segments: segmentsAdapter, metrics: metricsAdapter, persistence }}
        today={TODAY}
        locale="en-US"
      />
      <ResultsDashboard experiment={experiment} analysis={analysis} metrics={metrics} locale="en-US" />
    </main>
  );
}
