import { AdapterError } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters } from "@flagsmith-experimentation/adapters/testing";
import { ExperimentActions, type ExperimentActionsProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { analyzeScenario, dark, fitsFrame, NarrowFrame, type ScenarioName, scenarios } from "./results-story-fixtures";

type ActionsStoryProps = Omit<ExperimentActionsProps, "experiment" | "persistence"> & {
  /** Which deterministic experiment the actions are about. */
  scenario: ScenarioName;
  /** Lifecycle status of that experiment. */
  status: "running" | "paused" | "stopped";
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
      analysis: analyzeScenario({ ...built, experiment }),
      persistence: createInMemoryAdapters({ experiments: [experiment], metrics: built.metrics }).persistence,
    };
  }, [scenario, status]);
  return (
    <ExperimentActions
      experiment={setup.experiment}
      analysis={setup.analysis}
      segments={[{ id: "everyone", name: "All users" }]}
      persistence={canStop ? setup.persistence : undefined}
      {...props}
    />
  );
}

const meta = {
  title: "Results dashboard/ExperimentActions",
  component: ActionsStory,
  args: {
    scenario: "clear-winner",
    status: "running",
    canStop: true,
    locale: "en-US",
    onStopped: fn(),
    onExperimentChange: fn(),
  },
  argTypes: {
    scenario: { control: "select", options: Object.keys(scenarios) },
    status: { control: "inline-radio", options: ["running", "paused", "stopped"] },
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

async function shipWinner(canvasElement: HTMLElement, onExperimentChange: unknown) {
  const canvas = within(canvasElement);
  const body = within(canvasElement.ownerDocument.body);
  await userEvent.click(canvas.getByRole("button", { name: "Ship Green button" }));
  const dialog = await body.findByRole("alertdialog", { name: "Ship Green button?" });
  await expect(dialog).toHaveAccessibleDescription(/Your decision is recorded with the evidence below/);
  await expect(within(dialog).getByText("Checkout conversion").closest("li")).toHaveTextContent(/\+15\.0%/);
  await userEvent.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
  await waitFor(() =>
    expect(onExperimentChange).toHaveBeenCalledWith(
      expect.objectContaining({ status: "concluded", decision: expect.objectContaining({ winner: "green" }) }),
    ),
  );
  return dialog;
}

/** "Ship Green button": a confirmation with the evidence of this moment and a note, then the decision is recorded. */
export const ShipWinner: Story = {
  play: async ({ args, canvasElement }) => {
    await shipWinner(canvasElement, args.onExperimentChange);
  },
};

/** Shipping, under `.dark`. */
export const ShipWinnerDark: Story = {
  globals: dark,
  play: async ({ args, canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await shipWinner(canvasElement, args.onExperimentChange);
  },
};

/** Shipping from a 360 px box: the actions wrap inside it. */
export const ShipWinnerNarrow: Story = {
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ args, canvasElement }) => {
    for (const button of within(canvasElement).getAllByRole("button")) {
      await expect(fitsFrame(canvasElement, button)).toBe(true);
    }
    await shipWinner(canvasElement, args.onExperimentChange);
  },
};

/** No winner declared: only "Conclude without a winner" (the audience keeps the control). */
export const ConcludeWithoutWinner: Story = {
  args: { scenario: "inconclusive", status: "stopped" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await expect(canvas.queryByRole("button", { name: /^Ship / })).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Conclude without a winner" }));
    const dialog = await body.findByRole("alertdialog", { name: "Conclude without a winner?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Conclude experiment" }));
    await waitFor(() =>
      expect(args.onExperimentChange).toHaveBeenCalledWith(
        expect.objectContaining({ decision: expect.objectContaining({ winner: null }) }),
      ),
    );
  },
};

/** Pause when the persistence has `pause` (Flagsmith's pause/). */
export const Pause: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Pause experiment" }));
    await waitFor(() =>
      expect(args.onExperimentChange).toHaveBeenCalledWith(expect.objectContaining({ status: "paused" })),
    );
  },
};

/** Resume a paused experiment (Flagsmith's start/). */
export const Resume: Story = {
  args: { status: "paused" },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Resume experiment" }));
    await waitFor(() =>
      expect(args.onExperimentChange).toHaveBeenCalledWith(expect.objectContaining({ status: "running" })),
    );
  },
};

/** Flagsmith refuses the decision (409: another experiment holds the flag): the dialog says which, and stays open. */
export const ShipConflict: Story = {
  args: { canStop: false },
  render: (args) => {
    const built = scenarios[args.scenario]();
    const experiment = { ...built.experiment, status: args.status };
    return (
      <ExperimentActions
        experiment={experiment}
        analysis={analyzeScenario({ ...built, experiment })}
        persistence={{
          conclude: async () => {
            throw new AdapterError("conflict", undefined, {
              status: 409,
              conflict: { experimentId: "58", experimentName: "Checkout copy (winter)" },
            });
          },
        }}
        locale="en-US"
      />
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Ship Green button" }));
    const dialog = await body.findByRole("alertdialog", { name: "Ship Green button?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      /^The decision could not be recorded: .*It conflicts with “Checkout copy \(winter\)”\.$/,
    );
    await expect(within(dialog).getByRole("button", { name: "Confirm ship" })).toBeEnabled();
  },
};
