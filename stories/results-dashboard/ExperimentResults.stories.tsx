import { AdapterError, type Experiment, type MetricStatsRequest } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, type InMemoryAdaptersOptions } from "@flagsmith-experimentation/adapters/testing";
import { ExperimentResults, type ExperimentResultsProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  dark,
  fitsFrame,
  NarrowFrame,
  type ScenarioName,
  STORY_TODAY,
  scenarioAdapters,
  scenarios,
  withStatus,
} from "./results-story-fixtures";

type ConnectedStoryProps = Omit<ExperimentResultsProps, "adapters" | "experimentId"> & {
  scenario: ScenarioName;
  /** The experiment's lifecycle status (the scenarios run 2026-03-02 to 2026-03-22). */
  status?: Experiment["status"];
  /** Changes to the stored experiment (dates, plan, a recorded decision). */
  experiment?: Partial<Experiment>;
  /** In-memory adapter options: latency and faults for persistence and metrics. */
  adapterOptions?: Omit<InMemoryAdaptersOptions, "experiments" | "metrics">;
  /** Serve no statistics at all (the in-memory warehouse without events): the "no data yet" state. */
  noData?: boolean;
  /** The warehouse never answers: the header shows, the rest is skeletons. */
  warehouseHangs?: boolean;
  /** The first call to `getExperiment` fails with this error. */
  firstFailure?: AdapterError;
  /**
   * The trend chart's daily rows: never answered (`hangs`: the page is ready, the chart's place is loading), or the
   * first request fails with a network error (`fails-once`: the chart's error with "Retry", which then succeeds).
   */
  dailyRows?: "hangs" | "fails-once";
  excludedMultipleVariations?: number;
};

const PLAN = { minimumDetectableEffect: 0.1, power: 0.8, alpha: 0.05, sampleSizePerVariation: 30_000 };

/** `ExperimentResults` over fresh adapters per mounted story (in-memory persistence + a statistics warehouse). */
function ConnectedStory({
  scenario,
  status,
  experiment: changes,
  adapterOptions,
  noData,
  warehouseHangs,
  firstFailure,
  dailyRows,
  excludedMultipleVariations,
  ...props
}: ConnectedStoryProps) {
  const [setup] = useState(() => {
    const base = scenarios[scenario]();
    const built = status ? withStatus(base, status) : base;
    const experiment = { ...built.experiment, plan: PLAN, ...changes };
    const adapters = noData
      ? createInMemoryAdapters({ ...adapterOptions, experiments: [experiment], metrics: built.metrics, events: [] })
      : scenarioAdapters(
          { ...built, experiment },
          { ...adapterOptions, excludedMultipleVariations: excludedMultipleVariations ?? 0 },
        );
    const segments = { listSegments: async () => [{ id: "everyone", name: "All users" }] };
    let dailyFailed = false;
    const warehouse = warehouseHangs
      ? { fetchMetricStats: () => new Promise<never>(() => {}) }
      : dailyRows
        ? {
            ...adapters.warehouse,
            fetchMetricStats: (request: MetricStatsRequest) => {
              if (request.granularity !== "day") return adapters.warehouse.fetchMetricStats(request);
              if (dailyRows === "hangs") return new Promise<never>(() => {});
              if (dailyFailed) return adapters.warehouse.fetchMetricStats(request);
              dailyFailed = true;
              return Promise.reject(new AdapterError("network"));
            },
          }
        : adapters.warehouse;
    let failed = false;
    const persistence = firstFailure
      ? Object.assign(Object.create(adapters.persistence), {
          getExperiment: async (id: string) => {
            if (!failed) {
              failed = true;
              throw firstFailure;
            }
            return adapters.persistence.getExperiment(id);
          },
        })
      : adapters.persistence;
    return { adapters: { ...adapters, persistence, warehouse, segments }, experimentId: experiment.id };
  });
  return <ExperimentResults experimentId={setup.experimentId} adapters={setup.adapters} {...props} />;
}

const meta = {
  title: "Results dashboard/ExperimentResults (connected)",
  component: ConnectedStory,
  args: {
    scenario: "clear-winner",
    locale: "en-US",
    today: STORY_TODAY,
    environmentName: "Production",
    onExperimentChange: fn(),
    onStartFromThis: fn(),
  },
  argTypes: { scenario: { control: "select", options: Object.keys(scenarios) } },
} satisfies Meta<typeof ConnectedStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const RESULTS = "Results: Checkout button colour";
const LOAD = { timeout: 10_000 };

