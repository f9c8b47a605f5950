#!/usr/bin/env node
/**
 * Benchmark (prints figures, asserts nothing): first render and metric switch of a ResultsDashboard with
 * 20 metrics × 4 variations × 90 days of trend, in Chromium with React's production build.
 * Run: pnpm --filter @flagsmith-experimentation/results-dashboard run bench  (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright";
import { build } from "vite";

const runs = Number(process.env.BENCH_RUNS ?? 10);
const root = fileURLToPath(new URL("..", import.meta.url));
// Same flags as test/chromium.ts (headless, offline, as root in a container).
const chromiumArgs = [
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
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
  process.exit(1);
}

const output = await build({
  configFile: false,
  root,
  logLevel: "error",
  mode: "production",
  plugins: [react()],
  resolve: { conditions: ["source", "browser", "import", "module", "default"] },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    write: false,
    minify: true,
    lib: { entry: "bench/bench-page.tsx", formats: ["iife"], name: "bench", fileName: () => "bench.js" },
  },
});
const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output ?? []);
const script = chunks.find((chunk) => chunk.type === "chunk");
if (!script) throw new Error("the bench page did not build");

const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
  await page.addScriptTag({ content: script.code });
  const figures = await page.evaluate((n) => window.runBench(n), runs);
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const row = (label, values) =>
    `${label.padEnd(34)} median ${median(values).toFixed(1).padStart(7)} ms   min ${Math.min(...values)
      .toFixed(1)
      .padStart(7)} ms   max ${Math.max(...values)
      .toFixed(1)
      .padStart(7)} ms   (n=${values.length})`;
  console.log(`ResultsDashboard benchmark — 20 metrics × 4 variations × 90 days, Chromium ${browser.version()}`);
  console.log(`${"analyzeExperiment (stats-core)".padEnd(34)} ${figures.analyzeMs.toFixed(1).padStart(14)} ms`);
  console.log(row("first render (commit + layout)", figures.firstRenderMs));
  console.log(row("metric switch in TrendChart", figures.metricSwitchMs));
  console.log(row("switch to lift-over-time view", figures.liftViewMs));
  console.log(`${"DOM elements in the dashboard".padEnd(34)} ${String(figures.domNodes).padStart(14)}`);
  console.log(
    `${"bench bundle (min, React included)".padEnd(34)} ${(script.code.length / 1024).toFixed(1).padStart(11)} KiB`,
  );
} finally {
  await browser.close();
}
