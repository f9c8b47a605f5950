/**
 * Calendar dates as `YYYY-MM-DD` strings (what `<input type="date">` and the Experiment model hold).
 *
 * One rule everywhere: an experiment's dates are days in UTC. The warehouse counts data from 00:00 UTC on the
 * start date to the end of the end date, and a launch schedules the experiment when its start date is after
 * today's date in UTC. So "today" is the UTC calendar day too, and the wizard says what a start date means on the
 * user's own clock ("Starts Mar 2, 2:00 PM (your time)"). Arithmetic happens in UTC, so daylight-saving changes
 * never shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The default planned duration: end date = start date + 14 days. */
export const DEFAULT_DURATION_DAYS = 14;

/** The UTC calendar day of `date` as `YYYY-MM-DD` (the day the lifecycle and the warehouse go by). */
export function toIsoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** Milliseconds at 00:00 UTC of a valid `YYYY-MM-DD` date, or `undefined` for anything else. */
export function parseIsoDate(value: string): number | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(y, m - 1, d);
  const check = new Date(time);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return time;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

export function addDays(isoDate: string, days: number): string {
  const time = parseIsoDate(isoDate);
  if (time === undefined) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); `undefined` if either is invalid. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === undefined || b === undefined) return undefined;
  return Math.round((b - a) / DAY_MS);
}

/**
 * Days of data the experiment collects: the warehouse window runs from the start date 00:00 UTC to the
 * end of the end date, so both days count.
 */
export function plannedDurationDays(startDate: string, endDate: string): number | undefined {
  const days = daysBetween(startDate, endDate);
  return days === undefined || days < 0 ? undefined : days + 1;
}

/** Start today (in UTC: a launch then starts the experiment at once), end 14 days later. */
export function defaultDates(today: Date): { startDate: string; endDate: string } {
  const startDate = toIsoDate(today);
  return { startDate, endDate: addDays(startDate, DEFAULT_DURATION_DAYS) };
}

/**
 * A start after today (both in UTC) means the launch schedules the experiment instead of running it now: the same
 * rule as the lifecycle's `launch` in `@flagsmith-experimentation/adapters`.
 */
export function isScheduledStart(startDate: string, today: Date): boolean {
  const days = daysBetween(toIsoDate(today), startDate);
  return days !== undefined && days > 0;
}

/** The instant a start date begins (00:00 UTC), or `undefined` for an invalid date. */
export function startInstant(startDate: string): Date | undefined {
  const time = parseIsoDate(startDate);
  return time === undefined ? undefined : new Date(time);
}

/** When the launch schedules the experiment ({@link isScheduledStart}): the instant it starts; otherwise `undefined`. */
export function scheduledStart(startDate: string, today: Date): Date | undefined {
  return isScheduledStart(startDate, today) ? startInstant(startDate) : undefined;
}
