import { describe, expect, it } from "vitest";
import { createFormatters } from "./format";

const en = createFormatters({ locale: "en-US", notAvailable: "n/a" });

describe("createFormatters", () => {
  it("formats a signed relative lift with one decimal", () => {
    expect(en.lift(0.042)).toBe("+4.2%");
    expect(en.lift(-0.1234)).toBe("-12.3%");
    expect(en.lift(0)).toBe("0.0%");
  });

  it("formats values by the metric's unit", () => {
    expect(en.value(0.1234, "percent")).toBe("12.34%");
    expect(en.value(12.5, "currency")).toBe("$12.50");
    expect(en.value(1234.56, "ms")).toBe("1,234.6 ms");
    expect(en.value(1234.5678, "number")).toBe("1,234.57");
  });

  it("follows the locale", () => {
    const de = createFormatters({ locale: "de-DE", currency: "EUR", notAvailable: "k. A." });
    expect(de.value(1234.5, "currency")).toBe("1.234,50\u00a0€");
    expect(de.lift(0.042)).toBe("+4,2\u00a0%");
  });

  it("never prints NaN, Infinity or undefined", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, undefined, null]) {
      expect(en.lift(bad)).toBe("n/a");
      expect(en.value(bad, "ms")).toBe("n/a");
      expect(en.probability(bad)).toBe("n/a");
      expect(en.pValue(bad)).toBe("n/a");
      expect(en.count(bad)).toBe("n/a");
    }
    expect(en.date("not a date")).toBe("n/a");
  });

  it("floors tiny p-values and formats probabilities and dates", () => {
    expect(en.pValue(0.00001)).toBe("< 0.001");
    expect(en.pValue(0.0412)).toBe("0.041");
    expect(en.probability(0.953)).toBe("95.3%");
    expect(en.probability(0.99999)).toBe("> 99.9%");
    expect(en.probability(0.0000001)).toBe("< 0.1%");
    expect(en.probability(1)).toBe("100.0%");
    expect(en.date("2026-03-01")).toBe("Mar 1, 2026");
    expect(en.days(3.2)).toBe("4 days");
  });

  it("falls back when the currency code is unknown", () => {
    const odd = createFormatters({ locale: "en-US", currency: "not-a-code", notAvailable: "n/a" });
    expect(odd.value(2, "currency")).toBe("$2.00");
  });
});
