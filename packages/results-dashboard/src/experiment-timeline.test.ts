import { createFormatters } from "@flagsmith-experimentation/ui";
import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario } from "./analysis-fixtures";
import { experimentStartDate, experimentTimeline, timelineText } from "./experiment-timeline";
import { defaultMessages } from "./messages";

const f = createFormatters({ locale: "en-US", notAvailable: "n/a" });
const base = clearWinnerScenario().experiment; // 2026-03-02 .. 2026-03-22, launched 2026-03-01
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const text = (experiment: Parameters<typeof experimentTimeline>[0], today: Date) =>
  timelineText(experimentTimeline(experiment, today), defaultMessages, f);

describe("experimentTimeline", () => {
  it("counts days from the start date (a launch before it waits for it) to the planned end", () => {
    expect(experimentStartDate(base)).toBe("2026-03-02");
    expect(experimentTimeline(base, at("2026-03-02"))).toEqual({
      phase: "running",
      day: 1,
      totalDays: 21,
      startedOn: "2026-03-02",
    });
    expect(text(base, at("2026-03-11"))).toBe("Day 10 of 21");
    expect(text(base, at("2026-03-30"))).toBe("Day 29 (planned: 21)");
  });

  it("starts at the launch when the experiment launched after its start date", () => {
    const late = { ...base, launchedAt: "2026-03-05T08:00:00.000Z" };
    expect(experimentStartDate(late)).toBe("2026-03-05");
    expect(text(late, at("2026-03-05"))).toBe("Day 1 of 18");
  });

  it("says when a scheduled experiment starts, and runs it once its start date has come", () => {
    const scheduled = { ...base, status: "scheduled" as const, launchedAt: "2026-02-20T08:00:00.000Z" };
    expect(text(scheduled, at("2026-02-25"))).toBe("Starts on Mar 2, 2026");
    expect(experimentTimeline(scheduled, at("2026-03-03")).phase).toBe("running");
  });

  it("says when an ended experiment ended and after how many days", () => {
    const stopped = { ...base, status: "stopped" as const, stoppedAt: "2026-03-15T16:00:00.000Z" };
    expect(text(stopped, at("2026-04-01"))).toBe("Ended Mar 15, 2026, after 14 days");
    const concluded = {
      ...base,
      status: "concluded" as const,
      decision: { winner: null, decidedAt: "2026-03-20T10:00:00.000Z", evidence: null },
    };
    expect(text(concluded, at("2026-04-01"))).toBe("Ended Mar 20, 2026, after 19 days");
  });

  it("keeps a paused experiment's day count, and has no day for a draft", () => {
    expect(experimentTimeline({ ...base, status: "paused" }, at("2026-03-04"))).toMatchObject({
      phase: "paused",
      day: 3,
    });
    expect(text({ ...base, status: "draft", startDate: "", endDate: "" }, at("2026-03-04"))).toBe("Not launched yet");
  });

  it("never says day 0, nor a total without an end date", () => {
    expect(text({ ...base, endDate: "" }, at("2026-02-01"))).toBe("Day 1");
    expect(analyzeScenario(clearWinnerScenario()).status).toBe("ok");
  });
});
