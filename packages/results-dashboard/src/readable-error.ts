import { ReadableError } from "@flagsmith-experimentation/ui";

/** Data from an adapter that does not have the expected shape (its message is written for people). */
export class ResultsDataError extends ReadableError {
  override name = "ResultsDataError";
}
