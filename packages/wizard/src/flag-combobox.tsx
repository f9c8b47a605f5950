import { type Flag, flagIneligibility } from "@flagsmith-experimentation/adapters";
import { describedBy } from "@flagsmith-experimentation/ui";
import { type KeyboardEvent, type Ref, useEffect, useId, useRef, useState } from "react";
import type { WizardMessages } from "./messages";
import { useWizardText } from "./wizard-text";

/** Every option is this tall (styles.css sets the same height), so the list renders only the rows in view. */
export const FLAG_OPTION_HEIGHT_PX = 48;
/** Rows rendered above and below the visible ones, so scrolling and arrow keys never show a gap. */
const OVERSCAN = 8;
/** Rows visible in the popup before it scrolls (its max height); the rendered window never has fewer. */
const VISIBLE_ROWS = 6;

function optionDetail(flag: Flag, messages: WizardMessages, count: (n: number) => string): string {
  const reason = flagIneligibility(flag);
  if (!reason) return messages.flagOptionVariations(count(flag.variations.length));
  if (reason.reason === "active-experiment") return messages.flagOptionHeld;
  if (reason.reason === "unkeyed-options") return messages.flagOptionUnkeyed;
  return messages.flagOptionIneligible;
}

/**
 * A searchable flag picker (ARIA 1.2 combobox with a list popup): typing searches, arrow keys move through the
 * options, Enter picks, Escape closes. Flags that cannot get an experiment are listed but disabled; picking one calls
 * `onReject` so the wizard can say why. The popup is virtualised: with 10,000 flags it renders the few dozen rows
 * around what is in view (each option carries `aria-setsize`/`aria-posinset`), so opening it and typing stay fast.
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
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const listboxId = `${id}-listbox`;
  const showList = open && flags.length > 0;
  const activeFlag = showList ? flags[active] : undefined;

  // The rendered window: the rows in view plus some overscan, always including the active option.
  const firstInView = Math.floor(scrollTop / FLAG_OPTION_HEIGHT_PX);
  const start = Math.max(0, Math.min(firstInView - OVERSCAN, flags.length - VISIBLE_ROWS - 2 * OVERSCAN));
  const end = Math.min(flags.length, Math.max(start, 0) + VISIBLE_ROWS + 2 * OVERSCAN);

  // Keep the active option in view (and so rendered: aria-activedescendant must point at an element).
  useEffect(() => {
    const list = listRef.current;
    if (!list || active < 0) return;
    const top = active * FLAG_OPTION_HEIGHT_PX;
    const visible = list.clientHeight || VISIBLE_ROWS * FLAG_OPTION_HEIGHT_PX;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + FLAG_OPTION_HEIGHT_PX > list.scrollTop + visible) {
      list.scrollTop = top + FLAG_OPTION_HEIGHT_PX - visible;
    }
    setScrollTop(list.scrollTop);
  }, [active]);

  const close = () => {
    setOpen(false);
    setActive(-1);
    setScrollTop(0);
  };

  const choose = (flag: Flag) => {
    close();
    if (flagIneligibility(flag)) {
      onReject(flag);
    } else {
      setTyping(false);
      onSelect(flag);
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
          close();
        }
        break;
    }
  };

  const value = typing ? search : (selected?.name ?? search);
  const rows = showList ? flags.slice(Math.max(start, 0), end) : [];
  const offset = Math.max(start, 0);

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
          setScrollTop(0);
          if (listRef.current) listRef.current.scrollTop = 0;
          onSearchChange(event.target.value);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          if (selected) setTyping(false);
        }}
      />
      <p id={`${id}-hint`} className="fx-hint">
        {messages.flagSearchHint}
      </p>
      {showList ? (
        <div
          id={listboxId}
          ref={listRef}
          role="listbox"
          aria-labelledby={`${id}-label`}
          className="fx-wizard-listbox"
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div aria-hidden="true" style={{ height: offset * FLAG_OPTION_HEIGHT_PX }} />
          {rows.map((flag, row) => {
            const index = offset + row;
            const eligible = flagIneligibility(flag) === null;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives options from the combobox input (aria-activedescendant)
              // biome-ignore lint/a11y/useFocusableInteractive: options are never focused themselves (aria-activedescendant)
              <div
                key={flag.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={selected?.id === flag.id}
                aria-disabled={eligible ? undefined : true}
                aria-setsize={flags.length}
                aria-posinset={index + 1}
                aria-describedby={`${id}-option-${index}-detail`}
                data-active={index === active || undefined}
                className="fx-wizard-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(flag)}
              >
                <span className="fx-wizard-option-name">{flag.name}</span>
                <span id={`${id}-option-${index}-detail`} className="fx-wizard-option-detail" aria-hidden="true">
                  {optionDetail(flag, messages, count)}
                </span>
              </div>
            );
          })}
          <div aria-hidden="true" style={{ height: (flags.length - end) * FLAG_OPTION_HEIGHT_PX }} />
        </div>
      ) : null}
    </div>
  );
}
