import { render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario, insufficientDataScenario, srmScenario } from "./analysis-fixtures";
import { HealthBanner } from "./health-banner";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("HealthBanner", () => {
  it("warns about a sample ratio mismatch with the observed and expected split", () => {
    render(<HealthBanner analysis={analyzeScenario(srmScenario())} locale="en-US" />);
    const alert = screen.getByRole("alert");
    expect(within(alert).getByRole("heading", { name: "Sample ratio mismatch" })).toBeInTheDocument();
    expect(within(alert).getByText("Observed: 55.0% (15,400 users)")).toBeInTheDocument();
    expect(within(alert).getByText("Observed: 45.0% (12,600 users)")).toBeInTheDocument();
    expect(within(alert).getAllByText("Expected: 50.0%")).toHaveLength(2);
  });

  it("reports identities exposed to several variations", () => {
    render(<HealthBanner analysis={analyzeScenario(clearWinnerScenario())} excludedMultipleVariations={42} />);
    expect(screen.getByRole("status", { name: "Users exposed to several variations" })).toHaveTextContent(
      "42 users saw more than one variation",
    );
  });

  it("reports metrics without enough data", () => {
    render(<HealthBanner analysis={analyzeScenario(insufficientDataScenario())} />);
    expect(screen.getByRole("status", { name: "Not enough data yet" })).toHaveTextContent("Checkout conversion");
  });

  it("renders nothing for a healthy experiment", () => {
    const { container } = render(<HealthBanner analysis={analyzeScenario(clearWinnerScenario())} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("has no axe violations", async () => {
    const { container } = render(
      <HealthBanner analysis={analyzeScenario(srmScenario())} excludedMultipleVariations={3} />,
    );
    await expectNoAxeViolations(container);
  });
});
