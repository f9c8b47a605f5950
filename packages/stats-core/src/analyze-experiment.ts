import { bayesianOfEffect } from "./bayesian";
import { cupedAdjust } from "./cuped";
import { checkAlpha, checkDifference, effectOfMoments } from "./effect";
import { DEFAULT_TUNING, frequentistOfEffect } from "./frequentist";
import { type Moments, momentsOf } from "./moments";
import { adjustPValues } from "./multiple-testing";
import { sampleSizePerVariation } from "./power";
import { probabilityOfBeingBest } from "./probability-of-being-best";
import { type Failure, insufficient, invalid, OUT_OF_RANGE } from "./reasons";
import { recommend } from "./recommendation";
import { sequentialHalfWidth, sequentialRho } from "./sequential";
import { normalQuantile } from "./special/normal";
import { studentTQuantile as tQuantile } from "./special/student-t";
import { srmTest } from "./srm";
import type {
  AnalysisInput,
  AnalysisMetric,
  AnalysisResult,
  AnalysisVariation,
  Correction,
  Difference,
  Engine,
  GuardrailStatus,
  LiftOutcome,
  LiftPoint,
  LiftResult,
  MetricAnalysis,
  MetricStatsRow,
  SrmAnalysis,
  StatsReason,
  StatsStatus,
  SufficientStats,
  VariationMetricResult,
  VariationTimeSeries,
} from "./types";

/** Settings after defaults and validation. */
type Settings = {
  engine: Engine;
  tuning: number | undefined;
  alpha: number;
  difference: Difference;
  correction: Correction;
  srmThreshold: number;
  guardrailMargin: number;
  mde: number;
  power: number;
  plannedSampleSizePerVariation: number | undefined;
};

/** What is kept per comparison so the interval can be re-derived at an adjusted level. */
type Comparison = {
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  n: number;
  variance: number;
  /** Two-sided p-value that decides significance (frequentist p, or 2·min(P(Δ>0), P(Δ<0)) for Bayesian). */
  decisionP: number;
};

const STATS_KIND: Record<AnalysisMetric["kind"], SufficientStats["kind"]> = {
  occurrence: "proportion",
  count: "mean",
  sum: "mean",
  mean: "mean",
  ratio: "ratio",
};

function settingsOf(input: AnalysisInput): Settings | Failure {
  const o = input.options ?? {};
  const engine = o.engine ?? "bayesian";
  if (engine !== "bayesian" && engine !== "frequentist") {
    return invalid("invalid-option", "engine must be 'bayesian' or 'frequentist'");
  }
  const alpha = o.alpha ?? 0.05;
  const difference = o.difference ?? "relative";
  const badOption = checkAlpha(alpha) ?? checkDifference(difference);
  if (badOption) return badOption;
  const correction = o.correction ?? "holm";
  if (correction !== "holm" && correction !== "benjamini-hochberg" && correction !== "none") {
    return invalid("invalid-option", "correction must be 'holm', 'benjamini-hochberg' or 'none'");
  }
  let tuning: number | undefined;
  if (o.sequential === true) tuning = DEFAULT_TUNING;
  else if (typeof o.sequential === "object" && o.sequential !== null) {
    tuning = o.sequential.tuning;
    if (!(Number.isFinite(tuning) && tuning >= 1)) {
      return invalid("invalid-option", "sequential.tuning must be a number ≥ 1");
    }
  }
  const srmThreshold = o.srmThreshold ?? 0.001;
  const guardrailMargin = o.guardrailMargin ?? 0.05;
  const mde = o.mde ?? 0.05;
  const power = o.power ?? 0.8;
  const planned = o.plannedSampleSizePerVariation;
  if (
    !(srmThreshold > 0 && srmThreshold < 1) ||
    !(Number.isFinite(guardrailMargin) && guardrailMargin >= 0) ||
    !(Number.isFinite(mde) && mde > 0) ||
    !(power > 0 && power < 1) ||
    (planned !== undefined && !(Number.isFinite(planned) && planned > 0))
  ) {
    return invalid(
      "invalid-option",
      "srmThreshold and power must be in (0, 1); guardrailMargin ≥ 0; mde and plannedSampleSizePerVariation > 0",
    );
  }
  return {
    engine,
    tuning,
    alpha,
    difference,
    correction,
    srmThreshold,
    guardrailMargin,
    mde,
    power,
    plannedSampleSizePerVariation: planned,
  };
}

