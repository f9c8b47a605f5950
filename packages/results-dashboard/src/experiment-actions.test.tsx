import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { clearWinnerScenario } from "./analysis-fixtures";
import { ExperimentActions } from "./experiment-actions";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("ExperimentActions", () => {
  it("stops a running experiment after a confirmation that says the configuration cannot change", async () => {
    const user = userEvent.setup();
    const { experiment } = clearWinnerScenario();
    const adapters = createInMemoryAdapters({ ...demoWorld, experiments: [experiment] });
    const onStopped = vi.fn();
    render(<ExperimentActions experiment={experiment} persistence={adapters.persistence} onStopped={onStopped} />);
    await user.click(screen.getByRole("button", { name: "Stop experiment" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Stop this experiment?" });
    expect(dialog).toHaveAccessibleDescription(/The configuration cannot be changed, only stopped/);
    await expectNoAxeViolations(dialog);
    await user.click(within(dialog).getByRole("button", { name: "Confirm stop" }));
    await vi.waitFor(() => expect(onStopped).toHaveBeenCalledTimes(1));
    expect(onStopped.mock.calls[0]?.[0]).toMatchObject({ id: experiment.id, status: "stopped" });
    expect(adapters.controls.experiments()[0]?.status).toBe("stopped");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("keeps the dialog open with a readable error when stopping fails", async () => {
    const user = userEvent.setup();
    const { experiment } = clearWinnerScenario();
    const adapters = createInMemoryAdapters({
      ...demoWorld,
      experiments: [experiment],
      faults: { "persistence.stop": { type: "reject", times: 1 } },
    });
    render(<ExperimentActions experiment={experiment} persistence={adapters.persistence} />);
    await user.click(screen.getByRole("button", { name: "Stop experiment" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Confirm stop" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(/^The experiment could not be stopped: /);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(adapters.controls.experiments()[0]?.status).toBe("running");
  });

  it("hands a pre-filled draft to the host for a new experiment", async () => {
    const user = userEvent.setup();
    const { experiment } = clearWinnerScenario();
    const onStartFromThis = vi.fn();
    render(<ExperimentActions experiment={{ ...experiment, status: "stopped" }} onStartFromThis={onStartFromThis} />);
    expect(screen.queryByRole("button", { name: "Stop experiment" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Start a new experiment from this one" }));
    expect(onStartFromThis).toHaveBeenCalledWith({
      name: "Checkout button colour (copy)",
      hypothesis: experiment.hypothesis,
      flagId: experiment.flagId,
      variations: experiment.variations,
      metrics: experiment.metrics,
      segmentId: experiment.segmentId,
      weights: experiment.weights,
    });
  });
});
