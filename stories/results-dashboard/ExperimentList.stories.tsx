import type { Experiment } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters } from "@flagsmith-experimentation/adapters/testing";
import { ExperimentList } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  analyzeScenario,
  clearWinnerScenario,
  dark,
  fitsFrame,
  fourVariationsScenario,
  guardrailHarmedScenario,
  inconclusiveScenario,
  NarrowFrame,
  STORY_TODAY,
  srmScenario,
  withStatus,
} from "./results-story-fixtures";

const winner = clearWinnerScenario();
const early = inconclusiveScenario();
const four = fourVariationsScenario();
const harmed = guardrailHarmedScenario();
const srm = srmScenario();
const paused = withStatus(
  { ...early, experiment: { ...early.experiment, id: "exp-paused", name: "Hero copy" } },
  "paused",
);
const draft: Experiment = {
  ...early.experiment,
  id: "exp-draft",
  name: "Shorter sign-up form",
  status: "draft",
  startDate: "",
  endDate: "",
  metrics: [],
};
const experiments: Experiment[] = [
  winner.experiment,
  harmed.experiment,
  srm.experiment,
  paused.experiment,
  { ...four.experiment, status: "scheduled", startDate: "2026-04-01", endDate: "2026-04-28" },
  {
    ...harmed.experiment,
    id: "exp-concluded",
    name: "Pricing cards",
    status: "concluded",
    stoppedAt: "2026-03-09T10:00:00.000Z",
    decision: {
      winner: "green",
      decidedAt: "2026-03-09T10:00:00.000Z",
      decidedBy: "Priya Raman",
      evidence: null,
    },
  },
  draft,
];

const meta = {
  title: "Results dashboard/ExperimentList",
  component: ExperimentList,
  args: {
    experiments,
    metrics: [...winner.metrics, ...four.metrics],
    analyses: {
      [winner.experiment.id]: analyzeScenario(winner),
      [harmed.experiment.id]: analyzeScenario(harmed),
      [srm.experiment.id]: analyzeScenario(srm),
      [paused.experiment.id]: analyzeScenario(paused),
    },
    today: STORY_TODAY,
    locale: "en-US",
    onCreateExperiment: fn(),
    onOpenExperiment: fn(),
  },
} satisfies Meta<typeof ExperimentList>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowOf(canvasElement: HTMLElement, name: string) {
  const table = within(canvasElement).getByRole("table", { name: "Experiments" });
  const row = within(table)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader")?.textContent === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function checkTriage(canvasElement: HTMLElement) {
  await expect(within(rowOf(canvasElement, winner.experiment.name)).getByText(/^Green button wins on/)).toBeVisible();
  await expect(within(rowOf(canvasElement, winner.experiment.name)).getByText("Day 10 of 21")).toBeVisible();
  // A harmed guardrail and a sample ratio mismatch never read as wins.
  await expect(
    within(rowOf(canvasElement, harmed.experiment.name)).getByText(/^Page load time harmed by Green button/),
  ).toBeVisible();
  await expect(
    within(rowOf(canvasElement, srm.experiment.name)).getByText("Sample ratio mismatch: do not trust these results"),
  ).toBeVisible();
  await expect(within(rowOf(canvasElement, "Hero copy")).getByText(/^Paused · /)).toBeVisible();
  await expect(within(rowOf(canvasElement, four.experiment.name)).getByText(/^Not started: starts on/)).toBeVisible();
  await expect(within(rowOf(canvasElement, "Pricing cards")).getByText("Shipped Green button")).toBeVisible();
  await expect(within(rowOf(canvasElement, "Shorter sign-up form")).getByText("Draft: not launched yet")).toBeVisible();
}

/** A triage board: each headline says what matters — a winner, a harmed guardrail, an SRM, paused, a decision. */
export const TriageBoard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await checkTriage(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Create Experiment" }));
    await expect(args.onCreateExperiment).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole("button", { name: "Open results for Checkout button colour" }));
    await expect(args.onOpenExperiment).toHaveBeenCalledWith(winner.experiment);
  },
};

/** The triage board under `.dark`. */
export const TriageBoardDark: Story = {
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkTriage(canvasElement);
    const section = within(canvasElement).getByRole("region", { name: "Experiments" });
    await expect(getComputedStyle(section).color).toBe("rgb(255, 255, 255)");
  },
};

/** 360 px wide: one card per experiment, every headline in view, nothing scrolls sideways. */
export const TriageBoardNarrow: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    await checkTriage(canvasElement);
    const table = within(canvasElement).getByRole("table", { name: "Experiments" });
    await waitFor(() => expect(getComputedStyle(table).display).toBe("block"));
    const headline = within(rowOf(canvasElement, srm.experiment.name)).getByText(/^Sample ratio mismatch/);
    await expect(fitsFrame(canvasElement, headline)).toBe(true);
  },
};

/** Analyses still loading: a placeholder of the headline's size per row; the columns keep their widths. */
export const HeadlinesLoading: Story = {
  args: {
    analyses: {},
    analysisStatus: {
      [winner.experiment.id]: "loading",
      [harmed.experiment.id]: "loading",
      [srm.experiment.id]: "error",
      [paused.experiment.id]: "loading",
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const loading = rowOf(canvasElement, winner.experiment.name);
    await expect(loading.querySelector(".fx-skeleton-block")).not.toBeNull();
    await expect(canvas.queryByText(/No results yet/)).not.toBeInTheDocument();
    await expect(
      within(rowOf(canvasElement, srm.experiment.name)).getByText("Results could not be loaded"),
    ).toBeVisible();
    const table = canvas.getByRole("table", { name: "Experiments" });
    await expect(getComputedStyle(table).tableLayout).toBe("fixed");
  },
};

/** Filter to what needs attention, then by status; sort by name. */
export const FilterAndSort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const names = () =>
      within(canvas.getByRole("table", { name: "Experiments" }))
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent);
    const filters = canvas.getByRole("group", { name: "Show" });
    await userEvent.click(within(filters).getByRole("radio", { name: /^Needs attention/ }));
    await expect(names()).toEqual(
      expect.arrayContaining([winner.experiment.name, harmed.experiment.name, srm.experiment.name]),
    );
    await expect(names()).not.toContain("Pricing cards");
    await userEvent.click(within(filters).getByRole("radio", { name: "Draft (1)" }));
    await expect(names()).toEqual(["Shorter sign-up form"]);
    await userEvent.click(within(filters).getByRole("radio", { name: /^All/ }));
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Sort by" }), "Name");
    await expect(names()[0]).toBe(winner.experiment.name);
  },
};

/** With `persistence.deleteDraft`, a draft can be deleted after a confirmation. */
export const DeleteDraft: Story = {
  args: {
    persistence: createInMemoryAdapters({ experiments: [draft] }).persistence,
    onDraftDeleted: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Delete draft Shorter sign-up form" }));
    const dialog = await body.findByRole("alertdialog", { name: "Delete this draft?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete draft" }));
    await waitFor(() => expect(args.onDraftDeleted).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByRole("rowheader", { name: "Shorter sign-up form" })).toBeNull());
  },
};

/** The experiments themselves are loading: the table's header and placeholder rows. */
export const LoadingExperiments: Story = {
  args: { experiments: [], loading: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region", { name: "Experiments" })).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("columnheader", { name: "Headline" })).toBeVisible();
  },
};

/** No experiments yet. */
export const NoExperiments: Story = {
  args: { experiments: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/No experiments yet/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Create Experiment" })).toBeEnabled();
  },
};
