import { ResultsDashboard, type ResultsDashboardProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { analyzeScenario, type ScenarioName, scenarios } from "./results-story-fixtures";

type DashboardStoryProps = Omit<ResultsDashboardProps, "experiment" | "analysis" | "metrics"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
  engine?: "bayesian" | "frequentist";
};

function DashboardStory({ scenario, engine = "bayesian", ...props }: DashboardStoryProps) {
  const { experiment, metrics, analysis } = useMemo(() => {
    const built = scenarios[scenario]();
    return { ...built, analysis: analyzeScenario(built, { engine }) };
  }, [scenario, engine]);
  return <ResultsDashboard experiment={experiment} analysis={analysis} metrics={metrics} {...props} />;
}

const meta = {
  title: "Results dashboard/ResultsDashboard",
  component: DashboardStory,
  args: { scenario: "clear-winner", locale: "en-US", onStartFromThis: fn() },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    engine: { control: "inline-radio", options: ["bayesian", "frequentist"] },
  },
} satisfies Meta<typeof DashboardStory>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowOf(canvas: ReturnType<typeof within>, metric: string) {
  const table = canvas.getByRole("table", { name: "Metrics comparison" });
  const row = within(table)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader")?.textContent?.startsWith(metric));
  if (!row) throw new Error(`no row for ${metric}`);
  return row;
}

/** A significant win on the primary metric: the callout declares it and the table agrees. */
export const ClearWinner: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const callout = canvas.getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Declare a winner")).toBeVisible();
    await expect(within(callout).getByText(/^Green button wins on Checkout conversion/)).toBeVisible();
    const primary = rowOf(canvas, "Checkout conversion");
    await expect(within(primary).getByRole("img", { name: "+15.0% lift" })).toBeVisible();
    await expect(within(primary).getByText("Better")).toBeVisible();
    const lift = canvas.getByRole("region", { name: "Lift vs. control" });
    await expect(within(lift).getByText("+15.0%")).toBeVisible();
    await userEvent.click(within(lift).getByRole("button", { name: /Show the maths/ }));
    await expect(within(lift).getByText(/Bayesian Gaussian model/)).toBeVisible();
  },
};

/** Too little data for a decision: keep running, with progress towards the planned sample. */
export const Inconclusive: Story = {
  args: { scenario: "inconclusive" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const callout = canvas.getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Keep running")).toBeVisible();
    await expect(within(callout).getByText(/of the planned sample is in; about \d+ days left/)).toBeVisible();
    await expect(within(rowOf(canvas, "Checkout conversion")).getByText("Not significant")).toBeVisible();
  },
};

/** The primary metric wins, but page-load time (a guardrail) is clearly worse: investigate. */
export const GuardrailHarmed: Story = {
  args: { scenario: "guardrail-harmed" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const callout = canvas.getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Investigate")).toBeVisible();
    await expect(within(callout).getByText("Guardrail Page load time is harmed by Green button.")).toBeVisible();
    const guardrail = rowOf(canvas, "Page load time");
    await expect(within(guardrail).getByText("Guardrail harmed")).toBeVisible();
    await expect(within(guardrail).getByRole("img", { name: "+20.0% lift" })).toHaveAttribute("data-tone", "worse");
  },
};

/** 50/50 configured, 55/45 observed: a sample ratio mismatch warning with the split. */
export const SampleRatioMismatch: Story = {
  args: { scenario: "srm" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole("alert");
    await expect(within(alert).getByRole("heading", { name: "Sample ratio mismatch" })).toBeVisible();
    await expect(within(alert).getByText("Observed: 55.0% (15,400 users)")).toBeVisible();
    await expect(within(alert).getAllByText("Expected: 50.0%")).toHaveLength(2);
    await expect(within(canvas.getByRole("region", { name: "Recommendation" })).getByText("Investigate")).toBeVisible();
  },
};

