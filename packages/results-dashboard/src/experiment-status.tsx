import type { ExperimentStatus } from "@flagsmith-experimentation/adapters";
import { messageKey } from "@flagsmith-experimentation/ui";
import type { ResultsPageMessages } from "./messages";

/** A status badge; `data-status` carries the state for styling. */
export function StatusBadge({ status, messages }: { status: ExperimentStatus; messages: ResultsPageMessages }) {
  return (
    <span className="fx-badge fx-status" data-status={status}>
      {messages[messageKey("status", status)]}
    </span>
  );
}
