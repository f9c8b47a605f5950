import type { Experiment } from "@flagsmith-experimentation/adapters";
import { ResultsDashboard, type ResultsDashboardProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  analyzeScenario,
  dark,
  fitsFrame,
  NarrowFrame,
  type ScenarioName,
  STORY_TODAY,
  scenarios,
  withStatus,
} from "./results-story-fixtures";

type DashboardStoryProps = Omit<ResultsDashboardProps, "experiment" | "analysis" | "metrics" | "daily"> & {
  /** Which deterministic experiment to analyse (the real `analyzeExperiment` runs on its statistics). */
  scenario: ScenarioName;
  engine?: "bayesian" | "frequentist";
  /** The experiment's lifecycle status: the verdict follows it (docs/decision-rules.md). */
  status?: Experiment["status"];
};

function DashboardStory({ scenario, engine = "bayesian", status, ...props }: DashboardStoryProps) {
  const { experiment, metrics, analysis, daily } = useMemo(() => {
    const base = scenarios[scenario]();
    const built = status ? withStatus(base, status) : base;
    return { ...built, analysis: analyzeScenario(built, { engine }) };
  }, [scenario, engine, status]);
  return <ResultsDashboard experiment={experiment} analysis={analysis} metrics={metrics} daily={daily} {...props} />;
}

const meta = {
  title: "Results dashboard/ResultsDashboard",
  component: DashboardStory,
  args: { scenario: "clear-winner", locale: "en-US", today: STORY_TODAY, onStartFromThis: fn() },
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
    await expect(within(callout).getByText(/of the planned sample is in \(.+\); about \d+ days left/)).toBeVisible();
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
    await expect(within(rowOf(canvas, "Checkout conversion")).getByText(/^(adjusted )?p [=<] /)).toBeVisible();
  },
};

async function checkConsistency(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const primary = rowOf(canvas, "Checkout conversion");
  await expect(within(primary).getByText("p < 0.001")).toBeVisible();
  await expect(canvasElement).not.toHaveTextContent(/p = </);
  await expect(within(primary).getByText("10.00%")).toBeVisible();
  await expect(within(primary).getByText("2,100 / 21,000 users")).toBeVisible();
  const callout = canvas.getByRole("region", { name: "Recommendation" });
  await expect(callout).not.toHaveTextContent(/Confidence/);
  const best = canvas.getByRole("region", { name: "Probability of being best" });
  const figure = best.querySelector(".fx-card-figure")?.textContent ?? "";
  await expect(callout).toHaveTextContent(`Green button: ${figure} probability of being best`);
  // "Lower is better" once, on the one metric where lower is better; no "Higher is better" on every other row.
  await expect(canvas.getAllByText("Lower is better")).toHaveLength(1);
  await expect(canvas.queryByText("Higher is better")).not.toBeInTheDocument();
}

/**
 * One precision rule per unit and "p < 0.001" (never "p = < 0.001"); the frequentist callout quotes the leader's
 * probability of being best — the same figure as the card — never "Confidence 0.0%".
 */
export const Consistency: Story = {
  args: { engine: "frequentist" },
  play: async ({ canvasElement }) => {
    await checkConsistency(canvasElement);
  },
};

/** The same rules under `.dark`. */
export const ConsistencyDark: Story = {
  args: { engine: "frequentist" },
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkConsistency(canvasElement);
  },
};

/** The same rules in a 360 px box (one card per metric). */
export const ConsistencyNarrow: Story = {
  args: { engine: "frequentist" },
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await checkConsistency(canvasElement);
  },
};

/** A guardrail that moved the wrong way, but within its tolerance: said in one sentence, not "Worse" + "OK". */
export const GuardrailWithinTolerance: Story = {
  args: { scenario: "guardrail-within-tolerance" },
  play: async ({ canvasElement }) => {
    const guardrail = rowOf(within(canvasElement), "Page load time");
    await expect(within(guardrail).getByText("Guardrail OK")).toBeVisible();
    await expect(within(guardrail).getByText(/^Worse by \d+\.\d%, within the 5\.0% tolerance$/)).toBeVisible();
    await expect(within(guardrail).queryByText("Worse")).not.toBeInTheDocument();
  },
};

