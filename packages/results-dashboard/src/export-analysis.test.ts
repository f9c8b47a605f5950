import { describe, expect, it } from "vitest";
import { analyzeScenario, clearWinnerScenario, insufficientDataScenario } from "./analysis-fixtures";
import { analysisToCsv, analysisToJson, CSV_COLUMNS, csvCell, exportFileName } from "./export-analysis";

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

  it("defuses formulas in metric and variation names that come from adapters", () => {
    const scenario = clearWinnerScenario();
    const analysis = analyzeScenario({
      ...scenario,
      experiment: {
        ...scenario.experiment,
        variations: scenario.experiment.variations.map((variation) =>
          variation.isControl ? variation : { ...variation, name: "@cmd|' /C calc'!A0" },
        ),
      },
      metrics: scenario.metrics.map((metric, index) => (index === 0 ? { ...metric, name: "=1+2" } : metric)),
    });
    const rows = analysisToCsv(analysis).trimEnd().split("\r\n").slice(1);
    const conversion = rows.filter((line) => line.startsWith("conversion,"));
    expect(conversion).toHaveLength(2);
    for (const line of conversion) expect(line.split(",")[1]).toBe("'=1+2");
    expect(conversion.find((line) => line.includes(",green,"))?.split(",")[7]).toBe("'@cmd|' /C calc'!A0");
  });
});

describe("csvCell", () => {
  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("keeps numbers (negative ones too) and harmless text as they are", () => {
    expect(csvCell(-0.042)).toBe("-0.042");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("Green button")).toBe("Green button");
    expect(csvCell(false)).toBe("false");
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
