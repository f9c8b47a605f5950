/**
 * The replay behind a real HTTP server for tests: 127.0.0.1, a port the system picks, and it stops by itself —
 * when `close()` is called (after the suite) or after `idleMs` without a request, whichever comes first. Its
 * timers never keep the process alive.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createFlagsmithReplay, type FlagsmithReplay, type FlagsmithReplayOptions } from "./replay";
import type { ReplayWorld } from "./world";

export interface ReplayServer {
  /** `http://127.0.0.1:<port>/api/v1/` */
  baseUrl: string;
  origin: string;
  replay: FlagsmithReplay;
  close(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = message.method ?? "GET";
  return new Request(new URL(message.url ?? "/", origin), {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
}

export async function startReplayServer(
  world: ReplayWorld,
  options: FlagsmithReplayOptions & { idleMs?: number } = {},
): Promise<ReplayServer> {
  const { idleMs = 60_000, ...replayOptions } = options;
  let origin = "";
  const replay = createFlagsmithReplay(world, replayOptions);
  let idle: ReturnType<typeof setTimeout> | undefined;
  let closing: Promise<void> | undefined;

  const server = createServer((message, response) => {
    armIdleTimer();
    toRequest(message, origin)
      .then((request) => replay.handle(request))
      .then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(error instanceof Error ? error.stack : String(error));
      });
  });

  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      if (idle) clearTimeout(idle);
      server.closeAllConnections();
      server.close(() => resolve());
    });
    return closing;
  };

  function armIdleTimer() {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void close(), idleMs);
    idle.unref();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  armIdleTimer();
  return { baseUrl: `${origin}/api/v1/`, origin, replay, close };
}
