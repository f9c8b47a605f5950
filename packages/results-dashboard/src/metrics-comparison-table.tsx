import type { AnalysisResult, MetricAnalysis, VariationMetricResult } from "@flagsmith-experimentation/stats-core";
import { cx, formatMessage, ROOT_CLASS, rootProps, Table } from "@flagsmith-experimentation/ui";
import { type ReactNode, useId, useMemo, useState } from "react";
import {
  controlOf,
  countsText,
  describeReason,
  formatLift,
  guardrailText,
  roleLabel,
  significanceText,
  treatments,
  variationValue,
} from "./analysis-view";
import { type ComparisonSort, type ComparisonSortKey, sortComparisonRows } from "./comparison-sort";
import { LiftBar } from "./lift-bar";
import { type LiftDomain, liftDomain } from "./lift-scale";
import { MathsList, MathsPanel, MathsToggle } from "./show-maths";
import { intervalText, liftMathsItems, methodText } from "./summary-cards";
import { liftTone } from "./tone";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText, useResultsText } from "./use-locale-text";

export interface MetricsComparisonTableProps extends LocaleTextProps {
  /** The result of stats-core's `analyzeExperiment`. */
  analysis: AnalysisResult;
  /** Initial sort; primary metrics stay first whatever the sort. */
  defaultSort?: ComparisonSort;
}

function LiftCell({
  analysis,
  metric,
  variation,
  domain,
}: {
  analysis: AnalysisResult;
  metric: MetricAnalysis;
  variation: VariationMetricResult;
  domain: LiftDomain;
}) {
  const { m, f } = useResultsText();
  const lift = variation.lift;
  if (!lift) {
    return (
      <span className="fx-muted">
        {describeReason(
          variation.status === "ok" ? metric.status : variation.status,
          variation.reason ?? metric.reason,
          m,
        )}
      </span>
    );
  }
  const formatted = formatLift(analysis, lift.estimate, metric.unit, f);
  const tone = liftTone(lift);
  return (
    <span className="fx-lift" data-tone={tone}>
      <span className="fx-lift-text">
        <span aria-hidden="true" className="fx-lift-icon">
          {tone === "better" ? "▲" : tone === "worse" ? "▼" : "●"}
        </span>
        {formatted}
      </span>
      <LiftBar
        estimate={lift.estimate}
        interval={lift.ci}
        domain={domain}
        tone={tone}
        label={formatMessage(m.liftBarLabel, { lift: formatted })}
      />
      <span className="fx-lift-interval">{intervalText(analysis, lift.ci, metric.unit, m, f)}</span>
    </span>
  );
}

function SignificanceCell({
  analysis,
  metric,
  variation,
}: {
  analysis: AnalysisResult;
  metric: MetricAnalysis;
  variation: VariationMetricResult;
}) {
  const { m, f } = useResultsText();
  const lift = variation.lift;
  if (!lift) return <span className="fx-muted">{m.notAvailable}</span>;
  const tone = liftTone(lift);
  const guardrail = metric.role === "guardrail" ? variation.guardrail : null;
  // A guardrail says how it moved against its tolerance, instead of "Worse" next to "Guardrail OK".
  if (guardrail !== null) {
    return (
      <span className="fx-significance">
        <span>{significanceText(metric, variation, m, f)}</span>
        <span className="fx-badge" data-tone={guardrail === "harmed" ? "worse" : "neutral"} data-guardrail={guardrail}>
          {guardrail === "harmed" ? m.guardrailHarmed : guardrail === "fine" ? m.guardrailOk : m.guardrailUnclear}
        </span>
        <span className="fx-guardrail-text">{guardrailText(analysis, metric, variation, m, f)}</span>
      </span>
    );
  }
  return (
    <span className="fx-significance">
      <span>{significanceText(metric, variation, m, f)}</span>
      <span className="fx-badge" data-tone={tone}>
        {lift.significant
          ? metric.direction === "informational"
            ? m.changed
            : tone === "worse"
              ? m.worse
              : tone === "better"
                ? m.better
                : m.significant
          : m.notSignificant}
      </span>
    </span>
  );
}

function PerTreatment({
  items,
  render,
}: {
  items: VariationMetricResult[];
  render: (v: VariationMetricResult) => ReactNode;
}) {
  if (items.length === 1) {
    const [only] = items;
    return only ? render(only) : null;
  }
  return (
    <ul className="fx-cell-list">
      {items.map((variation) => (
        <li key={variation.variationKey}>{render(variation)}</li>
      ))}
    </ul>
  );
}

/** A variation's value in the metric's unit, with conversions / users (rates) or users beside it. */
function ValueWithCounts({ metric, variation }: { metric: MetricAnalysis; variation: VariationMetricResult }) {
  const { m, f } = useResultsText();
  const counts = countsText(metric, variation, m, f);
  return (
    <span className="fx-value">
      <span>{variationValue(variation, metric.unit, m, f)}</span>
      {counts ? <span className="fx-counts">{counts}</span> : null}
    </span>
  );
}

