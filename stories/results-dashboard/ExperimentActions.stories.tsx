import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { ExperimentActions, type ExperimentActionsProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { type ScenarioName, scenarios } from "./results-story-fixtures";

type ActionsStoryProps = Omit<ExperimentActionsProps, "experiment" | "persistence"> & {
  /** Which deterministic experiment the actions are about. */
  scenario: ScenarioName;
  /** Lifecycle status of that experiment. */
  status: "running" | "stopped";
  /** Whether the host can stop experiments (passes in-memory persistence); without it "Stop experiment" is hidden. */
  canStop: boolean;
};

/** `ExperimentActions` over fresh in-memory persistence per scenario and status. */
function ActionsStory({ scenario, status, canStop, ...props }: ActionsStoryProps) {
  const setup = useMemo(() => {
    const built = scenarios[scenario]();
    const experiment = { ...built.experiment, status };
    return {
      experiment,
      persistence: createInMemoryAdapters({ ...demoWorld, experiments: [experiment], metrics: built.metrics })
        .persistence,
    };
  }, [scenario, status]);
  return (
    <ExperimentActions experiment={setup.experiment} persistence={canStop ? setup.persistence : undefined} {...props} />
  );
}

const meta = {
  title: "Results dashboard/ExperimentActions",
  component: ActionsStory,
  args: { scenario: "clear-winner", status: "running", canStop: true, locale: "en-US", onStopped: fn() },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    status: { control: "inline-radio", options: ["running", "stopped"] },
  },
} satisfies Meta<typeof ActionsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A running experiment: "Stop experiment" asks for confirmation in a dialog, then stops it. */
export const RunningStop: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Stop experiment" }));
    const dialog = await body.findByRole("alertdialog", { name: "Stop this experiment?" });
    await expect(dialog).toHaveAccessibleDescription(/The configuration cannot be changed, only stopped/);
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm stop" }));
    await waitFor(() => expect(args.onStopped).toHaveBeenCalledTimes(1));
    await expect(args.onStopped).toHaveBeenCalledWith(
      expect.objectContaining({ id: "exp-clear-winner", status: "stopped" }),
    );
    await waitFor(() => expect(body.queryByRole("alertdialog")).not.toBeInTheDocument());
  },
};

/** The confirmation dialog left open, for reviewing its look; "Cancel" keeps the experiment running. */
export const StopConfirmationCancelled: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Stop experiment" }));
    const dialog = await body.findByRole("alertdialog", { name: "Stop this experiment?" });
    await expect(within(dialog).getByRole("button", { name: "Confirm stop" })).toBeVisible();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(body.queryByRole("alertdialog")).not.toBeInTheDocument());
    await expect(args.onStopped).not.toHaveBeenCalled();
    await expect(canvas.getByRole("button", { name: "Stop experiment" })).toBeVisible();
  },
};

/** A finished experiment: no stop action, but a new experiment can start from a copy of its configuration. */
export const LaunchedStartFromThis: Story = {
  args: { status: "stopped", canStop: false, onStartFromThis: fn() },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("button", { name: "Stop experiment" })).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Start a new experiment from this one" }));
    await expect(args.onStartFromThis).toHaveBeenCalledWith(
      expect.objectContaining({
        name: "Checkout button colour (copy)",
        flagId: "exp-clear-winner-flag",
        weights: { control: 50, green: 50 },
      }),
    );
  },
};
