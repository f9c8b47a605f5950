import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  insufficientDataScenario,
} from "./analysis-fixtures";
import { TrendChart } from "./trend-chart";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("TrendChart", () => {
  it("draws a line per variation and switches metrics with the control labelled Metric", async () => {
    const user = userEvent.setup();
    const analysis = analyzeScenario(fourVariationsScenario());
    render(<TrendChart analysis={analysis} locale="en-US" />);
    const metric = screen.getByRole("combobox", { name: "Metric" });
    expect(metric).toHaveValue("add-to-cart");
    const chart = screen.getByRole("slider", { name: /^Add-to-cart events: Cumulative values/ });
    expect(chart.querySelectorAll("path[data-series]")).toHaveLength(4);
    const legend = screen.getByRole("list", { name: "Legend" });
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Control", "Model v2", "Model v3", "Model v4"]);
    await user.selectOptions(metric, "page-load-time");
    expect(screen.getByRole("slider", { name: /^Page load time: Cumulative values/ })).toBeInTheDocument();
  });

  it("shows the lift over time with its interval band", async () => {
    const user = userEvent.setup();
    render(<TrendChart analysis={analyzeScenario(clearWinnerScenario())} locale="en-US" />);
    await user.click(screen.getByRole("radio", { name: "Lift over time" }));
    const chart = screen.getByRole("slider", { name: /^Checkout conversion: Lift over time/ });
    expect(chart.querySelectorAll("path[data-series]")).toHaveLength(1);
    expect(chart.querySelectorAll("path[data-band]")).toHaveLength(1);
    expect(screen.getByText("Interval band")).toBeInTheDocument();
  });

  it("moves a tooltip between days with the keyboard and says the values", async () => {
    const user = userEvent.setup();
    render(<TrendChart analysis={analyzeScenario(clearWinnerScenario())} locale="en-US" />);
    const chart = screen.getByRole("slider", { name: /^Checkout conversion/ });
    await user.tab();
    await user.tab();
    await user.tab();
    expect(chart).toHaveFocus();
    expect(chart).toHaveAttribute(
      "aria-valuetext",
      expect.stringMatching(/^Mar 22, 2026: Control [\d.]+%, Green button/),
    );
    await user.keyboard("{Home}");
    expect(chart).toHaveAttribute("aria-valuenow", "0");
    expect(chart).toHaveAttribute("aria-valuetext", expect.stringMatching(/^Mar 2, 2026: /));
    await user.keyboard("{ArrowRight}");
    expect(chart).toHaveAttribute("aria-valuetext", expect.stringMatching(/^Mar 3, 2026: /));
    expect(screen.getByText("Mar 3, 2026", { selector: ".fx-trend-tooltip-date" })).toBeInTheDocument();
  });

  it("has a data-table fallback", async () => {
    const user = userEvent.setup();
    render(<TrendChart analysis={analyzeScenario(clearWinnerScenario())} locale="en-US" />);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show data table" }));
    const table = screen.getByRole("table", { name: "Data behind the trend chart" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((header) => header.textContent)).toEqual(["Date", "Control", "Green button"]);
    expect(within(table).getAllByRole("row")).toHaveLength(22);
  });

  it("says why there is no chart instead of drawing an empty one", () => {
    render(<TrendChart analysis={analyzeScenario(insufficientDataScenario())} locale="en-US" />);
    expect(screen.getByRole("note")).toHaveTextContent("Only one day of data so far");
    expect(screen.queryByRole("slider")).not.toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const { container } = render(<TrendChart analysis={analyzeScenario(fourVariationsScenario())} />);
    await expectNoAxeViolations(container);
  }, 30_000);
});
