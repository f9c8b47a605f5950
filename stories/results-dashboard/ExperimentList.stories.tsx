import type { Experiment } from "@flagsmith-experimentation/adapters";
import { ExperimentList } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  inconclusiveScenario,
} from "./results-story-fixtures";

const winner = clearWinnerScenario();
const early = inconclusiveScenario();
const four = fourVariationsScenario();
const harmed = guardrailHarmedScenario();
const experiments: Experiment[] = [
  winner.experiment,
  { ...four.experiment, status: "scheduled", startDate: "2026-06-01", endDate: "2026-06-28" },
  early.experiment,
  { ...harmed.experiment, status: "stopped" },
  { ...harmed.experiment, id: "exp-concluded", name: "Pricing cards", status: "concluded" },
  {
    ...early.experiment,
    id: "exp-draft",
    name: "Shorter sign-up form",
    status: "draft",
    startDate: "",
    endDate: "",
    metrics: [],
  },
];

const meta = {
  title: "Results dashboard/ExperimentList",
  component: ExperimentList,
  args: {
    experiments,
    metrics: [...winner.metrics, ...four.metrics],
    analyses: {
      [winner.experiment.id]: analyzeScenario(winner),
      [early.experiment.id]: analyzeScenario(early),
      [harmed.experiment.id]: analyzeScenario(harmed),
    },
    locale: "en-US",
    onCreateExperiment: fn(),
    onOpenExperiment: fn(),
  },
} satisfies Meta<typeof ExperimentList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every status, the primary metric and its headline; "Create Experiment" and opening results call back. */
export const Experiments: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole("table", { name: "Experiments" });
    for (const status of ["Running", "Scheduled", "Stopped", "Concluded", "Draft"]) {
      await expect(within(table).getAllByText(status).length).toBeGreaterThan(0);
    }
    await expect(within(table).getByText("+15.0% for Green button")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Create Experiment" }));
    await expect(args.onCreateExperiment).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole("button", { name: "Open results for Checkout button colour" }));
    await expect(args.onOpenExperiment).toHaveBeenCalledWith(winner.experiment);
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
