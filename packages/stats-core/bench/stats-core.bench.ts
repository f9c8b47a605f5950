/**
 * Figures for the README: analyzeExperiment at dashboard scale, and probabilityOfBeingBest
 * (deterministic integration) against a seeded 10,000-draw Monte Carlo. Prints; asserts nothing.
 */
import { bench, describe } from "vitest";
import { monteCarlo, mulberry32 } from "../src/fixtures/monte-carlo";
import type { AnalysisInput, AnalysisMetric, MetricStatsRow, Posterior, SufficientStats } from "../src/index";
import { analyzeExperiment, probabilityOfBeingBest } from "../src/index";

// ---------------------------------------------------------------------------------------------
// analyzeExperiment: 5 variations × 20 metrics × 90 days, Bayesian + sequential
// ---------------------------------------------------------------------------------------------

function experimentInput(): AnalysisInput {
  const random = mulberry32(42);
  const variations = ["control", "v1", "v2", "v3", "v4"].map((key, i) => ({ key, name: key, isControl: i === 0 }));
  const kinds = ["occurrence", "sum", "count", "ratio"] as const;
  const metrics: AnalysisMetric[] = Array.from({ length: 20 }, (_, i) => ({
    id: `m${i}`,
    name: `Metric ${i}`,
    kind: kinds[i % 4] as AnalysisMetric["kind"],
    direction: i % 5 === 4 ? "decrease" : "increase",
    role: i < 2 ? "primary" : i < 14 ? "secondary" : "guardrail",
  }));
  const daily: MetricStatsRow[] = [];
  const totals: MetricStatsRow[] = [];
  for (const metric of metrics) {
    for (const v of variations) {
      const lift = v.isControl ? 0 : (random() - 0.4) * 0.1;
      let n = 0;
      let sum = 0;
      let sumSquares = 0;
      let den = 0;
      let denSq = 0;
      let cross = 0;
      for (let day = 0; day < 90; day++) {
        const units = 180 + Math.floor(random() * 40);
        n += units;
        const mean = 0.1 * (1 + lift);
        const conversions = Math.round(units * (mean + (random() - 0.5) * 0.02));
        sum += metric.kind === "occurrence" ? conversions : units * (mean * 10 + random());
        sumSquares += metric.kind === "occurrence" ? conversions : units * ((mean * 10) ** 2 + 2 + random());
        den += units * 2;
        denSq += units * 5;
        cross += units * (mean * 20 + random());
        let stats: SufficientStats;
        if (metric.kind === "occurrence") stats = { kind: "proportion", n, sum };
        else if (metric.kind === "ratio") {
          stats = {
            kind: "ratio",
            n,
            sum,
            sumSquares,
            denominatorSum: den,
            denominatorSumSquares: denSq,
            crossSum: cross,
          };
        } else stats = { kind: "mean", n, sum, sumSquares };
        const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
        daily.push({ metricId: metric.id, variationKey: v.key, date, stats });
        if (day === 89) totals.push({ metricId: metric.id, variationKey: v.key, stats });
      }
    }
  }
  const weights = Object.fromEntries(variations.map((v) => [v.key, 20]));
  return { variations, weights, metrics, totals, daily, options: { engine: "bayesian", sequential: true } };
}

const input = experimentInput();

describe("analyzeExperiment — 5 variations × 20 metrics × 90 days (9,000 daily rows), Bayesian + sequential", () => {
  bench(
    "analyzeExperiment",
    () => {
      analyzeExperiment(input);
    },
    { iterations: 20, warmupIterations: 3 },
  );
});

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

const rows: Record<string, string | number>[] = [];
for (const k of [2, 5, 10, 20]) {
  for (const [family, arms] of [
    ["normal", normalArms(k)],
    ["beta", betaArms(k)],
  ] as const) {
    const exactStart = performance.now();
    const exact = probabilityOfBeingBest(arms);
    const exactMs = performance.now() - exactStart;
    const mcStart = performance.now();
    const mc = monteCarlo(arms, 10_000, 7);
    const mcMs = performance.now() - mcStart;
    const reference = monteCarlo(arms, 1_000_000, 11);
    const sum = exact.reduce((a, b) => a + b, 0);
    rows.push({
      K: k,
      posterior: family,
      "integration ms": Number(exactMs.toFixed(2)),
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
console.log("\nprobabilityOfBeingBest: deterministic integration vs seeded Monte Carlo (first call, cold)");
console.table(rows);

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
    bench(`Monte Carlo 10k, beta, K=${k}`, () => {
      monteCarlo(beta, 10_000, 7);
    });
  }
});
