import type { Experiment } from "@flagsmith-experimentation/adapters";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { analyzeScenario, clearWinnerScenario, conversionMetric, inconclusiveScenario } from "./analysis-fixtures";
import { ExperimentList } from "./experiment-list";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const winner = clearWinnerScenario();
const early = inconclusiveScenario();
const draft: Experiment = { ...early.experiment, id: "exp-draft", name: "", status: "draft" };
const stopped: Experiment = { ...early.experiment, id: "exp-stopped", name: "Old banner", status: "stopped" };
const experiments = [winner.experiment, draft, stopped];

describe("ExperimentList", () => {
  it("lists experiments with status badges, primary metric and headline", () => {
    render(
      <ExperimentList
        experiments={experiments}
        metrics={[conversionMetric]}
        analyses={{ [winner.experiment.id]: analyzeScenario(winner) }}
        locale="en-US"
      />,
    );
    const rows = within(screen.getByRole("table", { name: "Experiments" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows).toHaveLength(3);
    const [running, drafted, ended] = rows;
    if (!running || !drafted || !ended) throw new Error("missing rows");
    expect(within(running).getByText("Running")).toBeInTheDocument();
    expect(within(running).getByText("Checkout conversion")).toBeInTheDocument();
    expect(within(running).getByText("+15.0% for Green button")).toBeInTheDocument();
    expect(within(drafted).getByText("Draft")).toBeInTheDocument();
    expect(within(drafted).getByText("Untitled experiment")).toBeInTheDocument();
    expect(within(ended).getByText("Stopped")).toBeInTheDocument();
    expect(within(ended).getByText("No results yet")).toBeInTheDocument();
  });

  it("calls back for Create Experiment and for opening an experiment", async () => {
    const user = userEvent.setup();
    const onCreateExperiment = vi.fn();
    const onOpenExperiment = vi.fn();
    render(
      <ExperimentList
        experiments={experiments}
        onCreateExperiment={onCreateExperiment}
        onOpenExperiment={onOpenExperiment}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Create Experiment" }));
    expect(onCreateExperiment).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Open results for Checkout button colour" }));
    expect(onOpenExperiment).toHaveBeenCalledWith(winner.experiment);
    // A draft has no results yet: its button says it goes back to editing.
    await user.click(screen.getByRole("button", { name: "Continue editing Untitled experiment" }));
    expect(onOpenExperiment).toHaveBeenLastCalledWith(draft);
  });

  it("shows an empty state", () => {
    render(<ExperimentList experiments={[]} onCreateExperiment={() => {}} />);
    expect(screen.getByText(/No experiments yet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create Experiment" })).toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const { container } = render(
      <ExperimentList experiments={experiments} onCreateExperiment={() => {}} onOpenExperiment={() => {}} />,
    );
    await expectNoAxeViolations(container);
  });
});
