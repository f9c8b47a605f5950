#!/usr/bin/env node
// Prints the demo's figures (measured, never asserted):
//
//   1. Storybook start: from spawning `pnpm storybook` (what `npm start` runs once installed; here on a free
//      port) to the first page served, and to the preview iframe served.
//   2. In the demo, from opening an experiment to its results rendered (DuckDB-wasm totals query over the simulated
//      events + stats-core analysis + React render), and to its trend chart rendered (the daily rows' query, asked
//      for once the totals are in), for 100k and 1M identities. The simulation and loading into DuckDB happen first and
//      are reported apart.
//
//   pnpm figures                        both, 100k and 1M identities (1M needs a few minutes and ~2 GB)
//   pnpm figures --identities=100000    other volumes (comma-separated)
//   pnpm figures --no-build             reuse storybook-static/
//   pnpm figures --skip-start           only the demo timings
import { spawn } from "node:child_process";
import { ensureStorybookBuild, freePort, launchChromium, serveStatic, staticDir, storyUrl } from "./screenshots.mjs";

const args = process.argv.slice(2);
const volumes = (args.find((a) => a.startsWith("--identities="))?.split("=")[1] ?? "100000,1000000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isFinite(n) && n > 0);
const integer = new Intl.NumberFormat("en");
const seconds = (ms) => `${new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(ms / 1000)} s`;

async function waitForOk(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was not served in time`);
}

async function storybookStart() {
  const port = await freePort();
  const started = Date.now();
  const child = spawn("pnpm", ["exec", "storybook", "dev", "--ci", "-p", String(port), "--host", "127.0.0.1"], {
    stdio: "ignore",
    detached: true,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" },
  });
  try {
    const deadline = started + 120_000;
    await waitForOk(`http://127.0.0.1:${port}/`, deadline);
    const firstPage = Date.now() - started;
    await waitForOk(`http://127.0.0.1:${port}/iframe.html`, deadline);
    const iframe = Date.now() - started;
    return { firstPage, iframe };
  } finally {
    // Only the process group this script started.
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function openResults(browser, baseUrl, identities) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const url = `${storyUrl(baseUrl, "demo-benchmarks--open-results")}&args=identities:${identities}`;
  await page.goto(url);
  const open = page.getByRole("button", { name: "Open results" });
  await open.waitFor({ timeout: 30 * 60_000 });
  const ready = page.locator("[data-simulation-ms]");
  const events = Number(await ready.getAttribute("data-events"));
  const simulationMs = Number(await ready.getAttribute("data-simulation-ms"));
  // Timed inside the page, both from the click: to the first frame painted with the results on screen (the totals'
  // analysis), and to the first frame with the trend chart (the daily rows, asked for once the totals are in).
  const { renderMs, trendMs } = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Open results");
        if (!button) return reject(new Error("no Open results button"));
        const started = performance.now();
        let rendered;
        const check = () => {
          const failed = [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent).join(" ");
          if (failed) return reject(new Error(failed));
          // The page replaces its loading skeleton with the results at once: a lift bar means they rendered.
          if (rendered === undefined && document.querySelector('svg[role="img"][aria-label*="lift"]')) {
            rendered = null;
            requestAnimationFrame(() => {
              rendered = performance.now() - started;
            });
          }
          // The trend chart's plot replaces its "Loading the trend…" placeholder.
          if (typeof rendered === "number" && document.querySelector('.fx-trend [role="slider"]')) {
            requestAnimationFrame(() => resolve({ renderMs: rendered, trendMs: performance.now() - started }));
            return;
          }
          setTimeout(check, 5);
        };
        button.click();
        check();
      }),
  );
  await page.getByRole("region", { name: "Recommendation" }).waitFor({ timeout: 60_000 });
  await page.close();
  if (errors.length > 0) throw new Error(errors.join("; "));
  return { events, simulationMs, renderMs, trendMs };
}

async function main() {
  if (!args.includes("--skip-start")) {
    const start = await storybookStart();
    console.log(`Storybook start (pnpm storybook → first page served): ${seconds(start.firstPage)}`);
    console.log(`Storybook start (pnpm storybook → preview iframe served): ${seconds(start.iframe)}`);
  }
  ensureStorybookBuild({ rebuild: !args.includes("--no-build") });
  const server = await serveStatic(staticDir);
  const browser = await launchChromium();
  try {
    for (const identities of volumes) {
      const { events, simulationMs, renderMs, trendMs } = await openResults(browser, server.url, identities);
      console.log(
        `Demo, ${integer.format(identities)} identities (${integer.format(events)} events): ` +
          `open experiment → results rendered ${seconds(renderMs)}, → trend chart rendered ${seconds(trendMs)} ` +
          `(simulation + load into DuckDB-wasm beforehand: ${seconds(simulationMs)})`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
