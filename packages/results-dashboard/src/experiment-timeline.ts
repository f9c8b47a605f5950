import { type Experiment, effectiveExperimentStatus, utcDate } from "@flagsmith-experimentation/adapters";
import { type Formatters, formatMessage } from "@flagsmith-experimentation/ui";
import type { ResultsPageMessages } from "./messages";

/**
 * Where an experiment stands in time, for "Day X of N", "Starts on …" and "Ended …":
 * - `not-launched`: a draft;
 * - `scheduled`: launched with a start date still ahead;
 * - `running` / `paused`: day `day` (1 on the first day) of `totalDays` planned (absent without dates);
 * - `ended`: stopped or concluded on `endedOn`, after `days` days.
 * Dates are `YYYY-MM-DD` in UTC, as the measurement window counts them.
 */
export type ExperimentTimeline =
  | { phase: "not-launched" }
  | { phase: "scheduled"; startsOn: string }
  | { phase: "running" | "paused"; day: number; totalDays?: number; startedOn: string }
  | { phase: "ended"; endedOn: string; days?: number };

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | undefined): value is string {
  return value !== undefined && ISO_DATE.test(value) && Number.isFinite(Date.parse(`${value}T00:00:00Z`));
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function dateOf(instant: string | undefined): string | undefined {
  if (instant === undefined) return undefined;
  const time = Date.parse(instant);
  return Number.isFinite(time) ? utcDate(new Date(time)) : undefined;
}

/**
 * The first day of measurement: the planned start date, or the launch day when the experiment launched later
 * (docs/warehouse-sql.md: the window starts at `launchedAt`). A launch before the start date waits for the start date.
 */
export function experimentStartDate(experiment: Pick<Experiment, "startDate" | "launchedAt">): string | undefined {
  const launched = dateOf(experiment.launchedAt);
  const planned = isDate(experiment.startDate) ? experiment.startDate : undefined;
  // ISO dates compare as text: the later of the two.
  if (launched && planned) return [launched, planned].sort()[1];
  return planned ?? launched;
}

/** The experiment's place in time as of `today`. */
export function experimentTimeline(
  experiment: Pick<Experiment, "status" | "startDate" | "endDate" | "launchedAt" | "stoppedAt" | "decision">,
  today: Date,
): ExperimentTimeline {
  const status = effectiveExperimentStatus(experiment, today);
  const startedOn = experimentStartDate(experiment);
  const endDate = isDate(experiment.endDate) ? experiment.endDate : undefined;
  if (status === "draft") return { phase: "not-launched" };
  if (status === "scheduled") {
    return { phase: "scheduled", startsOn: startedOn ?? experiment.startDate };
  }
  if (status === "stopped" || status === "concluded") {
    const endedOn = dateOf(experiment.stoppedAt) ?? dateOf(experiment.decision?.decidedAt) ?? endDate;
    if (!endedOn) return { phase: "ended", endedOn: "" };
    const days = startedOn && endedOn >= startedOn ? daysBetween(startedOn, endedOn) + 1 : undefined;
    return days === undefined ? { phase: "ended", endedOn } : { phase: "ended", endedOn, days };
  }
  const todayDate = utcDate(today);
  const start = startedOn ?? todayDate;
  const day = Math.max(1, daysBetween(start, todayDate) + 1);
  const timeline: ExperimentTimeline = { phase: status, day, startedOn: start };
  if (endDate && endDate >= start) timeline.totalDays = daysBetween(start, endDate) + 1;
  return timeline;
}

/** The timeline in words: "Day 5 of 28", "Starts on Jun 1, 2026", "Ended May 18, 2026, after 29 days". */
export function timelineText(
  timeline: ExperimentTimeline,
  m: Pick<
    ResultsPageMessages,
    | "timelineNotLaunched"
    | "timelineStartsOn"
    | "timelineDayOf"
    | "timelineDayPastPlan"
    | "timelineDay"
    | "timelineEnded"
    | "timelineEndedAfter"
  >,
  f: Pick<Formatters, "date" | "count" | "days">,
): string {
  switch (timeline.phase) {
    case "not-launched":
      return m.timelineNotLaunched;
    case "scheduled":
      return formatMessage(m.timelineStartsOn, { date: f.date(timeline.startsOn) });
    case "ended":
      return timeline.days === undefined
        ? formatMessage(m.timelineEnded, { date: f.date(timeline.endedOn) })
        : formatMessage(m.timelineEndedAfter, { date: f.date(timeline.endedOn), days: f.days(timeline.days) });
    default: {
      const { day, totalDays } = timeline;
      if (totalDays === undefined) return formatMessage(m.timelineDay, { day: f.count(day) });
      return formatMessage(day > totalDays ? m.timelineDayPastPlan : m.timelineDayOf, {
        day: f.count(day),
        total: f.count(totalDays),
      });
    }
  }
}
