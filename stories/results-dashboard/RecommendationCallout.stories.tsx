import { RecommendationCallout, type RecommendationCalloutProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, within } from "storybook/test";
import { analyzeScenario, type ScenarioName, scenarios } from "./results-story-fixtures";

type CalloutStoryProps = Omit<RecommendationCalloutProps, "analysis"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
};

function CalloutStory({ scenario, ...props }: CalloutStoryProps) {
  const analysis = useMemo(() => analyzeScenario(scenarios[scenario]()), [scenario]);
  return <RecommendationCallout analysis={analysis} {...props} />;
}

const meta = {
  title: "Results dashboard/RecommendationCallout",
  component: CalloutStory,
  args: { scenario: "clear-winner", locale: "en-US" },
  argTypes: { scenario: { control: "select", options: Object.keys(scenarios) } },
} satisfies Meta<typeof CalloutStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A significant win on the primary metric: roll it out. */
export const DeclareWinner: Story = {
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(callout).toHaveAttribute("data-verdict", "declare-winner");
    await expect(within(callout).getByText("Declare a winner")).toBeVisible();
    await expect(
      within(callout).getByText(/^Green button wins on Checkout conversion with > 99\.9% confidence/),
    ).toBeVisible();
    await expect(
      within(callout).getByText("Green button is significantly better on Checkout conversion."),
    ).toBeVisible();
  },
};

/** Too little data for a decision: keep running, with progress towards the planned sample. */
export const KeepRunning: Story = {
  args: { scenario: "inconclusive" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Keep running")).toBeVisible();
    await expect(within(callout).getByText(/Keep the experiment running\.$/)).toBeVisible();
    await expect(within(callout).getByText(/^\d+% of the planned sample is in; about \d+ days left\.$/)).toBeVisible();
  },
};

/** The primary metric wins but a guardrail is harmed: do not act yet. */
export const InvestigateGuardrail: Story = {
  args: { scenario: "guardrail-harmed" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Investigate")).toBeVisible();
    await expect(
      within(callout).getByText("Do not act on these results yet: something needs investigating."),
    ).toBeVisible();
    await expect(within(callout).getByText("Guardrail Page load time is harmed by Green button.")).toBeVisible();
  },
};

/** The observed split does not match the configured one: investigate the assignment first. */
export const InvestigateSampleRatioMismatch: Story = {
  args: { scenario: "srm" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Investigate")).toBeVisible();
    await expect(within(callout).getByText(/^Sample ratio mismatch/)).toBeVisible();
  },
};

/** Identical arms and the planned sample reached: no meaningful difference. */
export const NoDifference: Story = {
  args: { scenario: "no-difference" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(callout).toHaveAttribute("data-verdict", "no-difference");
    await expect(within(callout).getByText("No meaningful difference")).toBeVisible();
    await expect(
      within(callout).getByText(/^No variation made a meaningful difference on Checkout conversion/),
    ).toBeVisible();
  },
};
