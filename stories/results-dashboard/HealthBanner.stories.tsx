import { HealthBanner, type HealthBannerProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, within } from "storybook/test";
import { analyzeScenario, type ScenarioName, scenarios } from "./results-story-fixtures";

type BannerStoryProps = Omit<HealthBannerProps, "analysis"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
};

function BannerStory({ scenario, ...props }: BannerStoryProps) {
  const analysis = useMemo(() => analyzeScenario(scenarios[scenario]()), [scenario]);
  return <HealthBanner analysis={analysis} {...props} />;
}

const meta = {
  title: "Results dashboard/HealthBanner",
  component: BannerStory,
  args: { scenario: "srm", locale: "en-US" },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    excludedMultipleVariations: { control: { type: "number", min: 0 } },
  },
} satisfies Meta<typeof BannerStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 50/50 configured, 55/45 observed: an alert with the observed and expected split. */
export const SampleRatioMismatch: Story = {
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(within(alert).getByRole("heading", { name: "Sample ratio mismatch" })).toBeVisible();
    await expect(within(alert).getByText("Observed: 55.0% (15,400 users)")).toBeVisible();
    await expect(within(alert).getByText("Observed: 45.0% (12,600 users)")).toBeVisible();
    await expect(within(alert).getAllByText("Expected: 50.0%")).toHaveLength(2);
  },
};

/** A few users on day one: which metrics cannot be analysed yet. */
export const NotEnoughData: Story = {
  args: { scenario: "insufficient-data" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status", { name: "Not enough data yet" })).toHaveTextContent("Checkout conversion");
    await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
  },
};

/** Healthy statistics, but some identities saw more than one variation and were excluded. */
export const MultipleExposures: Story = {
  args: { scenario: "clear-winner", excludedMultipleVariations: 42 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status", { name: "Users exposed to several variations" })).toHaveTextContent(
      "42 users saw more than one variation",
    );
    await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
  },
};

/** Nothing to warn about: the banner renders nothing at all. */
export const Healthy: Story = {
  args: { scenario: "clear-winner" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
    await expect(canvas.queryByRole("status")).not.toBeInTheDocument();
  },
};
