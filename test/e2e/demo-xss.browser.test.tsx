import type { Experiment, Flag, MetricDefinition, Segment, SegmentOverride } from "@flagsmith-experimentation/adapters";
import { screen, within } from "@testing-library/react";
import userEventLibrary from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { demoWorldFlags, demoWorldMetrics, demoWorldSegments } from "../../stories/demo/demo-world";
import {
  chooseFlag,
  chooseMetrics,
  chooseSegment,
  confirmLaunch,
  type ExperimentPlan,
  fillDetails,
  renderDemo,
  SLOW,
  waitForResults,
} from "./demo-harness";

/**
 * Hostile strings in every user-visible field of the seed data (flag, variation, segment and metric names,
 * the experiment's name and hypothesis) and in what the user types: no script runs and no markup is
 * interpreted — the strings show as text. A hostile event name also goes through the generated SQL and the
 * CSV loader as plain data.
 */

declare global {
  interface Window {
    __xss?: string;
  }
}

const payload = (label: string) => `<img src=x onerror="window.__xss='${label}'">${label}`;

const FLAG_NAME = payload("flag");
const CONTROL_NAME = `<script>window.__xss='control'</script>Control`;
const VARIATION_NAME = `"><svg onload="window.__xss='variation'">Variation`;
const SEGMENT_NAME = `<b onmouseover="window.__xss='segment'">Segment</b>`;
const METRIC_NAME = `<iframe src="javascript:window.__xss='metric'"></iframe>Metric`;
const SECONDARY_METRIC_NAME = payload("secondary metric");
const EXPERIMENT_NAME = payload("experiment");
const HYPOTHESIS = `<a href="javascript:window.__xss='hypothesis'">Hypothesis</a> it increases conversion`;

const hostileFlag: Flag = {
  id: "hostile-flag",
  name: FLAG_NAME,
  description: payload("flag description"),
  type: "multivariate",
  enabled: true,
  controlValue: "a",
  variations: [
    { key: "control", name: CONTROL_NAME, value: "a", isControl: true },
    { key: "evil", name: VARIATION_NAME, value: "<b>b</b>", isControl: false },
  ],
};

const hostileSegment: Segment = {
  id: "hostile-segment",
  name: SEGMENT_NAME,
  description: payload("segment description"),
  expectedDailyTraffic: 1_000,
};

const hostileMetrics: MetricDefinition[] = [
  {
    id: "hostile-metric",
    name: METRIC_NAME,
    description: payload("metric description"),
    kind: "occurrence",
    eventName: "purchase",
    direction: "increase",
    unit: "percent",
    baseline: 0.08,
  },
  {
    id: "hostile-event",
    name: SECONDARY_METRIC_NAME,
    kind: "count",
    eventName: `purchase'); DROP TABLE events; --<script>`,
    direction: "increase",
  },
];

const hostileExperiment: Experiment = {
  id: "exp-hostile",
  name: EXPERIMENT_NAME,
  hypothesis: HYPOTHESIS,
  startDate: "2026-05-04",
  endDate: "2026-05-31",
  flagId: hostileFlag.id,
  flagName: hostileFlag.name,
  environmentKey: "production",
  rolloutPercentage: 100,
  variations: hostileFlag.variations,
  metrics: [
    { metricId: "hostile-metric", role: "primary" },
    { metricId: "hostile-event", role: "secondary" },
  ],
  segmentId: hostileSegment.id,
  weights: { control: 50, evil: 50 },
  status: "running",
  revision: 2,
  launchedAt: "2026-05-03T08:00:00.000Z",
};

const overrides: SegmentOverride[] = [];

function hostileWorld() {
  return {
    flags: [hostileFlag, ...demoWorldFlags],
    segments: [hostileSegment, ...demoWorldSegments],
    overrides,
    metrics: [...hostileMetrics, ...demoWorldMetrics],
    experiments: [hostileExperiment],
    traffic: { "exp-hostile": { identities: 20_000, days: 10 } },
  };
}

/** Nothing from the data became markup: no element or attribute a payload would have created. */
async function expectInert(container: HTMLElement) {
  // An injected <img onerror> fires after its failed load: give it the chance to run.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(window.__xss).toBeUndefined();
  expect(container.querySelector("img[src='x'], script, iframe, [onerror], [onload], [onmouseover]")).toBeNull();
  expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
}

beforeEach(() => {
  delete window.__xss;
});
afterEach(() => {
  delete window.__xss;
});

describe("demo with hostile strings in the data", () => {
  test("the Experiments page and a seeded experiment's results show them as text", async () => {
    const user = userEventLibrary.setup();
    const { view } = renderDemo({ world: hostileWorld(), scale: 0.2 });
    const open = await screen.findByRole("button", { name: `Open results for ${EXPERIMENT_NAME}` }, SLOW);
    expect(open).toHaveTextContent(EXPERIMENT_NAME);
    expect(screen.getByText(METRIC_NAME)).toBeVisible();
    await expectInert(view.container);

    await user.click(open);
    await waitForResults();
    const table = screen.getByRole("table", { name: /metric/i });
    expect(within(table).getByRole("row", { name: new RegExp(escapeRegExp(METRIC_NAME)) })).toBeVisible();
    expect(within(table).getByRole("row", { name: new RegExp(escapeRegExp(SECONDARY_METRIC_NAME)) })).toBeVisible();
    expect(screen.getAllByText(VARIATION_NAME, { exact: false }).length).toBeGreaterThan(0);
    await expectInert(view.container);
  }, 90_000);

  test("the wizard shows hostile flag, variation, segment and metric names and typed text as text, through launch", async () => {
    const user = userEventLibrary.setup();
    const plan: ExperimentPlan = {
      // user-event reads "{" and "[" as key names: these payloads avoid them.
      name: `<img src=x onerror="window.__xss='typed name'">Typed`,
      hypothesis: `<script>window.__xss='typed hypothesis'</script> it increases conversion`,
      flag: FLAG_NAME,
      metrics: [METRIC_NAME],
      segment: SEGMENT_NAME,
    };
    const { view } = renderDemo({ world: hostileWorld(), page: { name: "create" } });
    await fillDetails(user, plan);
    await chooseFlag(user, plan);
    await chooseMetrics(user, plan);
    await chooseSegment(user, plan);

    const summary = view.container;
    for (const text of [plan.name, plan.hypothesis, FLAG_NAME, METRIC_NAME, SEGMENT_NAME]) {
      expect(within(summary).getAllByText(text, { exact: false }).length).toBeGreaterThan(0);
    }
    expect(within(summary).getAllByText(VARIATION_NAME, { exact: false }).length).toBeGreaterThan(0);
    await expectInert(view.container);

    await confirmLaunch(user);
    await waitForResults();
    await expectInert(view.container);
  }, 90_000);
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
