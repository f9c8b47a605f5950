/**
 * Deterministic benchmark inputs: an experiment of V variations × M metrics × D days (cumulative daily rows and
 * the last day as totals), metric kinds cycling occurrence / sum / count / ratio, lifts within −4 % … +6 %.
 */
import { mulberry32 } from "../src/fixtures/monte-carlo";
import type { AnalysisInput, AnalysisMetric, AnalysisOptions, MetricStatsRow, SufficientStats } from "../src/index";

export type Shape = { variations: number; metrics: number; days: number };

export function experimentInput(
  { variations: count, metrics: metricCount, days }: Shape,
  options: AnalysisOptions,
): AnalysisInput {
  const random = mulberry32(42);
  const variations = Array.from({ length: count }, (_, i) => ({
    key: i === 0 ? "control" : `v${i}`,
    name: i === 0 ? "Control" : `Variation ${i}`,
    isControl: i === 0,
  }));
  const kinds = ["occurrence", "sum", "count", "ratio"] as const;
  const metrics: AnalysisMetric[] = Array.from({ length: metricCount }, (_, i) => ({
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
      for (let day = 0; day < days; day++) {
        const units = 180 + Math.floor(random() * 40);
        n += units;
        const mean = 0.1 * (1 + lift);
        const conversions = Math.round(units * (mean + (random() - 0.5) * 0.02));
        // Per-unit values that day: mean m (drifting a little), variance 2; denominators mean 2, variance 1,
        // covariance 0.5 — so every arm's statistics are valid (non-negative variances).
        const m = mean * 10 + random() * 0.2;
        sum += metric.kind === "occurrence" ? conversions : units * m;
        sumSquares += metric.kind === "occurrence" ? conversions : units * (m * m + 2);
        den += units * 2;
        denSq += units * 5;
        cross += units * (2 * m + 0.5);
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
        if (days > 1) daily.push({ metricId: metric.id, variationKey: v.key, date, stats });
        if (day === days - 1) totals.push({ metricId: metric.id, variationKey: v.key, stats });
      }
    }
  }
  const share = 100 / count;
  const weights = Object.fromEntries(variations.map((v) => [v.key, share]));
  return { variations, weights, metrics, totals, ...(days > 1 ? { daily } : {}), options };
}
