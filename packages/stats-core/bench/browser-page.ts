/** The Chromium benchmark page: the dashboard's analysis shape, analysed by the real `analyzeExperiment`. */
import { analyzeExperiment } from "../src/index";
import { experimentInput } from "./inputs";

export type BrowserFigures = { firstMs: number; minMs: number; medianMs: number; runs: number };

declare global {
  interface Window {
    runStatsBench: (runs: number) => BrowserFigures;
  }
}

window.runStatsBench = (runs) => {
  const input = experimentInput({ variations: 4, metrics: 20, days: 90 }, { engine: "bayesian" });
  const started = performance.now();
  analyzeExperiment(input);
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    analyzeExperiment(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { firstMs, minMs: times[0] as number, medianMs: times[Math.floor(runs / 2)] as number, runs };
};
