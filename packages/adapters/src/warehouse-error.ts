import type { AdapterErrorKind } from "./adapter-error";

/** Node's socket and DNS error codes: the warehouse was not reached (or stopped answering). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ECONNABORTED",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** ClickHouse error codes that are not about the query or the data. */
const CLICKHOUSE_KINDS: Record<number, AdapterErrorKind> = {
  159: "timeout", // TIMEOUT_EXCEEDED
  209: "timeout", // SOCKET_TIMEOUT
  210: "network", // NETWORK_ERROR
  192: "unauthorized", // UNKNOWN_USER
  193: "unauthorized", // WRONG_PASSWORD
  194: "unauthorized", // REQUIRED_PASSWORD
  497: "unauthorized", // ACCESS_DENIED
  516: "unauthorized", // AUTHENTICATION_FAILED
};

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** The kind of a PostgreSQL SQLSTATE (node-postgres puts it in `code`). */
function postgresKind(sqlState: string): AdapterErrorKind {
  if (sqlState.startsWith("08")) return "network"; // connection exception
  if (sqlState.startsWith("28")) return "unauthorized"; // invalid authorization
  if (sqlState === "42501") return "unauthorized"; // insufficient privilege
  if (sqlState === "57014") return "timeout"; // query cancelled (statement timeout)
  if (sqlState.startsWith("53") || sqlState.startsWith("57") || sqlState.startsWith("58")) return "server";
  return "query";
}

/**
 * What a failure of the host's query function means, told from the driver's error: the warehouse was not reached
 * (`network`, `timeout`), refused the credentials (`unauthorized`), failed itself (`server`), or ran and refused
 * the SQL or the data (`query`: a syntax, type or missing-table error, a value it cannot convert). Errors that carry
 * none of the drivers' signs count as `query`: the warehouse answered with an error we cannot place.
 */
export function warehouseErrorKind(error: unknown, depth = 0): AdapterErrorKind {
  const code = field(error, "code");
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code)) return "network";
    if (TIMEOUT_CODES.has(code)) return "timeout";
    if (/^[0-9A-Z]{5}$/.test(code) && /^[0-9]{2}/.test(code)) return postgresKind(code);
  }
  const clickhouseCode = field(error, "clickhouseCode") ?? (field(error, "type") !== undefined ? code : undefined);
  const numeric = typeof clickhouseCode === "string" ? Number(clickhouseCode) : clickhouseCode;
  if (typeof numeric === "number" && Number.isInteger(numeric)) return CLICKHOUSE_KINDS[numeric] ?? "query";
  const cause = field(error, "cause");
  if (cause !== undefined && depth < 3) {
    const kind = warehouseErrorKind(cause, depth + 1);
    if (kind !== "query") return kind;
  }
  if (
    error instanceof Error &&
    /fetch failed|socket hang up|network|connection (refused|reset|terminated|closed)|ECONN|ENOTFOUND|EAI_AGAIN/i.test(
      error.message,
    )
  ) {
    return "network";
  }
  return "query";
}
