import { type ReactNode, useId, useState } from "react";
import type { ResultsPageMessages } from "./messages";

export interface MathsToggleProps {
  /** What the figure is, e.g. "Lift vs. control"; completes the button's accessible name. */
  subject: string;
  messages: Pick<ResultsPageMessages, "showMaths" | "hideMaths">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The id of the panel the button shows and hides. */
  panelId: string;
}

/** The "Show the maths" button, for a panel placed elsewhere (the comparison table puts it in a full-width row). */
export function MathsToggle({ subject, messages, open, onOpenChange, panelId }: MathsToggleProps) {
  return (
    <button
      type="button"
      className="fx-link-button fx-maths-toggle"
      aria-expanded={open}
      aria-controls={panelId}
      // The visible words first, then what they are about: "Show the maths: Checkout conversion".
      aria-label={`${open ? messages.hideMaths : messages.showMaths}: ${subject}`}
      onClick={() => onOpenChange(!open)}
    >
      {open ? messages.hideMaths : messages.showMaths}
    </button>
  );
}

/** The panel of a "Show the maths" disclosure: its children render only while open. */
export function MathsPanel({ id, open, children }: { id: string; open: boolean; children: ReactNode }) {
  return (
    <div id={id} className="fx-maths-panel" hidden={!open}>
      {open ? children : null}
    </div>
  );
}

export interface ShowMathsProps {
  /** What the figure is, e.g. "Lift vs. control"; completes the button's accessible name. */
  subject: string;
  messages: Pick<ResultsPageMessages, "showMaths" | "hideMaths">;
  children: ReactNode;
}

/** A disclosure that reveals a figure's inputs and method, right below its button. */
export function ShowMaths({ subject, messages, children }: ShowMathsProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="fx-maths" data-state={open ? "open" : "closed"}>
      <MathsToggle subject={subject} messages={messages} open={open} onOpenChange={setOpen} panelId={panelId} />
      <MathsPanel id={panelId} open={open}>
        {children}
      </MathsPanel>
    </div>
  );
}

/** A small definition list of named figures inside "show the maths". */
export function MathsList({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <dl className="fx-maths-list">
      {items.map(([term, value]) => (
        <div key={term} className="fx-maths-item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
