import type { AnalysisResult, MetricAnalysis, MetricStatsRow } from "@flagsmith-experimentation/stats-core";
import {
  type Formatters,
  formatMessage,
  isFiniteNumber,
  rootProps,
  Table,
  useControllableState,
} from "@flagsmith-experimentation/ui";
import { localPoint } from "@visx/event";
import { Group } from "@visx/group";
import { Area, LinePath } from "@visx/shape";
import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { formatLift, orderMetrics } from "./analysis-view";
import { linearScale } from "./linear-scale";
import type { ResultsPageMessages } from "./messages";
import {
  buildTrendData,
  DEFAULT_LIFT_MINIMUM_SAMPLE,
  hasDailyView,
  nearestDateIndex,
  type TrendData,
  type TrendSeries,
  type TrendView,
  timeOf,
} from "./trend-series";
import { type LocaleTextProps, ResultsTextProvider, useLocaleText, useResultsText } from "./use-locale-text";

export interface TrendChartProps extends LocaleTextProps {
  /** The result of stats-core's `analyzeExperiment` (with daily rows, so metrics carry a `timeSeries`). */
  analysis: AnalysisResult;
  /** Controlled selected metric. */
  metricId?: string;
  /** Initially selected metric when uncontrolled; defaults to the first primary metric. */
  defaultMetricId?: string;
  onMetricChange?: (metricId: string) => void;
  /**
   * Initial view: each variation's cumulative value (`values`), each day's own value (`daily`, needs `daily`), or
   * each treatment's lift with its interval band (`lift`).
   */
  defaultView?: TrendView;
  /** The warehouse's cumulative daily rows: enables "Values per day" (each day's increment). */
  daily?: readonly MetricStatsRow[] | undefined;
  /** Lift view: users every variation needs before the lift is drawn. Default 100. */
  liftMinimumSample?: number;
  /** Chart height in pixels. */
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 32, left: 64 };
const DEFAULT_WIDTH = 640;

function useContainerWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next && next > 0) setWidth(Math.round(next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function formatY(view: TrendView, metric: MetricAnalysis, analysis: AnalysisResult, f: Formatters) {
  return (value: number) =>
    view === "lift" ? formatLift(analysis, value, metric.unit, f) : f.value(value, metric.unit);
}

/** Up to `count` evenly spaced dates, always including the first and the last. */
function dateTicks(dates: readonly string[], count: number): string[] {
  if (dates.length <= count) return [...dates];
  const ticks: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = dates[Math.round((i * (dates.length - 1)) / (count - 1))];
    if (date !== undefined && ticks.at(-1) !== date) ticks.push(date);
  }
  return ticks;
}

function pointAt(series: TrendSeries, date: string) {
  return series.points.find((point) => point.date === date);
}

/** A point's value, and its interval when asked for and known ("+4.2% (+1.0% to +7.4%)"); "n/a" for no point. */
function pointText(
  point: TrendSeries["points"][number] | undefined,
  withInterval: boolean,
  formatValue: (value: number) => string,
  m: ResultsPageMessages,
): string {
  if (!point) return m.notAvailable;
  const value = formatValue(point.value);
  return withInterval && isFiniteNumber(point.low) && isFiniteNumber(point.high)
    ? `${value} (${formatMessage(m.intervalRange, { low: formatValue(point.low), high: formatValue(point.high) })})`
    : value;
}

function Plot({
  data,
  view,
  width,
  height,
  label,
  descriptionId,
  formatValue,
}: {
  data: TrendData;
  view: TrendView;
  width: number;
  height: number;
  label: string;
  descriptionId: string;
  formatValue: (value: number) => string;
}) {
  const { m, f } = useResultsText();
  const clipId = useId();
  const [active, setActive] = useState<{ index: number; source: "pointer" | "keyboard" } | null>(null);
  const innerWidth = Math.max(120, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(80, height - MARGIN.top - MARGIN.bottom);
  const firstDate = data.dates[0] ?? "";
  const lastDate = data.dates[data.dates.length - 1] ?? "";
  const x = useMemo(
    () =>
      linearScale({
        domain: [timeOf(firstDate), timeOf(lastDate)],
        range: [0, innerWidth],
      }),
    [firstDate, lastDate, innerWidth],
  );
  const [lo, hi] = data.extent ?? [0, 1];
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const y = useMemo(
    () => linearScale({ domain: [lo - pad, hi + pad], range: [innerHeight, 0], nice: 10 }),
    [lo, hi, pad, innerHeight],
  );
  const activeDate = active ? data.dates[active.index] : undefined;
  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const point = localPoint(event);
    if (!point) return;
    const time = x.invert(point.x - MARGIN.left);
    setActive({ index: nearestDateIndex(data.dates, time), source: "pointer" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = data.dates.length - 1;
    const current = active?.index ?? last;
    const next =
      event.key === "ArrowLeft"
        ? Math.max(0, current - 1)
        : event.key === "ArrowRight"
          ? Math.min(last, current + 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setActive({ index: next, source: "keyboard" });
  };
  const valueText = (date: string) =>
    `${f.date(date)}: ${data.series
      .map((series) => {
        const point = pointAt(series, date);
        return `${series.name} ${point ? formatValue(point.value) : m.notAvailable}`;
      })
      .join(m.listSeparator)}`;
  const activeX = activeDate ? x(timeOf(activeDate)) : 0;
  const tooltipLeft = Math.min(activeX + MARGIN.left, width - 160);
  return (
    <div
      className="fx-trend-plot"
      role="slider"
      aria-label={label}
      aria-describedby={descriptionId}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, data.dates.length - 1)}
      aria-valuenow={active?.index ?? data.dates.length - 1}
      aria-valuetext={valueText(activeDate ?? lastDate)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => setActive((current) => current ?? { index: data.dates.length - 1, source: "keyboard" })}
      onBlur={() => setActive(null)}
    >
      <svg width={width} height={height} aria-hidden="true" className="fx-trend-svg">
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={innerWidth} height={innerHeight} />
          </clipPath>
        </defs>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <g clipPath={`url(#${clipId})`}>
            {view === "lift" ? <line className="fx-trend-zero" x1={0} x2={innerWidth} y1={y(0)} y2={y(0)} /> : null}
            {view === "lift"
              ? data.series.map((series) => (
                  <Area
                    key={`band-${series.variationKey}`}
                    className={`fx-trend-band fx-series-${series.slot}`}
                    data-band={series.variationKey}
                    data={series.points.filter((point) => isFiniteNumber(point.low) && isFiniteNumber(point.high))}
                    x={(point) => x(point.time)}
                    y0={(point) => y(point.low ?? point.value)}
                    y1={(point) => y(point.high ?? point.value)}
                  />
                ))
              : null}
            {data.series.map((series) => (
              <LinePath
                key={series.variationKey}
                className={`fx-trend-line fx-series-${series.slot}`}
                data-series={series.variationKey}
                data={series.points}
                x={(point) => x(point.time)}
                y={(point) => y(point.value)}
              />
            ))}
          </g>
          {activeDate ? (
            <g className="fx-trend-cursor">
              <line x1={activeX} x2={activeX} y1={0} y2={innerHeight} />
              {data.series.map((series) => {
                const point = pointAt(series, activeDate);
                return point ? (
                  <circle
                    key={series.variationKey}
                    className={`fx-trend-dot fx-series-${series.slot}`}
                    cx={x(point.time)}
                    cy={y(point.value)}
                    r={4}
                  />
                ) : null;
              })}
            </g>
          ) : null}
          <g className="fx-axis" data-axis="y">
            <line x1={0} x2={0} y1={0} y2={innerHeight} />
            {y.ticks(5).map((tick) => (
              <g key={tick} className="fx-axis-tick" transform={`translate(0, ${y(tick)})`}>
                <line x1={-4} x2={0} />
                <text x={-8} dy="0.32em" textAnchor="end">
                  {formatValue(tick)}
                </text>
              </g>
            ))}
          </g>
          <g className="fx-axis" data-axis="x" transform={`translate(0, ${innerHeight})`}>
            <line x1={0} x2={innerWidth} />
            {dateTicks(data.dates, Math.max(2, Math.min(6, Math.floor(innerWidth / 90)))).map((date) => {
              const at = x(timeOf(date));
              return (
                <g key={date} className="fx-axis-tick" transform={`translate(${at}, 0)`}>
                  <line y1={0} y2={4} />
                  <text y={16} textAnchor={at < 30 ? "start" : at > innerWidth - 30 ? "end" : "middle"}>
                    {f.shortDate(date)}
                  </text>
                </g>
              );
            })}
          </g>
          <rect
            className="fx-trend-overlay"
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            onPointerMove={onPointerMove}
            onPointerLeave={() => setActive(null)}
          />
        </Group>
      </svg>
      {activeDate ? (
        <div className="fx-trend-tooltip" style={{ left: Math.max(0, tooltipLeft) }} aria-hidden="true">
          <p className="fx-trend-tooltip-date">{f.date(activeDate)}</p>
          <ul>
            {data.series.map((series) => {
              const point = pointAt(series, activeDate);
              return (
                <li key={series.variationKey}>
                  <span className={`fx-swatch fx-series-${series.slot}`} aria-hidden="true" />
                  {series.name}: {pointText(point, true, formatValue, m)}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function DataTable({
  data,
  view,
  formatValue,
}: {
  data: TrendData;
  view: TrendView;
  formatValue: (value: number) => string;
}) {
  const { m, f } = useResultsText();
  const byDate = data.series.map((series) => new Map(series.points.map((point) => [point.date, point])));
  return (
    <Table caption={m.trendDataTable} className="fx-trend-table">
      <thead>
        <tr>
          <th scope="col">{m.dateColumn}</th>
          {data.series.map((series) => (
            <th scope="col" key={series.variationKey}>
              {series.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.dates.map((date) => (
          <tr key={date}>
            <th scope="row">{f.date(date)}</th>
            {data.series.map((series, index) => {
              const point = byDate[index]?.get(date);
              return (
                <td key={series.variationKey} className="fx-number">
                  {pointText(point, view === "lift", formatValue, m)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * A line per variation over the run, or each treatment's lift with its (sequential) interval band, with a
 * "Metric" selector, pointer and keyboard tooltips and a data-table fallback.
 */
export function TrendChart({
  analysis,
  metricId,
  defaultMetricId,
  onMetricChange,
  defaultView = "values",
  daily,
  liftMinimumSample = DEFAULT_LIFT_MINIMUM_SAMPLE,
  height = 280,
  className,
  style,
  ...text
}: TrendChartProps) {
  const { m, f, scope } = useLocaleText(text);
  const metrics = useMemo(() => orderMetrics(analysis.metrics), [analysis.metrics]);
  const [selectedId, choose] = useControllableState({
    prop: metricId,
    defaultProp: defaultMetricId ?? metrics[0]?.metricId ?? "",
    onChange: onMetricChange,
    caller: "TrendChart",
  });
  const metric = metrics.find((candidate) => candidate.metricId === selectedId) ?? metrics[0];
  const [chosenView, setView] = useState<TrendView>(defaultView);
  const dailyAvailable = metric !== undefined && hasDailyView(metric, daily);
  const view: TrendView = chosenView === "daily" && !dailyAvailable ? "values" : chosenView;
  const views: TrendView[] = dailyAvailable ? ["values", "daily", "lift"] : ["values", "lift"];
  const [showTable, setShowTable] = useState(false);
  const { ref, width } = useContainerWidth();
  const ids = { select: useId(), table: useId(), heading: useId(), note: useId() };
  const data = useMemo(
    () => (metric ? buildTrendData(metric, view, { minimumSample: liftMinimumSample, daily }) : null),
    [metric, view, liftMinimumSample, daily],
  );
  const formatValue = metric ? formatY(view, metric, analysis, f) : (value: number) => f.decimal(value);
  const plotted = data ? data.series.filter((series) => series.points.length > 0) : [];
  const enough = data !== null && data.dates.length >= 2 && plotted.length > 0;
  const viewName = (option: TrendView) =>
    option === "lift" ? m.viewLift : option === "daily" ? m.viewDaily : m.viewValues;
  const viewLabel = viewName(view);
  const note =
    view === "lift"
      ? data?.liftStartsOn
        ? formatMessage(m.trendLiftNote, {
            date: f.date(data.liftStartsOn),
            minimum: f.count(liftMinimumSample),
          })
        : formatMessage(m.trendLiftWaiting, {
            minimum: f.count(liftMinimumSample),
            smallest: f.count(data?.smallestArm ?? 0),
          })
      : view === "daily"
        ? m.trendDailyNote
        : m.trendCumulativeNote;
  const chartLabel =
    metric && data
      ? formatMessage(m.trendChartLabel, {
          metric: metric.name,
          view: viewLabel,
          from: f.date(data.dates[0]),
          to: f.date(data.dates[data.dates.length - 1]),
        })
      : m.trend;
  return (
    <ResultsTextProvider value={scope}>
      <section {...rootProps("fx-trend", { className, style })} aria-labelledby={ids.heading}>
        <h3 id={ids.heading} className="fx-section-title">
          {m.trend}
        </h3>
        <div className="fx-trend-controls">
          <label className="fx-field" htmlFor={ids.select}>
            <span className="fx-field-label">{m.metricSelect}</span>
            <select id={ids.select} value={metric?.metricId ?? ""} onChange={(event) => choose(event.target.value)}>
              {metrics.map((candidate) => (
                <option key={candidate.metricId} value={candidate.metricId}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="fx-segmented">
            <legend className="fx-field-label">{m.viewSelect}</legend>
            {views.map((option) => (
              <label key={option} className="fx-segmented-item" data-state={view === option ? "on" : "off"}>
                <input
                  type="radio"
                  name={`${ids.select}-view`}
                  value={option}
                  checked={view === option}
                  onChange={() => setView(option)}
                />
                {viewName(option)}
              </label>
            ))}
          </fieldset>
        </div>
        {enough ? (
          <p className="fx-trend-note" id={ids.note}>
            {note}
            {view === "lift" && data?.clipped ? ` ${m.trendClipped}` : ""}
          </p>
        ) : null}
        <div ref={ref} className="fx-trend-area">
          {enough && data ? (
            <>
              <Plot
                data={data}
                view={view}
                width={width}
                height={height}
                label={chartLabel}
                descriptionId={ids.note}
                formatValue={formatValue}
              />
              <ul className="fx-legend" aria-label={m.legend}>
                {data.series.map((series) => (
                  <li key={series.variationKey}>
                    <span className={`fx-swatch fx-series-${series.slot}`} aria-hidden="true" />
                    {series.name}
                  </li>
                ))}
                {view === "lift" ? (
                  <li>
                    <span className="fx-swatch fx-swatch-band" aria-hidden="true" />
                    {m.intervalBand}
                  </li>
                ) : null}
              </ul>
            </>
          ) : (
            <p className="fx-empty" role="note">
              {view === "lift" && data && !data.liftStartsOn && data.smallestArm > 0
                ? formatMessage(m.trendLiftWaiting, {
                    minimum: f.count(liftMinimumSample),
                    smallest: f.count(data.smallestArm),
                  })
                : data && data.dates.length === 1
                  ? m.trendSinglePoint
                  : m.trendEmpty}
            </p>
          )}
        </div>
        {enough && data ? (
          <>
            <button
              type="button"
              className="fx-link-button"
              aria-expanded={showTable}
              aria-controls={ids.table}
              onClick={() => setShowTable((value) => !value)}
            >
              {showTable ? m.hideDataTable : m.showDataTable}
            </button>
            <div id={ids.table} hidden={!showTable}>
              {showTable ? <DataTable data={data} view={view} formatValue={formatValue} /> : null}
            </div>
          </>
        ) : null}
      </section>
    </ResultsTextProvider>
  );
}