function headerOf(canvasElement: HTMLElement) {
  const header = within(canvasElement).getByRole("heading", { name: RESULTS }).closest("header");
  if (!header) throw new Error("no header");
  return within(header as HTMLElement);
}

/** Loads, analyses and renders; the header says where it stands; "Refresh" reloads; "Stop experiment" asks first. */
export const Connected: Story = {
  args: { excludedMultipleVariations: 8 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: RESULTS })).toBeVisible();
    const header = headerOf(canvasElement);
    await expect(header.getByText("Running")).toBeVisible();
    await expect(header.getByText("Day 10 of 21")).toBeVisible();
    await expect(await header.findByText("70% of planned sample", {}, LOAD)).toBeVisible();
    await expect(header.getByText(/^Last refreshed /)).toBeVisible();
    await expect(canvas.getByRole("status", { name: "Users exposed to several variations" })).toHaveTextContent(
      "8 users",
    );
    const configuration = canvas.getByRole("region", { name: "Configuration" });
    await expect(within(configuration).getByText("exp-clear-winner_flag")).toBeVisible();
    await expect(within(configuration).getByText("Production")).toBeVisible();
    await expect(within(configuration).getByText("Segment “All users”")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Refresh" }));
    await expect(await canvas.findByRole("button", { name: "Refresh" })).toBeEnabled();
    await userEvent.click(canvas.getByRole("button", { name: "Stop experiment" }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("alertdialog", { name: "Stop this experiment?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm stop" }));
    await expect(await canvas.findByText("Stopped")).toBeVisible();
    await expect(args.onExperimentChange).toHaveBeenCalledWith(expect.objectContaining({ status: "stopped" }));
    await userEvent.click(canvas.getByRole("button", { name: "Start a new experiment from this one" }));
    await expect(args.onStartFromThis).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Checkout button colour (copy)" }),
    );
  },
};

/** "Ship Green button": a confirmation with the evidence, then the concluded page with the recorded decision. */
export const ShipTheWinner: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole("button", { name: "Ship Green button" }, LOAD));
    const dialog = await body.findByRole("alertdialog", { name: "Ship Green button?" });
    await expect(dialog).toHaveAccessibleDescription(/served to this experiment's audience \(Segment “All users”\)/);
    await expect(within(dialog).getByText("Evidence at this moment")).toBeVisible();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Note (optional)" }), "Clear win.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
    const decision = await canvas.findByRole("region", { name: "Decision" }, LOAD);
    await expect(within(decision).getByText("Shipped Green button")).toBeVisible();
    await expect(within(decision).getByText("Clear win.")).toBeVisible();
    await expect(within(decision).getByText("Recommendation then: Declare a winner")).toBeVisible();
    await expect(headerOf(canvasElement).getByText("Concluded")).toBeVisible();
    await expect(args.onExperimentChange).toHaveBeenCalledWith(expect.objectContaining({ status: "concluded" }));
  },
};

const concluded: Partial<Experiment> = {
  status: "concluded",
  stoppedAt: "2026-03-22T18:00:00.000Z",
  decision: {
    winner: "green",
    decidedAt: "2026-03-23T09:30:00.000Z",
    decidedBy: "Priya Raman",
    note: "Green converts better and nothing else moved. Shipping to everyone.",
    evidence: {
      verdict: "declare-winner",
      users: { control: 21_000, green: 21_000 },
      metrics: [
        {
          metricId: "conversion",
          variationKey: "green",
          lift: 0.15,
          interval: [0.092, 0.208],
          significant: true,
          chanceToWin: 0.9999,
          pValue: null,
        },
      ],
    },
  },
};

async function checkConcluded(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const decision = await canvas.findByRole("region", { name: "Decision" }, LOAD);
  await expect(within(decision).getByText("Shipped Green button")).toBeVisible();
  await expect(within(decision).getByText(/^Decided .* by Priya Raman$/)).toBeVisible();
  await expect(within(decision).getByText(/Shipping to everyone/)).toBeVisible();
  await expect(within(decision).getByText("Checkout conversion").closest("li")).toHaveTextContent(
    "+15.0% (+9.2% to +20.8%)",
  );
  await expect(headerOf(canvasElement).getByText("Ended Mar 22, 2026, after 21 days")).toBeVisible();
  await expect(canvas.queryByRole("button", { name: /^Ship / })).not.toBeInTheDocument();
  return decision;
}

/** A concluded experiment shows its decision: what was shipped, who decided and when, the note and the evidence. */
export const ConcludedWithDecision: Story = {
  args: { experiment: concluded },
  play: async ({ canvasElement }) => {
    await checkConcluded(canvasElement);
  },
};

