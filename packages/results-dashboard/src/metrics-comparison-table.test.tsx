import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  fourVariationsScenario,
  guardrailHarmedScenario,
  insufficientDataScenario,
  lowerIsBetterScenario,
  multiplePrimariesScenario,
} from "./analysis-fixtures";
import { MetricsComparisonTable } from "./metrics-comparison-table";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

function bodyRows() {
  const table = screen.getByRole("table", { name: "Metrics comparison" });
  const [, body] = within(table).getAllByRole("rowgroup");
  if (!body) throw new Error("table has no body");
  return within(body).getAllByRole("row");
}

describe("MetricsComparisonTable", () => {
  it("has one row per metric with the primary first, its role, values by unit, lift bar and significance", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    render(<MetricsComparisonTable analysis={analysis} locale="en-US" />);
    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    const [primary] = rows;
    if (!primary) throw new Error("no rows");
    expect(within(primary).getByRole("rowheader")).toHaveTextContent(/^Checkout conversion/);
    expect(within(primary).getByText("Primary")).toBeInTheDocument();
    expect(within(primary).getByText("10.00%")).toBeInTheDocument();
    expect(within(primary).getByText("11.50%")).toBeInTheDocument();
    // Conversions / users beside each rate.
    expect(within(primary).getByText("2,100 / 21,000 users")).toBeInTheDocument();
    expect(within(primary).getByText("2,415 / 21,000 users")).toBeInTheDocument();
    expect(within(primary).getByRole("img", { name: "+15.0% lift" })).toBeInTheDocument();
    // Two variations: the chance to beat control is the probability of being best, named once (docs/decision-rules.md).
    expect(within(primary).getByText(/^> 99\.9% probability of being best$/)).toBeInTheDocument();
    expect(within(primary).getByText("Better")).toBeInTheDocument();
    const revenue = rows.find((row) => within(row).queryByText("Revenue per user"));
    if (!revenue) throw new Error("no revenue row");
    expect(within(revenue).getByText("$5.00")).toBeInTheDocument();
    expect(within(revenue).getByText("Not significant")).toBeInTheDocument();
  });

  it("states an absolute difference signed and in the metric's unit, on the bar and in the cell", () => {
    const analysis = analyzeScenario(clearWinnerScenario(), { difference: "absolute" });
    render(<MetricsComparisonTable analysis={analysis} locale="en-US" />);
    const rows = bodyRows();
    const revenue = rows.find((row) => within(row).queryByText("Revenue per user"));
    if (!revenue) throw new Error("no revenue row");
    expect(within(revenue).getByRole("img", { name: "+$0.40 lift" })).toBeInTheDocument();
    const [primary] = rows;
    if (!primary) throw new Error("no rows");
    expect(within(primary).getByRole("img", { name: "+1.50% lift" })).toBeInTheDocument();
  });

  it("colours by the metric's direction: a lower page-load time is better", () => {
    const analysis = analyzeScenario(lowerIsBetterScenario());
    render(<MetricsComparisonTable analysis={analysis} locale="en-US" />);
    const [primary] = bodyRows();
    if (!primary) throw new Error("no rows");
    expect(within(primary).getByText("Lower is better")).toBeInTheDocument();
    const bar = within(primary).getByRole("img", { name: "-12.5% lift" });
    expect(bar).toHaveAttribute("data-tone", "better");
    expect(within(primary).getByText("Better")).toBeInTheDocument();
    expect(within(primary).getByText("800 ms")).toBeInTheDocument();
  });

  it("flags a harmed guardrail", () => {
    const analysis = analyzeScenario(guardrailHarmedScenario());
    render(<MetricsComparisonTable analysis={analysis} locale="en-US" />);
    const guardrail = bodyRows().find((row) => within(row).queryByText("Page load time"));
    if (!guardrail) throw new Error("no guardrail row");
    expect(within(guardrail).getByText("Guardrail")).toBeInTheDocument();
    expect(within(guardrail).getByText("Guardrail harmed")).toBeInTheDocument();
    expect(within(guardrail).getByRole("img", { name: "+20.0% lift" })).toHaveAttribute("data-tone", "worse");
  });

  it("keeps every primary first and lists each treatment in a row of its metric", () => {
    render(<MetricsComparisonTable analysis={analyzeScenario(multiplePrimariesScenario())} locale="en-US" />);
    const roles = bodyRows().map((row) => within(row).getAllByRole("cell")[0]?.textContent);
    expect(roles).toEqual(["Primary", "Primary", "Secondary"]);
    render(<MetricsComparisonTable analysis={analyzeScenario(fourVariationsScenario())} locale="en-US" />);
    const tables = screen.getAllByRole("table", { name: "Metrics comparison" });
    const four = tables[1];
    if (!four) throw new Error("no second table");
    expect(within(four).getByRole("columnheader", { name: "Variation" })).toBeInTheDocument();
    const [addToCart] = within(four).getAllByRole("row").slice(1);
    if (!addToCart) throw new Error("no rows");
    expect(within(addToCart).getAllByRole("img", { name: /lift$/ })).toHaveLength(3);
  });

  it("sorts by a column, keeping primaries first, and announces the sort", async () => {
    const user = userEvent.setup();
    render(<MetricsComparisonTable analysis={analyzeScenario(clearWinnerScenario())} locale="en-US" />);
    const liftButton = screen.getByRole("button", { name: /^Lift/ });
    await user.click(liftButton);
    expect(screen.getByRole("columnheader", { name: /^Lift/ })).toHaveAttribute("aria-sort", "descending");
    let names = bodyRows().map((row) => within(row).getByRole("rowheader").textContent ?? "");
    expect(names[0]).toMatch(/^Checkout conversion/);
    expect(names[1]).toMatch(/^Revenue per user/);
    await user.click(liftButton);
    expect(screen.getByRole("columnheader", { name: /^Lift/ })).toHaveAttribute("aria-sort", "ascending");
    names = bodyRows().map((row) => within(row).getByRole("rowheader").textContent ?? "");
    expect(names[0]).toMatch(/^Checkout conversion/);
    expect(names[1]).toMatch(/^Page load time/);
  });

  it("turns insufficient data into a readable message, never NaN", () => {
    render(<MetricsComparisonTable analysis={analyzeScenario(insufficientDataScenario())} locale="en-US" />);
    const [row] = bodyRows();
    if (!row) throw new Error("no rows");
    expect(within(row).getByText(/^Not enough data yet:/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("has no axe violations", async () => {
    const { container } = render(<MetricsComparisonTable analysis={analyzeScenario(fourVariationsScenario())} />);
    await expectNoAxeViolations(container);
  }, 30_000);
});
