import { AdapterError } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
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
    // The header comes first (name, status, day), with skeletons shaped like the cards and table below it.
    expect(await screen.findByRole("heading", { name: "Results: Checkout button colour" })).toBeInTheDocument();
    const article = screen.getByRole("article", { name: "Results: Checkout button colour" });
    if (article.getAttribute("data-state") === "loading") {
      expect(within(article).getByRole("status")).toHaveTextContent("Loading results…");
    }
    expect(await screen.findByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");
    expect(article).toHaveAttribute("data-state", "ready");
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "+15.0% lift" })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  }, 30_000);

  it("says there is no data yet when the warehouse has no exposures", async () => {
    const { experiment } = clearWinnerScenario();
    const { metrics } = clearWinnerScenario();
    const adapters = createInMemoryAdapters({ ...demoWorld, experiments: [experiment], metrics, events: [] });
    render(<ExperimentResults experimentId={experiment.id} adapters={adapters} />);
    expect(await screen.findByText("No data yet")).toBeInTheDocument();
    expect(screen.getByText(/first exposures appear within/i)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Results: Checkout button colour" })).toBeInTheDocument();
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
    // The experiment loaded: its header stays, the statistics' failure is said below it with Retry.
    expect(await screen.findByRole("alert")).toHaveTextContent(/shape we do not understand/);
    expect(screen.getByText("Results could not be loaded")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Results: Checkout button colour" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
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

  it("says where the experiment stands in its header: status, day X of N, planned sample, last refreshed", async () => {
    const scenario = clearWinnerScenario();
    const experiment = {
      ...scenario.experiment,
      plan: { minimumDetectableEffect: 0.1, power: 0.8, alpha: 0.05, sampleSizePerVariation: 30_000 },
    };
    const adapters = scenarioAdapters({ ...scenario, experiment });
    render(
      <ExperimentResults
        experimentId={experiment.id}
        adapters={adapters}
        today={new Date("2026-03-11T12:00:00Z")}
        locale="en-US"
      />,
    );
    const header = (await screen.findByRole("heading", { name: "Results: Checkout button colour" })).closest("header");
    if (!header) throw new Error("no header");
    expect(within(header).getByText("Running")).toBeInTheDocument();
    expect(within(header).getByText("Day 10 of 21")).toBeInTheDocument();
    // The wizard's plan: 21,000 of 30,000 users per variation.
    expect(await within(header).findByText("70% of planned sample")).toBeInTheDocument();
    expect(within(header).getByText("(21,000 of 30,000 users per variation)")).toBeInTheDocument();
    expect(within(header).getByText(/^Last refreshed /)).toBeInTheDocument();
  });

  it("shows a scheduled experiment's dates and configuration and when it starts, without asking the warehouse", async () => {
    const scenario = clearWinnerScenario();
    const experiment = {
      ...scenario.experiment,
      status: "scheduled" as const,
      startDate: "2026-04-01",
      endDate: "2026-04-28",
    };
    const adapters = scenarioAdapters({ ...scenario, experiment });
    const fetchMetricStats = vi.spyOn(adapters.warehouse, "fetchMetricStats");
    render(
      <ExperimentResults
        experimentId={experiment.id}
        adapters={{ ...adapters, segments: { listSegments: async () => [{ id: "everyone", name: "All users" }] } }}
        today={new Date("2026-03-20T12:00:00Z")}
        environmentName="Production"
        locale="en-US"
      />,
    );
    expect(await screen.findByText(/^This experiment starts on Apr 1, 2026\./)).toBeInTheDocument();
    expect(screen.getByText("Starts on Apr 1, 2026")).toBeInTheDocument();
    expect(screen.queryByText(/first exposures appear within/i)).not.toBeInTheDocument();
    const configuration = screen.getByRole("region", { name: "Configuration" });
    expect(within(configuration).getByText("exp-clear-winner_flag")).toBeInTheDocument();
    expect(within(configuration).getByText("Production")).toBeInTheDocument();
    expect(await within(configuration).findByText("Segment “All users”")).toBeInTheDocument();
    expect(within(configuration).getByText("Apr 1, 2026 to Apr 28, 2026")).toBeInTheDocument();
    expect(fetchMetricStats).not.toHaveBeenCalled();
  });

  it("ships the winner, then shows the recorded decision with its evidence", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const onExperimentChange = vi.fn();
    render(
      <ExperimentResults
        experimentId={scenario.experiment.id}
        adapters={adapters}
        onExperimentChange={onExperimentChange}
        locale="en-US"
      />,
    );
    await user.click(await screen.findByRole("button", { name: "Ship Green button" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Ship Green button?" });
    await user.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
    const decision = await screen.findByRole("region", { name: "Decision" });
    expect(within(decision).getByText("Shipped Green button")).toBeInTheDocument();
    expect(within(decision).getByText(/^Decided /)).toBeInTheDocument();
    expect(within(decision).getByText("Recommendation then: Declare a winner")).toBeInTheDocument();
    expect(within(decision).getByText("Checkout conversion").closest("li")).toHaveTextContent(/\+15\.0%/);
    expect(screen.getByText("Concluded")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Ship / })).not.toBeInTheDocument();
    expect(onExperimentChange).toHaveBeenCalledWith(expect.objectContaining({ status: "concluded" }));
  });

  it("retries by itself when the server is rate limiting and says when", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    let calls = 0;
    const limited = {
      ...adapters,
      persistence: {
        getExperiment: async (id: string) => {
          calls += 1;
          if (calls === 1) throw new AdapterError("rate-limited", undefined, { retryAfterSeconds: 1 });
          return adapters.persistence.getExperiment(id);
        },
      },
    };
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={limited} locale="en-US" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many requests at once. Try again in 1 second.");
    expect(screen.getByText("Retrying in 1 second…")).toBeInTheDocument();
    expect(
      await screen.findByRole("heading", { name: "Results: Checkout button colour" }, { timeout: 3_000 }),
    ).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("names the failure: an experiment that is gone, or access refused", async () => {
    const scenario = clearWinnerScenario();
    const adapters = scenarioAdapters(scenario);
    const failing = (error: AdapterError) => ({
      ...adapters,
      persistence: {
        getExperiment: async () => {
          throw error;
        },
      },
    });
    const { unmount } = render(
      <ExperimentResults experimentId="gone" adapters={failing(new AdapterError("not-found"))} />,
    );
    expect(await screen.findByRole("heading", { name: "Experiment not found" })).toBeInTheDocument();
    unmount();
    render(
      <ExperimentResults
        experimentId="locked"
        adapters={failing(
          new AdapterError("unauthorized", undefined, { detail: "Environment key not found or no access." }),
        )}
      />,
    );
    expect(await screen.findByRole("heading", { name: "No access to these results" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Environment key not found or no access.");
  });
});
