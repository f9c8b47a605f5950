import { SummaryCards, type SummaryCardsProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, userEvent, within } from "storybook/test";
import { analyzeScenario, type ScenarioName, scenarios } from "./results-story-fixtures";

type CardsStoryProps = Omit<SummaryCardsProps, "analysis"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
  /** Relative lifts (default) or absolute differences in the metric's unit. */
  difference?: "relative" | "absolute";
};

function CardsStory({ scenario, difference = "relative", ...props }: CardsStoryProps) {
  const analysis = useMemo(() => analyzeScenario(scenarios[scenario](), { difference }), [scenario, difference]);
  return <SummaryCards analysis={analysis} {...props} />;
}

const meta = {
  title: "Results dashboard/SummaryCards",
  component: CardsStory,
  args: { scenario: "clear-winner", locale: "en-US" },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    difference: { control: "inline-radio", options: ["relative", "absolute"] },
  },
} satisfies Meta<typeof CardsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A clear win: the lift, the leader's chance of being best and the sample against the plan. */
export const ClearWinner: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const lift = canvas.getByRole("region", { name: "Lift vs. control" });
    await expect(within(lift).getByText("+15.0%")).toBeVisible();
    await expect(within(lift).getByText("Green button on Checkout conversion")).toBeVisible();
    const best = canvas.getByRole("region", { name: "Probability of being best" });
    await expect(within(best).getByText("Green button leads")).toBeVisible();
    const sample = canvas.getByRole("region", { name: "Sample size" });
    await expect(within(sample).getByText("42,000")).toBeVisible();
    await expect(within(sample).getByText(/^Planned: [\d,]+ per variation$/)).toBeVisible();
  },
};

/** The lift card about a secondary metric as an absolute difference in currency, with "Show the maths" opened. */
export const RevenueWithMaths: Story = {
  args: { metricId: "revenue-per-user", difference: "absolute" },
  play: async ({ canvasElement }) => {
    const lift = within(canvasElement).getByRole("region", { name: "Lift vs. control" });
    await expect(within(lift).getByText("+$0.40")).toBeVisible();
    await userEvent.click(within(lift).getByRole("button", { name: /Show the maths/ }));
    await expect(within(lift).getByText(/Bayesian Gaussian model/)).toBeVisible();
    await expect(within(lift).getByText("Control · Users (n)")).toBeVisible();
  },
};

/** Control and three treatments: the other treatments' lifts and every variation's chance of being best. */
export const FourVariations: Story = {
  args: { scenario: "four-variations" },
  play: async ({ canvasElement }) => {
    const best = within(canvasElement).getByRole("region", { name: "Probability of being best" });
    await expect(within(best).getAllByRole("listitem")).toHaveLength(4);
    const lift = within(canvasElement).getByRole("region", { name: "Lift vs. control" });
    await expect(within(lift).getAllByRole("listitem")).toHaveLength(2);
  },
};

/** A few users on day one: readable reasons instead of figures. */
export const NotEnoughData: Story = {
  args: { scenario: "insufficient-data" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const lift = canvas.getByRole("region", { name: "Lift vs. control" });
    await expect(within(lift).getByText(/Not enough data yet/)).toBeVisible();
    const sample = canvas.getByRole("region", { name: "Sample size" });
    await expect(within(sample).getByText("Planned sample not estimated yet")).toBeVisible();
    await expect(canvasElement.textContent).not.toMatch(/NaN|undefined|Infinity/);
  },
};
