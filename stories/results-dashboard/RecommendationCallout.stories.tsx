import { RecommendationCallout, type RecommendationCalloutProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, waitFor, within } from "storybook/test";
import { analyzeScenario, dark, fitsFrame, NarrowFrame, type ScenarioName, scenarios } from "./results-story-fixtures";

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
    await expect(within(callout).getByText(/^Green button wins on Checkout conversion\./)).toBeVisible();
    // One figure, named: the winner's probability of being best (never "Confidence").
    await expect(within(callout).getByText("Green button: > 99.9% probability of being best")).toBeVisible();
    await expect(callout).not.toHaveTextContent(/confidence/i);
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
    await expect(
      within(callout).getByText(
        /^\d+% of the planned sample is in \([\d,]+ of [\d,]+ users per variation\); about \d+ days left\.$/,
      ),
    ).toBeVisible();
    await checkLeader(callout);
  },
};

/**
 * One question, one number: the callout names the leader and quotes that leader's own probability of being best,
 * the same figure in the sentence, the reason and beside the badge.
 */
async function checkLeader(callout: HTMLElement) {
  const figure = within(callout).getByText(/^.+: [\d.]+% probability of being best$/);
  const [leader, figureText] = (figure.textContent ?? "").split(": ");
  await expect(callout).toHaveTextContent(`${leader} leads on Checkout conversion (${figureText})`);
}

/** Keep running, under `.dark`. */
export const KeepRunningDark: Story = {
  args: { scenario: "inconclusive" },
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await checkLeader(callout);
  },
};

/** Keep running, in a 360 px box. */
export const KeepRunningNarrow: Story = {
  args: { scenario: "inconclusive" },
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await checkLeader(callout);
    await expect(fitsFrame(canvasElement, callout)).toBe(true);
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
