import type { FlagsmithKitStorage } from "./kit-store";

/**
 * How to reach Flagsmith's Admin API. Every endpoint the kit calls takes the same credential: an organisation API
 * key (`Authorization: Api-Key …`, Organisation settings → API Keys) or a user's API token
 * (`Authorization: Token …`, what Flagsmith's own dashboard sends). Environment SDK keys — the client-side key and
 * the server-side `ser.…` key — are not credentials for this API.
 */
export interface FlagsmithAdaptersOptions {
  /** Default `https://api.flagsmith.com/api/v1/` (self-hosted: `https://flagsmith.example.com/api/v1/`). */
  baseUrl?: string;
  /** An organisation API key, sent as `Authorization: Api-Key <apiKey>`. Keep it on a server (see the README). */
  apiKey?: string;
  /** A user's API token, sent as `Authorization: Token <token>`; use it instead of `apiKey`. */
  token?: string;
  /**
   * The environment's **client-side** key (Environment settings → SDK Keys, e.g. `Mpr5y7yTbxvQDjiJLaTRtB`): the
   * `api_key` in Flagsmith's `environments/{api_key}/…` URLs. Not the server-side `ser.…` key.
   */
  environmentKey: string;
  /** Optional: the environment's project id and numeric id; read from `GET environments/{key}/` when absent. */
  projectId?: string | number;
  environmentId?: string | number;
  /** Where drafts and what Flagsmith has no field for are kept (`localStorage` fits). Default: in memory. */
  storage?: FlagsmithKitStorage;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds per request before failing with kind `timeout`. Default 15 000. */
  timeoutMs?: number;
  /** The clock of drafts and decisions. Default: `new Date()`. */
  now?: () => Date;
}

export class FlagsmithConfigurationError extends Error {
  override readonly name = "FlagsmithConfigurationError";
}

export interface ResolvedFlagsmithOptions {
  base: URL;
  authorization: string;
  environmentKey: string;
  projectId: string | undefined;
  environmentId: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

/** Checks the options once, with messages that say how to fix them. */
export function resolveFlagsmithOptions(options: FlagsmithAdaptersOptions): ResolvedFlagsmithOptions {
  const environmentKey = options.environmentKey?.trim() ?? "";
  if (environmentKey === "") {
    throw new FlagsmithConfigurationError(
      "Pass `environmentKey`: the environment's client-side key (Environment settings → SDK Keys).",
    );
  }
  if (environmentKey.startsWith("ser.")) {
    throw new FlagsmithConfigurationError(
      "`environmentKey` is a server-side SDK key (ser.…). The Admin API names environments by their client-side key " +
        "(Environment settings → SDK Keys); authenticate with `apiKey` (an organisation API key) or `token`.",
    );
  }
  const apiKey = options.apiKey?.trim();
  const token = options.token?.trim();
  if (apiKey && token) throw new FlagsmithConfigurationError("Pass either `apiKey` or `token`, not both.");
  if (!apiKey && !token) {
    throw new FlagsmithConfigurationError(
      "Pass `apiKey` (an organisation API key, Organisation settings → API Keys) or `token` (a user's API token).",
    );
  }
  if (apiKey?.startsWith("ser.")) {
    throw new FlagsmithConfigurationError(
      "`apiKey` is a server-side SDK key (ser.…), which the Admin API refuses. Use an organisation API key " +
        "(Organisation settings → API Keys).",
    );
  }
  let base: URL;
  try {
    base = new URL(options.baseUrl ?? "https://api.flagsmith.com/api/v1/");
  } catch {
    throw new FlagsmithConfigurationError(`\`baseUrl\` is not a URL: ${options.baseUrl}`);
  }
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  base.search = "";
  base.hash = "";
  const id = (value: string | number | undefined, name: string) => {
    if (value === undefined) return undefined;
    const text = String(value).trim();
    if (!/^\d+$/.test(text)) throw new FlagsmithConfigurationError(`\`${name}\` is a number, got “${value}”.`);
    return text;
  };
  return {
    base,
    authorization: apiKey ? `Api-Key ${apiKey}` : `Token ${token}`,
    environmentKey,
    projectId: id(options.projectId, "projectId"),
    environmentId: id(options.environmentId, "environmentId"),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    now: options.now ?? (() => new Date()),
  };
}
