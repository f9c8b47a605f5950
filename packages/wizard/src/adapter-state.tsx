import type { ReactNode } from "react";
import { type AdapterQuery, errorMessage } from "./use-adapter-query";
import { useWizardText } from "./wizard-text";

/** "Loading flags…", announced politely. */
export function Loading({ resource }: { resource: string }) {
  const { messages } = useWizardText();
  return (
    <p className="fe-wizard__loading" role="status">
      {messages.loadingResource(resource)}
    </p>
  );
}

/** A failed adapter call: the adapter's own message and "Retry". */
export function LoadError({ resource, error, onRetry }: { resource: string; error: unknown; onRetry: () => void }) {
  const { messages } = useWizardText();
  return (
    <div className="fe-wizard__callout" data-tone="danger" role="alert">
      <p>{messages.loadFailed(resource, errorMessage(error, messages))}</p>
      <button type="button" className="fe-wizard__button" data-variant="secondary" onClick={onRetry}>
        {messages.retry}
      </button>
    </div>
  );
}

/**
 * The loading, error and empty states of one adapter call; renders `children` once data has arrived
 * and is not empty.
 */
export function AdapterState<T>({
  query,
  resource,
  isEmpty,
  empty,
  children,
}: {
  query: AdapterQuery<T>;
  /** What is being loaded, for the messages ("flags", "segments"). */
  resource: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.status === "error") {
    return <LoadError resource={resource} error={query.error} onRetry={() => void query.retry()} />;
  }
  if (query.status !== "success") return <Loading resource={resource} />;
  if (isEmpty?.(query.data)) {
    return (
      <p className="fe-wizard__empty" role="status">
        {empty}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
