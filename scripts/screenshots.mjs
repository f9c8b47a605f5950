#!/usr/bin/env node
// Renders the documentation images from the demo stories, so the docs never drift from the components:
//
//   pnpm screenshots            builds Storybook (storybook-static/), serves it on 127.0.0.1, and writes
//                               docs/images/<name>.png (light) and <name>-dark.png (dark) in Debian Chromium
//   pnpm screenshots --no-build reuses an existing storybook-static/
//   pnpm screenshots hero       only the shots whose name contains "hero"
//
// Chromium: CHROMIUM_PATH or /usr/bin/chromium, launched with the flags of test/chromium.ts. Never downloads one.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const staticDir = join(root, "storybook-static");
const imagesDir = join(root, "docs", "images");

/** What to shoot: a demo story, what must be on screen first, and the part of the page to keep. */
export const shots = [
  {
    name: "hero-results-dashboard",
    story: "demo-full-flow--clear-winner-results",
    // Wide: the recommendation, the three summary cards and the metrics table with its lift bars.
    viewport: { width: 1440, height: 1080 },
    ready: { role: "region", name: "Recommendation" },
    alsoReady: { role: "img", name: /lift/ },
  },
  {
    name: "experiments-page",
    story: "demo-full-flow--experiments-page",
    viewport: { width: 1280, height: 760 },
    ready: { role: "button", name: "Create Experiment" },
    alsoReady: { role: "button", name: "Open results for Checkout button colour" },
    // The headlines fill in as each seeded experiment's analysis finishes (the search experiment's last).
    readyText: /Model v\d (wins|leads)/,
  },
  {
    name: "wizard-experiment-details",
    story: "demo-full-flow--create-experiment",
    viewport: { width: 1280, height: 900 },
    ready: { role: "heading", name: "Experiment Details" },
    fullPage: true,
  },
  {
    name: "guardrail-regression",
    story: "demo-full-flow--guardrail-regression-results",
    viewport: { width: 1440, height: 1000 },
    ready: { role: "region", name: "Recommendation" },
    fullPage: true,
  },
  {
    name: "srm-warning",
    story: "demo-full-flow--sample-ratio-mismatch-results",
    viewport: { width: 1440, height: 1000 },
    ready: { role: "region", name: "Recommendation" },
    fullPage: true,
  },
  {
    name: "concluded-decision",
    story: "demo-full-flow--concluded-experiment",
    viewport: { width: 1440, height: 1000 },
    ready: { role: "region", name: "Decision" },
    alsoReady: { role: "region", name: "Recommendation" },
    fullPage: true,
  },
  {
    name: "warehouse-connection",
    story: "demo-full-flow--warehouse-connection",
    viewport: { width: 1100, height: 800 },
    ready: { role: "button", name: "Test connection" },
    readyText: /every launched experiment: [\d,]+ events/,
    fullPage: true,
  },
];

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Serves `dir` on 127.0.0.1 (any free port); resolves to `{ url, close }`. */
export function serveStatic(dir) {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(closed)) });
    });
  });
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The Chromium flags of test/chromium.ts (one source of truth for every browser this repo drives). */
export function chromiumArgs() {
  const source = readFileSync(join(root, "test", "chromium.ts"), "utf8");
  const block = source.match(/chromiumArgs\s*=\s*\[([\s\S]*?)\]/);
  if (!block) throw new Error("Could not read the Chromium flags from test/chromium.ts.");
  return [...block[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** Debian's Chromium (or CHROMIUM_PATH), never a downloaded browser. */
export function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath, args: chromiumArgs() });
}

/** Builds Storybook into storybook-static/ (seconds), unless asked to reuse an existing build. */
export function ensureStorybookBuild({ rebuild = true } = {}) {
  if (!rebuild && existsSync(join(staticDir, "iframe.html"))) return;
  console.log("building Storybook into storybook-static/ …");
  const { status } = spawnSync("pnpm", ["exec", "storybook", "build", "--quiet", "-o", staticDir], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" },
  });
  if (status !== 0) throw new Error("storybook build failed");
}

/** The iframe URL of a story, in a theme. */
export function storyUrl(baseUrl, storyId, theme = "light") {
  return `${baseUrl}/iframe.html?id=${storyId}&viewMode=story&globals=theme:${theme}`;
}

async function shoot(browser, baseUrl, shot, theme) {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: 1,
    colorScheme: theme,
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(storyUrl(baseUrl, shot.story, theme));
  await page.getByRole(shot.ready.role, { name: shot.ready.name }).first().waitFor({ timeout: 60_000 });
  if (shot.readyText) await page.getByText(shot.readyText).first().waitFor({ timeout: 120_000 });
  if (shot.alsoReady) {
    await page.getByRole(shot.alsoReady.role, { name: shot.alsoReady.name }).first().waitFor({ timeout: 60_000 });
  }
  // Charts and fonts settle; no animation runs with reduced motion.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  const file = join(imagesDir, `${shot.name}${theme === "dark" ? "-dark" : ""}.png`);
  await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
  await context.close();
  if (errors.length > 0) throw new Error(`${shot.name} (${theme}): ${errors.join("; ")}`);
  return file;
}

async function main() {
  const args = process.argv.slice(2);
  const filter = args.find((a) => !a.startsWith("--"));
  ensureStorybookBuild({ rebuild: !args.includes("--no-build") });
  mkdirSync(imagesDir, { recursive: true });
  const server = await serveStatic(staticDir);
  const browser = await launchChromium();
  try {
    for (const shot of shots.filter((s) => !filter || s.name.includes(filter))) {
      for (const theme of ["light", "dark"]) {
        const file = await shoot(browser, server.url, shot, theme);
        console.log(`wrote ${file.slice(root.length + 1)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
