import { ExperimentResults } from "@flagsmith-experimentation/results-dashboard";
import { ExperimentWizard } from "@flagsmith-experimentation/wizard";
import "@flagsmith-experimentation/wizard/styles.css";
import "@flagsmith-experimentation/results-dashboard/styles.css";
import { createRoot } from "react-dom/client";
import { flagsAdapter, metricsAdapter, persistence, segmentsAdapter } from "./host-adapters";
import { resultsAdapters } from "./results-adapters";

/** Size variant "both": the wizard and the results of an experiment in one app. */
createRoot(document.getElementById("root") as HTMLElement).render(
  <>
    <ExperimentWizard
      adapters={{ flags: flagsAdapter, segments: segmentsAdapter, metrics: metricsAdapter, persistence }}
    />
    <ExperimentResults experimentId="exp-1" adapters={resultsAdapters} />
  </>,
);
