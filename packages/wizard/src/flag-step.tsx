import { type Experiment, type Flag, type FlagsAdapter, flagIneligibility } from "@flagsmith-experimentation/adapters";
import { type AsyncQuery, Callout, FieldError, useAsyncState } from "@flagsmith-experimentation/ui";
import { useId, useMemo, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Loading, QueryNotice } from "./adapter-state";
import { FlagCombobox } from "./flag-combobox";
import { safeHref } from "./safe-href";
import { ineligibilityMessage } from "./step-schemas";
import type { WizardValues } from "./steps";
import { useDebouncedValue } from "./use-debounced-value";
import { VariationsTable } from "./variations-table";
import { useWizardText } from "./wizard-text";

/** Milliseconds of quiet typing before the flag search asks the adapter. */
const SEARCH_DELAY_MS = 200;

/**
 * Step 2: pick a multivariate flag in the wizard's environment; its variations become control and treatments. A flag
 * that cannot get an experiment (no variation besides control, options without a key, or an experiment already holds
 * it) is listed but not selectable, with the reason; a flag that is off in the environment gets a warning.
 */
export function FlagStep({
  form,
  flagsAdapter,
  adaptersKey,
  getExperiment,
  flagQuery,
  currentFlag,
  onPick,
  flagHref,
}: {
  form: UseFormReturn<WizardValues>;
  flagsAdapter: FlagsAdapter;
  /** Changes when the host replaces its adapters: the flags are listed again. */
  adaptersKey: string;
  /** Looks up the experiment that holds a flag, to name it. */
  getExperiment: (id: string) => Promise<Experiment>;
  /** `getFlag` for the chosen flag (restored drafts). */
  flagQuery: AsyncQuery<Flag>;
  currentFlag: Flag | undefined;
  onPick: (flag: Flag) => void;
  flagHref: ((flag: Flag) => string) | undefined;
}) {
  const { messages } = useWizardText();
  const id = useId();
  const { errors } = form.formState;
  const [flagId, variations] = form.watch(["flagId", "variations"]);
  const [search, setSearch] = useState("");
  const [rejected, setRejected] = useState<Flag | undefined>(undefined);
  const query = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const flagsQuery = useAsyncState(`${adaptersKey}:flags:${query}`, () =>
    flagsAdapter.listFlags(query === "" ? {} : { search: query }),
  );
  // Filter what is on screen right away; the adapter's search (debounced) brings in what is not.
  const needle = search.trim().toLowerCase();
  const data = flagsQuery.data;
  const flags = useMemo(
    () => (data ?? []).filter((flag) => needle === "" || flag.name.toLowerCase().includes(needle)),
    [data, needle],
  );
  const ineligibleCurrent = currentFlag && flagIneligibility(currentFlag) ? currentFlag : undefined;
  const explained = rejected ?? ineligibleCurrent;
  const reason = explained ? flagIneligibility(explained) : null;
  const heldBy = reason?.reason === "active-experiment" ? reason.experimentId : undefined;
  const holder = useAsyncState(heldBy ? `${adaptersKey}:experiment:${heldBy}` : null, () =>
    getExperiment(heldBy ?? ""),
  );
  // Only http(s) and relative links: a host's URL built from flag data must never become a script.
  const explainedHref = explained && flagHref ? safeHref(flagHref(explained)) : undefined;
  const errorId = `${id}-error`;
  const reasonId = `${id}-reason`;
  const flagError = errors.flagId?.message;

  return (
    <div className="fx-wizard-fields">
      <div className="fx-field">
        <FlagCombobox
          name="flagId"
          flags={flags}
          search={search}
          onSearchChange={(text) => {
            setSearch(text);
            setRejected(undefined);
          }}
          selected={currentFlag && currentFlag.id === flagId ? currentFlag : undefined}
          onSelect={(flag) => {
            setRejected(undefined);
            onPick(flag);
          }}
          onReject={setRejected}
          invalid={Boolean(flagError)}
          describedByIds={[flagError ? errorId : "", explained ? reasonId : ""].filter(Boolean).join(" ") || undefined}
        />
        <FieldError id={errorId} message={flagError} />
        {flagsQuery.status === "success" && query === search.trim() && flags.length === 0 ? (
          <p className="fx-empty" role="status">
            {query === "" ? messages.flagsEmpty : messages.flagsNoMatch(query)}
          </p>
        ) : (
          <QueryNotice query={flagsQuery} resource={messages.resourceFlags} />
        )}
      </div>

      {explained && reason ? (
        <Callout id={reasonId} tone="warning" role="alert">
          <p>
            {reason.reason === "no-variations"
              ? messages.flagIneligibleReason(explained.name)
              : ineligibilityMessage(
                  explained,
                  reason,
                  messages,
                  (experimentId) => (holder.data?.id === experimentId && holder.data.name) || undefined,
                )}
          </p>
          {explainedHref && reason.reason !== "active-experiment" ? (
            <a className="fx-link" href={explainedHref}>
              {reason.reason === "no-variations" ? messages.addVariation : messages.fixOptionKeys}
            </a>
          ) : null}
        </Callout>
      ) : null}

      {currentFlag && !explained && currentFlag.enabled === false ? (
        <Callout tone="warning" role="status">
          <p>{messages.flagDisabledWarning(currentFlag.name)}</p>
        </Callout>
      ) : null}

      {flagId === "" ? (
        <p className="fx-hint">{messages.flagPickPrompt}</p>
      ) : currentFlag ? (
        <VariationsTable
          flagName={currentFlag.name}
          variations={variations.length > 0 ? variations : currentFlag.variations}
        />
      ) : flagQuery.status === "error" ? (
        <QueryNotice query={flagQuery} resource={messages.resourceFlag} />
      ) : (
        <Loading resource={messages.resourceFlag} />
      )}
    </div>
  );
}
