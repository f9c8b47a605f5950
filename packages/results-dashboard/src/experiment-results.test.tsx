import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { clearWinnerScenario, scenarioAdapters, srmScenario } from "./analysis-fixtures";
import { ExperimentResults } from "./experiment-results";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("ExperimentResults", () => {
  it("shows a loading skeleton, then the analysed results", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario, { latencyMs: 30 });
    const { container } = render(
      <ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} locale="en-US" />,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Loading results…");
    expect(await screen.findByRole("heading", { name: "Results: Checkout button colour" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "+15.0% lift" })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  }, 30_000);

  it("says there is no data yet when the warehouse has no exposures", async () => {
    const { experiment } = clearWinnerScenario();
    const { metrics } = clearWinnerScenario();
    const adapters = createInMemoryAdapters({ ...demoWorld, experiments: [experiment], metrics, events: [] });
    render(<ExperimentResults experimentId={experiment.id} adapters={adapters} />);
    expect(await screen.findByRole("heading", { name: "No data yet" })).toBeInTheDocument();
    expect(screen.getByText(/first exposures appear within/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh" })).toBeInTheDocument();
  });

  it("shows a readable error with Retry, and retries", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario, {
      faults: { "persistence.getExperiment": { type: "reject", times: 1 } },
    });
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} />);
    expect(await screen.findByRole("heading", { name: "Results could not be loaded" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("We could not reach the server");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("heading", { name: "Results: Checkout button colour" })).toBeInTheDocument();
  });

  it("reports malformed warehouse data as an error instead of rendering it", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const broken = {
      ...adapters,
      warehouse: createInMemoryAdapters({
        ...demoWorld,
        faults: { "warehouse.fetchMetricStats": { type: "malformed" } },
      }).warehouse,
    };
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={broken} />);
    expect(await screen.findByRole("heading", { name: "Results could not be loaded" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(/shape we do not understand/);
  });

  it("reports a malformed experiment from an unguarded host adapter as a readable error, not a crash", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const { name: _name, ...withoutName } = scenario.experiment;
    const unguarded = {
      ...adapters,
      persistence: { getExperiment: async () => ({ ...withoutName, weights: { control: "half" } }) as never },
    };
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={unguarded} />);
    expect(await screen.findByRole("heading", { name: "Results could not be loaded" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("The experiment came back in a shape we do not understand.");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("reports a malformed metric definition of the experiment as a readable error", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const unguarded = {
      ...adapters,
      metrics: {
        listMetrics: async () => scenario.metrics.map((metric) => ({ ...metric, kind: "median" })) as never,
      },
    };
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={unguarded} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The metric definitions came back in a shape we do not understand.",
    );
  });

  it("does not reload when the host re-renders it with a new messages object", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const { rerender } = render(
      <ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} messages={{ refresh: "Reload" }} />,
    );
    await screen.findByRole("button", { name: "Reload" });
    const calls = adapters.controls.calls("persistence.getExperiment");
    rerender(
      <ExperimentResults
        experimentId={scenario.experiment.id}
        adapters={adapters}
        messages={{ refresh: "Reload now" }}
      />,
    );
    expect(screen.getByRole("button", { name: "Reload now" })).toBeInTheDocument();
    expect(screen.queryByRole("status", { name: /Loading/ })).not.toBeInTheDocument();
    expect(adapters.controls.calls("persistence.getExperiment")).toBe(calls);
  });

  it("refreshes on demand and shows health warnings from the warehouse", async () => {
    const user = userEvent.setup();
    const scenario = srmScenario();
    const adapters = scenarioAdapters(scenario, { excludedMultipleVariations: 12 });
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} />);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "Sample ratio mismatch" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Users exposed to several variations" })).toHaveTextContent("12 users");
    const calls = adapters.controls.calls("persistence.getExperiment");
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    await screen.findByRole("button", { name: "Refresh" });
    expect(adapters.controls.calls("persistence.getExperiment")).toBe(calls + 1);
  });

  it("stops the experiment and shows it as stopped", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} />);
    await user.click(await screen.findByRole("button", { name: "Stop experiment" }));
    await user.click(await screen.findByRole("button", { name: "Confirm stop" }));
    expect(await screen.findByText("Stopped")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop experiment" })).not.toBeInTheDocument();
  });
});