function validateStructure(input: AnalysisInput): Failure | null {
  if (typeof input !== "object" || input === null) return invalid("missing-data", "the input is missing");
  const { variations, metrics, totals } = input;
  if (!Array.isArray(variations) || variations.length < 2) {
    return invalid("missing-data", "at least two variations (control and one treatment) are needed");
  }
  if (variations.some((v) => typeof v !== "object" || v === null || typeof v.key !== "string")) {
    return invalid("missing-data", "every variation needs a key");
  }
  if (new Set(variations.map((v) => v.key)).size !== variations.length) {
    return invalid("invalid-option", "variation keys must be unique");
  }
  if (variations.filter((v) => v.isControl).length !== 1) {
    return invalid("no-control", "exactly one variation must be the control");
  }
  if (!Array.isArray(metrics) || metrics.some((m) => typeof m !== "object" || m === null || typeof m.id !== "string")) {
    return invalid("missing-data", "metrics must be a list of metric definitions");
  }
  if (!Array.isArray(totals)) return invalid("missing-data", "totals must be a list of statistics rows");
  return null;
}

function isRow(row: unknown): row is MetricStatsRow {
  return (
    typeof row === "object" &&
    row !== null &&
    typeof (row as MetricStatsRow).metricId === "string" &&
    typeof (row as MetricStatsRow).variationKey === "string" &&
    typeof (row as MetricStatsRow).stats === "object" &&
    (row as MetricStatsRow).stats !== null
  );
}

/** Validated, CUPED-adjusted moments per variation for one metric (one snapshot: totals or a day). */
function armsOf(
  metric: AnalysisMetric,
  variations: AnalysisVariation[],
  rows: Map<string, SufficientStats>,
): { raw: (Moments | Failure)[]; adjusted: (Moments | Failure)[] } {
  const expected = STATS_KIND[metric.kind];
  const raw = variations.map((v): Moments | Failure => {
    const stats = rows.get(v.key);
    if (stats === undefined) return insufficient("missing-data", `${v.key}: no statistics yet`, v.key);
    if (stats.kind !== expected) {
      return invalid("kind-mismatch", `${v.key}: expected ${expected} statistics for a ${metric.kind} metric`, v.key);
    }
    return momentsOf(stats, v.key);
  });
  const okIndexes = raw.map((m, i) => ("reason" in m ? -1 : i)).filter((i) => i >= 0);
  const adjusted = [...raw];
  if (okIndexes.length >= 2) {
    const stats = okIndexes.map((i) => rows.get((variations[i] as AnalysisVariation).key) as SufficientStats);
    const { moments } = cupedAdjust(
      stats,
      okIndexes.map((i) => raw[i] as Moments),
    );
    okIndexes.forEach((index, j) => {
      adjusted[index] = moments[j] as Moments;
    });
  }
  return { raw, adjusted };
}

function compare(control: Moments, treatment: Moments, s: Settings): Comparison | Failure {
  const effect = effectOfMoments(control, treatment, s.difference);
  if ("reason" in effect) return effect;
  const r =
    s.engine === "frequentist"
      ? frequentistOfEffect(effect, s.alpha, "two-sided", s.tuning)
      : bayesianOfEffect(effect, s.alpha, undefined);
  if (r.status !== "ok") return { status: r.status, reason: r.reason ?? OUT_OF_RANGE.reason };
  return {
    estimate: r.estimate,
    standardError: r.standardError,
    degreesOfFreedom: effect.degreesOfFreedom,
    n: effect.n,
    variance: effect.variance,
    decisionP: "pValue" in r ? r.pValue : Math.min(1, 2 * Math.min(r.chanceToWin, 1 - r.chanceToWin)),
  };
}

/** The interval at level 1 − a for the engine in use (sequential for the frequentist engine when on). */
function intervalAt(c: Comparison, a: number, s: Settings, sequentialAllowed: boolean): [number, number] {
  let half: number;
  if (s.tuning !== undefined && (s.engine === "frequentist" || sequentialAllowed)) {
    half = sequentialHalfWidth(c.variance, c.n, a, sequentialRho(s.alpha, s.tuning));
  } else if (s.engine === "frequentist") {
    half = tQuantile(1 - a / 2, c.degreesOfFreedom) * c.standardError;
  } else {
    half = normalQuantile(1 - a / 2) * c.standardError;
  }
  if (!Number.isFinite(half)) half = Number.POSITIVE_INFINITY;
  return [c.estimate - half, c.estimate + half];
}

