/** The event name of exposure rows (docs/warehouse-sql.md). */
export const EXPOSURE_EVENT_NAME = "$flag_exposure";

/**
 * One row of the events table (docs/warehouse-sql.md): `identity_key, event_name, value, timestamp, flag_id, variant_key`.
 * Exposures are rows with `eventName = "$flag_exposure"`, the experiment's `flagId` and the variation's key.
 */
export interface WarehouseEvent {
  identityKey: string;
  eventName: string;
  /** Numeric payload (revenue, milliseconds); `null` when the event has none. */
  value: number | null;
  /** UTC instant of the event. */
  timestamp: Date;
  flagId: string | null;
  variantKey: string | null;
}

/**
 * One row of Flagsmith's events table (docs/warehouse-sql.md), as Flagsmith's SDKs send it and its warehouse stores it:
 * exposures have `event = "$flag_exposure"`, the flag's **name** in `featureName` and the variant key in `value`;
 * conversions have no feature and a text `value` (numeric text, other text, or nothing).
 */
export interface FlagsmithEvent {
  environmentKey: string;
  event: string;
  /** The flag's name on exposures; `null` (stored as empty text in ClickHouse) on conversions. */
  featureName: string | null;
  /** UTC instant of the event. */
  timestamp: Date;
  /** The identity; `null` (empty text in ClickHouse) when the event was sent without one. */
  identifier: string | null;
  /** Exposures: the variant key. Conversions: text such as `"12.5"`, `"gift-card"`, or `null`. */
  value: string | null;
}

const DAY_MS = 86_400_000;

/** The calendar range every supported warehouse holds (ClickHouse's `DateTime64` and `Date32` stop in 2299). */
const EARLIEST_WINDOW_DATE = "1900-01-01";
const LATEST_WINDOW_DATE = "2299-12-30";

/** What decides the measurement window: the planned dates, and the launch and stop instants once they exist. */
export interface ExperimentWindowInput {
  startDate: string;
  endDate: string;
  launchedAt?: string | undefined;
  stoppedAt?: string | undefined;
}

/** The experiment's window is not one a warehouse can be asked about; `field` names the culprit. */
export class ExperimentWindowError extends RangeError {
  override readonly name = "ExperimentWindowError";
  constructor(
    readonly field: "startDate" | "endDate" | "launchedAt" | "stoppedAt",
    message: string,
  ) {
    super(message);
  }
}

/** `YYYY-MM-DD` that exists on the calendar, within the range every warehouse holds; else epoch ms of its midnight. */
function calendarDay(value: unknown, field: "startDate" | "endDate"): number {
  const label = field === "startDate" ? "start date" : "end date";
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new ExperimentWindowError(field, `The ${label} must be a date in the form YYYY-MM-DD.`);
  }
  const t = Date.parse(`${value}T00:00:00.000Z`);
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== value) {
    throw new ExperimentWindowError(field, `The ${label} ${value} is not a day of the calendar.`);
  }
  if (value < EARLIEST_WINDOW_DATE || value > LATEST_WINDOW_DATE) {
    throw new ExperimentWindowError(
      field,
      `The ${label} ${value} is outside the years 1900 to 2299 that warehouses can hold.`,
    );
  }
  return t;
}

function instantOf(value: unknown, field: "launchedAt" | "stoppedAt"): number {
  const label = field === "launchedAt" ? "launch time" : "stop time";
  const t = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(t)) throw new ExperimentWindowError(field, `The ${label} must be an ISO date-time.`);
  const day = new Date(t).toISOString().slice(0, 10);
  if (day < EARLIEST_WINDOW_DATE || day > LATEST_WINDOW_DATE) {
    throw new ExperimentWindowError(
      field,
      `The ${label} ${String(value)} is outside the years 1900 to 2299 that warehouses can hold.`,
    );
  }
  return t;
}

/**
 * The measurement window `[start, end)` in epoch milliseconds: from the launch to the stop (or `now` while the
 * experiment runs) once it has launched, else from the start date 00:00 UTC to the end of the end date. Throws
 * {@link ExperimentWindowError} for dates that do not exist or that a warehouse cannot hold, before anything is
 * asked of one. A launched window may be empty (stopped at launch).
 */
export function experimentWindow(
  experiment: ExperimentWindowInput,
  now: Date = new Date(),
): { start: number; end: number } {
  if (experiment.launchedAt !== undefined) {
    const start = instantOf(experiment.launchedAt, "launchedAt");
    const end = experiment.stoppedAt !== undefined ? instantOf(experiment.stoppedAt, "stoppedAt") : now.getTime();
    return { start, end: Math.max(start, Math.min(end, Date.parse(`${LATEST_WINDOW_DATE}T00:00:00.000Z`) + DAY_MS)) };
  }
  const start = calendarDay(experiment.startDate, "startDate");
  const end = calendarDay(experiment.endDate, "endDate") + DAY_MS;
  if (end <= start) throw new ExperimentWindowError("endDate", "The end date must be on or after the start date.");
  return { start, end };
}

/** `YYYY-MM-DD` of the UTC day an epoch-millisecond instant falls on. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Every `YYYY-MM-DD` from `from` through `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= Date.parse(`${to}T00:00:00.000Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

export { DAY_MS };
