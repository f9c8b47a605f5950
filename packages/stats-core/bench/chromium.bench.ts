/**
 * Benchmark (prints figures, asserts nothing): analyzeExperiment on the results dashboard's shape — 20 metrics ×
 * 4 variations × 90 days, Bayesian — in Chromium, next to issue 13's target (≤ 20 ms, so opening results never
 * blocks the main thread for long). The headline is the page's first call (cold JIT), which is what opening the
 * results costs; then the first metric's daily series (what the trend chart reads), and warm runs that read every
 * series. The rows reach the page as JSON, parsed in an earlier task, as they reach the dashboard from a warehouse
 * request (building them in the page right before the call used to time its JIT work along with the analysis). The page is `bench/browser-page.ts`, built with Vite into one script. BENCH_RUNS sets the number of
 * timed runs (default 40); CHROMIUM_PATH the browser (see test/chromium.ts).
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { build, type Rollup } from "vite";
import { bench, describe } from "vitest";
import { chromiumArgs, chromiumPath } from "../../../test/chromium";
import type { BrowserFigures } from "./browser-page";
import { experimentInput } from "./inputs";

const runs = Number(process.env.BENCH_RUNS ?? 40);
const targetMs = 20;

const output = await build({
  configFile: false,
  root: fileURLToPath(new URL("..", import.meta.url)),
  logLevel: "error",
  mode: "production",
  resolve: { conditions: ["source", "browser", "import", "module", "default"] },
  build: {
    write: false,
    minify: true,
    lib: { entry: "bench/browser-page.ts", formats: ["iife"], name: "statsBench", fileName: () => "bench.js" },
  },
});
const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) =>
  "output" in result ? (result as Rollup.RollupOutput).output : [],
);
const script = chunks.find((chunk): chunk is Rollup.OutputChunk => chunk.type === "chunk");
if (script === undefined) throw new Error("the bench page did not build");

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
  await page.addScriptTag({ content: script.code });
  const json = JSON.stringify(experimentInput({ variations: 4, metrics: 20, days: 90 }, { engine: "bayesian" }));
  await page.evaluate((text) => window.loadStatsBenchInput(text), json);
  const figures: BrowserFigures = await page.evaluate((n) => window.runStatsBench(n), runs);
  const verdict = (ms: number) => (ms <= targetMs ? "yes" : "NO");
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
  console.log(
    `\nanalyzeExperiment in Chromium ${browser.version()} — 20 metrics × 4 variations × 90 days, Bayesian (load average ${load})`,
  );
  console.table([
    {
      "first call ms (cold)": Number(figures.firstMs.toFixed(2)),
      "then 1st metric's series ms": Number(figures.firstSeriesMs.toFixed(2)),
      "warm min ms (all series)": Number(figures.minMs.toFixed(2)),
      "warm median ms": Number(figures.medianMs.toFixed(2)),
      runs: figures.runs,
      target: `≤ ${targetMs} ms`,
      "met (first call)": verdict(figures.firstMs),
      "met (warm median)": verdict(figures.medianMs),
    },
  ]);
} finally {
  await browser.close();
}

describe("Chromium (figures printed above)", () => {
  bench("noop", () => {});
});
