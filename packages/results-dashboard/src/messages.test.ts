import { formatMessage } from "@flagsmith-experimentation/ui";
import { describe, expect, it } from "vitest";
import { defaultMessages, resolveMessages } from "./messages";

describe("messages", () => {
  it("fills placeholders and drops missing ones", () => {
    expect(formatMessage("{lift} lift", { lift: "+4.2%" })).toBe("+4.2% lift");
    expect(formatMessage("{a} and {b}", { a: "x" })).toBe("x and ");
  });

  it("merges overrides over the defaults and ignores empty strings", () => {
    const messages = resolveMessages({ retry: "Nochmal", refresh: "" });
    expect(messages.retry).toBe("Nochmal");
    expect(messages.refresh).toBe(defaultMessages.refresh);
  });
});
