/**
 * The benchmark page: a dashboard of 20 metrics × 4 variations × 90 days (deterministic statistics analysed by the
 * real `analyzeExperiment`), rendered with React's production build. `render.bench.mjs` loads it in Chromium.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { analyzeScenario, largeScenario } from "../src/analysis-fixtures";
import { ResultsDashboard } from "../src/index";

export interface BenchFigures {
  analyzeMs: number;
  firstRenderMs: number[];
  metricSwitchMs: number[];
  liftViewMs: number[];
  domNodes: number;
}

declare global {
  interface Window {
    runBench: (runs: number) => Promise<BenchFigures>;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function setSelect(select: HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")?.set;
  setter?.call(select, value);
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

window.runBench = async (runs) => {
  const scenario = largeScenario({ metrics: 20, variations: 4, days: 90 });
  const started = performance.now();
  const analysis = analyzeScenario(scenario);
  const analyzeMs = performance.now() - started;
  const firstRenderMs: number[] = [];
  const metricSwitchMs: number[] = [];
  const liftViewMs: number[] = [];
  let domNodes = 0;
  for (let run = 0; run < runs; run++) {
    const host = document.createElement("div");
    host.style.width = "1200px";
    document.body.append(host);
    const root = createRoot(host);
    const start = performance.now();
    flushSync(() =>
      root.render(
        <ResultsDashboard
          experiment={scenario.experiment}
          analysis={analysis}
          metrics={scenario.metrics}
          locale="en-US"
        />,
      ),
    );
    void host.getBoundingClientRect().height; // include style and layout
    firstRenderMs.push(performance.now() - start);
    domNodes = host.getElementsByTagName("*").length;
    await nextFrame();
    const select = host.querySelector<HTMLSelectElement>(".fx-trend select");
    if (!select) throw new Error("no Metric select");
    for (const metric of scenario.metrics.slice(1, 6)) {
      const switchStart = performance.now();
      flushSync(() => setSelect(select, metric.id));
      void host.getBoundingClientRect().height;
      metricSwitchMs.push(performance.now() - switchStart);
      await nextFrame();
    }
    const liftRadio = host.querySelector<HTMLInputElement>('.fx-trend input[value="lift"]');
    if (liftRadio) {
      const liftStart = performance.now();
      flushSync(() => liftRadio.click());
      void host.getBoundingClientRect().height;
      liftViewMs.push(performance.now() - liftStart);
    }
    root.unmount();
    host.remove();
    await nextFrame();
  }
  return { analyzeMs, firstRenderMs, metricSwitchMs, liftViewMs, domNodes };
};
