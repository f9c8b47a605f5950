import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { analyzeScenario, clearWinnerScenario, inconclusiveScenario } from "./analysis-fixtures";
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
      flagName: experiment.flagName,
      environmentKey: experiment.environmentKey,
      variations: experiment.variations,
      metrics: experiment.metrics,
      segmentId: experiment.segmentId,
      rolloutPercentage: experiment.rolloutPercentage,
      weights: experiment.weights,
    });
  });

  it("ships the declared winner after a confirmation that shows the evidence, and records the decision with it", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const analysis = analyzeScenario(scenario);
    expect(analysis.recommendation.verdict).toBe("declare-winner");
    const adapters = createInMemoryAdapters({ experiments: [scenario.experiment] });
    const onExperimentChange = vi.fn();
    render(
      <ExperimentActions
        experiment={scenario.experiment}
        analysis={analysis}
        persistence={adapters.persistence}
        segments={[{ id: "everyone", name: "All users" }]}
        onExperimentChange={onExperimentChange}
        locale="en-US"
      />,
    );
    await user.click(screen.getByRole("button", { name: "Ship Green button" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Ship Green button?" });
    expect(dialog).toHaveAccessibleDescription(
      /Green button will be served to this experiment's audience \(Segment “All users”\) and the experiment ends/,
    );
    expect(within(dialog).getByText("Evidence at this moment")).toBeInTheDocument();
    expect(within(dialog).getByText("Checkout conversion").closest("li")).toHaveTextContent(/Green button: \+15\.0%/);
    await expectNoAxeViolations(dialog);
    await user.type(within(dialog).getByRole("textbox", { name: "Note (optional)" }), "Clear win, ship it.");
    await user.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
    await vi.waitFor(() => expect(onExperimentChange).toHaveBeenCalledTimes(1));
    const [stored] = adapters.controls.experiments();
    expect(stored?.status).toBe("concluded");
    expect(stored?.decision).toMatchObject({
      winner: "green",
      note: "Clear win, ship it.",
      evidence: { verdict: "declare-winner", users: { control: 21_000, green: 21_000 } },
    });
    expect(onExperimentChange.mock.calls[0]?.[0]).toMatchObject({ status: "concluded" });
  });

  it("offers only 'Conclude without a winner' when no winner is declared, and keeps the control", async () => {
    const user = userEvent.setup();
    const scenario = inconclusiveScenario();
    const stopped = { ...scenario.experiment, status: "stopped" as const, stoppedAt: "2026-03-10T10:00:00.000Z" };
    const adapters = createInMemoryAdapters({ experiments: [stopped] });
    render(
      <ExperimentActions
        experiment={stopped}
        analysis={analyzeScenario({ ...scenario, experiment: stopped })}
        persistence={adapters.persistence}
        locale="en-US"
      />,
    );
    expect(screen.queryByRole("button", { name: /^Ship / })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop experiment" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Conclude without a winner" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Conclude without a winner?" });
    expect(dialog).toHaveAccessibleDescription(/its audience keeps Control/);
    await user.click(within(dialog).getByRole("button", { name: "Conclude experiment" }));
    await vi.waitFor(() => expect(adapters.controls.experiments()[0]?.status).toBe("concluded"));
    expect(adapters.controls.experiments()[0]?.decision?.winner).toBeNull();
  });

  it("shows no Ship, Pause or Resume when the persistence cannot do them", () => {
    const scenario = clearWinnerScenario();
    const { stop } = createInMemoryAdapters({ experiments: [scenario.experiment] }).persistence;
    render(
      <ExperimentActions
        experiment={scenario.experiment}
        analysis={analyzeScenario(scenario)}
        persistence={{ stop }}
      />,
    );
    expect(screen.getByRole("button", { name: "Stop experiment" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Ship|Conclude|Pause|Resume/ })).not.toBeInTheDocument();
  });

  it("pauses and resumes, saying so when the persistence refuses", async () => {
    const user = userEvent.setup();
    const { experiment } = clearWinnerScenario();
    const adapters = createInMemoryAdapters({
      experiments: [experiment],
      faults: { "persistence.resume": { type: "reject", times: 1 } },
    });
    const onExperimentChange = vi.fn();
    const { rerender } = render(
      <ExperimentActions
        experiment={experiment}
        persistence={adapters.persistence}
        onExperimentChange={onExperimentChange}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Pause experiment" }));
    await vi.waitFor(() => expect(onExperimentChange).toHaveBeenCalledTimes(1));
    const paused = onExperimentChange.mock.calls[0]?.[0];
    expect(paused).toMatchObject({ status: "paused" });
    rerender(
      <ExperimentActions
        experiment={paused}
        persistence={adapters.persistence}
        onExperimentChange={onExperimentChange}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Resume experiment" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^The experiment could not be resumed: /);
    await user.click(screen.getByRole("button", { name: "Resume experiment" }));
    await vi.waitFor(() => expect(onExperimentChange).toHaveBeenCalledTimes(2));
    expect(adapters.controls.experiments()[0]?.status).toBe("running");
  });
});
