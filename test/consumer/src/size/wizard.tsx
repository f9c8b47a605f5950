import { ExperimentWizard } from "@flagsmith-experimentation/wizard";
import "@flagsmith-experimentation/wizard/styles.css";
import { createRoot } from "react-dom/client";
import { flagsAdapter, metricsAdapter, persistence, segmentsAdapter } from "./host-adapters";

/** Size variant "wizard only": what a host ships to embed the experiment wizard. */
createRoot(document.getElementById("root") as HTMLElement).render(
  <ExperimentWizard
    adapters={{ flags: flagsAdapter, segments: segmentsAdapter, metrics: metricsAdapter, persistence }}
  />,
);
