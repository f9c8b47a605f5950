/**
 * How Flagsmith's Django REST framework stack answers: JSON bodies, DRF's error shapes, page-number pagination
 * with absolute `next` links, and the 500 page Django renders for an uncaught error.
 */

export const JSON_HEADERS = { "content-type": "application/json" } as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });
}

/** DRF `APIException` subclasses (`NotFound`, `PermissionDenied`, …): `{"detail": "…"}`. */
export function detail(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { detail: message }, headers);
}

/** Django's own 500 page (`handler500`), which is HTML, not JSON. */
export function serverErrorPage(): Response {
  return new Response(
    '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n',
    {
      status: 500,
      headers: { "content-type": "text/html; charset=utf-8" },
    },
  );
}

/** A DRF `ValidationError` body: a dict of field → messages, or a list for a bare message. */
export class ValidationProblem extends Error {
  constructor(readonly body: unknown) {
    super("validation error");
  }
}

export const REQUIRED = "This field is required.";

/** DRF `PageNumberPagination` / `app.pagination.CustomPagination` settings. */
export interface PaginationRule {
  /** The page size without a `page_size` parameter: `PAGE_SIZE = 10` (DRF default), 999 (`CustomPagination`). */
  pageSize: number;
  /** `page_size_query_param`: `null` for DRF's default pagination, which ignores `page_size`. */
  pageSizeParam: "page_size" | null;
  maxPageSize: number;
}

/** `REST_FRAMEWORK["PAGE_SIZE"] = 10` with `PageNumberPagination`: ignores `page_size` (`api/app/settings/common.py`). */
export const DEFAULT_PAGINATION: PaginationRule = { pageSize: 10, pageSizeParam: null, maxPageSize: 10 };
/** `api/app/pagination.py` `CustomPagination`: `page_size = 999`, `page_size_query_param = "page_size"`, max 999. */
export const CUSTOM_PAGINATION: PaginationRule = { pageSize: 999, pageSizeParam: "page_size", maxPageSize: 999 };

/** DRF's `replace_query_param` / `remove_query_param`: the parameters re-encoded in sorted order. */
function withPage(url: URL, page: number | null, origin: string): string {
  const next = new URL(url.pathname, origin);
  const params = new URLSearchParams(url.search);
  if (page === null) params.delete("page");
  else params.set("page", String(page));
  params.sort();
  next.search = params.toString();
  return next.toString();
}

/**
 * One page of `items` for the request `url`, in DRF's shape. `origin` is what `build_absolute_uri` sees: the
 * request's own origin, or another one behind a proxy that does not forward `Host`.
 */
export function paginate<T>(
  items: T[],
  url: URL,
  rule: PaginationRule,
  origin: string,
): { page: T[]; count: number; next: string | null; previous: string | null } | Response {
  let size = rule.pageSize;
  const requested = rule.pageSizeParam ? url.searchParams.get(rule.pageSizeParam) : null;
  if (requested !== null && /^\d+$/.test(requested) && Number(requested) > 0) {
    size = Math.min(Number(requested), rule.maxPageSize);
  }
  const pageParam = url.searchParams.get("page") ?? "1";
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = pageParam === "last" ? pages : /^\d+$/.test(pageParam) ? Number(pageParam) : Number.NaN;
  if (!Number.isInteger(page) || page < 1 || page > pages) return detail(404, "Invalid page.");
  const start = (page - 1) * size;
  return {
    page: items.slice(start, start + size),
    count: items.length,
    next: page < pages ? withPage(url, page + 1, origin) : null,
    previous: page > 1 ? withPage(url, page === 2 ? null : page - 1, origin) : null,
  };
}

/** DRF `BooleanField` parsing of a query parameter (`true`, `True`, `1`, `false`, …); `undefined` when invalid. */
export function parseBoolean(value: string): boolean | undefined {
  if (["true", "True", "TRUE", "1", "yes", "on"].includes(value)) return true;
  if (["false", "False", "FALSE", "0", "no", "off"].includes(value)) return false;
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** DRF `IntegerField.to_internal_value`: an integer, or a string of digits. */
export function asInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** DRF `FloatField.to_internal_value`. */
export function asFloat(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A serializer given something other than a JSON object answers DRF's `non_field_errors`. */
export function notADictionary(body: unknown): Response {
  const type = Array.isArray(body)
    ? "list"
    : typeof body === "string"
      ? "str"
      : body === null
        ? "NoneType"
        : typeof body;
  return json(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${type}.`] });
}
