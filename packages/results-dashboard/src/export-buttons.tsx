import type { Experiment } from "@flagsmith-experimentation/adapters";
import type { AnalysisResult } from "@flagsmith-experimentation/stats-core";
import { Button } from "@flagsmith-experimentation/ui";
import { analysisToCsv, analysisToJson, exportFileName } from "./export-analysis";
import type { ResultsPageMessages } from "./messages";

function download(content: string, type: string, fileName: string) {
  const anchor = document.createElement("a");
  const canBlob = typeof URL !== "undefined" && typeof URL.createObjectURL === "function";
  const href = canBlob
    ? URL.createObjectURL(new Blob([content], { type }))
    : `data:${type};charset=utf-8,${encodeURIComponent(content)}`;
  anchor.href = href;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  if (canBlob) setTimeout(() => URL.revokeObjectURL(href), 0);
}

export interface ExportButtonsProps {
  analysis: AnalysisResult;
  experiment?: Experiment;
  messages: ResultsPageMessages;
  /** Called with the file instead of downloading it (e.g. to upload it elsewhere). */
  onExport?: (file: { fileName: string; type: string; content: string }) => void;
}

/** "Download CSV" and "Download JSON" of the whole analysis. */
export function ExportButtons({ analysis, experiment, messages, onExport }: ExportButtonsProps) {
  const name = experiment?.name ?? "experiment";
  const save = (format: "csv" | "json") => {
    const file =
      format === "csv"
        ? { fileName: exportFileName(name, "csv"), type: "text/csv", content: analysisToCsv(analysis) }
        : {
            fileName: exportFileName(name, "json"),
            type: "application/json",
            content: analysisToJson(analysis, experiment),
          };
    if (onExport) onExport(file);
    else download(file.content, file.type, file.fileName);
  };
  return (
    <fieldset className="fx-export">
      <legend className="fx-field-label">{messages.exportLabel}</legend>
      <Button onClick={() => save("csv")}>{messages.exportCsv}</Button>
      <Button onClick={() => save("json")}>{messages.exportJson}</Button>
    </fieldset>
  );
}