/** The recorded decision under `.dark`. */
export const ConcludedWithDecisionDark: Story = {
  args: { experiment: concluded },
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const decision = await checkConcluded(canvasElement);
    await expect(getComputedStyle(decision).backgroundColor).toBe("rgb(16, 22, 40)");
  },
};

/** The recorded decision in a 360 px box: it wraps, nothing scrolls sideways. */
export const ConcludedWithDecisionNarrow: Story = {
  args: { experiment: concluded },
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const decision = await checkConcluded(canvasElement);
    await expect(fitsFrame(canvasElement, decision)).toBe(true);
  },
};

/** Pause, then Resume, when the persistence supports them. */
export const PauseAndResume: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD));
    await expect(await canvas.findByRole("button", { name: "Resume experiment" }, LOAD)).toBeVisible();
    await expect(headerOf(canvasElement).getByText("Paused")).toBeVisible();
    // A paused experiment is never told to "keep running".
    await waitFor(() =>
      expect(canvas.getByRole("region", { name: "Recommendation" })).not.toHaveTextContent("Keep running"),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Resume experiment" }));
    await expect(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD)).toBeVisible();
    await expect(args.onExperimentChange).toHaveBeenLastCalledWith(expect.objectContaining({ status: "running" }));
  },
};

async function checkScheduled(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await expect(await canvas.findByText(/^This experiment starts on Apr 1, 2026\./)).toBeVisible();
  await expect(headerOf(canvasElement).getByText("Starts on Apr 1, 2026")).toBeVisible();
  await expect(headerOf(canvasElement).getByText("Scheduled")).toBeVisible();
  await expect(canvas.queryByText(/first exposures appear/i)).not.toBeInTheDocument();
  const configuration = canvas.getByRole("region", { name: "Configuration" });
  await expect(within(configuration).getByText("Apr 1, 2026 to Apr 28, 2026")).toBeVisible();
  await expect(within(configuration).getByText("Production")).toBeVisible();
  await expect(await within(configuration).findByText("Segment “All users”")).toBeVisible();
  return configuration;
}

const scheduled: Partial<Experiment> = { status: "scheduled", startDate: "2026-04-01", endDate: "2026-04-28" };

/** Scheduled: title, dates, configuration (flag, environment, audience) and when it starts. */
export const Scheduled: Story = {
  args: { experiment: scheduled },
  play: async ({ canvasElement }) => {
    await checkScheduled(canvasElement);
  },
};

/** Scheduled, under `.dark`. */
export const ScheduledDark: Story = {
  args: { experiment: scheduled },
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const configuration = await checkScheduled(canvasElement);
    await expect(getComputedStyle(configuration).color).toBe("rgb(255, 255, 255)");
  },
};

/** Scheduled, in a 360 px box. */
export const ScheduledNarrow: Story = {
  args: { experiment: scheduled },
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const configuration = await checkScheduled(canvasElement);
    await expect(fitsFrame(canvasElement, configuration)).toBe(true);
  },
};

async function checkLoadingStatistics(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  // The real header at once; skeletons shaped like the recommendation, the three cards and a row per metric.
  await expect(await canvas.findByRole("heading", { name: RESULTS })).toBeVisible();
  await expect(headerOf(canvasElement).getByText("Day 10 of 21")).toBeVisible();
  const status = canvas.getByRole("status");
  await expect(status).toHaveTextContent("Loading results…");
  await expect(status).toHaveAttribute("aria-busy", "true");
  await expect(status.querySelectorAll('[data-shape="card"]')).toHaveLength(3);
  await expect(status.querySelectorAll(".fx-skeleton-table-row:not([data-header])")).toHaveLength(3);
  await expect(canvas.getByRole("region", { name: "Configuration" })).toBeVisible();
  return status;
}

/** The warehouse is still answering: the header and configuration are real, the rest is shaped placeholders. */
export const LoadingStatistics: Story = {
  args: { warehouseHangs: true },
  play: async ({ canvasElement }) => {
    await checkLoadingStatistics(canvasElement);
  },
};

/** Loading statistics under `.dark`. */
export const LoadingStatisticsDark: Story = {
  args: { warehouseHangs: true },
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkLoadingStatistics(canvasElement);
  },
};

/** Loading statistics in a 360 px box: the card placeholders stack. */
export const LoadingStatisticsNarrow: Story = {
  args: { warehouseHangs: true },
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const status = await checkLoadingStatistics(canvasElement);
    const [first, second] = status.querySelectorAll('[data-shape="card"]');
    if (!first || !second) throw new Error("no card placeholders");
    await expect(second.getBoundingClientRect().top).toBeGreaterThan(first.getBoundingClientRect().bottom - 1);
  },
};

