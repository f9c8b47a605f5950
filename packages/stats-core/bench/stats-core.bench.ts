/**
 * Benchmarks (print figures, assert nothing; never part of `npm test`). Run:
 *   pnpm --filter @flagsmith-experimentation/stats-core bench
 * 1. analyzeExperiment in Node next to issue 13's targets (and GrowthBook gbstats 0.8.0's times on the same
 *    shape, from the issue), with P(best)'s error against a reference integration;
 * 2. probabilityOfBeingBest (deterministic integration) against a seeded Monte Carlo.
 * The dashboard-shape figure in Chromium is printed by `bench/chromium.bench.ts`.
 */
import { loadavg } from "node:os";
import { bench, describe } from "vitest";
import { monteCarlo, mulberry32 } from "../src/fixtures/monte-carlo";
import type { AnalysisInput, AnalysisResult, Posterior } from "../src/index";
import { analyzeExperiment, probabilityOfBeingBest } from "../src/index";
import { integrateVector } from "../src/quadrature";
import { normalCdf, normalPdf } from "../src/special/normal";
import { experimentInput } from "./inputs";

/** Runs `fn` `warmup` times, then times `runs` calls: the minimum and median in milliseconds. */
function measure(fn: () => void, runs = 200, warmup = 50): { min: number; median: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { min: times[0] as number, median: times[Math.floor(runs / 2)] as number };
}

/** P(best) by a reference integration: 2,000 equal panels, each refined to a Kronrod–Gauss difference of 1e-15. */
function referenceBest(posteriors: { mean: number; sd: number }[]): number[] {
  const k = posteriors.length;
  const out = new Float64Array(k);
  const lower = Math.max(...posteriors.map((p) => p.mean - 12 * p.sd));
  const upper = Math.max(...posteriors.map((p) => p.mean + 12 * p.sd));
  const breaks = Array.from({ length: 2001 }, (_, i) => lower + ((upper - lower) * i) / 2000);
  const values = integrateVector(
    (x) => {
      for (let i = 0; i < k; i++) {
        const pi = posteriors[i] as { mean: number; sd: number };
        let product = normalPdf((x - pi.mean) / pi.sd) / pi.sd;
        for (let j = 0; j < k; j++) {
          const pj = posteriors[j] as { mean: number; sd: number };
          if (j !== i) product *= normalCdf((x - pj.mean) / pj.sd);
        }
        out[i] = product;
      }
      return out;
    },
    breaks,
    k,
    1e-15,
    60,
    1_000_000,
  );
  return Array.from(values);
}

/** The largest |P(best) − reference| over every metric of the analysis (K ≥ 3; K = 2 is a closed form). */
function probabilityError(result: AnalysisResult): number {
  let worst = 0;
  for (const metric of result.metrics) {
    if (metric.variations.length < 3 || metric.direction === "informational") continue;
    const sign = metric.direction === "decrease" ? -1 : 1;
    const reference = referenceBest(metric.variations.map((v) => ({ mean: sign * v.value, sd: v.standardError })));
    metric.variations.forEach((v, i) => {
      worst = Math.max(worst, Math.abs((v.probabilityOfBeingBest ?? Number.NaN) - (reference[i] as number)));
    });
  }
  return worst;
}

type Row = {
  figure: string;
  "min ms": number;
  "median ms": number;
  target: string;
  "gbstats 0.8.0": string;
  met: string;
};

/** The analysis and, with daily rows, every metric's daily series (each is computed when first read). */
function analyzeAndReadSeries(input: AnalysisInput): number {
  let points = 0;
  for (const metric of analyzeExperiment(input).metrics) {
    for (const series of metric.timeSeries) points += series.points.length;
  }
  return points;
}

function targetRow(figure: string, input: AnalysisInput, targetMs: number, gbstats: [number, number] | null): Row {
  const { min, median } = measure(() => analyzeAndReadSeries(input), input.daily === undefined ? 500 : 60);
  return {
    figure,
    "min ms": Number(min.toFixed(3)),
    "median ms": Number(median.toFixed(3)),
    target: `≤ ${targetMs} ms`,
    "gbstats 0.8.0":
      gbstats === null ? "" : `${gbstats[0]}–${gbstats[1]} ms: ${Math.round(gbstats[0] / median)}× faster`,
    met: median <= targetMs ? "yes" : min <= targetMs ? "at best" : "NO",
  };
}

