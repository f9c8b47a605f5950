import { describe, expect, it } from "vitest";
import { createFormatters, safeLocale } from "./format";

const en = createFormatters({ locale: "en-US", notAvailable: "n/a" });

describe("createFormatters", () => {
  it("formats a signed relative lift with one decimal", () => {
    expect(en.lift(0.042)).toBe("+4.2%");
    expect(en.lift(-0.1234)).toBe("-12.3%");
    expect(en.lift(0)).toBe("0.0%");
    expect(en.liftSize(-0.042)).toBe("4.2%");
  });

  it("formats values by the metric's unit", () => {
    expect(en.value(0.1234, "percent")).toBe("12.34%");
    expect(en.value(12.5, "currency")).toBe("$12.50");
    expect(en.value(1234.56, "ms")).toBe("1,235 ms");
    expect(en.value(1234.5678, "number")).toBe("1,234.57");
  });

  it("uses one precision per unit, for values and differences alike", () => {
    expect([en.value(0.08, "percent"), en.value(0.0807, "percent"), en.difference(0.012, "percent")]).toEqual([
      "8.00%",
      "8.07%",
      "+1.20%",
    ]);
    expect([en.value(0.5, "number"), en.value(12, "number"), en.difference(0.4, "number")]).toEqual([
      "0.50",
      "12.00",
      "+0.40",
    ]);
    expect([en.value(812.4, "ms"), en.difference(-35.2, "ms")]).toEqual(["812 ms", "-35 ms"]);
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
    expect(en.dateTime("not a date")).toBe("n/a");
    expect(en.time(undefined)).toBe("n/a");
  });

  it("floors tiny p-values and formats probabilities and dates", () => {
    expect(en.pValue(0.00001)).toBe("< 0.001");
    expect(en.pValue(0.0412)).toBe("0.041");
    expect(en.pValueParts(0.00001)).toEqual({ relation: "<", value: "0.001" });
    expect(en.pValueParts(0.0412)).toEqual({ relation: "=", value: "0.041" });
    expect(en.probability(0.953)).toBe("95.3%");
    expect(en.probability(0.99999)).toBe("> 99.9%");
    expect(en.probability(0.0000001)).toBe("< 0.1%");
    expect(en.probability(1)).toBe("100.0%");
    expect(en.date("2026-03-01")).toBe("Mar 1, 2026");
    expect(en.days(3.2)).toBe("4 days");
  });

  it("reads a unit it does not know (data from outside TypeScript) as a plain number", () => {
    for (const unit of ["furlongs", "constructor", "toString"]) {
      expect(en.value(1.5, unit as never)).toBe("1.50");
      expect(en.difference(1.5, unit as never)).toBe("+1.50");
    }
  });

  it("formats instants given as dates or as text, and nothing else", () => {
    const instant = new Date(Date.UTC(2026, 2, 2, 9, 0, 5));
    expect(en.dateTime(instant)).toBe(en.dateTime(instant.toISOString()));
    expect(en.time(instant)).toMatch(/\d:00:05/);
    expect(en.date("")).toBe("n/a");
    expect(en.dateTime("")).toBe("n/a");
    expect(en.shortDate("2026-03-02")).toBe("Mar 2");
  });

  it("falls back when the currency code is unknown", () => {
    const odd = createFormatters({ locale: "en-US", currency: "not-a-code", notAvailable: "n/a" });
    expect(odd.value(2, "currency")).toBe("$2.00");
  });
});

describe("safeLocale", () => {
  it("accepts POSIX-style tags and canonicalises them", () => {
    expect(safeLocale("en_US")).toBe("en-US");
    expect(safeLocale("de-de")).toBe("de-DE");
    expect(safeLocale(" pt_BR ")).toBe("pt-BR");
  });

  it("turns tags Intl would reject into the runtime default instead of a RangeError", () => {
    for (const tag of ["", "   ", "not a locale", "en_US_POSIX!", "x", "12-34"]) {
      expect(safeLocale(tag)).toBeUndefined();
    }
    expect(safeLocale(undefined)).toBeUndefined();
  });

  it("lets every formatter work with a malformed locale", () => {
    const posix = createFormatters({ locale: "en_US", notAvailable: "n/a" });
    expect(posix.count(12000)).toBe("12,000");
    expect(posix.date("2026-03-02")).toBe("Mar 2, 2026");
    const broken = createFormatters({ locale: "not a locale", notAvailable: "n/a" });
    expect(broken.lift(0.05)).toMatch(/5\.0/);
  });

  it("formats shares of traffic and detectable lifts with up to one decimal", () => {
    expect(en.share(50)).toBe("50%");
    expect(en.percentPrecise(0.025)).toBe("2.5%");
    expect(en.percentPrecise(0.05)).toBe("5%");
  });
});
