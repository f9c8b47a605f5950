import { TrendChart, type TrendChartProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { analyzeScenario, type ScenarioName, scenarios } from "./results-story-fixtures";

type ChartStoryProps = Omit<TrendChartProps, "analysis"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
};

function ChartStory({ scenario, ...props }: ChartStoryProps) {
  const analysis = useMemo(() => analyzeScenario(scenarios[scenario]()), [scenario]);
  return <TrendChart analysis={analysis} {...props} />;
}

const meta = {
  title: "Results dashboard/TrendChart",
  component: ChartStory,
  args: { scenario: "clear-winner", locale: "en-US", onMetricChange: fn() },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    defaultView: { control: "inline-radio", options: ["values", "lift"] },
  },
} satisfies Meta<typeof ChartStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each variation's value per day, one line per variation. */
export const Values: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("radio", { name: "Values over time" })).toBeChecked();
    const chart = canvas.getByRole("slider", { name: /^Checkout conversion: Values over time/ });
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
    await expect(canvas.getByRole("slider", { name: /^Add-to-cart events: Values over time/ })).toBeVisible();
    await userEvent.selectOptions(metric, "page-load-time");
    await expect(canvas.getByRole("slider", { name: /^Page load time: Values over time/ })).toBeVisible();
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
