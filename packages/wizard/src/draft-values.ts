import type { Experiment, ExperimentDraft } from "@flagsmith-experimentation/adapters";
import { addDays, DEFAULT_DURATION_DAYS, defaultDates, isIsoDate } from "./dates";
import type { WizardValues } from "./steps";
import { alignWeights, isUsableWeight } from "./weights";

/** What a host may prefill (`defaultValues`): any configuration field of a draft. */
export type WizardDefaultValues = Omit<ExperimentDraft, "id" | "revision">;

/**
 * The form's starting values: empty fields and the default dates (today, today + 14 days), then the
 * host's `defaultValues`, then a saved draft (which holds the user's latest work and wins).
 */
export function initialWizardValues(
  today: Date,
  defaultValues: WizardDefaultValues | undefined,
  saved?: Partial<Experiment>,
): WizardValues {
  const dates = defaultDates(today);
  const pick = <K extends keyof WizardValues>(field: K, fallback: WizardValues[K]): WizardValues[K] => {
    const fromSaved = saved?.[field];
    if (fromSaved !== undefined && fromSaved !== "") return fromSaved as WizardValues[K];
    const fromDefaults = defaultValues?.[field];
    if (fromDefaults !== undefined && fromDefaults !== "") return fromDefaults as WizardValues[K];
    return fallback;
  };
  const startDate = pick("startDate", dates.startDate);
  const variations = pick("variations", []);
  const weights = pick("weights", {});
  return {
    name: pick("name", ""),
    hypothesis: pick("hypothesis", ""),
    startDate,
    endDate: pick("endDate", isIsoDate(startDate) ? addDays(startDate, DEFAULT_DURATION_DAYS) : dates.endDate),
    flagId: pick("flagId", ""),
    variations,
    metrics: pick("metrics", []),
    segmentId: pick("segmentId", "") ?? "",
    weights:
      variations.length > 0
        ? alignWeights(
            variations.map((v) => v.key),
            weights,
          )
        : weights,
  };
}

/** Just the configuration fields (everything a user sets) of form values or an experiment. */
export function configurationOf(source: WizardValues | Experiment): WizardValues {
  const { name, hypothesis, startDate, endDate, flagId, variations, metrics, segmentId, weights } = source;
  return { name, hypothesis, startDate, endDate, flagId, variations, metrics, segmentId: segmentId ?? "", weights };
}

/**
 * The draft sent to `persistence.saveDraft`: every configuration field, plus the id and revision once saved. Weights
 * the user is still fixing (an empty field, 150, 33.5) are not sent: the stored draft keeps its last usable split
 * while the form keeps what was typed.
 */
export function toExperimentDraft(values: WizardValues, saved?: Pick<Experiment, "id" | "revision">): ExperimentDraft {
  const { weights, ...configuration } = configurationOf(values);
  const usable = Object.values(weights).every(isUsableWeight);
  return {
    ...(saved ? { id: saved.id, revision: saved.revision } : {}),
    ...configuration,
    ...(usable ? { weights } : {}),
  };
}
