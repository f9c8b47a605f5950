import { render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  clearWinnerScenario,
  guardrailHarmedScenario,
  inconclusiveScenario,
  srmScenario,
  withStatus,
} from "./analysis-fixtures";
import { RecommendationCallout } from "./recommendation-callout";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("RecommendationCallout", () => {
  it("declares the winner the analysis picked, with its probability of being best and why acting now is valid", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    expect(analysis.recommendation.verdict).toBe("declare-winner");
    render(<RecommendationCallout analysis={analysis} locale="en-US" />);
    const region = screen.getByRole("region", { name: "Recommendation" });
    expect(within(region).getByText("Declare a winner")).toBeInTheDocument();
    expect(within(region).getByText(/^Green button wins on Checkout conversion\./)).toBeInTheDocument();
    expect(within(region).getByText("Green button: > 99.9% probability of being best")).toBeInTheDocument();
    expect(region).not.toHaveTextContent(/confidence/i);
    expect(
      within(region).getByText(/^(The planned sample is in|The expected loss of choosing it)/),
    ).toBeInTheDocument();
    expect(
      within(region).getByText("Green button is significantly better on Checkout conversion."),
    ).toBeInTheDocument();
  });

  it("says to keep running with the share of the planned sample and the days left", () => {
    const analysis = analyzeScenario(inconclusiveScenario());
    expect(analysis.recommendation.verdict).toBe("keep-running");
    render(<RecommendationCallout analysis={analysis} locale="en-US" />);
    const region = screen.getByRole("region", { name: "Recommendation" });
    expect(within(region).getByText("Keep running")).toBeInTheDocument();
    expect(within(region).getByText(/Keep the experiment running\.$/)).toBeInTheDocument();
    expect(
      within(region).getByText(
        /^\d+% of the planned sample is in \([\d,]+ of [\d,]+ users per variation\); about \d+ days left\.$/,
      ),
    ).toBeInTheDocument();
    // The leader is named with its own figure (never another variation's).
    const leader = analysis.recommendation.leader;
    const leaderName = analysis.metrics[0]?.variations.find((v) => v.variationKey === leader)?.name ?? "";
    const figure = within(region).getByText(new RegExp(`^${leaderName}: [\\d.]+% probability of being best$`));
    expect(figure).toBeInTheDocument();
    expect(region).toHaveTextContent(`${leaderName} leads on Checkout conversion`);
  });

  it("says an ended or paused experiment is inconclusive, never 'keep running', and counts no days left", () => {
    for (const status of ["stopped", "paused"] as const) {
      const analysis = analyzeScenario(withStatus(inconclusiveScenario(), status));
      expect(analysis.recommendation.verdict).toBe("inconclusive");
      const { unmount } = render(<RecommendationCallout analysis={analysis} locale="en-US" />);
      const region = screen.getByRole("region", { name: "Recommendation" });
      expect(region).not.toHaveTextContent(/Keep running|days left/);
      expect(region).toHaveTextContent(
        status === "stopped" ? "It has stopped: its data is final." : "It is paused: no data is being collected.",
      );
      unmount();
    }
  });

  it("asks to investigate a harmed guardrail and names it", () => {
    const analysis = analyzeScenario(guardrailHarmedScenario());
    render(<RecommendationCallout analysis={analysis} locale="en-US" />);
    const region = screen.getByRole("region", { name: "Recommendation" });
    expect(within(region).getByText("Investigate")).toBeInTheDocument();
    expect(within(region).getByText("Guardrail Page load time is harmed by Green button.")).toBeInTheDocument();
  });

  it("asks to investigate a sample ratio mismatch", () => {
    const analysis = analyzeScenario(srmScenario());
    render(<RecommendationCallout analysis={analysis} locale="en-US" />);
    const region = screen.getByRole("region", { name: "Recommendation" });
    expect(within(region).getByText(/^Sample ratio mismatch/)).toBeInTheDocument();
  });

  it("takes every sentence from messages", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    render(
      <RecommendationCallout
        analysis={analysis}
        locale="en-US"
        messages={{ recommendation: "Empfehlung", declareWinnerText: "{winner} gewinnt ({metric})." }}
      />,
    );
    const region = screen.getByRole("region", { name: "Empfehlung" });
    expect(within(region).getByText("Green button gewinnt (Checkout conversion).")).toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const { container } = render(<RecommendationCallout analysis={analyzeScenario(guardrailHarmedScenario())} />);
    await expectNoAxeViolations(container);
  });
});
