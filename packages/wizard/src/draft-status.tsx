import { Button, Callout } from "@flagsmith-experimentation/ui";
import type { DraftSaveState } from "./use-draft-autosave";
import { useWizardText } from "./wizard-text";

/** "Saving draft…", "Draft saved", or why the save failed with "Retry" (announced politely). */
export function DraftStatus({ state, onRetry }: { state: DraftSaveState; onRetry: () => void }) {
  const text = useWizardText();
  const { messages } = text;
  return (
    <div className="fx-wizard-draft" aria-live="polite">
      {state.status === "saving" ? <p className="fx-muted">{messages.draftSaving}</p> : null}
      {state.status === "saved" ? <p className="fx-muted">{messages.draftSaved}</p> : null}
      {state.status === "error" ? (
        <Callout tone="warning">
          <p>{messages.draftSaveFailed(text.error(state.error))}</p>
          <Button onClick={onRetry}>{messages.retry}</Button>
        </Callout>
      ) : null}
    </div>
  );
}
