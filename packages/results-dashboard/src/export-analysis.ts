import type { Experiment } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";

export const CSV_COLUMNS = [
  "metric_id",
  "metric_name",
  "role",
  "direction",
  "unit",
  "metric_status",
  "variation_key",
  "variation_name",
  "is_control",
  "status",
  "n",
  "value",
  "lift",
  "ci_low",
  "ci_high",
  "p_value",
  "adjusted_p_value",
  "chance_to_win",
  "probability_of_being_best",
  "significant",
  "guardrail",
] as const;

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab or carriage return first. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * One CSV field. Numbers stay plain (a negative lift is a number, not a formula); text from adapters (metric and
 * variation names) that starts like a formula gets a leading apostrophe so spreadsheets show it as text, and text
 * with quotes, commas or line breaks is quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const raw = String(value);
  const text = FORMULA_TRIGGER.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole analysis as CSV: one line per metric × variation, machine-readable numbers (no locale). */
export function analysisToCsv(analysis: AnalysisResult): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const metric of analysis.metrics) {
    for (const variation of metric.variations) {
      const lift = variation.lift;
      lines.push(
        [
          metric.metricId,
          metric.name,
          metric.role,
          metric.direction,
          metric.unit ?? "",
          metric.status,
          variation.variationKey,
          variation.name,
          variation.isControl,
          variation.status,
          variation.n,
          variation.value,
          lift?.estimate,
          lift?.ci[0],
          lift?.ci[1],
          lift?.pValue,
          lift?.adjustedPValue,
          lift?.chanceToWin,
          variation.probabilityOfBeingBest,
          lift?.significant,
          variation.guardrail,
        ]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The whole analysis (and the experiment it belongs to) as pretty-printed JSON; non-finite numbers become null. */
export function analysisToJson(analysis: AnalysisResult, experiment?: Experiment): string {
  return JSON.stringify(
    { experiment: experiment ?? null, analysis },
    (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value),
    2,
  );
}

/** A file name safe on every OS, e.g. "checkout-button-colour-analysis.csv". */
export function exportFileName(name: string, extension: "csv" | "json"): string {
  const slug =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "experiment";
  return `${slug}-analysis.${extension}`;
}
