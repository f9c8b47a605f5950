import type { Experiment } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  conversionMetric,
  guardrailHarmedScenario,
  inconclusiveScenario,
  srmScenario,
} from "./analysis-fixtures";
import { ExperimentList } from "./experiment-list";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The scenarios run 2026-03-02 to 2026-03-15 (14 days at least); "today" is day 10. */
const today = new Date("2026-03-11T12:00:00Z");
const winner = clearWinnerScenario();
const early = inconclusiveScenario();
const harmed = guardrailHarmedScenario();
const srm = srmScenario();
const draft: Experiment = { ...early.experiment, id: "exp-draft", name: "", status: "draft" };
const stopped: Experiment = { ...early.experiment, id: "exp-stopped", name: "Old banner", status: "stopped" };
const scheduled: Experiment = {
  ...early.experiment,
  id: "exp-scheduled",
  name: "Compact menu",
  status: "scheduled",
  startDate: "2026-04-01",
  endDate: "2026-04-28",
};
const concluded: Experiment = {
  ...winner.experiment,
  id: "exp-concluded",
  name: "Old checkout",
  status: "concluded",
  stoppedAt: "2026-03-09T10:00:00.000Z",
  decision: {
    winner: "green",
    decidedAt: "2026-03-09T10:00:00.000Z",
    decidedBy: "Priya Raman",
    evidence: null,
  },
};
const paused: Experiment = { ...early.experiment, id: "exp-paused", name: "Paused copy", status: "paused" };

