import type { ExperimentStatus } from "@flagsmith-experimentation/adapters";
import type { ResultsMessages } from "./messages";

function statusLabel(status: ExperimentStatus, m: ResultsMessages): string {
  switch (status) {
    case "draft":
      return m.statusDraft;
    case "scheduled":
      return m.statusScheduled;
    case "running":
      return m.statusRunning;
    case "paused":
      return m.statusPaused;
    case "stopped":
      return m.statusStopped;
    case "concluded":
      return m.statusConcluded;
  }
}

/** A status badge; `data-status` carries the state for styling. */
export function StatusBadge({ status, messages }: { status: ExperimentStatus; messages: ResultsMessages }) {
  return (
    <span className="fx-badge fx-status" data-status={status}>
      {statusLabel(status, messages)}
    </span>
  );
}