/**
 * Progressive loading: the totals are in, so the whole page is there (recommendation, cards, table), while the trend
 * chart's daily rows are still out: its place is busy and says "Loading the trend…".
 */
export const LoadingTrend: Story = {
  args: { dailyRows: "hangs" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: "Recommendation" }, LOAD)).toHaveTextContent(
      "Declare a winner",
    );
    await expect(canvas.getByRole("table", { name: "Metrics comparison" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Refresh" })).toBeEnabled();
    const trend = canvas.getByRole("region", { name: "Trend" });
    await expect(trend).toHaveAttribute("aria-busy", "true");
    await expect(within(trend).getByRole("status")).toHaveTextContent("Loading the trend…");
    await expect(within(trend).queryByRole("slider")).toBeNull();
  },
};

/** The trend chart's daily rows failed (network): its own error with "Retry", which brings the chart; the rest stays. */
export const TrendError: Story = {
  args: { dailyRows: "fails-once" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trend = await canvas.findByRole("region", { name: "Trend" }, LOAD);
    await expect(await within(trend).findByRole("alert", {}, LOAD)).toHaveTextContent("We could not reach the server");
    await expect(within(trend).getByText("The trend could not be loaded")).toBeVisible();
    await expect(canvas.getByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");
    await expect(canvas.queryByText("Results could not be loaded")).toBeNull();
    await userEvent.click(within(trend).getByRole("button", { name: "Retry" }));
    const chart = await canvas.findByRole("slider", { name: /^Checkout conversion: Cumulative values/ }, LOAD);
    await expect(chart).toBeVisible();
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** The experiment itself is loading: placeholders for the title too. */
export const Loading: Story = {
  args: { adapterOptions: { faults: { "persistence.getExperiment": { type: "hang" } }, guard: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent("Loading results…");
    await expect(canvas.getByRole("status")).toHaveAttribute("aria-busy", "true");
  },
};

/** A launched experiment with no exposures yet. */
export const Empty: Story = {
  args: { noData: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No data yet", {}, LOAD)).toBeVisible();
    await expect(canvas.getByText(/first exposures appear within/i)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Refresh" })).toBeEnabled();
  },
};

/** The first load fails (network): a readable error and "Retry", which then succeeds. */
export const ErrorState: Story = {
  name: "Error",
  args: { adapterOptions: { faults: { "persistence.getExperiment": { type: "reject", times: 1 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Results could not be loaded" })).toBeVisible();
    await expect(canvas.getByRole("alert")).toHaveTextContent("We could not reach the server");
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(await canvas.findByRole("heading", { name: RESULTS })).toBeVisible();
  },
};

/** Flagsmith is rate limiting (429 with Retry-After): the page says when it retries, then retries by itself. */
export const RateLimited: Story = {
  args: { firstFailure: new AdapterError("rate-limited", undefined, { status: 429, retryAfterSeconds: 2 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Try again in 2 seconds.");
    await expect(canvas.getByText(/^Retrying in \d seconds?…$/)).toBeVisible();
    await expect(await canvas.findByRole("heading", { name: RESULTS }, LOAD)).toBeVisible();
  },
};

/** A 403 for the environment: the heading says access was refused and Flagsmith's detail says why. */
export const AccessRefused: Story = {
  args: {
    firstFailure: new AdapterError("unauthorized", undefined, {
      status: 403,
      detail: "Environment key not found or no access.",
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "No access to these results" })).toBeVisible();
    await expect(canvas.getByRole("alert")).toHaveTextContent("Environment key not found or no access.");
  },
};

/** The experiment was deleted: "Experiment not found". */
export const NotFound: Story = {
  args: { firstFailure: new AdapterError("not-found", undefined, { status: 404 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Experiment not found" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

async function pauseAndResume(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD));
  await expect(await canvas.findByRole("button", { name: "Resume experiment" }, LOAD)).toBeVisible();
  await expect(headerOf(canvasElement).getByText("Paused")).toBeVisible();
  await userEvent.click(canvas.getByRole("button", { name: "Resume experiment" }));
  await expect(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD)).toBeVisible();
}

/** Pause and Resume under `.dark`. */
export const PauseAndResumeDark: Story = {
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await pauseAndResume(canvasElement);
  },
};

/** Pause and Resume in a 360 px box: the header's actions wrap and stay in it. */
export const PauseAndResumeNarrow: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await pauseAndResume(canvasElement);
    for (const button of within(canvasElement).getAllByRole("button")) {
      await expect(fitsFrame(canvasElement, button)).toBe(true);
    }
  },
};
