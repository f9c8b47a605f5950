import { AdapterError, type MetricStatsRequest, type MetricStatsRow } from "@flagsmith-experimentation/adapters";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { clearWinnerScenario, type Scenario, scenarioAdapters } from "./analysis-fixtures";
import { ExperimentResults } from "./experiment-results";

/** A daily-rows request the test answers when it chooses (no timers). */
interface PendingDaily {
  request: MetricStatsRequest;
  resolve: (rows: MetricStatsRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The scenario adapters with every experiment's totals answered at once and its daily rows held until the test
 * resolves them; both kinds of request are recorded.
 */
function progressiveAdapters(...scenarios: Scenario[]) {
  const [first] = scenarios;
  if (!first) throw new Error("a scenario is needed");
  const base = scenarioAdapters(first);
  const totals: MetricStatsRequest[] = [];
  const daily: PendingDaily[] = [];
  const byId = new Map(scenarios.map((scenario) => [scenario.experiment.id, scenario]));
  const persistence = {
    ...base.persistence,
    getExperiment: async (id: string) => {
      const scenario = byId.get(id);
      if (!scenario) throw new AdapterError("not-found", "Not found");
      return structuredClone(scenario.experiment);
    },
  };
  const adapters = {
    ...base,
    persistence,
    warehouse: {
      fetchExposureSummary: base.warehouse.fetchExposureSummary,
      fetchMetricStats: (request: MetricStatsRequest) => {
        if (request.granularity === "total") {
          totals.push(request);
          return Promise.resolve(structuredClone(byId.get(request.experiment.id)?.totals ?? []));
        }
        return new Promise<MetricStatsRow[]>((resolve, reject) => daily.push({ request, resolve, reject }));
      },
    },
  };
  return { adapters, totals, daily };
}

const rowsOf = (scenario: Scenario) => structuredClone(scenario.daily);

async function answer(pending: PendingDaily | undefined, rows: MetricStatsRow[]) {
  if (!pending) throw new Error("no daily request is waiting");
  await act(async () => pending.resolve(rows));
}

function expectNothingUnreadable(element: Element) {
  expect(element.textContent).not.toMatch(/NaN|undefined/);
}

describe("ExperimentResults, progressive loading", () => {
  it("renders the whole page from the totals before the daily rows arrive, then the trend chart", async () => {
    const scenario = clearWinnerScenario();
    const { adapters, totals, daily } = progressiveAdapters(scenario);
    const { container } = render(
      <ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} locale="en-US" />,
    );
    expect(await screen.findByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");
    const article = screen.getByRole("article", { name: "Results: Checkout button colour" });
    expect(article).toHaveAttribute("data-state", "ready");
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "+15.0% lift" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh" })).toBeEnabled();

    // The trend's place: busy, saying so, while its rows are out.
    const trend = screen.getByRole("region", { name: "Trend" });
    expect(trend).toHaveAttribute("aria-busy", "true");
    expect(within(trend).getByRole("status")).toHaveTextContent("Loading the trend…");
    expect(within(trend).queryByRole("slider")).not.toBeInTheDocument();
    expectNothingUnreadable(article);
    await expectNoAxeViolations(container);

    // The daily rows are asked for once the totals are in, for the same window: both end at the same instant.
    await waitFor(() => expect(daily).toHaveLength(1));
    expect(totals).toHaveLength(1);
    expect(daily[0]?.request.now).toBeInstanceOf(Date);
    expect(daily[0]?.request.now?.getTime()).toBe(totals[0]?.now?.getTime());

    await answer(daily[0], rowsOf(scenario));
    const chart = screen.getByRole("region", { name: "Trend" });
    expect(chart).not.toHaveAttribute("aria-busy", "true");
    expect(within(chart).queryByRole("status")).not.toBeInTheDocument();
    expect(within(chart).getByRole("slider", { name: /^Checkout conversion: Cumulative values/ })).toBeInTheDocument();
    expect(within(chart).getByRole("combobox", { name: "Metric" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");
    expectNothingUnreadable(article);
  }, 30_000);

  it("says a failed trend in its own place with Retry, and the rest of the page stays", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const { adapters, totals, daily } = progressiveAdapters(scenario);
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} locale="en-US" />);
    await screen.findByRole("region", { name: "Recommendation" });
    await waitFor(() => expect(daily).toHaveLength(1));
    await act(async () => daily[0]?.reject(new AdapterError("network")));

    const trend = screen.getByRole("region", { name: "Trend" });
    expect(trend).not.toHaveAttribute("aria-busy", "true");
    expect(within(trend).getByText("The trend could not be loaded")).toBeInTheDocument();
    expect(within(trend).getByRole("alert")).toHaveTextContent("We could not reach the server");
    // Only the trend failed: the page's own error is not shown, the results are.
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.queryByText("Results could not be loaded")).not.toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Recommendation" })).toHaveTextContent("Declare a winner");

    await user.click(within(trend).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(daily).toHaveLength(2));
    // Retry reads the same window again, and only the daily rows.
    expect(daily[1]?.request.now?.getTime()).toBe(daily[0]?.request.now?.getTime());
    expect(totals).toHaveLength(1);
    expect(within(screen.getByRole("region", { name: "Trend" })).getByRole("status")).toHaveTextContent(
      "Loading the trend…",
    );
    await answer(daily[1], rowsOf(scenario));
    const chart = screen.getByRole("region", { name: "Trend" });
    expect(within(chart).getByRole("slider", { name: /^Checkout conversion/ })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  }, 30_000);

  it("keeps the page-level error when the totals fail, without asking for the daily rows", async () => {
    const scenario = clearWinnerScenario();
    const { adapters, daily } = progressiveAdapters(scenario);
    const failing = {
      ...adapters,
      warehouse: {
        ...adapters.warehouse,
        fetchMetricStats: (request: MetricStatsRequest) =>
          request.granularity === "total"
            ? Promise.reject(new AdapterError("query"))
            : adapters.warehouse.fetchMetricStats(request),
      },
    };
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={failing} locale="en-US" />);
    expect(await screen.findByText("Results could not be loaded")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("The warehouse could not run the query.");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Trend" })).not.toBeInTheDocument();
    expect(daily).toHaveLength(0);
  });

  it("ignores the daily rows of an experiment no longer shown", async () => {
    const first = clearWinnerScenario();
    const second: Scenario = {
      ...clearWinnerScenario(),
      experiment: { ...first.experiment, id: "exp-other", name: "Pricing page layout" },
    };
    const { adapters, daily } = progressiveAdapters(first, second);
    const { rerender } = render(
      <ExperimentResults experimentId={first.experiment.id} adapters={adapters} locale="en-US" />,
    );
    await screen.findByRole("region", { name: "Recommendation" });
    await waitFor(() => expect(daily).toHaveLength(1));
    rerender(<ExperimentResults experimentId={second.experiment.id} adapters={adapters} locale="en-US" />);
    await screen.findByRole("heading", { name: "Results: Pricing page layout" });
    await screen.findByRole("region", { name: "Recommendation" });
    await waitFor(() => expect(daily).toHaveLength(2));
    expect(daily.map((pending) => pending.request.experiment.id)).toEqual([first.experiment.id, second.experiment.id]);

    // The first experiment's rows arrive late: the second's chart keeps waiting for its own.
    await answer(daily[0], rowsOf(first));
    const trend = screen.getByRole("region", { name: "Trend" });
    expect(trend).toHaveAttribute("aria-busy", "true");
    expect(within(trend).queryByRole("slider")).not.toBeInTheDocument();

    await answer(daily[1], rowsOf(second));
    expect(
      within(screen.getByRole("region", { name: "Trend" })).getByRole("slider", { name: /^Checkout conversion/ }),
    ).toBeInTheDocument();
  }, 30_000);

  it("refreshes the totals and the daily rows together, for one new window", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const { adapters, totals, daily } = progressiveAdapters(scenario);
    render(<ExperimentResults experimentId={scenario.experiment.id} adapters={adapters} locale="en-US" />);
    await screen.findByRole("region", { name: "Recommendation" });
    await waitFor(() => expect(daily).toHaveLength(1));
    await answer(daily[0], rowsOf(scenario));
    expect(within(screen.getByRole("region", { name: "Trend" })).getByRole("slider")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Refresh" }));
    await screen.findByRole("button", { name: "Refresh" });
    expect(totals).toHaveLength(2);
    await waitFor(() => expect(daily).toHaveLength(2));
    expect(daily[1]?.request.now?.getTime()).toBe(totals[1]?.now?.getTime());
    // The new totals are in; the chart waits for the rows of their window, not the previous ones.
    expect(screen.getByRole("region", { name: "Trend" })).toHaveAttribute("aria-busy", "true");
    await answer(daily[1], rowsOf(scenario));
    expect(within(screen.getByRole("region", { name: "Trend" })).getByRole("slider")).toBeInTheDocument();
  }, 30_000);
});

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
