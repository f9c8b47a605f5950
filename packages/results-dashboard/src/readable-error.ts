/**
 * The message to show for a failure. Adapter errors (`AdapterError`, matched by name so this module does not pull
 * the adapters' runtime in) carry text written for people; anything else gets the fallback, never a stack trace
 * or a programmer's message.
 */
export function readableError(error: unknown, fallback: string): string {
  if (error instanceof Error && error.name === "AdapterError" && error.message.trim() !== "") return error.message;
  if (error instanceof ResultsDataError) return error.message;
  return fallback;
}

/** Data from an adapter that does not have the expected shape. */
export class ResultsDataError extends Error {
  override readonly name = "ResultsDataError";
}