/** Paused: never "keep running"; the callout says it is paused before a conclusion and who leads. */
export const Paused: Story = {
  args: { scenario: "inconclusive", status: "paused" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Inconclusive")).toBeVisible();
    await expect(within(callout).getByText(/^The experiment is paused before a conclusion/)).toBeVisible();
    await expect(within(callout).getByText("It is paused: no data is being collected.")).toBeVisible();
    await expect(callout).not.toHaveTextContent("Keep running");
  },
};

/** Stopped with a clear winner: its data is final, so the winner can be declared and shipped. */
export const StoppedWinner: Story = {
  args: { status: "stopped" },
  play: async ({ canvasElement }) => {
    const callout = within(canvasElement).getByRole("region", { name: "Recommendation" });
    await expect(within(callout).getByText("Declare a winner")).toBeVisible();
    // Why acting now is valid, in words (the basis stats-core names).
    await expect(
      within(callout).getByText(
        /^(The experiment has ended|The expected loss of choosing it|The planned sample is in)/,
      ),
    ).toBeVisible();
    await expect(within(canvasElement).getByText("Ended Mar 22, 2026, after 21 days")).toBeVisible();
    await expect(within(canvasElement).getByRole("region", { name: "Probability of being best" })).toBeVisible();
  },
};

/** "Show the maths" opens below the metric's row, across the table: the lift column keeps its width. */
export const ShowTheMaths: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const primary = rowOf(canvas, "Checkout conversion");
    const bar = within(primary).getByRole("img", { name: /lift$/ });
    const before = bar.getBoundingClientRect().width;
    await userEvent.click(within(primary).getByRole("button", { name: "Show the maths: Checkout conversion" }));
    const panel = canvasElement.querySelector(".fx-comparison .fx-maths-row:not([hidden]) .fx-maths-panel");
    await expect(panel).not.toBeNull();
    await expect(panel).toHaveTextContent(/Bayesian Gaussian model/);
    await expect(bar.getBoundingClientRect().width).toBeCloseTo(before, 0);
    await userEvent.click(within(primary).getByRole("button", { name: "Hide the maths: Checkout conversion" }));
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
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    const canvas = within(canvasElement);
    const callout = canvas.getByRole("region", { name: "Recommendation" });
    await expect(getComputedStyle(callout).backgroundColor).toBe("rgb(16, 22, 40)");
    await expect(getComputedStyle(callout).color).toBe("rgb(255, 255, 255)");
  },
};

async function checkNarrow(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const article = canvas.getByRole("article");
  const frame = canvas.getByTestId("narrow-frame");
  await waitFor(() => expect(article.scrollWidth).toBeLessThanOrEqual(frame.clientWidth));
  // One card per metric: no header row, every lift bar and significance in view, nothing to scroll sideways.
  const table = canvas.getByRole("table", { name: "Metrics comparison" });
  const head = table.querySelector("thead");
  if (!head) throw new Error("no table head");
  await waitFor(() => expect(getComputedStyle(head).display).toBe("none"));
  for (const bar of within(table).getAllByRole("img", { name: /lift$/ })) {
    await expect(fitsFrame(canvasElement, bar)).toBe(true);
  }
  const significance = within(rowOf(canvas, "Checkout conversion")).getByText(/probability of being best$/);
  await expect(fitsFrame(canvasElement, significance)).toBe(true);
  const wrap = table.closest(".fx-table-scroll");
  if (!wrap) throw new Error("no table wrapper");
  await expect(wrap.scrollWidth).toBeLessThanOrEqual(wrap.clientWidth + 1);
  const chart = canvas.getByRole("slider", { name: /Checkout conversion/ });
  await waitFor(() => expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(360));
}

/** 360 px wide (a container, not the viewport): cards stack, one card per metric, the chart fits. */
export const Narrow: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await checkNarrow(canvasElement);
  },
};

/** Narrow, with "Show the maths" open: it wraps under the card without squeezing the lift. */
export const NarrowShowTheMaths: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Show the maths: Checkout conversion" }));
    await checkNarrow(canvasElement);
  },
};

/** Narrow and dark. */
export const NarrowDark: Story = {
  globals: dark,
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkNarrow(canvasElement);
  },
};
