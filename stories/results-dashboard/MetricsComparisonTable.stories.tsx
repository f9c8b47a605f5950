import { MetricsComparisonTable, type MetricsComparisonTableProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { analyzeScenario, dark, fitsFrame, NarrowFrame, type ScenarioName, scenarios } from "./results-story-fixtures";

type TableStoryProps = Omit<MetricsComparisonTableProps, "analysis"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
};

function TableStory({ scenario, ...props }: TableStoryProps) {
  const analysis = useMemo(() => analyzeScenario(scenarios[scenario]()), [scenario]);
  return <MetricsComparisonTable analysis={analysis} {...props} />;
}

const meta = {
  title: "Results dashboard/MetricsComparisonTable",
  component: TableStory,
  args: { scenario: "clear-winner", locale: "en-US" },
  argTypes: { scenario: { control: "select", options: Object.keys(scenarios) } },
} satisfies Meta<typeof TableStory>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowOf(canvasElement: HTMLElement, metric: string) {
  const table = within(canvasElement).getByRole("table", { name: "Metrics comparison" });
  const row = within(table)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader")?.textContent?.startsWith(metric));
  if (!row) throw new Error(`no row for ${metric}`);
  return row;
}

/** A significant conversion win with the secondary and guardrail metrics unremarkable. */
export const ClearWinner: Story = {
  play: async ({ canvasElement }) => {
    const primary = rowOf(canvasElement, "Checkout conversion");
    await expect(within(primary).getByText("Primary")).toBeVisible();
    await expect(within(primary).getByText("10.00%")).toBeVisible();
    await expect(within(primary).getByText("11.50%")).toBeVisible();
    // Conversions / users beside each rate.
    await expect(within(primary).getByText("2,100 / 21,000 users")).toBeVisible();
    await expect(within(primary).getByText("2,415 / 21,000 users")).toBeVisible();
    await expect(within(primary).getByRole("img", { name: "+15.0% lift" })).toHaveAttribute("data-tone", "better");
    await expect(within(primary).getByText("Better")).toBeVisible();
    const revenue = rowOf(canvasElement, "Revenue per user");
    await expect(within(revenue).getByText("Not significant")).toBeVisible();
  },
};

/** Page-load time as the primary metric: a 12.5 % decrease is good news. */
export const LowerIsBetter: Story = {
  args: { scenario: "lower-is-better" },
  play: async ({ canvasElement }) => {
    const primary = rowOf(canvasElement, "Page load time");
    await expect(within(primary).getByText("Lower is better")).toBeVisible();
    await expect(within(primary).getByRole("img", { name: "-12.5% lift" })).toHaveAttribute("data-tone", "better");
    await expect(within(primary).getByText("Better")).toBeVisible();
    await expect(within(primary).getByText("800 ms")).toBeVisible();
  },
};

/** The primary metric wins but page-load time (a guardrail) is 20 % slower. */
export const GuardrailHarmed: Story = {
  args: { scenario: "guardrail-harmed" },
  play: async ({ canvasElement }) => {
    const guardrail = rowOf(canvasElement, "Page load time");
    await expect(within(guardrail).getByText("Guardrail")).toBeVisible();
    await expect(within(guardrail).getByText("Guardrail harmed")).toBeVisible();
    await expect(within(guardrail).getByText(/^Worse by 20\.0%, beyond the 5\.0% tolerance$/)).toBeVisible();
    await expect(within(guardrail).getByRole("img", { name: "+20.0% lift" })).toHaveAttribute("data-tone", "worse");
  },
};

/** Control and three treatments: a row per treatment with a Variation column. */
export const FourVariations: Story = {
  args: { scenario: "four-variations" },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole("table", { name: "Metrics comparison" });
    await expect(within(table).getByRole("columnheader", { name: "Variation" })).toBeVisible();
    await expect(
      within(rowOf(canvasElement, "Add-to-cart events")).getAllByRole("img", { name: /lift$/ }),
    ).toHaveLength(3);
  },
};

async function checkCards(canvasElement: HTMLElement) {
  const table = within(canvasElement).getByRole("table", { name: "Metrics comparison" });
  const head = table.querySelector("thead");
  if (!head) throw new Error("no table head");
  await waitFor(() => expect(getComputedStyle(head).display).toBe("none"));
  const primary = rowOf(canvasElement, "Checkout conversion");
  await expect(getComputedStyle(primary).display).toBe("block");
  await expect(fitsFrame(canvasElement, within(primary).getByRole("img", { name: "+15.0% lift" }))).toBe(true);
  await expect(fitsFrame(canvasElement, within(primary).getByText(/probability of being best$/))).toBe(true);
  return primary;
}

/** Below 40rem of container width: one card per metric, each value named by its column, nothing off-screen. */
export const NarrowCards: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const primary = await checkCards(canvasElement);
    const lift = primary.querySelector('td[data-label="Lift"]');
    if (!lift) throw new Error("no lift cell");
    await expect(getComputedStyle(lift, "::before").content).toBe('"Lift"');
  },
};

/** Cards under `.dark`. */
export const NarrowCardsDark: Story = {
  globals: dark,
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkCards(canvasElement);
  },
};

/** "Show the maths" opens in a row across the whole table: the lift column does not shrink. */
export const ShowTheMaths: Story = {
  play: async ({ canvasElement }) => {
    const primary = rowOf(canvasElement, "Checkout conversion");
    const bar = within(primary).getByRole("img", { name: "+15.0% lift" });
    const width = bar.getBoundingClientRect().width;
    await userEvent.click(within(primary).getByRole("button", { name: "Show the maths: Checkout conversion" }));
    const panel = canvasElement.querySelector(".fx-maths-row:not([hidden]) td");
    if (!panel) throw new Error("no maths row");
    await expect(panel).toHaveAttribute("colspan", "6");
    await expect(panel).toHaveTextContent(/Users \(n\)/);
    await expect(bar.getBoundingClientRect().width).toBeCloseTo(width, 0);
  },
};
