import {
  createInMemoryAdapters,
  demoWorld,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { ExperimentResults, type ExperimentResultsProps } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { type ScenarioName, scenarioAdapters, scenarios } from "./results-story-fixtures";

type ConnectedStoryProps = Omit<ExperimentResultsProps, "adapters" | "experimentId"> & {
  scenario: ScenarioName;
  /** In-memory adapter options: latency and faults for persistence and metrics. */
  adapterOptions?: Omit<InMemoryAdaptersOptions, "experiments" | "metrics">;
  /** Serve no statistics at all (the in-memory warehouse without events): the "no data yet" state. */
  noData?: boolean;
  excludedMultipleVariations?: number;
};

/** `ExperimentResults` over fresh adapters per mounted story (in-memory persistence + a statistics warehouse). */
function ConnectedStory({
  scenario,
  adapterOptions,
  noData,
  excludedMultipleVariations,
  ...props
}: ConnectedStoryProps) {
  const [setup] = useState(() => {
    const built = scenarios[scenario]();
    const adapters = noData
      ? createInMemoryAdapters({
          ...demoWorld,
          ...adapterOptions,
          experiments: [built.experiment],
          metrics: built.metrics,
          events: [],
        })
      : scenarioAdapters(built, { ...adapterOptions, excludedMultipleVariations: excludedMultipleVariations ?? 0 });
    return { adapters, experimentId: built.experiment.id };
  });
  return <ExperimentResults experimentId={setup.experimentId} adapters={setup.adapters} {...props} />;
}

const meta = {
  title: "Results dashboard/ExperimentResults (connected)",
  component: ConnectedStory,
  args: { scenario: "clear-winner", locale: "en-US", onStopped: fn(), onStartFromThis: fn() },
  argTypes: { scenario: { control: "select", options: Object.keys(scenarios) } },
} satisfies Meta<typeof ConnectedStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Loads, analyses and renders; "Refresh" reloads; "Stop experiment" asks first. */
export const Connected: Story = {
  args: { excludedMultipleVariations: 8 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Results: Checkout button colour" })).toBeVisible();
    await expect(canvas.getByRole("status", { name: "Users exposed to several variations" })).toHaveTextContent(
      "8 users",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Refresh" }));
    await expect(await canvas.findByRole("button", { name: "Refresh" })).toBeEnabled();
    await userEvent.click(canvas.getByRole("button", { name: "Stop experiment" }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("alertdialog", { name: "Stop this experiment?" });
    await expect(dialog).toHaveTextContent("The configuration cannot be changed, only stopped");
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm stop" }));
    await expect(await canvas.findByText("Stopped")).toBeVisible();
    await expect(args.onStopped).toHaveBeenCalledWith(expect.objectContaining({ status: "stopped" }));
    await userEvent.click(canvas.getByRole("button", { name: "Start a new experiment from this one" }));
    await expect(args.onStartFromThis).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Checkout button colour (copy)" }),
    );
  },
};

/** Adapters that never answer: skeletons with a "Loading results…" status. */
export const Loading: Story = {
  args: { adapterOptions: { faults: { "persistence.getExperiment": { type: "hang" } }, guard: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent("Loading results…");
    await expect(canvas.getByRole("status")).toHaveAttribute("aria-busy", "true");
  },
};

/** A launched experiment with no exposures yet. */
export const Empty: Story = {
  args: { noData: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "No data yet" })).toBeVisible();
    await expect(canvas.getByText(/first exposures appear within/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Refresh" })).toBeEnabled();
  },
};

/** The first load fails (network): a readable error and "Retry", which then succeeds. */
export const ErrorState: Story = {
  name: "Error",
  args: { adapterOptions: { faults: { "persistence.getExperiment": { type: "reject", times: 1 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Results could not be loaded" })).toBeVisible();
    await expect(canvas.getByRole("alert")).toHaveTextContent("We could not reach the server");
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(await canvas.findByRole("heading", { name: "Results: Checkout button colour" })).toBeVisible();
  },
};
