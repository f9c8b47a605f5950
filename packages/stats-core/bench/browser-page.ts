/**
 * The Chromium benchmark page: the dashboard's analysis shape, analysed by the real `analyzeExperiment`. The input
 * arrives as JSON and is parsed in an earlier task, as the dashboard's rows arrive from a warehouse request.
 */
import { type AnalysisInput, analyzeExperiment } from "../src/index";

export type BrowserFigures = {
  /** The first `analyzeExperiment` of the page: what opening the results costs (cold JIT). */
  firstMs: number;
  /** Then reading the first metric's daily series, as the trend chart does (each series is computed when read). */
  firstSeriesMs: number;
  /** Warm: analysis and every metric's daily series. */
  minMs: number;
  medianMs: number;
  runs: number;
};

declare global {
  interface Window {
    loadStatsBenchInput: (json: string) => void;
    runStatsBench: (runs: number) => BrowserFigures;
  }
}

/** Reads every metric's daily series (computed on first read), so warm runs time the whole analysis. */
function readAllSeries(result: ReturnType<typeof analyzeExperiment>): number {
  let points = 0;
  for (const metric of result.metrics) for (const series of metric.timeSeries) points += series.points.length;
  return points;
}

let input: AnalysisInput | undefined;

window.loadStatsBenchInput = (json) => {
  input = JSON.parse(json) as AnalysisInput;
};

window.runStatsBench = (runs) => {
  if (input === undefined) throw new Error("loadStatsBenchInput first");
  const started = performance.now();
  const first = analyzeExperiment(input);
  const firstMs = performance.now() - started;
  const seriesStarted = performance.now();
  void first.metrics[0]?.timeSeries;
  const firstSeriesMs = performance.now() - seriesStarted;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    readAllSeries(analyzeExperiment(input));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { firstMs, firstSeriesMs, minMs: times[0] as number, medianMs: times[Math.floor(runs / 2)] as number, runs };
};
