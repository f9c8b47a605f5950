import type {
  AnalysisResult,
  MetricAnalysis,
  MetricUnit,
  VariationMetricResult,
} from "@flagsmith-experimentation/stats-core";
import { type Formatters, formatMessage, rootProps } from "@flagsmith-experimentation/ui";
import { type ReactNode, useId } from "react";
import {
  controlOf,
  describeReason,
  formatLift,
  headlineMetric,
  intervalLevel,
  leaderOf,
  leadingTreatment,
  pValueText,
  treatments,
  variationValue,
} from "./analysis-view";
import type { ResultsPageMessages } from "./messages";
import { fractionOfPlan } from "./progress";
import { MathsList, ShowMaths } from "./show-maths";
import { liftTone } from "./tone";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";

export interface SummaryCardsProps extends LocaleTextProps {
  /** The result of stats-core's `analyzeExperiment`. */
  analysis: AnalysisResult;
  /** Which metric the lift card is about; defaults to the first primary metric. */
  metricId?: string;
}

export function intervalText(
  analysis: AnalysisResult,
  ci: readonly [number, number],
  unit: MetricUnit | undefined,
  m: ResultsPageMessages,
  f: Formatters,
): string {
  const level = intervalLevel(analysis.alpha, f);
  const label =
    analysis.engine === "bayesian"
      ? formatMessage(m.credibleIntervalLabel, { level })
      : formatMessage(m.confidenceIntervalLabel, { level });
  return `${label}: ${formatMessage(m.intervalRange, {
    low: formatLift(analysis, ci[0], unit, f),
    high: formatLift(analysis, ci[1], unit, f),
  })}`;
}

/** The method behind a lift, in words. */
export function methodText(analysis: AnalysisResult, m: ResultsPageMessages, f: Formatters): string[] {
  const level = intervalLevel(analysis.alpha, f);
  const lines = [
    formatMessage(analysis.engine === "bayesian" ? m.mathsMethodBayesian : m.mathsMethodFrequentist, { level }),
  ];
  if (analysis.sequential) lines.push(m.mathsMethodSequential);
  if (analysis.correction !== "none") lines.push(formatMessage(m.mathsCorrection, { method: analysis.correction }));
  return lines;
}

export function liftMathsItems(
  analysis: AnalysisResult,
  metric: MetricAnalysis,
  variation: VariationMetricResult,
  m: ResultsPageMessages,
  f: Formatters,
): [string, string][] {
  const control = controlOf(metric);
  const items: [string, string][] = [];
  if (control) {
    items.push([`${control.name} · ${m.mathsUsers}`, f.count(control.n)]);
    items.push([`${control.name} · ${m.mathsMean}`, variationValue(control, metric.unit, m, f)]);
  }
  items.push([`${variation.name} · ${m.mathsUsers}`, f.count(variation.n)]);
  items.push([`${variation.name} · ${m.mathsMean}`, variationValue(variation, metric.unit, m, f)]);
  if (variation.lift) {
    items.push([m.mathsEstimate, formatLift(analysis, variation.lift.estimate, metric.unit, f)]);
    items.push([m.mathsStandardError, f.decimal(variation.lift.standardError)]);
  }
  return items;
}

interface CardProps {
  analysis: AnalysisResult;
  metric: MetricAnalysis | undefined;
  m: ResultsPageMessages;
  f: Formatters;
}

