import { createDraftExperiment, transitionExperiment, utcDate } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  defaultDates,
  isIsoDate,
  isScheduledStart,
  plannedDurationDays,
  startInstant,
  toIsoDate,
} from "./dates";

describe("dates", () => {
  it("defaults to today and today + 14 days, from the UTC calendar day", () => {
    expect(defaultDates(new Date(Date.UTC(2026, 2, 1, 23, 30)))).toEqual({
      startDate: "2026-03-01",
      endDate: "2026-03-15",
    });
    expect(defaultDates(new Date(Date.UTC(2026, 11, 25)))).toEqual({ startDate: "2026-12-25", endDate: "2027-01-08" });
  });

  it("takes the UTC day, whatever the time zone (the day the lifecycle and the warehouse use)", () => {
    expect(toIsoDate(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe("2024-02-29");
    expect(toIsoDate(new Date("2026-03-01T20:00:00-10:00"))).toBe("2026-03-02");
    expect(toIsoDate(new Date("2026-03-02T10:00:00+14:00"))).toBe("2026-03-01");
    expect(toIsoDate(new Date("2026-03-02T10:00:00+14:00"))).toBe(utcDate(new Date("2026-03-02T10:00:00+14:00")));
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

  it("schedules only starts after today in UTC, as the lifecycle's launch does", () => {
    const today = new Date(Date.UTC(2026, 2, 1));
    expect(isScheduledStart("2026-03-01", today)).toBe(false);
    expect(isScheduledStart("2026-03-02", today)).toBe(true);
    expect(isScheduledStart("garbage", today)).toBe(false);
    // 20:00 UTC on Mar 1 is already Mar 2 in Kiritimati (UTC+14): a start on Mar 2 is still scheduled.
    const evening = new Date("2026-03-01T20:00:00Z");
    expect(isScheduledStart("2026-03-01", evening)).toBe(false);
    expect(isScheduledStart("2026-03-02", evening)).toBe(true);
    const draft = createDraftExperiment("e", {
      name: "n",
      hypothesis: "h",
      startDate: "2026-03-02",
      endDate: "2026-03-10",
      flagId: "f",
      variations: [
        { key: "control", name: "A", value: "a", isControl: true },
        { key: "b", name: "B", value: "b", isControl: false },
      ],
      metrics: [{ metricId: "m", role: "primary" }],
      weights: { control: 50, b: 50 },
    });
    for (const startDate of ["2026-03-01", "2026-03-02"]) {
      const launched = transitionExperiment({ ...draft, startDate }, { type: "launch", at: evening });
      expect(launched.status === "scheduled").toBe(isScheduledStart(startDate, evening));
    }
  });

  it("says when a start date begins: 00:00 UTC", () => {
    expect(startInstant("2026-03-02")?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(startInstant("2026-02-30")).toBeUndefined();
  });
});
