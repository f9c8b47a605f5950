import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario, insufficientDataScenario } from "./analysis-fixtures";
import { analysisToCsv, analysisToJson, CSV_COLUMNS, exportFileName } from "./export-analysis";

describe("analysisToCsv", () => {
  it("writes a header and one line per metric × variation with plain numbers", () => {
    const analysis = analyzeScenario(clearWinnerScenario());
    const lines = analysisToCsv(analysis).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + 3 * 2);
    const green = lines.find((line) => line.startsWith("conversion,") && line.includes(",green,"));
    expect(green?.split(",")[12]).toBe(String(analysis.metrics[0]?.variations[1]?.lift?.estimate));
  });

  it("quotes text with commas and leaves missing numbers empty", () => {
    const scenario = insufficientDataScenario();
    scenario.metrics[0] = { ...scenario.metrics[0], name: 'Checkout, "final" step' } as (typeof scenario.metrics)[0];
    const csv = analysisToCsv(analyzeScenario(scenario));
    expect(csv).toContain('"Checkout, ""final"" step"');
    expect(csv).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe("analysisToJson", () => {
  it("round-trips the analysis with the experiment", () => {
    const scenario = clearWinnerScenario();
    const analysis = analyzeScenario(scenario);
    const parsed = JSON.parse(analysisToJson(analysis, scenario.experiment));
    expect(parsed.experiment.id).toBe(scenario.experiment.id);
    expect(parsed.analysis.metrics).toHaveLength(3);
  });
});

describe("exportFileName", () => {
  it("makes a safe slug", () => {
    expect(exportFileName("Checkout: button colour (v2)!", "csv")).toBe("checkout-button-colour-v2-analysis.csv");
    expect(exportFileName("???", "json")).toBe("experiment-analysis.json");
  });
});
