import { existsSync } from "node:fs";

/** Flags that make Debian's Chromium start headless, offline and quietly as root in a container. */
export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** The Chromium binary to drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. Never a downloaded browser. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (Debian: \`apt-get install -y chromium\`) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}
