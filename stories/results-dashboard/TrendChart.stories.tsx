import { TrendChart, type TrendChartProps } from "@flagsmith-experimentation/results-dashboard";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { analyzeScenario, dark, fitsFrame, NarrowFrame, type ScenarioName, scenarios } from "./results-story-fixtures";

type ChartStoryProps = Omit<TrendChartProps, "analysis" | "daily"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
  /** Pass the warehouse's daily rows (enables "Values per day"). */
  withDaily?: boolean;
  /** Make the first days' intervals huge, as a traffic ramp-up does: the axis must not follow them. */
  wildStart?: boolean;
};

/** The first three days' bands a hundred times wider than the rest. */
function withWildStart(analysis: AnalysisResult): AnalysisResult {
  return {
    ...analysis,
    metrics: analysis.metrics.map((metric) => ({
      ...metric,
      timeSeries: metric.timeSeries.map((series) => ({
        ...series,
        points: series.points.map((point, index) =>
          point.lift && index < 3 ? { ...point, lift: { ...point.lift, ci: [-10, 30] as [number, number] } } : point,
        ),
      })),
    })),
  };
}

function ChartStory({ scenario, withDaily = true, wildStart = false, ...props }: ChartStoryProps) {
  const { analysis, daily } = useMemo(() => {
    const built = scenarios[scenario]();
    const analysed = analyzeScenario(built);
    return { analysis: wildStart ? withWildStart(analysed) : analysed, daily: built.daily };
  }, [scenario, wildStart]);
  return <TrendChart analysis={analysis} {...(withDaily ? { daily } : {})} {...props} />;
}

const meta = {
  title: "Results dashboard/TrendChart",
  component: ChartStory,
  args: { scenario: "clear-winner", locale: "en-US", onMetricChange: fn() },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    defaultView: { control: "inline-radio", options: ["values", "daily", "lift"] },
  },
} satisfies Meta<typeof ChartStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each variation's cumulative value, one line per variation, labelled as cumulative. */
export const Values: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("radio", { name: "Cumulative values" })).toBeChecked();
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Cumulative values/ });
    await expect(chart).toHaveAccessibleDescription(/^Cumulative: each day includes every day before it/);
    await expect(chart.querySelectorAll("path[data-series]")).toHaveLength(2);
    const legend = canvas.getByRole("list", { name: "Legend" });
    await expect(within(legend).getAllByRole("listitem")).toHaveLength(2);
  },
};

/** The treatment's lift per day with its interval band, switched to with the "View" control. */
export const LiftView: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Lift over time" }));
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Lift over time/ });
    await expect(chart.querySelectorAll("path[data-series]")).toHaveLength(1);
    await expect(chart.querySelectorAll("path[data-band]")).toHaveLength(1);
    await expect(canvas.getByText("Interval band")).toBeVisible();
  },
};

/** Control and three treatments; choosing another metric with the "Metric" control redraws the chart. */
export const SwitchingMetric: Story = {
  args: { scenario: "four-variations" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const metric = canvas.getByRole("combobox", { name: "Metric" });
    await expect(metric).toHaveValue("add-to-cart");
    await expect(canvas.getByRole("slider", { name: /^Add-to-cart events: Cumulative values/ })).toBeVisible();
    await userEvent.selectOptions(metric, "page-load-time");
    await expect(canvas.getByRole("slider", { name: /^Page load time: Cumulative values/ })).toBeVisible();
    await expect(args.onMetricChange).toHaveBeenCalledWith("page-load-time");
  },
};

/** Only one day of data: a readable note instead of an empty chart. */
export const SingleDay: Story = {
  args: { scenario: "insufficient-data" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("note")).toHaveTextContent("Only one day of data so far");
    await expect(canvas.queryByRole("slider")).not.toBeInTheDocument();
  },
};

/** "Values per day": each day on its own (that day's increment per exposed user), not a curve climbing from 0. */
export const PerDay: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Values per day" }));
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Values per day/ });
    await expect(chart).toHaveAccessibleDescription(/^Per day: each day on its own/);
    await expect(chart.querySelectorAll("path[data-series]")).toHaveLength(2);
  },
};

/** Without the daily rows there is no per-day view to offer. */
export const PerDayUnavailable: Story = {
  args: { withDaily: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("radio", { name: "Values per day" })).not.toBeInTheDocument();
  },
};

/** A slow start: the lift is drawn from the first day every variation had 100 users, and the chart says so. */
export const LiftFromMinimumSample: Story = {
  args: { scenario: "slow-start", defaultView: "lift" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Lift over time, Mar 6, 2026 to/ });
    await expect(chart).toHaveAccessibleDescription(
      "Lift from Mar 6, 2026, the first day every variation had at least 100 users: earlier days are noise.",
    );
  },
};

/** Huge early intervals: the axis fits the lines and the typical band, cuts the rest, and says so. */
export const LiftAxisClipped: Story = {
  args: { wildStart: true, defaultView: "lift" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Lift over time/ });
    await expect(chart).toHaveAccessibleDescription(/The widest interval bands run past the axis/);
    const ticks = [...chart.querySelectorAll('[data-axis="y"] text')].map((tick) => tick.textContent ?? "");
    // Nothing like -1,000% or +3,000%: the axis stays within about ±50%.
    for (const tick of ticks) await expect(Math.abs(Number.parseFloat(tick.replace(/[^\d.-]/g, "")))).toBeLessThan(50);
  },
};

/** Not enough users yet in some variation: the lift view says how far it is. */
export const LiftWaiting: Story = {
  args: { scenario: "slow-start", defaultView: "lift", liftMinimumSample: 100_000 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("note")).toHaveTextContent(
      /^The lift appears once every variation has at least 100,000 users \(the smallest has [\d,]+ so far\)\.$/,
    );
  },
};

/** The trend chart under `.dark`. */
export const Dark: Story = {
  globals: dark,
  args: { defaultView: "lift" },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const chart = within(canvasElement).getByRole("slider", { name: /^Checkout conversion: Lift over time/ });
    await expect(chart.querySelectorAll("path[data-band]")).toHaveLength(1);
  },
};

/** In a 360 px box: the chart, its notes and controls fit. */
export const Narrow: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const chart = within(canvasElement).getByRole("slider", { name: /^Checkout conversion/ });
    await waitFor(() => expect(fitsFrame(canvasElement, chart)).toBe(true));
    await expect(fitsFrame(canvasElement, within(canvasElement).getByRole("group", { name: "View" }))).toBe(true);
  },
};
