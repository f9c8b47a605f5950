import type { Experiment, MetricDefinition, Segment } from "@flagsmith-experimentation/adapters";
import { Button, Callout } from "@flagsmith-experimentation/ui";
import { useId } from "react";
import { type ComparedField, changedFields } from "./draft-differences";
import { configurationOf } from "./draft-values";
import { roleLabel, type TextKey } from "./messages";
import { audienceName, nameOf } from "./names";
import type { WizardValues } from "./steps";
import { useWizardText, type WizardText } from "./wizard-text";

/** The label of each compared field: the words the steps and the summary use for it. */
const FIELD_LABELS: Record<ComparedField, TextKey> = {
  name: "summaryName",
  hypothesis: "summaryHypothesis",
  startDate: "startDateLabel",
  endDate: "endDateLabel",
  flagId: "summaryFlag",
  variations: "summaryVariations",
  metrics: "stepMetrics",
  segmentId: "summarySegment",
  rolloutPercentage: "summaryRollout",
  weights: "summaryWeights",
  minimumDetectableEffect: "detectableEffectLabel",
};

function fieldText(
  field: ComparedField,
  values: WizardValues,
  text: WizardText,
  names: { metrics: readonly MetricDefinition[] | undefined; segments: readonly Segment[] | undefined },
): string {
  const { messages } = text;
  switch (field) {
    case "name":
    case "hypothesis":
      return values[field].trim() || messages.summaryNone;
    case "startDate":
    case "endDate":
      return values[field] === "" ? messages.summaryNone : text.date(values[field]);
    case "flagId":
      return values.flagName || values.flagId || messages.summaryNone;
    case "variations":
      return values.variations.map((v) => v.name).join(", ") || messages.summaryNone;
    case "metrics":
      return (
        values.metrics.map((m) => `${nameOf(names.metrics, m.metricId)} (${roleLabel(m.role, messages)})`).join(", ") ||
        messages.summaryNone
      );
    case "segmentId":
      return audienceName(values.segmentId, names.segments, messages);
    case "rolloutPercentage":
      return text.share(values.rolloutPercentage);
    case "weights":
      return values.variations.map((v) => `${v.name} ${text.share(values.weights[v.key])}`).join(", ");
    case "minimumDetectableEffect":
      return text.percent(values.minimumDetectableEffect);
  }
}

/**
 * The stored draft changed somewhere else: what changed (a table "What changed": field, yours, saved) and the two
 * ways on — keep my changes (saved over the stored revision) or use the saved version. Either way the user reviews
 * again before anything launches. A draft that was launched elsewhere can only be taken as it is.
 */
export function ConflictPanel({
  current,
  mine,
  intro,
  metrics,
  segments,
  onKeepMine,
  onUseTheirs,
}: {
  current: Experiment;
  mine: WizardValues;
  intro: string;
  metrics: readonly MetricDefinition[] | undefined;
  segments: readonly Segment[] | undefined;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const text = useWizardText();
  const { messages } = text;
  const id = useId();
  const theirs = configurationOf(current);
  const fields = changedFields(mine, theirs);
  const names = { metrics, segments };
  const launchedElsewhere = current.status !== "draft";
  return (
    <Callout tone="danger" role="alert" className="fx-wizard-conflict">
      <p>{launchedElsewhere ? messages.conflictLaunchedElsewhere(current.name) : intro}</p>
      {fields.length > 0 ? (
        <div className="fx-table-scroll">
          <table aria-labelledby={`${id}-caption`} className="fx-wizard-conflict-table">
            <caption id={`${id}-caption`}>{messages.conflictTable}</caption>
            <thead>
              <tr>
                <th scope="col">{messages.conflictField}</th>
                <th scope="col">{messages.conflictMine}</th>
                <th scope="col">{messages.conflictTheirs}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{messages[FIELD_LABELS[field]]}</th>
                  <td>{fieldText(field, mine, text, names)}</td>
                  <td>{fieldText(field, theirs, text, names)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{messages.conflictSame}</p>
      )}
      <div className="fx-wizard-actions">
        {launchedElsewhere ? null : <Button onClick={onKeepMine}>{messages.keepMine}</Button>}
        <Button variant="primary" onClick={onUseTheirs}>
          {messages.useTheirs}
        </Button>
      </div>
    </Callout>
  );
}
