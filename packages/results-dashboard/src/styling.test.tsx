import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario } from "./analysis-fixtures";
import { ExperimentConfiguration } from "./experiment-configuration";
import { ExperimentList } from "./experiment-list";
import { HealthBanner } from "./health-banner";
import { MetricsComparisonTable } from "./metrics-comparison-table";
import { RecommendationCallout } from "./recommendation-callout";
import { ResultsDashboard } from "./results-dashboard";
import { SummaryCards } from "./summary-cards";
import { TrendChart } from "./trend-chart";
import { WarehouseConnectionForm } from "./warehouse-connection-form";

const scenario = clearWinnerScenario();
const { experiment, metrics } = scenario;
const analysis = analyzeScenario(scenario);
const host = { className: "host-widget", style: { "--color-text-action": "#0b8bb2" } as React.CSSProperties };

describe("results widgets: locale and host styling", () => {
  it("render with a POSIX-style locale (en_US)", () => {
    render(<ResultsDashboard experiment={experiment} analysis={analysis} metrics={metrics} locale="en_US" />);
    expect(screen.getByRole("region", { name: "Recommendation" })).toBeInTheDocument();
  });

  it.each([
    [
      "ResultsDashboard",
      () => <ResultsDashboard experiment={experiment} analysis={analysis} metrics={metrics} {...host} />,
    ],
    ["SummaryCards", () => <SummaryCards analysis={analysis} {...host} />],
    ["RecommendationCallout", () => <RecommendationCallout analysis={analysis} {...host} />],
    ["MetricsComparisonTable", () => <MetricsComparisonTable analysis={analysis} {...host} />],
    ["TrendChart", () => <TrendChart analysis={analysis} {...host} />],
    ["ExperimentList", () => <ExperimentList experiments={[experiment]} {...host} />],
    ["ExperimentConfiguration", () => <ExperimentConfiguration experiment={experiment} {...host} />],
    ["WarehouseConnectionForm", () => <WarehouseConnectionForm onSave={() => {}} {...host} />],
  ])("%s puts className and style on its outermost element, next to the root class", (_, element) => {
    const { container } = render(element());
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass("fx-root", "host-widget");
    expect(root.style.getPropertyValue("--color-text-action")).toBe("#0b8bb2");
  });

  it("HealthBanner takes className and style when it has something to say", () => {
    const { container } = render(<HealthBanner analysis={analysis} excludedMultipleVariations={3} {...host} />);
    expect(container.firstElementChild).toHaveClass("fx-root", "host-widget");
  });
});
