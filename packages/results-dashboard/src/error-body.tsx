import { Button, errorMessage, formatMessage } from "@flagsmith-experimentation/ui";
import { useResultsText } from "./use-locale-text";
import { useRetryCountdown } from "./use-retry-countdown";

/** The failure in words with "Retry", or the countdown to the automatic retry when the server set `Retry-After`. */
export function ErrorBody({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { m, f } = useResultsText();
  const left = useRetryCountdown(error, onRetry);
  return (
    <>
      <p className="fx-field-error" role="alert">
        {errorMessage(error, m, f, m.errorGeneric)}
      </p>
      {left !== undefined ? (
        <p className="fx-muted" role="status">
          {formatMessage(m.retryingIn, { seconds: f.seconds(Math.max(1, left)) })}
        </p>
      ) : null}
      <Button onClick={onRetry}>{m.retry}</Button>
    </>
  );
}
