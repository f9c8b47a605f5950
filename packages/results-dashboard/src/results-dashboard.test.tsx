import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  insufficientDataScenario,
  invalidDataScenario,
  lowerIsBetterScenario,
  multiplePrimariesScenario,
  srmScenario,
} from "./analysis-fixtures";
import { ResultsDashboard } from "./results-dashboard";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const scenarios = {
  "clear winner": clearWinnerScenario,
  "guardrail harmed": guardrailHarmedScenario,
  srm: srmScenario,
  "multiple primaries": multiplePrimariesScenario,
  "four variations": fourVariationsScenario,
  "lower is better": lowerIsBetterScenario,
  "insufficient data": insufficientDataScenario,
  "invalid data": invalidDataScenario,
};

describe("ResultsDashboard", () => {
  it.each(Object.entries(scenarios))("renders the %s experiment without NaN or undefined", (_, make) => {
    const scenario = make();
    const { container } = render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analyzeScenario(scenario)}
        metrics={scenario.metrics}
        locale="en-US"
      />,
    );
    expect(screen.getByRole("region", { name: "Recommendation" })).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Metric" })).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it("never lets the recommendation disagree with the table: the declared winner is significantly better", () => {
    const scenario = clearWinnerScenario();
    const analysis = analyzeScenario(scenario);
    render(<ResultsDashboard experiment={scenario.experiment} analysis={analysis} metrics={scenario.metrics} />);
    expect(screen.getByRole("region", { name: "Recommendation" })).toHaveTextContent(/^RecommendationDeclare a winner/);
    const table = screen.getByRole("table", { name: "Metrics comparison" });
    const primary = within(table).getAllByRole("row")[1];
    if (!primary) throw new Error("no primary row");
    expect(within(primary).getByText("Better")).toBeInTheDocument();
    const lift = screen.getByRole("region", { name: "Lift vs. control" });
    expect(within(lift).getByText("+15.0%")).toBeInTheDocument();
    expect(within(primary).getByRole("img", { name: "+15.0% lift" })).toBeInTheDocument();
  });

  it("turns an invalid-input analysis into readable messages, never NaN or a stack trace", () => {
    const scenario = invalidDataScenario();
    const analysis = analyzeScenario(scenario);
    expect(analysis.metrics.find((metric) => metric.metricId === "conversion")?.status).toBe("invalid-input");
    const { container } = render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analysis}
        metrics={scenario.metrics}
        locale="en-US"
      />,
    );
    const table = screen.getByRole("table", { name: "Metrics comparison" });
    const conversion = within(table)
      .getAllByRole("row")
      .find((row) => within(row).queryByRole("rowheader")?.textContent?.startsWith("Checkout conversion"));
    if (!conversion) throw new Error("no conversion row");
    expect(conversion).toHaveTextContent("Data could not be analysed: more conversions than users");
    expect(within(conversion).queryByRole("img")).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Lift vs. control" })).toHaveTextContent("Data could not be analysed");
    expect(container.textContent).not.toMatch(/NaN|undefined|Infinity|\[object|Error:|at \w+ \(/);
  });

  it("renders an analysis in which no metric could be analysed, with its reason", () => {
    const scenario = clearWinnerScenario();
    const totals = scenario.totals.map((row) => ({ ...row, stats: { ...row.stats, n: -5 } }));
    const analysis = analyzeScenario({ ...scenario, totals, daily: [] });
    expect(analysis.status).toBe("invalid-input");
    const { container } = render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analysis}
        metrics={scenario.metrics}
        locale="en-US"
      />,
    );
    expect(
      screen.getAllByRole("status").some((status) => /The analysis could not be run/.test(status.textContent ?? "")),
    ).toBe(true);
    const recommendation = screen.getByRole("region", { name: "Recommendation" });
    expect(recommendation).toHaveTextContent("Investigate");
    // No analysable metric, no figure to quote: never "Confidence 0.0%".
    expect(recommendation).not.toHaveTextContent(/probability of being best|0\.0%/);
    // Values that could not be computed are "n/a", never a made-up 0.
    const table = screen.getByRole("table", { name: "Metrics comparison" });
    expect(within(table).queryByText(/^(0\.0%|\$0\.00|0 ms)$/)).not.toBeInTheDocument();
    expect(within(table).getAllByText("n/a")).toHaveLength(3);
    expect(container.textContent).not.toMatch(/NaN|undefined|Infinity|\[object|Error:|at \w+ \(/);
  });

  it("shows names and the hypothesis from adapters as text, never as markup", () => {
    const scenario = clearWinnerScenario();
    const payload = '<img src="x" alt="injected" onerror="alert(1)">';
    const experiment = {
      ...scenario.experiment,
      hypothesis: payload,
      variations: scenario.experiment.variations.map((variation) =>
        variation.isControl ? variation : { ...variation, name: payload },
      ),
    };
    const metrics = scenario.metrics.map((metric, index) => (index === 0 ? { ...metric, name: payload } : metric));
    render(
      <ResultsDashboard
        experiment={experiment}
        analysis={analyzeScenario({ ...scenario, experiment, metrics })}
        metrics={metrics}
      />,
    );
    expect(screen.queryByRole("img", { name: "injected" })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Configuration" })).toHaveTextContent(payload);
    expect(screen.getByRole("table", { name: "Metrics comparison" })).toHaveTextContent(payload);
  });

  it("shows the launched configuration read-only", () => {
    const scenario = clearWinnerScenario();
    render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analyzeScenario(scenario)}
        metrics={scenario.metrics}
      />,
    );
    const configuration = screen.getByRole("region", { name: "Configuration" });
    expect(configuration).toHaveTextContent("The configuration of a launched experiment cannot be changed.");
    expect(within(configuration).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(configuration).getByText("Green button: 50%")).toBeInTheDocument();
  });

  it("exports the whole analysis as CSV and JSON", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    const onExport = vi.fn();
    const analysis = analyzeScenario(scenario);
    render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analysis}
        metrics={scenario.metrics}
        onExport={onExport}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Download CSV" }));
    const csv = onExport.mock.calls[0]?.[0];
    expect(csv).toMatchObject({ fileName: "checkout-button-colour-analysis.csv", type: "text/csv" });
    expect(csv.content.split("\r\n")).toHaveLength(1 + 3 * 2 + 1);
    await user.click(screen.getByRole("button", { name: "Download JSON" }));
    const json = onExport.mock.calls[1]?.[0];
    expect(json.fileName).toBe("checkout-button-colour-analysis.json");
    expect(JSON.parse(json.content).analysis.recommendation).toEqual(analysis.recommendation);
  });

  it("offers a download without a host callback", async () => {
    const user = userEvent.setup();
    const scenario = clearWinnerScenario();
    render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analyzeScenario(scenario)}
        metrics={scenario.metrics}
      />,
    );
    const clicked: string[] = [];
    const listener = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement) clicked.push(event.target.download);
      event.preventDefault();
    };
    document.addEventListener("click", listener, true);
    await user.click(screen.getByRole("button", { name: "Download CSV" }));
    document.removeEventListener("click", listener, true);
    expect(clicked).toEqual(["checkout-button-colour-analysis.csv"]);
  });

  it("has no axe violations", async () => {
    const scenario = guardrailHarmedScenario();
    const { container } = render(
      <ResultsDashboard
        experiment={scenario.experiment}
        analysis={analyzeScenario(scenario)}
        metrics={scenario.metrics}
        onStartFromThis={() => {}}
      />,
    );
    await expectNoAxeViolations(container);
  }, 30_000);
});