/** A headline card, named by its title. */
function Card({ kind, title, children }: { kind: string; title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="fx-card" aria-labelledby={id} data-card={kind}>
      <h3 id={id} className="fx-card-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function LiftCard({ analysis, metric, m, f }: CardProps) {
  const lead = metric ? leadingTreatment(metric) : undefined;
  const others = metric ? treatments(metric).filter((variation) => variation !== lead) : [];
  const lift = lead?.lift ?? null;
  return (
    <Card kind="lift" title={m.liftVsControl}>
      {metric && lead && lift ? (
        <>
          <p className="fx-card-figure" data-tone={liftTone(lift)}>
            {formatLift(analysis, lift.estimate, metric.unit, f)}
          </p>
          <p className="fx-card-detail">
            {formatMessage(m.liftCardDetail, { variation: lead.name, metric: metric.name })}
          </p>
          <p className="fx-card-detail">{intervalText(analysis, lift.ci, metric.unit, m, f)}</p>
          {others.length > 0 ? (
            <ul className="fx-card-list">
              {others.map((variation) => (
                <li key={variation.variationKey}>
                  <span>{variation.name}</span>{" "}
                  <span>
                    {variation.lift ? formatLift(analysis, variation.lift.estimate, metric.unit, f) : m.notAvailable}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <ShowMaths subject={m.liftVsControl} messages={m}>
            {methodText(analysis, m, f).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <MathsList items={liftMathsItems(analysis, metric, lead, m, f)} />
          </ShowMaths>
        </>
      ) : (
        <p className="fx-card-empty">
          {metric ? describeReason(lead?.status ?? metric.status, lead?.reason ?? metric.reason, m) : m.noMetrics}
        </p>
      )}
    </Card>
  );
}

function BestCard({ analysis, metric, m, f }: CardProps) {
  // On the recommendation's metric, its leader (the card and the callout quote one number); else the most likely best.
  const { leader: leaderKey, confidenceMetricId } = analysis.recommendation;
  const recommended =
    metric && metric.metricId === confidenceMetricId
      ? metric.variations.find((v) => v.variationKey === leaderKey && v.probabilityOfBeingBest !== null)
      : undefined;
  const leader = recommended ?? (metric ? leaderOf(metric) : undefined);
  return (
    <Card kind="best" title={m.probabilityOfBeingBest}>
      {metric && leader ? (
        <>
          <p className="fx-card-figure">{f.probability(leader.probabilityOfBeingBest)}</p>
          <p className="fx-card-detail">{formatMessage(m.leadingVariation, { variation: leader.name })}</p>
          <ul className="fx-card-list">
            {metric.variations.map((variation) => (
              <li key={variation.variationKey}>
                <span>{variation.name}</span> <span>{f.probability(variation.probabilityOfBeingBest)}</span>
              </li>
            ))}
          </ul>
          <ShowMaths subject={m.probabilityOfBeingBest} messages={m}>
            <p>{m.mathsProbabilityBest}</p>
          </ShowMaths>
        </>
      ) : (
        <p className="fx-card-empty">{metric ? describeReason(metric.status, metric.reason, m) : m.noMetrics}</p>
      )}
    </Card>
  );
}

function SampleCard({ analysis, metric, m, f }: CardProps) {
  const { progress, srm } = analysis;
  const planned = progress.plannedSampleSizePerVariation;
  const rows = (metric?.variations ?? []).map((variation) => ({
    key: variation.variationKey,
    name: variation.name,
    n: srm.users[variation.variationKey] ?? variation.n,
  }));
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const hasPlan = Number.isFinite(planned) && planned > 0;
  return (
    <Card kind="sample" title={m.sampleSize}>
      <p className="fx-card-figure">{f.count(total)}</p>
      <p className="fx-card-detail">
        {hasPlan ? formatMessage(m.plannedSample, { planned: f.count(planned) }) : m.plannedSampleUnknown}
      </p>
      {hasPlan ? (
        <p className="fx-card-detail">
          {formatMessage(m.sampleProgress, { percent: f.percent(fractionOfPlan(progress.percentOfPlannedSample)) })}
        </p>
      ) : null}
      <ul className="fx-card-list">
        {rows.map((row) => (
          <li key={row.key}>
            <span>{row.name}</span> <span>{f.count(row.n)}</span>
            {hasPlan ? (
              <span className="fx-meter" aria-hidden="true">
                <span className="fx-meter-fill" style={{ width: `${Math.min(100, (row.n / planned) * 100)}%` }} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <ShowMaths subject={m.sampleSize} messages={m}>
        <p>
          {formatMessage(m.mathsSrm, {
            chiSquare: f.decimal(srm.chiSquare),
            pValue: pValueText(srm.pValue, m, f),
          })}
        </p>
        <MathsList
          items={rows.map((row) => [
            row.name,
            `${f.count(row.n)} · ${m.srmObserved} ${f.percent(total > 0 ? row.n / total : 0)} · ${m.srmExpected} ${f.percent(srm.expectedShare[row.key] ?? 0)}`,
          ])}
        />
      </ShowMaths>
    </Card>
  );
}

/** The three headline cards: lift of the leading variation, probability of being best, sample size. */
export function SummaryCards({ analysis, metricId, className, style, ...text }: SummaryCardsProps) {
  const { m, f } = useLocaleText(text);
  // By default the metric the recommendation's figure is about, so the cards and the callout agree.
  const metric =
    analysis.metrics.find((candidate) => candidate.metricId === metricId) ??
    analysis.metrics.find((candidate) => candidate.metricId === analysis.recommendation.confidenceMetricId) ??
    headlineMetric(analysis);
  return (
    <div {...rootProps("fx-summary-cards", { className, style })}>
      <LiftCard analysis={analysis} metric={metric} m={m} f={f} />
      <BestCard analysis={analysis} metric={metric} m={m} f={f} />
      <SampleCard analysis={analysis} metric={metric} m={m} f={f} />
    </div>
  );
}