function rowOf(name: RegExp | string) {
  const table = screen.getByRole("table", { name: "Experiments" });
  const row = within(table)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader", { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe("ExperimentList", () => {
  it("takes the host's words for the list's own text and for the words it shares with the results", () => {
    render(
      <ExperimentList
        experiments={[winner.experiment, scheduled]}
        metrics={[conversionMetric]}
        analyses={{ [winner.experiment.id]: analyzeScenario(winner) }}
        today={today}
        locale="en-US"
        messages={{
          experiments: "Experimente",
          statusRunning: "Läuft",
          triageWinner: "{variation} gewinnt bei {metric} ({lift})",
          triageScheduled: "Beginnt am {date}",
        }}
      />,
    );
    expect(screen.getByRole("table", { name: "Experimente" })).toBeInTheDocument();
    const running = within(screen.getByRole("table", { name: "Experimente" }))
      .getAllByRole("row")
      .find((row) => within(row).queryByRole("rowheader", { name: "Checkout button colour" }));
    expect(running).toBeDefined();
    expect(within(running as HTMLElement).getByText("Läuft")).toBeInTheDocument();
    expect(
      within(running as HTMLElement).getByText("Green button gewinnt bei Checkout conversion (+15.0%)"),
    ).toBeInTheDocument();
    expect(screen.getByText("Beginnt am Apr 1, 2026")).toBeInTheDocument();
  });

  it("headlines each experiment by what matters: a winner, a harmed guardrail, an SRM, a decision, not started", () => {
    render(
      <ExperimentList
        experiments={[winner.experiment, harmed.experiment, srm.experiment, scheduled, concluded, draft, stopped]}
        metrics={[conversionMetric]}
        analyses={{
          [winner.experiment.id]: analyzeScenario(winner),
          [harmed.experiment.id]: analyzeScenario(harmed),
          [srm.experiment.id]: analyzeScenario(srm),
        }}
        today={today}
        locale="en-US"
      />,
    );
    const running = rowOf("Checkout button colour");
    expect(within(running).getByText("Running")).toBeInTheDocument();
    expect(within(running).getByText("Checkout conversion")).toBeInTheDocument();
    expect(within(running).getByText("Green button wins on Checkout conversion (+15.0%)")).toBeInTheDocument();
    expect(within(running).getByText("Day 10 of 21")).toBeInTheDocument();
    // A primary-metric win with a harmed guardrail never reads as a win.
    expect(
      within(rowOf(harmed.experiment.name)).getByText(/^Page load time harmed by Green button \(\+20\.0%\)$/),
    ).toBeVisible();
    expect(
      within(rowOf(srm.experiment.name)).getByText("Sample ratio mismatch: do not trust these results"),
    ).toBeVisible();
    expect(within(rowOf("Compact menu")).getByText("Not started: starts on Apr 1, 2026")).toBeVisible();
    expect(within(rowOf("Compact menu")).getByText("Starts on Apr 1, 2026")).toBeVisible();
    const decided = rowOf("Old checkout");
    expect(within(decided).getByText("Shipped Green button")).toBeVisible();
    expect(within(decided).getByText(/^Decided .*2026.* by Priya Raman$/)).toBeVisible();
    expect(within(decided).getByText("Ended Mar 9, 2026, after 8 days")).toBeVisible();
    expect(within(rowOf("Untitled experiment")).getByText("Draft: not launched yet")).toBeVisible();
    const ended = rowOf("Old banner");
    expect(within(ended).getByText("Stopped: record a decision")).toBeVisible();
  });

  it("shows a placeholder per row while analyses load, with the column widths fixed", () => {
    render(
      <ExperimentList
        experiments={[winner.experiment, paused]}
        analysisStatus={{ [winner.experiment.id]: "loading", [paused.id]: "error" }}
        today={today}
        locale="en-US"
      />,
    );
    const table = screen.getByRole("table", { name: "Experiments" });
    expect(table.querySelectorAll("col")).toHaveLength(5);
    const loading = rowOf("Checkout button colour");
    expect(within(loading).getByText("Loading results…")).toHaveClass("fx-visually-hidden");
    expect(loading.querySelector(".fx-skeleton-block")).not.toBeNull();
    expect(within(loading).queryByText(/No results/)).not.toBeInTheDocument();
    expect(within(rowOf("Paused copy")).getByText("Paused · Results could not be loaded")).toBeVisible();
  });

  it("filters by status and by what needs attention, with counts", async () => {
    const user = userEvent.setup();
    render(
      <ExperimentList
        experiments={[winner.experiment, harmed.experiment, early.experiment, draft, scheduled]}
        analyses={{
          [winner.experiment.id]: analyzeScenario(winner),
          [harmed.experiment.id]: analyzeScenario(harmed),
          [early.experiment.id]: analyzeScenario(early),
        }}
        today={today}
        locale="en-US"
      />,
    );
    const filters = screen.getByRole("group", { name: "Show" });
    expect(within(filters).getByRole("radio", { name: "All (5)" })).toBeChecked();
    await user.click(within(filters).getByRole("radio", { name: "Needs attention (2)" }));
    let names = within(screen.getByRole("table", { name: "Experiments" }))
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent);
    expect(names).toEqual([winner.experiment.name, harmed.experiment.name]);
    await user.click(within(filters).getByRole("radio", { name: "Scheduled (1)" }));
    names = within(screen.getByRole("table", { name: "Experiments" }))
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent);
    expect(names).toEqual(["Compact menu"]);
  });

  it("sorts by status, by what needs attention first, by name", async () => {
    const user = userEvent.setup();
    render(
      <ExperimentList
        experiments={[draft, early.experiment, harmed.experiment, scheduled]}
        analyses={{
          [early.experiment.id]: analyzeScenario(early),
          [harmed.experiment.id]: analyzeScenario(harmed),
        }}
        today={today}
        locale="en-US"
      />,
    );
    const names = () =>
      within(screen.getByRole("table", { name: "Experiments" }))
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent);
    // By status: running first (newest launch first), then scheduled, then drafts.
    expect(names()).toEqual([early.experiment.name, harmed.experiment.name, "Compact menu", "Untitled experiment"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Needs attention first");
    expect(names()[0]).toBe(harmed.experiment.name);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Name");
    expect(names()).toEqual(["Compact menu", early.experiment.name, harmed.experiment.name, "Untitled experiment"]);
  });

  it("deletes a draft after a confirmation when the persistence can", async () => {
    const user = userEvent.setup();
    const adapters = createInMemoryAdapters({ experiments: [winner.experiment, { ...draft, name: "Sign-up form" }] });
    const onDraftDeleted = vi.fn();
    render(
      <ExperimentList
        experiments={[winner.experiment, { ...draft, name: "Sign-up form" }]}
        persistence={adapters.persistence}
        onDraftDeleted={onDraftDeleted}
        today={today}
      />,
    );
    expect(screen.getAllByRole("button", { name: /^Delete draft/ })).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Delete draft Sign-up form" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete this draft?" });
    expect(dialog).toHaveAccessibleDescription(/“Sign-up form” and everything entered in it will be deleted/);
    await user.click(within(dialog).getByRole("button", { name: "Delete draft" }));
    await vi.waitFor(() => expect(onDraftDeleted).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("rowheader", { name: /Sign-up form/ })).not.toBeInTheDocument();
    expect(adapters.controls.experiments().map((experiment) => experiment.id)).toEqual([winner.experiment.id]);
  });

  it("offers no delete without deleteDraft, and keeps the draft when deleting fails", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ExperimentList experiments={[draft]} today={today} />);
    expect(screen.queryByRole("button", { name: /^Delete draft/ })).not.toBeInTheDocument();
    const adapters = createInMemoryAdapters({
      experiments: [draft],
      faults: { "persistence.deleteDraft": { type: "reject", times: 1 } },
    });
    rerender(<ExperimentList experiments={[draft]} persistence={adapters.persistence} today={today} />);
    await user.click(screen.getByRole("button", { name: "Delete draft Untitled experiment" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Delete draft" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(/^The draft could not be deleted: /);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("rowheader", { name: /Untitled experiment/ })).toBeInTheDocument();
    expect(adapters.controls.experiments()).toHaveLength(1);
  });

  it("calls back for Create Experiment and for opening an experiment", async () => {
    const user = userEvent.setup();
    const onCreateExperiment = vi.fn();
    const onOpenExperiment = vi.fn();
    render(
      <ExperimentList
        experiments={[winner.experiment, draft, stopped]}
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

  it("shows placeholder rows while the experiments load, and an empty state", () => {
    const { rerender } = render(<ExperimentList experiments={[]} loading onCreateExperiment={() => {}} />);
    expect(screen.getByRole("region", { name: "Experiments" })).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByText(/No experiments yet/)).not.toBeInTheDocument();
    rerender(<ExperimentList experiments={[]} onCreateExperiment={() => {}} />);
    expect(screen.getByText(/No experiments yet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create Experiment" })).toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const adapters = createInMemoryAdapters({ experiments: [draft] });
    const { container } = render(
      <ExperimentList
        experiments={[winner.experiment, draft, stopped, concluded]}
        analyses={{ [winner.experiment.id]: analyzeScenario(winner) }}
        persistence={adapters.persistence}
        onCreateExperiment={() => {}}
        onOpenExperiment={() => {}}
        today={today}
      />,
    );
    await expectNoAxeViolations(container);
  });
});
