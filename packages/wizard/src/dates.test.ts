import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  defaultDates,
  isIsoDate,
  isScheduledStart,
  plannedDurationDays,
  toIsoDate,
} from "./dates";

describe("dates", () => {
  it("defaults to today and today + 14 days, from the local calendar day", () => {
    expect(defaultDates(new Date(2026, 2, 1, 23, 30))).toEqual({ startDate: "2026-03-01", endDate: "2026-03-15" });
    expect(defaultDates(new Date(2026, 11, 25))).toEqual({ startDate: "2026-12-25", endDate: "2027-01-08" });
  });

  it("formats local days", () => {
    expect(toIsoDate(new Date(2024, 1, 29))).toBe("2024-02-29");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-2-1")).toBe(false);
    expect(isIsoDate("")).toBe(false);
    expect(() => addDays("nope", 1)).toThrow(RangeError);
  });

  it("counts days across month, year and DST boundaries", () => {
    expect(daysBetween("2026-03-28", "2026-04-02")).toBe(5);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-01-10", "2026-01-01")).toBe(-9);
    expect(daysBetween("x", "2026-01-01")).toBeUndefined();
    expect(addDays("2026-10-20", 14)).toBe("2026-11-03");
  });

  it("counts both the start and the end day in the planned duration", () => {
    expect(plannedDurationDays("2026-03-01", "2026-03-15")).toBe(15);
    expect(plannedDurationDays("2026-03-01", "2026-03-01")).toBe(1);
    expect(plannedDurationDays("2026-03-02", "2026-03-01")).toBeUndefined();
  });

  it("schedules only starts after today", () => {
    const today = new Date(2026, 2, 1);
    expect(isScheduledStart("2026-03-01", today)).toBe(false);
    expect(isScheduledStart("2026-03-02", today)).toBe(true);
    expect(isScheduledStart("garbage", today)).toBe(false);
  });
});