function outcomeOf(ci: [number, number], direction: AnalysisMetric["direction"]): LiftOutcome {
  if (ci[0] > 0) return direction === "decrease" ? "worse" : "better";
  if (ci[1] < 0) return direction === "decrease" ? "better" : "worse";
  return "inconclusive";
}

/**
 * A guardrail, with harm measured in the bad direction (a drop for `increase`, a rise for `decrease`):
 * `harmed` when the interval lies entirely on the bad side of zero and the estimated harm exceeds the
 * margin; `fine` when the worst end of the interval is within the margin; otherwise `inconclusive`.
 * (The three cannot overlap: the estimate never lies beyond the interval's worst end.)
 */
function guardrailOf(lift: LiftResult, direction: AnalysisMetric["direction"], margin: number): GuardrailStatus {
  const harmOf = (x: number) => (direction === "increase" ? -x : x);
  if (lift.outcome === "worse" && harmOf(lift.estimate) > margin) return "harmed";
  const worstCase = harmOf(direction === "increase" ? lift.ci[0] : lift.ci[1]);
  return worstCase <= margin ? "fine" : "inconclusive";
}

function liftOf(
  c: Comparison,
  metric: AnalysisMetric,
  s: Settings,
  level: number,
  adjustedP: number | null,
): LiftResult {
  const unadjustedCi = intervalAt(c, s.alpha, s, false);
  const ci = level === s.alpha ? unadjustedCi : intervalAt(c, level, s, false);
  const increase = metric.direction === "increase";
  let chanceToWin: number | null = null;
  let risk: [number, number] | null = null;
  if (s.engine === "bayesian") {
    const b = bayesianOfEffect(
      { estimate: c.estimate, variance: c.variance, degreesOfFreedom: c.degreesOfFreedom, n: c.n },
      s.alpha,
      undefined,
    );
    chanceToWin = increase ? b.chanceToWin : 1 - b.chanceToWin;
    risk = increase ? b.risk : [b.risk[1], b.risk[0]];
  }
  return {
    estimate: c.estimate,
    ci,
    unadjustedCi,
    standardError: c.standardError,
    pValue: s.engine === "frequentist" ? c.decisionP : null,
    adjustedPValue: s.engine === "frequentist" ? (adjustedP ?? c.decisionP) : null,
    chanceToWin,
    risk,
    significant: ci[0] > 0 || ci[1] < 0,
    adjusted: level !== s.alpha,
    outcome: outcomeOf(ci, metric.direction),
  };
}

function rowsByMetric(rows: MetricStatsRow[]): Map<string, Map<string, SufficientStats>> {
  const out = new Map<string, Map<string, SufficientStats>>();
  for (const row of rows) {
    if (!isRow(row)) continue;
    let byVariation = out.get(row.metricId);
    if (byVariation === undefined) {
      byVariation = new Map();
      out.set(row.metricId, byVariation);
    }
    if (!byVariation.has(row.variationKey)) byVariation.set(row.variationKey, row.stats);
  }
  return out;
}

