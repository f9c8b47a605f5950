import { describe, expect, it } from "vitest";
import { defaultMessages, resolveMessages, roleLabel, type WizardMessages } from "./messages";

describe("resolveMessages", () => {
  it("uses the defaults without overrides", () => {
    expect(resolveMessages(undefined)).toBe(defaultMessages);
  });

  it("puts the host's strings and functions on top of the defaults", () => {
    const messages = resolveMessages({ next: "Weiter", roleFor: (metric) => `Rolle für ${metric}` });
    expect(messages.next).toBe("Weiter");
    expect(messages.roleFor("Umsatz")).toBe("Rolle für Umsatz");
    expect(messages.back).toBe(defaultMessages.back);
  });

  it("keeps the default for an override that is undefined (never renders or calls undefined)", () => {
    const overrides: Partial<WizardMessages> = { next: undefined, roleFor: undefined };
    const messages = resolveMessages(overrides);
    expect(messages.next).toBe("Next");
    expect(messages.roleFor("Revenue")).toBe("Role for Revenue");
  });
});

describe("roleLabel", () => {
  it("names each role with its (overridable) message", () => {
    const messages = resolveMessages({ roleGuardrail: "Leitplanke" });
    expect((["primary", "secondary", "guardrail"] as const).map((role) => roleLabel(role, messages))).toEqual([
      "Primary",
      "Secondary",
      "Leitplanke",
    ]);
  });
});