const fiveByTwenty = { variations: 5, metrics: 20, days: 1 };
const withDays = { variations: 5, metrics: 20, days: 90 };
const bayesian = experimentInput(fiveByTwenty, { engine: "bayesian" });
const frequentistSequential = experimentInput(fiveByTwenty, { engine: "frequentist", sequential: true });
const daily = experimentInput(withDays, { engine: "bayesian", sequential: true });
const dashboardShape = experimentInput({ variations: 4, metrics: 20, days: 90 }, { engine: "bayesian" });

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(", ");
console.log(
  `\nanalyzeExperiment in Node ${process.version} (load average ${load}; 2 shared cores — compare medians when quiet)`,
);
console.table([
  targetRow("5 variations × 20 metrics, Bayesian", bayesian, 1, [200, 227]),
  targetRow("5 × 20, frequentist + sequential", frequentistSequential, 1, [119, 125]),
  targetRow("5 × 20 × 90 days, Bayesian + sequential (every daily series read)", daily, 10, null),
  targetRow(
    "20 metrics × 4 variations × 90 days, every series read (dashboard shape; Chromium: chromium.bench.ts)",
    dashboardShape,
    20,
    null,
  ),
]);
console.log(
  `P(best) exactness on the 5 × 20 analysis: max |P(best) − reference integration| = ${probabilityError(analyzeExperiment(bayesian)).toExponential(2)} (target ≤ 1e-6)`,
);

// ---------------------------------------------------------------------------------------------
// probabilityOfBeingBest vs a seeded 10,000-draw Monte Carlo
// ---------------------------------------------------------------------------------------------

function normalArms(k: number): Posterior[] {
  const random = mulberry32(k);
  return Array.from({ length: k }, () => ({
    distribution: "normal",
    mean: 0.1 + random() * 0.01,
    sd: 0.004 + random() * 0.002,
  }));
}
function betaArms(k: number): Posterior[] {
  const random = mulberry32(100 + k);
  return Array.from({ length: k }, () => {
    const conversions = 900 + Math.floor(random() * 80);
    return { distribution: "beta", alpha: 1 + conversions, beta: 1 + 10_000 - conversions };
  });
}
/** Beta posteriors at n = 1e12 per arm (issue 13: seconds before the in-house incomplete beta). */
const hugeBetas: Posterior[] = [1e11, 1.0000005e11, 0.9999995e11].map((s) => ({
  distribution: "beta",
  alpha: 1 + s,
  beta: 1 + 1e12 - s,
}));

const rows: Record<string, string | number>[] = [];
for (const k of [2, 5, 10, 20]) {
  for (const [family, arms] of [
    ["normal", normalArms(k)],
    ["beta", betaArms(k)],
  ] as const) {
    const exact = probabilityOfBeingBest(arms);
    const timing = measure(() => probabilityOfBeingBest(arms), 50, 5);
    const mcStart = performance.now();
    const mc = monteCarlo(arms, 10_000, 7);
    const mcMs = performance.now() - mcStart;
    const reference = monteCarlo(arms, 1_000_000, 11);
    const sum = exact.reduce((a, b) => a + b, 0);
    rows.push({
      K: k,
      posterior: family,
      "integration ms (median)": Number(timing.median.toFixed(3)),
      "MC 10k ms": Number(mcMs.toFixed(2)),
      "max |MC 10k − exact|": Number(
        Math.max(...mc.map((p, i) => Math.abs(p - (exact[i] as number)))).toExponential(2),
      ),
      "max |MC 1M − exact|": Number(
        Math.max(...reference.map((p, i) => Math.abs(p - (exact[i] as number)))).toExponential(2),
      ),
      "|Σ − 1|": Number(Math.abs(sum - 1).toExponential(2)),
    });
  }
}
const huge = measure(() => probabilityOfBeingBest(hugeBetas), 5, 1);
console.log("\nprobabilityOfBeingBest: deterministic integration vs seeded Monte Carlo");
console.table(rows);
console.log(`Beta posteriors at n = 1e12 (3 arms): ${huge.median.toFixed(1)} ms (median of 5)`);

describe("analyzeExperiment", () => {
  bench("5 × 20, Bayesian", () => {
    analyzeExperiment(bayesian);
  });
  bench("5 × 20 × 90 days, Bayesian + sequential (every daily series read)", () => {
    analyzeAndReadSeries(daily);
  });
});

describe("probabilityOfBeingBest — integration vs 10,000-draw Monte Carlo", () => {
  for (const k of [2, 5, 10, 20]) {
    const normal = normalArms(k);
    const beta = betaArms(k);
    bench(`integration, normal, K=${k}`, () => {
      probabilityOfBeingBest(normal);
    });
    bench(`Monte Carlo 10k, normal, K=${k}`, () => {
      monteCarlo(normal, 10_000, 7);
    });
    bench(`integration, beta, K=${k}`, () => {
      probabilityOfBeingBest(beta);
    });
  }
});
