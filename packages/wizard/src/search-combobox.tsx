import { describedBy } from "@flagsmith-experimentation/ui";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

/** Every option is this tall (styles.css sets the same height), so the list renders only the rows in view. */
export const OPTION_HEIGHT_PX = 48;
/** Rows rendered above and below the visible ones, so scrolling and arrow keys never show a gap. */
const OVERSCAN = 8;
/** Rows visible in the popup before it scrolls (its max height); the rendered window never has fewer. */
const VISIBLE_ROWS = 6;

export interface SearchComboboxProps<T> {
  /** The options to list (already filtered by `search`). */
  items: readonly T[];
  itemKey: (item: T) => string;
  itemLabel: (item: T) => string;
  /** A second line under the label (also the option's description). */
  itemDetail?: ((item: T) => string) | undefined;
  /** Listed but not choosable (`aria-disabled`): choosing one calls `onReject`. */
  isDisabled?: ((item: T) => boolean) | undefined;
  search: string;
  onSearchChange: (search: string) => void;
  selected: T | undefined;
  onSelect: (item: T) => void;
  onReject?: ((item: T) => void) | undefined;
  label: string;
  hint: string;
  /** The input's `name`: the form field it edits (the wizard focuses a field by its name). */
  name: string;
  invalid: boolean;
  describedByIds?: string | undefined;
}

/**
 * A searchable picker (ARIA 1.2 combobox with a list popup): typing searches, arrow keys move through the options,
 * Enter picks, Escape closes. The popup is virtualised: with 10,000 options it renders the few dozen rows around what
 * is in view (each option carries `aria-setsize`/`aria-posinset`), so opening it and typing stay fast.
 */
export function SearchCombobox<T>({
  items,
  itemKey,
  itemLabel,
  itemDetail,
  isDisabled,
  search,
  onSearchChange,
  selected,
  onSelect,
  onReject,
  label,
  hint,
  name,
  invalid,
  describedByIds,
}: SearchComboboxProps<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typing, setTyping] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const listboxId = `${id}-listbox`;
  const showList = open && items.length > 0;
  const activeItem = showList ? items[active] : undefined;

  // The rendered window: the rows in view plus some overscan (the active option is kept in view, so rendered).
  const windowSize = VISIBLE_ROWS + 2 * OVERSCAN;
  const fromScroll = Math.floor(scrollTop / OPTION_HEIGHT_PX) - OVERSCAN;
  // The active option is always inside the window, even when the popup cannot scroll (e.g. unstyled).
  const anchored =
    active >= 0 && (active < fromScroll || active >= fromScroll + windowSize) ? active - OVERSCAN : fromScroll;
  const start = Math.max(0, Math.min(anchored, items.length - windowSize));
  const end = Math.min(items.length, start + windowSize);

  // Keep the active option in view: aria-activedescendant must point at an element that exists.
  useEffect(() => {
    const list = listRef.current;
    if (!list || active < 0) return;
    const top = active * OPTION_HEIGHT_PX;
    const visible = list.clientHeight || VISIBLE_ROWS * OPTION_HEIGHT_PX;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + OPTION_HEIGHT_PX > list.scrollTop + visible) list.scrollTop = top + OPTION_HEIGHT_PX - visible;
    setScrollTop(list.scrollTop);
  }, [active]);

  const close = () => {
    setOpen(false);
    setActive(-1);
    setScrollTop(0);
  };

  const choose = (item: T) => {
    close();
    if (isDisabled?.(item)) {
      onReject?.(item);
    } else {
      setTyping(false);
      onSelect(item);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(index + 1, items.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
        break;
      case "Enter":
        if (showList && activeItem !== undefined) {
          event.preventDefault();
          choose(activeItem);
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

  const value = typing ? search : selected !== undefined ? itemLabel(selected) : search;
  const rows = showList ? items.slice(start, end) : [];
  const selectedKey = selected === undefined ? undefined : itemKey(selected);

  return (
    <div className="fx-wizard-combobox">
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="fx-wizard-combobox-label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        name={name}
        type="text"
        role="combobox"
        aria-labelledby={`${id}-label`}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={showList ? listboxId : undefined}
        aria-activedescendant={activeItem !== undefined ? `${id}-option-${active}` : undefined}
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
          if (selected !== undefined) setTyping(false);
        }}
      />
      <p id={`${id}-hint`} className="fx-hint">
        {hint}
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
          <div aria-hidden="true" style={{ height: start * OPTION_HEIGHT_PX }} />
          {rows.map((item, row) => {
            const index = start + row;
            const key = itemKey(item);
            const detail = itemDetail?.(item);
            const optionId = `${id}-option-${index}`;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives options from the combobox input (aria-activedescendant)
              // biome-ignore lint/a11y/useFocusableInteractive: options are never focused themselves (aria-activedescendant)
              <div
                key={key}
                id={optionId}
                role="option"
                aria-selected={selectedKey === key}
                aria-disabled={isDisabled?.(item) ? true : undefined}
                aria-setsize={items.length}
                aria-posinset={index + 1}
                aria-describedby={detail ? `${optionId}-detail` : undefined}
                data-active={index === active || undefined}
                className="fx-wizard-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(item)}
              >
                <span className="fx-wizard-option-name" title={itemLabel(item)}>
                  {itemLabel(item)}
                </span>
                {detail ? (
                  <span id={`${optionId}-detail`} className="fx-wizard-option-detail" aria-hidden="true">
                    {detail}
                  </span>
                ) : null}
              </div>
            );
          })}
          <div aria-hidden="true" style={{ height: (items.length - end) * OPTION_HEIGHT_PX }} />
        </div>
      ) : null}
    </div>
  );
}
