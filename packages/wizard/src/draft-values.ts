import {
  DEFAULT_MINIMUM_DETECTABLE_EFFECT,
  type Experiment,
  type ExperimentDraft,
  type ExperimentPlan,
} from "@flagsmith-experimentation/adapters";
import { addDays, DEFAULT_DURATION_DAYS, defaultDates, isIsoDate } from "./dates";
import type { WizardValues } from "./steps";
import { alignWeights, isUsableWeight } from "./weights";

/** What a host may prefill (`defaultValues`): any configuration field of a draft. */
export type WizardDefaultValues = Omit<ExperimentDraft, "id" | "revision">;

/** The configuration fields of a draft, without its id and revision: what one save sends. */
export type DraftFields = Omit<ExperimentDraft, "id" | "revision">;

/**
 * The form's starting values: empty fields, the default dates (today, today + 14 days), all identities at a 100 %
 * rollout and a +5 % detectable lift; then the host's `defaultValues`; then a saved draft (which holds the user's
 * latest work and wins).
 */
export function initialWizardValues(
  today: Date,
  defaultValues: WizardDefaultValues | undefined,
  saved?: Partial<Experiment>,
): WizardValues {
  const dates = defaultDates(today);
  const pick = <K extends keyof WizardValues>(field: K, fallback: WizardValues[K]): WizardValues[K] => {
    const fromSaved = (saved as Partial<Record<K, unknown>> | undefined)?.[field];
    if (fromSaved !== undefined && fromSaved !== "") return fromSaved as WizardValues[K];
    const fromDefaults = (defaultValues as Partial<Record<K, unknown>> | undefined)?.[field];
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
    flagName: pick("flagName", ""),
    variations,
    metrics: pick("metrics", []),
    // `null` (all identities) is a choice, not a missing value; "" (an older draft's "none yet") means all identities.
    segmentId: (saved?.segmentId !== undefined ? saved.segmentId : defaultValues?.segmentId) || null,
    rolloutPercentage: pick("rolloutPercentage", 100),
    weights:
      variations.length > 0
        ? alignWeights(
            variations.map((v) => v.key),
            weights,
          )
        : weights,
    minimumDetectableEffect:
      saved?.plan?.minimumDetectableEffect ??
      defaultValues?.plan?.minimumDetectableEffect ??
      DEFAULT_MINIMUM_DETECTABLE_EFFECT,
  };
}

/** Just the configuration fields (everything a user sets) of form values or an experiment. */
export function configurationOf(source: WizardValues | Experiment): WizardValues {
  const { name, hypothesis, startDate, endDate, flagId, flagName, variations, metrics, segmentId, weights } = source;
  return {
    name,
    hypothesis,
    startDate,
    endDate,
    flagId,
    flagName,
    variations,
    metrics,
    segmentId: segmentId || null,
    rolloutPercentage: source.rolloutPercentage,
    weights,
    minimumDetectableEffect:
      "minimumDetectableEffect" in source
        ? source.minimumDetectableEffect
        : (source.plan?.minimumDetectableEffect ?? DEFAULT_MINIMUM_DETECTABLE_EFFECT),
  };
}

const isNumberIn = (value: number, min: number, max: number) => Number.isFinite(value) && value >= min && value <= max;

/**
 * What one save sends to `persistence.saveDraft`: every configuration field, the environment and the plan. Values the
 * user is still fixing (an empty or out-of-range weight, a rollout of 0, a detectable lift that is not positive) are
 * left out: the stored draft keeps its last usable value while the form keeps what was typed.
 */
export function toDraftFields(
  values: WizardValues,
  extras: { environmentKey: string; plan: ExperimentPlan | undefined },
): DraftFields {
  const { weights, rolloutPercentage, minimumDetectableEffect: _target, ...configuration } = values;
  return {
    ...configuration,
    environmentKey: extras.environmentKey,
    ...(Number.isInteger(rolloutPercentage) && isNumberIn(rolloutPercentage, 1, 100) ? { rolloutPercentage } : {}),
    ...(Object.values(weights).every(isUsableWeight) ? { weights } : {}),
    ...(extras.plan ? { plan: extras.plan } : {}),
  };
}

/** The draft fields of a stored experiment, as {@link toDraftFields} would send them. */
export function draftFieldsOf(experiment: Experiment): DraftFields {
  return toDraftFields(configurationOf(experiment), {
    environmentKey: experiment.environmentKey,
    plan: experiment.plan,
  });
}
