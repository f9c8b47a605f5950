import { type ReactNode, useId, useState } from "react";
import type { ResultsMessages } from "./messages";

export interface ShowMathsProps {
  /** What the figure is, e.g. "Lift vs. control"; completes the button's accessible name. */
  subject: string;
  messages: ResultsMessages;
  children: ReactNode;
}

/** A disclosure that reveals a figure's inputs and method. */
export function ShowMaths({ subject, messages, children }: ShowMathsProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="fx-maths" data-state={open ? "open" : "closed"}>
      <button
        type="button"
        className="fx-link-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? messages.hideMaths : messages.showMaths}
        <span className="fx-visually-hidden">: {subject}</span>
      </button>
      <div id={panelId} className="fx-maths-panel" hidden={!open}>
        {open ? children : null}
      </div>
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
