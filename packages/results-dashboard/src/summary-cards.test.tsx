import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario, insufficientDataScenario } from "./analysis-fixtures";
import { SummaryCards } from "./summary-cards";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("SummaryCards", () => {
  it("shows the three titled cards with the primary metric's lift, interval and leader", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    render(<SummaryCards analysis={analysis} locale="en-US" />);
    const lift = screen.getByRole("region", { name: "Lift vs. control" });
    expect(within(lift).getByText("+15.0%")).toBeInTheDocument();
    expect(within(lift).getByText("Green button on Checkout conversion")).toBeInTheDocument();
    expect(within(lift).getByText(/95% credible interval: \+\d+\.\d% to \+\d+\.\d%/)).toBeInTheDocument();
    const best = screen.getByRole("region", { name: "Probability of being best" });
    expect(within(best).getByText("Green button leads")).toBeInTheDocument();
    const sample = screen.getByRole("region", { name: "Sample size" });
    expect(within(sample).getByText("42,000")).toBeInTheDocument();
    expect(within(sample).getByText(/^Planned: [\d,]+ per variation$/)).toBeInTheDocument();
  });

  it("shows an absolute difference in the metric's unit, not as a relative percentage", () => {
    const analysis = analyzeScenario(clearWinnerScenario(), { difference: "absolute" });
    render(<SummaryCards analysis={analysis} metricId="revenue-per-user" locale="en-US" />);
    const lift = screen.getByRole("region", { name: "Lift vs. control" });
    expect(within(lift).getByText("+$0.40")).toBeInTheDocument();
    expect(within(lift).getByText(/95% credible interval: [-+]?\$\d+\.\d\d to \+\$\d+\.\d\d/)).toBeInTheDocument();
  });

  it("reveals the inputs and method behind a figure", async () => {
    const user = userEvent.setup();
    const analysis = analyzeScenario(clearWinnerScenario());
    render(<SummaryCards analysis={analysis} locale="en-US" />);
    const lift = screen.getByRole("region", { name: "Lift vs. control" });
    const toggle = within(lift).getByRole("button", { name: /Show the maths/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(within(lift).getByText(/Bayesian Gaussian model/)).toBeInTheDocument();
    expect(within(lift).getByText("Control · Users (n)")).toBeInTheDocument();
    expect(within(lift).getAllByText("21,000", { selector: "dd" })).toHaveLength(2);
  });

  it("says why instead of showing a number when there is not enough data", () => {
    const analysis = analyzeScenario(insufficientDataScenario());
    render(<SummaryCards analysis={analysis} locale="en-US" />);
    const lift = screen.getByRole("region", { name: "Lift vs. control" });
    expect(within(lift).getByText(/Not enough data yet/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    const best = screen.getByRole("region", { name: "Probability of being best" });
    expect(within(best).queryByText(/leads/)).not.toBeInTheDocument();
    const sample = screen.getByRole("region", { name: "Sample size" });
    expect(within(sample).getByText("Planned sample not estimated yet")).toBeInTheDocument();
  });

  it("uses the messages and locale props", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    render(<SummaryCards analysis={analysis} locale="de-DE" messages={{ liftVsControl: "Uplift ggü. Kontrolle" }} />);
    const lift = screen.getByRole("region", { name: "Uplift ggü. Kontrolle" });
    expect(within(lift).getByText(/^\+15,0\s%$/)).toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    const { container } = render(<SummaryCards analysis={analysis} locale="en-US" />);
    await expectNoAxeViolations(container);
  });
});
