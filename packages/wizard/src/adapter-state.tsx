import { type AsyncQuery, Button, Callout } from "@flagsmith-experimentation/ui";
import type { ReactNode } from "react";
import { useWizardText } from "./wizard-text";

/** "Loading flags…", announced politely. */
export function Loading({ resource }: { resource: string }) {
  const { messages } = useWizardText();
  return (
    <p className="fx-loading" role="status">
      {messages.loadingResource(resource)}
    </p>
  );
}

/** A failed adapter call: what went wrong, in words, and "Retry". */
export function LoadError({ resource, error, onRetry }: { resource: string; error: unknown; onRetry: () => void }) {
  const text = useWizardText();
  return (
    <Callout tone="danger" role="alert">
      <p>{text.messages.loadFailed(resource, text.error(error))}</p>
      <Button onClick={onRetry}>{text.messages.retry}</Button>
    </Callout>
  );
}

/** An adapter call still loading ("Loading flags…") or failed (with "Retry"); nothing once it has answered. */
export function QueryNotice({ query, resource }: { query: AsyncQuery<unknown>; resource: string }) {
  return query.status === "error" ? (
    <LoadError resource={resource} error={query.error} onRetry={() => void query.retry()} />
  ) : query.status === "loading" ? (
    <Loading resource={resource} />
  ) : null;
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
  query: AsyncQuery<T>;
  /** What is being loaded, for the messages ("flags", "segments"). */
  resource: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.status === "error") return <QueryNotice query={query} resource={resource} />;
  if (query.status !== "success") return <Loading resource={resource} />;
  if (isEmpty?.(query.data)) {
    return (
      <p className="fx-empty" role="status">
        {empty}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
