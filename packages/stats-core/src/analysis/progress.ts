/**
 * How far the experiment is: the planned units per variation (the plan's, or the power formula for the
 * primary metric's observed control), the smallest active arm so far, and days left at the recent daily rate.
 */
import { sampleSizePerVariation } from "../power";
import type { AnalysisResult } from "../types";
import { isValid } from "./arms";
import type { MetricDraft } from "./metric-analysis";
import { type DailyRows, totalsByMetric, unitsByVariation } from "./rows";
import type { Settings } from "./settings";

export type Progress = AnalysisResult["progress"];

/** The planned units per variation, or 0 when nothing can be planned from the data yet. */
function plannedSample(drafts: MetricDraft[], s: Settings, variations: number): number {
  if (s.plan.sampleSizePerVariation !== undefined) return s.plan.sampleSizePerVariation;
  const primaries = drafts.filter((d) => d.metric.role === "primary");
  const chosen = primaries.find((d) => d.metric.id === s.plan.primaryMetricId) ?? primaries[0];
  const control = chosen?.control.arm;
  if (chosen === undefined || control === undefined || !isValid(control)) return 0;
  // Proportions take σ² = p(1 − p) from the baseline; other kinds the control's per-unit sd.
  const n = sampleSizePerVariation({
    kind: chosen.metric.kind,
    baseline: control.moments.mean,
    sd: Math.sqrt(control.moments.variance),
    mde: s.plan.minimumDetectableEffect,
    alpha: s.alpha,
    power: s.plan.power,
    variations,
  });
  return Number.isFinite(n) ? n : 0;
}

/** Units per day of the smallest active arm: its units on the last day over the number of days so far. */
function dailyRate(daily: DailyRows, activeKeys: string[]): number {
  if (daily.dayCount === 0) return 0;
  // Each metric's statistics on the last day; the first row for a variation wins, as in the daily series.
  const units = unitsByVariation(activeKeys, totalsByMetric(daily.lastDayRows).values());
  const smallest = Math.min(...activeKeys.map((key) => units.get(key) ?? 0));
  return smallest > 0 ? smallest / daily.dayCount : 0;
}

export function progressOf(
  drafts: MetricDraft[],
  variations: number,
  activeKeys: string[],
  units: Map<string, number>,
  daily: DailyRows,
  s: Settings,
): Progress {
  const planned = plannedSample(drafts, s, variations);
  const smallestArm = Math.min(...activeKeys.map((key) => units.get(key) ?? 0));
  const progress: Progress = {
    plannedSampleSizePerVariation: planned,
    smallestArm,
    percentOfPlannedSample: planned > 0 ? (100 * smallestArm) / planned : 0,
  };
  const rate = dailyRate(daily, activeKeys);
  if (planned > 0 && rate > 0) progress.daysLeft = Math.max(0, Math.ceil((planned - smallestArm) / rate));
  return progress;
}
