import { errorKind, formatMessage } from "@flagsmith-experimentation/ui";
import type { WarehouseFormMessages } from "./messages";

/** A failed connection check in the user's words, with the warehouse's own text kept for "Details". */
export interface WarehouseProblem {
  /** What is wrong, e.g. "Table analytics.events was not found. …". */
  summary: string;
  /** The raw text from the warehouse or its driver (may hold SQL): shown only on request. */
  details?: string;
}

type ProblemMessages = Pick<
  WarehouseFormMessages,
  | "warehouseTableMissing"
  | "warehouseColumnMissing"
  | "warehousePermission"
  | "warehouseAuth"
  | "warehouseUnreachable"
  | "warehouseTimeout"
  | "warehouseQueryFailed"
>;

/** Every message of an error and of its causes, outermost first. */
function rawText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth += 1) {
    const message = current instanceof Error ? current.message : typeof current === "string" ? current : undefined;
    if (message && !parts.includes(message)) parts.push(message);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return parts.join("\n");
}

const unquote = (name: string) => name.replace(/["`'[\]]/g, "");

/** Missing tables and schemas, as DuckDB, PostgreSQL, ClickHouse, BigQuery and Snowflake word them. */
const TABLE_MISSING = [
  /Table with name ([^\s!]+) does not exist/i,
  /Schema with name ([^\s!]+) does not exist/i,
  /relation "([^"]+)" does not exist/i,
  /schema "([^"]+)" does not exist/i,
  /Table ([\w.`"]+) (?:does not exist|doesn't exist)/i,
  /Database ([\w`"]+) (?:does not exist|doesn't exist)/i,
  /Not found: (?:Table|Dataset) ([\w:.-]+)/i,
  /Object '([^']+)' does not exist/i,
  /UNKNOWN_TABLE/i,
];

/** Missing columns. */
const COLUMN_MISSING = [
  /Referenced column "?([\w.]+)"? not found/i,
  /column "?([\w.]+)"? does not exist/i,
  /Missing columns: '([^']+)'/i,
  /Unknown (?:expression )?identifier[^'`]*[`']([^'`]+)[`']/i,
  /Unrecognized name: (\w+)/i,
  /invalid identifier '([^']+)'/i,
];

const PERMISSION = /permission denied|not authorized|access denied|insufficient privilege|ACCESS_DENIED/i;
const AUTH =
  /password authentication failed|authentication failed|wrong password|incorrect username or password|invalid (?:username|credentials)|role ["']?[\w.-]+["']? does not exist/i;
const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo|could not connect|connection refused|could not translate host name|fetch failed|network/i;
const TIMEOUT = /timed? ?out|ETIMEDOUT|TIMEOUT_EXCEEDED/i;

function firstMatch(patterns: readonly RegExp[], text: string): RegExpMatchArray | null {
  for (const pattern of patterns) {
    const match = text.match(pattern);
    if (match) return match;
  }
  return null;
}

/**
 * Turns a failed "Test connection" — a result `{ ok: false, message }` or a thrown error (an `AdapterError` of kind
 * `query`, `network`…, with the driver's error as its cause) — into what is wrong in the user's words: a table that
 * was not found (named as the user typed it in "Events table"), a missing column, a refused password or permission,
 * an unreachable server. Anything else says the check failed. The raw text goes to `details`.
 */
export function describeWarehouseProblem(
  failure: { message?: string | undefined; error?: unknown },
  eventsTable: string,
  m: ProblemMessages,
): WarehouseProblem {
  const raw = [failure.message, failure.error === undefined ? undefined : rawText(failure.error)]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join("\n");
  const kind = failure.error === undefined ? undefined : errorKind(failure.error);
  const details = raw === "" ? {} : { details: raw };
  const tableMatch = firstMatch(TABLE_MISSING, raw);
  const table = eventsTable.trim() || unquote(tableMatch?.[1] ?? "events");
  if (tableMatch) return { summary: formatMessage(m.warehouseTableMissing, { table }), ...details };
  const columnMatch = firstMatch(COLUMN_MISSING, raw);
  if (columnMatch) {
    return {
      summary: formatMessage(m.warehouseColumnMissing, { table, column: unquote(columnMatch[1] ?? "") }),
      ...details,
    };
  }
  if (kind === "unauthorized" || AUTH.test(raw)) {
    return {
      summary: PERMISSION.test(raw) ? formatMessage(m.warehousePermission, { table }) : m.warehouseAuth,
      ...details,
    };
  }
  if (PERMISSION.test(raw)) return { summary: formatMessage(m.warehousePermission, { table }), ...details };
  if (kind === "timeout" || (kind !== "query" && TIMEOUT.test(raw))) return { summary: m.warehouseTimeout, ...details };
  if (kind === "network" || UNREACHABLE.test(raw)) return { summary: m.warehouseUnreachable, ...details };
  return { summary: formatMessage(m.warehouseQueryFailed, { table }), ...details };
}
