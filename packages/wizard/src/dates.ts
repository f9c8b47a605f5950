/**
 * Calendar dates as `YYYY-MM-DD` strings (what `<input type="date">` and the Experiment model hold).
 * "Today" is the host's local calendar day; arithmetic happens in UTC so daylight-saving changes never
 * shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The default planned duration: end date = start date + 14 days. */
export const DEFAULT_DURATION_DAYS = 14;

/** The local calendar day of `date` as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, "0");
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
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

/** Start today, end 14 days later. */
export function defaultDates(today: Date): { startDate: string; endDate: string } {
  const startDate = toIsoDate(today);
  return { startDate, endDate: addDays(startDate, DEFAULT_DURATION_DAYS) };
}

/** A start after today means the launch schedules the experiment instead of running it now. */
export function isScheduledStart(startDate: string, today: Date): boolean {
  const days = daysBetween(toIsoDate(today), startDate);
  return days !== undefined && days > 0;
}