/** metricId → date → variationKey → stats, dates sorted. */
function dailyByMetric(rows: MetricStatsRow[]): Map<string, Map<string, Map<string, SufficientStats>>> {
  const out = new Map<string, Map<string, Map<string, SufficientStats>>>();
  for (const row of rows) {
    if (!isRow(row) || typeof row.date !== "string") continue;
    let byDate = out.get(row.metricId);
    if (byDate === undefined) {
      byDate = new Map();
      out.set(row.metricId, byDate);
    }
    let byVariation = byDate.get(row.date);
    if (byVariation === undefined) {
      byVariation = new Map();
      byDate.set(row.date, byVariation);
    }
    if (!byVariation.has(row.variationKey)) byVariation.set(row.variationKey, row.stats);
  }
  for (const [id, byDate] of out) {
    out.set(id, new Map([...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }
  return out;
}

function timeSeriesOf(
  metric: AnalysisMetric,
  variations: AnalysisVariation[],
  byDate: Map<string, Map<string, SufficientStats>> | undefined,
  s: Settings,
): VariationTimeSeries[] {
  if (byDate === undefined) return [];
  const series: VariationTimeSeries[] = variations.map((v) => ({
    variationKey: v.key,
    isControl: v.isControl,
    points: [],
  }));
  const controlIndex = variations.findIndex((v) => v.isControl);
  for (const [date, rows] of byDate) {
    const { raw, adjusted } = armsOf(metric, variations, rows);
    const control = adjusted[controlIndex] as Moments | Failure;
    variations.forEach((v, i) => {
      const m = raw[i] as Moments | Failure;
      const point: LiftPoint = { date, status: "ok", n: 0, value: 0, lift: null };
      if ("reason" in m) {
        point.status = m.status;
        const stats = rows.get(v.key);
        point.n = stats !== undefined && Number.isFinite(stats.n) && stats.n > 0 ? stats.n : 0;
      } else {
        point.n = m.n;
        point.value = m.mean;
        const a = adjusted[i] as Moments;
        if (!v.isControl && !("reason" in control)) {
          const c = compare(control, a, s);
          if ("reason" in c) point.status = c.status;
          else {
            const ci = intervalAt(c, s.alpha, s, true);
            point.lift = { estimate: c.estimate, ci, significant: ci[0] > 0 || ci[1] < 0 };
          }
        }
      }
      (series[i] as VariationTimeSeries).points.push(point);
    });
  }
  return series;
}

function emptySrm(threshold: number, reason: StatsReason, status: StatsStatus): SrmAnalysis {
  return {
    status,
    reason,
    chiSquare: 0,
    pValue: 1,
    degreesOfFreedom: 0,
    mismatch: false,
    threshold,
    users: {},
    expectedShare: {},
  };
}

/** Units per variation: the largest n over the metrics' total rows (every exposed unit counts once per metric). */
function usersOf(variations: AnalysisVariation[], totals: MetricStatsRow[]): Record<string, number> {
  const users: Record<string, number> = {};
  for (const v of variations) users[v.key] = 0;
  for (const row of totals) {
    if (!isRow(row) || !(row.variationKey in users)) continue;
    const n = row.stats.n;
    if (Number.isFinite(n) && n > (users[row.variationKey] as number)) users[row.variationKey] = n;
  }
  return users;
}

function srmOf(input: AnalysisInput, s: Settings): SrmAnalysis {
  const users = usersOf(input.variations, input.totals);
  const weights = input.weights;
  if (typeof weights !== "object" || weights === null) {
    return {
      ...emptySrm(s.srmThreshold, invalid("invalid-weights", "weights are missing").reason, "invalid-input"),
      users,
    };
  }
  const raw = input.variations.map((v) => weights[v.key]);
  if (raw.some((w) => typeof w !== "number" || !Number.isFinite(w) || w < 0)) {
    const reason = invalid("invalid-weights", "every variation needs a finite, non-negative weight").reason;
    return { ...emptySrm(s.srmThreshold, reason, "invalid-input"), users };
  }
  const list = raw as number[];
  const sum = list.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-6 * 100) {
    const reason = invalid("invalid-weights", "weights must sum to 100").reason;
    return { ...emptySrm(s.srmThreshold, reason, "invalid-input"), users };
  }
  const shares = list.map((w) => w / sum);
  const expectedShare: Record<string, number> = {};
  input.variations.forEach((v, i) => {
    expectedShare[v.key] = shares[i] as number;
  });
  const result = srmTest(
    input.variations.map((v) => users[v.key] as number),
    shares,
    { threshold: s.srmThreshold },
  );
  return { ...result, threshold: s.srmThreshold, users, expectedShare };
}

function failedResult(input: AnalysisInput, failure: Failure, s: Settings | null): AnalysisResult {
  const threshold = s?.srmThreshold ?? 0.001;
  const variations = Array.isArray(input?.variations) ? input.variations : [];
  const control = variations.find((v) => typeof v === "object" && v !== null && v.isControl);
  return {
    ...failure,
    engine: s?.engine ?? "bayesian",
    sequential: s?.tuning !== undefined,
    alpha: s?.alpha ?? 0.05,
    difference: s?.difference ?? "relative",
    correction: s?.correction ?? "holm",
    controlKey: typeof control?.key === "string" ? control.key : "",
    srm: emptySrm(threshold, failure.reason, failure.status),
    metrics: [],
    progress: { plannedSampleSizePerVariation: 0, smallestArm: 0, percentOfPlannedSample: 0 },
    recommendation: {
      verdict: failure.status === "invalid-input" ? "investigate" : "keep-running",
      confidence: 0,
      reasons: [{ code: "invalid-data", reason: failure.reason }],
    },
  };
}

function plannedSample(metrics: MetricAnalysis[], controlMoments: Map<string, Moments>, s: Settings, k: number) {
  if (s.plannedSampleSizePerVariation !== undefined) return s.plannedSampleSizePerVariation;
  for (const m of metrics) {
    if (m.role !== "primary") continue;
    const c = controlMoments.get(m.metricId);
    if (c === undefined) continue;
    // Proportions take σ² = p(1 − p) from the baseline; other kinds the control's per-unit sd.
    const n = sampleSizePerVariation({
      kind: m.kind,
      baseline: c.mean,
      sd: Math.sqrt(c.variance),
      mde: s.mde,
      alpha: s.alpha,
      power: s.power,
      variations: k,
    });
    if (Number.isFinite(n)) return n;
  }
  return 0;
}

/** Days of data so far and the smallest arm's units on the last day, from the daily rows. */
function dailyRate(input: AnalysisInput, activeKeys: string[]): number {
  if (!Array.isArray(input.daily)) return 0;
  const dates = new Set<string>();
  for (const row of input.daily) if (isRow(row) && typeof row.date === "string") dates.add(row.date);
  if (dates.size === 0) return 0;
  const users = usersOf(
    input.variations,
    input.daily.filter((r) => isRow(r) && r.date === [...dates].sort().at(-1)),
  );
  const smallest = Math.min(...activeKeys.map((k) => users[k] ?? 0));
  return smallest > 0 ? smallest / dates.size : 0;
}

/**
 * Everything the results dashboard shows, from the experiment's variations, weights and metrics
 * and the per-variation sufficient statistics. One decision rule throughout: a lift is significant
 * exactly when the interval shown excludes 0 (primary metrics: after multiple-testing adjustment),
 * and the recommendation is derived from those flags. Never throws for data problems.
 */
export function analyzeExperiment(input: AnalysisInput): AnalysisResult {
  const structural = validateStructure(input);
  if (structural) return failedResult(input, structural, null);
  const settings = settingsOf(input);
  if ("reason" in settings) return failedResult(input, settings, null);
  const s = settings;

  // Control first, then the others in input order.
  const variations = [...input.variations].sort((a, b) => (b.isControl ? 1 : 0) - (a.isControl ? 1 : 0));
  const control = variations[0] as AnalysisVariation;
  const totals = rowsByMetric(input.totals);
  const daily = Array.isArray(input.daily) ? dailyByMetric(input.daily) : new Map();
  const controlMoments = new Map<string, Moments>();
  const comparisons = new Map<string, Comparison>();
  const key = (metricId: string, variationKey: string) => `${metricId}\u0000${variationKey}`;

  // Pass 1: moments, comparisons, P(best).
  const partial = input.metrics.map((metric) => {
    const { raw, adjusted } = armsOf(metric, variations, totals.get(metric.id) ?? new Map());
    const controlArm = adjusted[0] as Moments | Failure;
    if (!("reason" in controlArm)) controlMoments.set(metric.id, raw[0] as Moments);
    const okArms = adjusted.map((m, i) => ({ m, i })).filter((x): x is { m: Moments; i: number } => !("reason" in x.m));
    const pBest = new Array<number | null>(variations.length).fill(null);
    if (!("reason" in controlArm) && okArms.length >= 2) {
      const probabilities = probabilityOfBeingBest(
        okArms.map(({ m }) => ({ distribution: "normal" as const, mean: m.mean, sd: Math.sqrt(m.variance / m.n) })),
        { higherIsBetter: metric.direction !== "decrease" },
      );
      okArms.forEach(({ i }, j) => {
        pBest[i] = probabilities[j] as number;
      });
    }
    const failures = variations.map((v, i): Failure | null => {
      const m = adjusted[i] as Moments | Failure;
      if ("reason" in m) return m;
      if (v.isControl || "reason" in controlArm) return null;
      const c = compare(controlArm, m, s);
      if ("reason" in c) return c;
      comparisons.set(key(metric.id, v.key), c);
      return null;
    });
    return { metric, raw, failures, pBest, controlArm };
  });

  // Multiple testing over primary metrics × treatments.
  const family: { k: string; p: number }[] = [];
  for (const { metric } of partial) {
    if (metric.role !== "primary") continue;
    for (const v of variations.slice(1)) {
      const c = comparisons.get(key(metric.id, v.key));
      if (c !== undefined) family.push({ k: key(metric.id, v.key), p: c.decisionP });
    }
  }
  const levels = new Map<string, { level: number; adjustedP: number }>();
  if (s.correction !== "none" && family.length > 1) {
    const adjusted = adjustPValues(
      family.map((f) => f.p),
      s.correction,
    );
    family.forEach((f, i) => {
      const pAdj = adjusted[i] as number;
      // The level at which the interval excludes 0 exactly when the adjusted p-value is below alpha.
      const level = pAdj > 0 && f.p > 0 ? (s.alpha * f.p) / pAdj : s.alpha / family.length;
      levels.set(f.k, { level: Math.min(s.alpha, level), adjustedP: pAdj });
    });
  }

  // Pass 2: assemble.
  const metrics: MetricAnalysis[] = partial.map(({ metric, raw, failures, pBest, controlArm }) => {
    const results: VariationMetricResult[] = variations.map((v, i) => {
      const m = raw[i] as Moments | Failure;
      const failure = failures[i] ?? null;
      const c = comparisons.get(key(metric.id, v.key));
      const adj = levels.get(key(metric.id, v.key));
      const lift = c === undefined ? null : liftOf(c, metric, s, adj?.level ?? s.alpha, adj?.adjustedP ?? null);
      const result: VariationMetricResult = {
        variationKey: v.key,
        name: typeof v.name === "string" ? v.name : v.key,
        isControl: v.isControl,
        status: failure ? failure.status : "ok",
        n: "reason" in m ? 0 : m.n,
        value: "reason" in m ? 0 : m.mean,
        standardError: "reason" in m ? 0 : Math.sqrt(m.variance / m.n),
        lift,
        probabilityOfBeingBest: pBest[i] ?? null,
        guardrail:
          metric.role === "guardrail" && !v.isControl && lift !== null
            ? guardrailOf(lift, metric.direction, s.guardrailMargin)
            : null,
      };
      if (failure) result.reason = failure.reason;
      return result;
    });
    const analysis: MetricAnalysis = {
      metricId: metric.id,
      name: metric.name,
      kind: metric.kind,
      role: metric.role,
      direction: metric.direction,
      status: "ok",
      variations: results,
      timeSeries: timeSeriesOf(metric, variations, daily.get(metric.id), s),
    };
    if (metric.unit !== undefined) analysis.unit = metric.unit;
    if ("reason" in controlArm) {
      analysis.status = controlArm.status;
      analysis.reason = controlArm.reason;
    } else if (!(metric.kind in STATS_KIND)) {
      analysis.status = "invalid-input";
      analysis.reason = invalid("kind-mismatch", `unknown metric kind for ${metric.id}`).reason;
    } else if (results.every((r) => r.isControl || r.lift === null)) {
      const firstFailure = results.find((r) => !r.isControl && r.reason !== undefined);
      analysis.status = firstFailure?.status ?? "insufficient-data";
      analysis.reason = firstFailure?.reason ?? insufficient("missing-data", "no treatment has data yet").reason;
    }
    return analysis;
  });

  const srm = srmOf(input, s);
  const activeKeys = variations.filter((v) => (srm.expectedShare[v.key] ?? 1) > 0).map((v) => v.key);
  const smallestArm = Math.min(...activeKeys.map((k) => srm.users[k] ?? 0));
  const planned = plannedSample(metrics, controlMoments, s, variations.length);
  const percentOfPlannedSample = planned > 0 ? (100 * smallestArm) / planned : 0;
  const rate = dailyRate(input, activeKeys);
  const progress: AnalysisResult["progress"] = {
    plannedSampleSizePerVariation: planned,
    smallestArm,
    percentOfPlannedSample,
  };
  if (planned > 0 && rate > 0) progress.daysLeft = Math.max(0, Math.ceil((planned - smallestArm) / rate));

  const anyOk = metrics.some((m) => m.status === "ok");
  const status: StatsStatus = anyOk
    ? "ok"
    : metrics.some((m) => m.status === "invalid-input")
      ? "invalid-input"
      : "insufficient-data";
  const result: AnalysisResult = {
    status,
    engine: s.engine,
    sequential: s.tuning !== undefined,
    alpha: s.alpha,
    difference: s.difference,
    correction: s.correction,
    controlKey: control.key,
    srm,
    metrics,
    progress,
    recommendation: recommend({ metrics, srm, progress, controlKey: control.key, engine: s.engine }),
  };
  if (!anyOk) {
    result.reason =
      metrics.find((m) => m.reason !== undefined)?.reason ??
      insufficient("missing-data", "no metric has data to analyse").reason;
  }
  return result;
}
