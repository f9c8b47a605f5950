import { ExperimentResults } from "@flagsmith-experimentation/results-dashboard";
import "@flagsmith-experimentation/results-dashboard/styles.css";
import { createRoot } from "react-dom/client";
import { resultsAdapters } from "./results-adapters";

/** Size variant "results only": a portal showing one experiment's results from its own warehouse. */
createRoot(document.getElementById("root") as HTMLElement).render(
  <ExperimentResults experimentId="exp-1" adapters={resultsAdapters} />,
);
