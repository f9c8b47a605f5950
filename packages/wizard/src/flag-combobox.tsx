import { type Flag, isFlagEligible } from "@flagsmith-experimentation/adapters";
import { describedBy } from "@flagsmith-experimentation/ui";
import { type KeyboardEvent, type Ref, useId, useState } from "react";
import { useWizardText } from "./wizard-text";

/**
 * A searchable flag picker (ARIA 1.2 combobox with a list popup): typing searches, arrow keys move through
 * the options, Enter picks, Escape closes. Flags without a variation besides control are listed but
 * disabled; picking one calls `onReject` so the wizard can say why.
 */
export function FlagCombobox({
  flags,
  search,
  onSearchChange,
  selected,
  onSelect,
  onReject,
  inputRef,
  invalid,
  describedByIds,
}: {
  flags: readonly Flag[];
  search: string;
  onSearchChange: (search: string) => void;
  selected: Flag | undefined;
  onSelect: (flag: Flag) => void;
  onReject: (flag: Flag) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid: boolean;
  describedByIds?: string | undefined;
}) {
  const { messages, count } = useWizardText();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typing, setTyping] = useState(false);
  const listboxId = `${id}-listbox`;
  const showList = open && flags.length > 0;
  const activeFlag = showList ? flags[active] : undefined;

  const choose = (flag: Flag) => {
    setOpen(false);
    setActive(-1);
    if (isFlagEligible(flag)) {
      setTyping(false);
      onSelect(flag);
    } else {
      onReject(flag);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(index + 1, flags.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (index <= 0 ? flags.length - 1 : index - 1));
        break;
      case "Enter":
        if (showList && activeFlag) {
          event.preventDefault();
          choose(activeFlag);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
    }
  };

  const value = typing ? search : (selected?.name ?? search);

  return (
    <div className="fx-wizard-combobox">
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="fx-wizard-combobox-label">
        {messages.flagLabel}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-labelledby={`${id}-label`}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={showList ? listboxId : undefined}
        aria-activedescendant={activeFlag ? `${id}-option-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(`${id}-hint`, describedByIds)}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          setTyping(true);
          setOpen(true);
          setActive(-1);
          onSearchChange(event.target.value);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          if (selected) setTyping(false);
        }}
      />
      <p id={`${id}-hint`} className="fx-hint">
        {messages.flagSearchHint}
      </p>
      {showList ? (
        <div id={listboxId} role="listbox" aria-labelledby={`${id}-label`} className="fx-wizard-listbox">
          {flags.map((flag, index) => {
            const eligible = isFlagEligible(flag);
            const variationCount = flag.variations.length;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives options from the combobox input (aria-activedescendant)
              // biome-ignore lint/a11y/useFocusableInteractive: options are never focused themselves (aria-activedescendant)
              <div
                key={flag.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={selected?.id === flag.id}
                aria-disabled={eligible ? undefined : true}
                aria-describedby={`${id}-option-${index}-detail`}
                data-active={index === active || undefined}
                className="fx-wizard-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(flag)}
              >
                <span className="fx-wizard-option-name">{flag.name}</span>
                <span id={`${id}-option-${index}-detail`} className="fx-wizard-option-detail" aria-hidden="true">
                  {eligible ? messages.flagOptionVariations(count(variationCount)) : messages.flagOptionIneligible}
                </span>
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
