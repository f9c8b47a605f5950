import { AdapterError } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { defaultErrorMessages, errorKind, errorMessage, isRetryable, ReadableError } from "./error-message";
import { createFormatters } from "./format";

const format = createFormatters({ locale: "en-US", notAvailable: "n/a" });
const say = (error: unknown, fallback?: string) => errorMessage(error, defaultErrorMessages, format, fallback);

/** An adapter error as domain v2 describes it: a kind plus optional fields, whatever class carries them. */
function adapterError(kind: string, fields: Record<string, unknown> = {}) {
  return Object.assign(new Error(""), { name: "AdapterError", kind, ...fields });
}

describe("errorMessage", () => {
  it("gives each kind of adapter failure its own words", () => {
    expect(say(new AdapterError("network"))).toBe(defaultErrorMessages.errorNetwork);
    expect(say(new AdapterError("timeout"))).toBe(defaultErrorMessages.errorTimeout);
    expect(say(new AdapterError("invalid-response"))).toBe(defaultErrorMessages.errorInvalidResponse);
    expect(say(adapterError("server"))).toBe(defaultErrorMessages.errorServer);
    expect(say(adapterError("query"))).toBe(defaultErrorMessages.errorQuery);
    expect(say(adapterError("rate-limited"))).toBe(defaultErrorMessages.errorRateLimited);
  });

  it("uses the host's translation of a kind", () => {
    const messages = { ...defaultErrorMessages, errorTimeout: "Zeitüberschreitung." };
    expect(errorMessage(new AdapterError("timeout"), messages, format)).toBe("Zeitüberschreitung.");
  });

  it("keeps a message an adapter wrote for people", () => {
    expect(say(new AdapterError("conflict", "Someone launched this flag's experiment a minute ago."))).toBe(
      "Someone launched this flag's experiment a minute ago.",
    );
  });

  it("says when to retry after a rate limit", () => {
    expect(say(adapterError("rate-limited", { retryAfterSeconds: 29.2 }))).toBe(
      "Too many requests at once. Try again in 30 seconds.",
    );
  });

  it("adds the server's detail, Flagsmith's field errors and the conflicting experiment", () => {
    expect(say(adapterError("server", { detail: "Database unavailable." }))).toBe(
      `${defaultErrorMessages.errorServer} Database unavailable.`,
    );
    expect(
      say(
        adapterError("invalid-request", {
          fieldErrors: { name: ["This field may not be blank."], non_field_errors: ["Dates overlap."] },
        }),
      ),
    ).toBe(`${defaultErrorMessages.errorInvalidRequest} name: This field may not be blank.; Dates overlap.`);
    expect(say(adapterError("conflict", { conflict: { experimentName: "Checkout colour" } }))).toBe(
      `${defaultErrorMessages.errorConflict} It conflicts with “Checkout colour”.`,
    );
  });

  it("shows a readable error's message and hides everything else behind the fallback", () => {
    expect(say(new ReadableError("The warehouse sent rows we cannot read."))).toBe(
      "The warehouse sent rows we cannot read.",
    );
    expect(say(new TypeError("Cannot read properties of undefined (reading 'n')"))).toBe(
      defaultErrorMessages.errorUnknown,
    );
    expect(say("boom", "Results could not be loaded.")).toBe("Results could not be loaded.");
    expect(say(adapterError("something-new"))).toBe(defaultErrorMessages.errorUnknown);
    // A kind that is a property every object inherits is still not a kind.
    for (const inherited of ["toString", "constructor", "__proto__"]) {
      expect(say(adapterError(inherited))).toBe(defaultErrorMessages.errorUnknown);
    }
    expect(say(null)).toBe(defaultErrorMessages.errorUnknown);
  });
});

describe("errorKind and isRetryable", () => {
  it("reads the kind of anything that carries one", () => {
    expect(errorKind(new AdapterError("not-found"))).toBe("not-found");
    expect(errorKind({ kind: 3 })).toBeUndefined();
    expect(errorKind(undefined)).toBeUndefined();
  });

  it("offers Retry only where retrying can help", () => {
    for (const kind of ["network", "timeout", "rate-limited", "server"])
      expect(isRetryable(adapterError(kind))).toBe(true);
    for (const kind of ["invalid-response", "not-found", "conflict", "unauthorized", "invalid-request", "query"]) {
      expect(isRetryable(adapterError(kind))).toBe(false);
    }
  });
});
