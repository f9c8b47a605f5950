import { type Flag, flagIneligibility } from "@flagsmith-experimentation/adapters";
import type { WizardMessages } from "./messages";
import { SearchCombobox } from "./search-combobox";
import { useWizardText } from "./wizard-text";

function optionDetail(flag: Flag, messages: WizardMessages, count: (n: number) => string): string {
  const reason = flagIneligibility(flag);
  if (!reason) return messages.flagOptionVariations(count(flag.variations.length));
  if (reason.reason === "active-experiment") return messages.flagOptionHeld;
  if (reason.reason === "unkeyed-options") return messages.flagOptionUnkeyed;
  return messages.flagOptionIneligible;
}

/**
 * The flag picker ("Flag"): a searchable, virtualised combobox. Flags that cannot get an experiment are listed but
 * disabled, with the reason as the option's description; picking one calls `onReject` so the wizard can say why.
 */
export function FlagCombobox({
  name,
  flags,
  search,
  onSearchChange,
  selected,
  onSelect,
  onReject,
  invalid,
  describedByIds,
}: {
  /** The input's `name` (the form field it edits). */
  name: string;
  flags: readonly Flag[];
  search: string;
  onSearchChange: (search: string) => void;
  selected: Flag | undefined;
  onSelect: (flag: Flag) => void;
  onReject: (flag: Flag) => void;
  invalid: boolean;
  describedByIds?: string | undefined;
}) {
  const { messages, count } = useWizardText();
  return (
    <SearchCombobox
      items={flags}
      itemKey={(flag) => flag.id}
      itemLabel={(flag) => flag.name}
      itemDetail={(flag) => optionDetail(flag, messages, count)}
      isDisabled={(flag) => flagIneligibility(flag) !== null}
      search={search}
      onSearchChange={onSearchChange}
      selected={selected}
      onSelect={onSelect}
      onReject={onReject}
      label={messages.flagLabel}
      hint={messages.flagSearchHint}
      name={name}
      invalid={invalid}
      describedByIds={describedByIds}
    />
  );
}