function MetricRow({
  analysis,
  metric,
  domain,
  showVariation,
}: {
  analysis: AnalysisResult;
  metric: MetricAnalysis;
  domain: LiftDomain;
  showVariation: boolean;
}) {
  const { m, f } = useResultsText();
  const [mathsOpen, setMathsOpen] = useState(false);
  const panelId = useId();
  const control = controlOf(metric);
  const arms = treatments(metric);
  const harmed = metric.role === "guardrail" && arms.some((variation) => variation.guardrail === "harmed");
  const unusable = metric.status !== "ok" && arms.every((variation) => variation.lift === null);
  const columnCount = showVariation ? 7 : 6;
  const direction =
    metric.direction === "decrease"
      ? m.lowerIsBetter
      : metric.direction === "informational"
        ? m.informationalMetric
        : null;
  return (
    <>
      <tr data-role={metric.role} data-harmed={harmed ? "true" : undefined} data-status={metric.status}>
        <th scope="row" className="fx-metric-cell">
          <span className="fx-metric-name">{metric.name}</span>
          {direction ? <span className="fx-muted fx-direction">{direction}</span> : null}
          <MathsToggle
            subject={metric.name}
            messages={m}
            open={mathsOpen}
            onOpenChange={setMathsOpen}
            panelId={panelId}
          />
        </th>
        <td data-label={m.roleColumn}>
          <span className="fx-badge" data-role={metric.role}>
            {roleLabel(metric.role, m)}
          </span>
        </td>
        {showVariation ? (
          <td data-label={m.variationColumn}>
            <PerTreatment items={arms} render={(variation) => variation.name} />
          </td>
        ) : null}
        <td className="fx-number" data-label={m.controlColumn}>
          {control ? <ValueWithCounts metric={metric} variation={control} /> : m.notAvailable}
        </td>
        {unusable ? (
          <td colSpan={3} className="fx-row-message">
            {describeReason(metric.status, metric.reason, m)}
          </td>
        ) : (
          <>
            <td className="fx-number" data-label={m.treatmentColumn}>
              <PerTreatment
                items={arms}
                render={(variation) => <ValueWithCounts metric={metric} variation={variation} />}
              />
            </td>
            <td className="fx-lift-cell" data-label={m.liftColumn}>
              <PerTreatment
                items={arms}
                render={(variation) => (
                  <LiftCell analysis={analysis} metric={metric} variation={variation} domain={domain} />
                )}
              />
            </td>
            <td data-label={m.significanceColumn}>
              <PerTreatment
                items={arms}
                render={(variation) => <SignificanceCell analysis={analysis} metric={metric} variation={variation} />}
              />
            </td>
          </>
        )}
      </tr>
      <tr className="fx-maths-row" hidden={!mathsOpen}>
        <td colSpan={columnCount}>
          <MathsPanel id={panelId} open={mathsOpen}>
            <p className="fx-maths-subject">{metric.name}</p>
            {methodText(analysis, m, f).map((line) => (
              <p key={line}>{line}</p>
            ))}
            {arms.map((variation) => (
              <MathsList key={variation.variationKey} items={liftMathsItems(analysis, metric, variation, m, f)} />
            ))}
          </MathsPanel>
        </td>
      </tr>
    </>
  );
}

function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: ComparisonSortKey;
  label: string;
  sort: ComparisonSort | null;
  onSort: (key: ComparisonSortKey) => void;
}) {
  const active = sort?.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="fx-sort-button" data-active={active || undefined} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="fx-sort-icon">
          {active ? (sort.direction === "ascending" ? "↑" : "↓") : "↕"}
        </span>
      </button>
    </th>
  );
}

/**
 * One row per metric (primary first and emphasised): role, control and treatment values in the metric's unit,
 * a zero-centred lift bar with its interval, and the (adjusted) significance. Sortable by metric, lift and significance.
 */
export function MetricsComparisonTable({
  analysis,
  defaultSort,
  className,
  style,
  ...text
}: MetricsComparisonTableProps) {
  const { m, scope } = useLocaleText(text);
  const [sort, setSort] = useState<ComparisonSort | null>(defaultSort ?? null);
  const rows = useMemo(() => sortComparisonRows(analysis.metrics, sort), [analysis.metrics, sort]);
  const domain = useMemo(
    () =>
      liftDomain(
        analysis.metrics.flatMap((metric) =>
          treatments(metric).map((variation) => ({ estimate: variation.lift?.estimate, interval: variation.lift?.ci })),
        ),
      ),
    [analysis.metrics],
  );
  const showVariation = analysis.metrics.some((metric) => treatments(metric).length > 1);
  const onSort = (key: ComparisonSortKey) =>
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: key === "metric" ? "ascending" : "descending" },
    );
  if (analysis.metrics.length === 0) return <p {...rootProps("fx-empty", { className, style })}>{m.noMetrics}</p>;
  return (
    <ResultsTextProvider value={scope}>
      <Table
        caption={m.metricsComparison}
        className="fx-comparison"
        wrapperClassName={cx(ROOT_CLASS, "fx-comparison-wrap", className)}
        wrapperStyle={style}
      >
        <thead>
          <tr>
            <SortHeader column="metric" label={m.metricColumn} sort={sort} onSort={onSort} />
            <th scope="col">{m.roleColumn}</th>
            {showVariation ? <th scope="col">{m.variationColumn}</th> : null}
            <th scope="col">{m.controlColumn}</th>
            <th scope="col">{m.treatmentColumn}</th>
            <SortHeader column="lift" label={m.liftColumn} sort={sort} onSort={onSort} />
            <SortHeader column="significance" label={m.significanceColumn} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((metric) => (
            <MetricRow
              key={metric.metricId}
              analysis={analysis}
              metric={metric}
              domain={domain}
              showVariation={showVariation}
            />
          ))}
        </tbody>
      </Table>
    </ResultsTextProvider>
  );
}