/** Two primary metrics: both rows first and emphasised; the winner must win on both. */
export const MultiplePrimaries: Story = {
  args: { scenario: "multiple-primaries" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole("table", { name: "Metrics comparison" });
    const roles = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
    await expect(roles).toEqual(["Primary", "Primary", "Secondary"]);
    await expect(
      within(canvas.getByRole("region", { name: "Recommendation" })).getByText(
        "Plan cards is significantly better on Checkout conversion, Revenue per user.",
      ),
    ).toBeVisible();
  },
};

/** Control and three treatments: a lift bar per treatment, a line per variation. */
export const FourVariations: Story = {
  args: { scenario: "four-variations" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(rowOf(canvas, "Add-to-cart events")).getAllByRole("img", { name: /lift$/ })).toHaveLength(3);
    const legend = canvas.getByRole("list", { name: "Legend" });
    await expect(within(legend).getAllByRole("listitem")).toHaveLength(4);
    await userEvent.click(canvas.getByRole("button", { name: "Show data table" }));
    const data = canvas.getByRole("table", { name: "Data behind the trend chart" });
    await expect(within(data).getAllByRole("columnheader")).toHaveLength(5);
  },
};

/** Page-load time as the primary metric: a 12.5 % decrease is good news. */
export const LowerIsBetter: Story = {
  args: { scenario: "lower-is-better" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const primary = rowOf(canvas, "Page load time");
    await expect(within(primary).getByText("Lower is better")).toBeVisible();
    await expect(within(primary).getByRole("img", { name: "-12.5% lift" })).toHaveAttribute("data-tone", "better");
    await expect(within(primary).getByText("Better")).toBeVisible();
  },
};

/** Frequentist engine: p-values (adjusted for multiple primaries) instead of chance to win. */
export const Frequentist: Story = {
  args: { scenario: "multiple-primaries", engine: "frequentist" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(rowOf(canvas, "Checkout conversion")).getByText(/^(adjusted )?p = /)).toBeVisible();
  },
};

/** A few users on day one: readable messages instead of numbers, no empty chart. */
export const NotEnoughData: Story = {
  args: { scenario: "insufficient-data" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("note")).toHaveTextContent("Only one day of data so far");
    await expect(canvas.getByRole("status", { name: "Not enough data yet" })).toBeVisible();
    await expect(canvasElement.textContent).not.toMatch(/NaN|undefined|Infinity/);
  },
};

/** The warehouse sent impossible numbers: each affected metric says why instead of showing a figure. */
export const InvalidData: Story = {
  args: { scenario: "invalid-data" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const primary = rowOf(canvas, "Checkout conversion");
    await expect(primary).toHaveTextContent("Data could not be analysed: more conversions than users");
    await expect(within(primary).queryByRole("img")).not.toBeInTheDocument();
    await expect(rowOf(canvas, "Revenue per user")).toHaveTextContent("Data could not be analysed");
    await expect(canvasElement.textContent).not.toMatch(/NaN|undefined|Infinity/);
  },
};

/** The dashboard under `.dark` on the root, as in the Flagsmith frontend. */
export const Dark: Story = {
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const canvas = within(canvasElement);
    const callout = canvas.getByRole("region", { name: "Recommendation" });
    await expect(getComputedStyle(callout).backgroundColor).toBe("rgb(16, 22, 40)");
    await expect(getComputedStyle(callout).color).toBe("rgb(255, 255, 255)");
  },
};

/** 360 px wide: cards stack, the table scrolls inside its own box, the chart fits. */
export const Narrow: Story = {
  globals: { viewport: { value: "narrow", isRotated: false } },
  decorators: [
    (Story) => (
      <div style={{ width: 360, maxWidth: "100%" }} data-testid="narrow-frame">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const frame = canvas.getByTestId("narrow-frame");
    const article = canvas.getByRole("article");
    await waitFor(() => expect(article.scrollWidth).toBeLessThanOrEqual(frame.clientWidth));
    const chart = canvas.getByRole("slider", { name: /Checkout conversion/ });
    await waitFor(() => expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(360));
  },
};
