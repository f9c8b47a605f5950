/**
 * The one HTTP client of the Flagsmith adapters: the credential on every request, a timeout, JSON in and out,
 * every answer validated, every failure an `AdapterError` (see `errors.ts`), and lists read page by page.
 */
import type * as z from "zod/mini";
import { AdapterError } from "../adapter-error";
import { flagsmithHttpError } from "./errors";
import type { ResolvedFlagsmithOptions } from "./options";
import { pagePayload } from "./payload-schemas";

export type Query = Record<string, string | number | boolean | undefined>;

export interface FlagsmithClient {
  /** `GET path?query`, validated with `schema`. */
  get<T>(path: string, query: Query, schema: z.ZodMiniType<T>, operation: string): Promise<T>;
  /**
   * Every item of a paginated list. Flagsmith's `next` links are absolute URLs built from the host Flagsmith saw,
   * which behind a proxy is not the one the kit talks to: only their query (the page) is taken, applied to the
   * same path on the configured base URL, so no request ever leaves it and the credential goes nowhere else.
   */
  list<T>(path: string, query: Query, item: z.ZodMiniType<T>, operation: string): Promise<T[]>;
  /** A write (`POST`, `PATCH`, `DELETE`) with an optional JSON body; `schema` validates the answer (none for 204). */
  send<T>(
    method: "POST" | "PATCH" | "DELETE",
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T> | null,
    operation: string,
  ): Promise<T>;
}

/** At most this many pages per list: a guard against a server that keeps linking on. */
const MAX_PAGES = 500;

function issuesOf(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function createFlagsmithClient(options: ResolvedFlagsmithOptions): FlagsmithClient {
  const url = (path: string, query: Query) => {
    const target = new URL(path, options.base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) target.searchParams.append(key, String(value));
    }
    return target;
  };

  const request = async (method: string, target: URL, body: unknown, operation: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await options.fetch(target.toString(), {
        method,
        headers: {
          Authorization: options.authorization,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new AdapterError(
        timedOut ? "timeout" : "network",
        timedOut
          ? `Flagsmith did not answer within ${Math.round(options.timeoutMs / 1000)} s.`
          : `We could not reach Flagsmith at ${options.base.origin}. Check the connection and the base URL.`,
        { cause: error, operation },
      );
    }
    const text = await response.text().catch(() => "");
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      isJson = false;
      parsed = text;
    }
    if (!response.ok) {
      const environmentUrl = target.pathname.startsWith(`${options.base.pathname}environments/`);
      throw flagsmithHttpError(response.status, response.headers, isJson ? parsed : null, {
        operation,
        environmentUrl,
        now: options.now(),
      });
    }
    if (!isJson) {
      throw new AdapterError("invalid-response", "Flagsmith answered with something that is not JSON.", {
        operation,
        status: response.status,
        cause: text.slice(0, 500),
      });
    }
    return parsed;
  };

  const parse = <T>(schema: z.ZodMiniType<T>, data: unknown, operation: string): T => {
    const result = schema.safeParse(data);
    if (!result.success) {
      throw new AdapterError("invalid-response", "Flagsmith answered with data in a shape we do not understand.", {
        operation,
        cause: result.error,
        issues: issuesOf(result.error),
      });
    }
    return result.data;
  };

  return {
    async get(path, query, schema, operation) {
      return parse(schema, await request("GET", url(path, query), undefined, operation), operation);
    },

    async list(path, query, item, operation) {
      const first = url(path, query);
      const page = pagePayload(item);
      const items: z.infer<typeof item>[] = [];
      const seen = new Set<string>();
      let next: URL | null = first;
      for (let count = 0; next; count++) {
        if (count >= MAX_PAGES || seen.has(next.search)) {
          throw new AdapterError("invalid-response", "Flagsmith kept linking to more pages than a list can have.", {
            operation,
          });
        }
        seen.add(next.search);
        const data = parse(page, await request("GET", next, undefined, operation), operation);
        items.push(...(data.results as z.infer<typeof item>[]));
        if (!data.next) {
          next = null;
        } else {
          let link: URL;
          try {
            link = new URL(data.next, next);
          } catch {
            throw new AdapterError("invalid-response", "Flagsmith sent a `next` link that is not a URL.", {
              operation,
            });
          }
          next = new URL(first.pathname, first);
          next.search = link.search;
        }
      }
      return items;
    },

    async send(method, path, body, schema, operation) {
      const data = await request(method, url(path, {}), body, operation);
      return schema ? parse(schema, data, operation) : (undefined as never);
    },
  };
}
