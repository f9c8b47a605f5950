import type { Experiment } from "@flagsmith-experimentation/adapters";
import { Callout } from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import { useWizardText } from "./wizard-text";

/** After launch: what happened, and the configuration, read-only. */
export function LaunchedView({
  experiment,
  summary,
  startedEarly,
}: {
  experiment: Experiment;
  summary: ReactNode;
  /** Launched just now and running although its start date is later: the backend starts experiments at launch. */
  startedEarly: boolean;
}) {
  const text = useWizardText();
  const { messages } = text;
  return (
    <div className="fx-wizard-launched" data-status={experiment.status}>
      <Callout tone="success" role="status">
        {experiment.status === "scheduled"
          ? messages.launchedScheduled(experiment.name, text.date(experiment.startDate))
          : startedEarly
            ? // The backend starts experiments at launch (Flagsmith does): the future start is the planned date only.
              messages.launchedStartedNow(experiment.name, text.date(experiment.startDate))
            : messages.launched(experiment.name)}
      </Callout>
      <p className="fx-hint">{messages.readOnlyNote}</p>
      {summary}
    </div>
  );
}
