/**
 * One real ClickHouse engine (chDB) per test process, shared by every test file that runs in it.
 *
 * chDB allows one live data directory per process. Vitest runs each test file in its own worker process by
 * default (`isolate: true`), but with `--no-isolate` several files share one process and each re-evaluates this
 * module, so the session lives on `globalThis` (not in a module variable), is reference-counted by the files
 * that use it, and is closed — its temporary directory removed — when the last one finishes (and, as a
 * backstop, when the process exits). Each session gets its own temporary data directory, so parallel workers
 * never share files. Tests create and drop their own tables; give them names unique to the test file.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll } from "vitest";
import type { SqlQueryFunction } from "../src/sql-warehouse";

type ChdbSession = import("chdb").Session;

const require = createRequire(import.meta.url);
const SHARED = Symbol.for("@flagsmith-experimentation/adapters:test-chdb-session");

interface Shared {
  session: ChdbSession;
  users: number;
}

type GlobalWithSession = typeof globalThis & { [SHARED]?: Shared };

function shared(): Shared {
  const global = globalThis as GlobalWithSession;
  let entry = global[SHARED];
  if (!entry?.session.open) {
    const { Session } = require("chdb") as typeof import("chdb");
    // No path: chDB makes a fresh temporary directory for this process and removes it on close.
    entry = { session: new Session(), users: 0 };
    global[SHARED] = entry;
    const session = entry.session;
    process.once("exit", () => session.cleanup());
  }
  return entry;
}

/** What a test file gets: SQL in, plain rows out, on the process's one ClickHouse engine. */
export interface ClickHouseTestSession {
  /**
   * The kit's `query` function, bound the way a ClickHouse HTTP client binds `query_params`: the n-th value is the
   * parameter `pn` of a `{pn:Type}` placeholder, sent apart from the SQL text.
   */
  query: SqlQueryFunction;
  /** Runs statements without parameters (DDL); several may be separated by `;`. */
  exec(sql: string): Promise<void>;
  /** Inserts JSONEachRow text (one object per line) into `table`. */
  insertJsonLines(table: string, lines: string): Promise<void>;
  /** The chDB session itself, for what the helpers above do not cover (streaming reads). */
  readonly session: ChdbSession;
}

/** Named ClickHouse parameters `{ p1, p2, … }` for the kit's positional parameter list. */
export function clickHouseQueryParams(params: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));
}

function parseJsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Registers `beforeAll`/`afterAll` hooks that hold the process's ClickHouse session for this test file, and returns
 * its helpers. Call it at the top of a file or `describe` block.
 */
export function shareClickHouseSession(): ClickHouseTestSession {
  let entry: Shared | undefined;
  const session = () => {
    if (!entry) throw new Error("The ClickHouse session is used outside the test file's hooks.");
    return entry.session;
  };
  beforeAll(() => {
    entry = shared();
    entry.users += 1;
  });
  afterAll(() => {
    if (!entry) return;
    entry.users -= 1;
    if (entry.users === 0) {
      entry.session.cleanup();
      delete (globalThis as GlobalWithSession)[SHARED];
    }
    entry = undefined;
  });
  return {
    async query(sql, params) {
      const result = await session().queryBindAsync(sql, clickHouseQueryParams(params), { format: "JSONEachRow" });
      return parseJsonLines(result.text());
    },
    async exec(sql) {
      for (const statement of sql.split(/;\s*(?:\n|$)/).filter((s) => s.trim() !== "")) {
        await session().queryAsync(statement);
      }
    },
    async insertJsonLines(table, lines) {
      await session().insert({ table, values: Buffer.from(lines), format: "JSONEachRow" });
    },
    get session() {
      return session();
    },
  };
}
