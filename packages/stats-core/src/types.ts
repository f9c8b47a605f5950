/**
 * Public types of stats-core. Field names of the sufficient statistics follow GrowthBook's gbstats.
 * Nothing here depends on the rest of the repository: `AnalysisMetric` is structural so the adapters
 * package's `MetricDefinition & { role }` is assignable to it.
 */

// ---------------------------------------------------------------------------------------------
// Sufficient statistics (packages/stats-core/STATISTICS.md)
// ---------------------------------------------------------------------------------------------

/** Pre-experiment covariate for CUPED: Σx, Σx², Σxy (y = the metric value of the same unit). */
export type CovariateStats = { sum: number; sumSquares: number; crossSum: number };

/** Conversion metric: `n` units, `sum` of them converted. */
export type ProportionStats = { kind: "proportion"; n: number; sum: number; covariate?: CovariateStats | undefined };

/** Mean metric (also used for counts): Σy and Σy² over `n` units. */
export type MeanStats = {
  kind: "mean";
  n: number;
  sum: number;
  sumSquares: number;
  covariate?: CovariateStats | undefined;
};

/** Ratio metric Σy / Σx (e.g. load time per page view): per-unit numerator y and denominator x. */
export type RatioStats = {
  kind: "ratio";
  n: number;
  sum: number;
  sumSquares: number;
  denominatorSum: number;
  denominatorSumSquares: number;
  crossSum: number;
};

export type SufficientStats = ProportionStats | MeanStats | RatioStats;

/** One row per metric × variation (× day); stats are cumulative from the start through `date`. */
export type MetricStatsRow = {
  metricId: string;
  variationKey: string;
  /** YYYY-MM-DD, absent for totals. */
  date?: string | undefined;
  stats: SufficientStats;
};

// ---------------------------------------------------------------------------------------------
// Status and reasons (bad input never throws and never yields NaN)
// ---------------------------------------------------------------------------------------------

export type StatsStatus = "ok" | "invalid-input" | "insufficient-data";

/** Machine-readable cause of a non-`ok` status. The UI renders its own text from `code`. */
export type StatsReasonCode =
  | "non-finite"
  | "negative"
  | "not-integer"
  | "sum-exceeds-n"
  | "no-units"
  | "too-few-units"
  | "zero-variance"
  | "zero-control-mean"
  | "zero-denominator"
  | "kind-mismatch"
  | "invalid-option"
  | "invalid-weights"
  | "invalid-posterior"
  | "unknown-variation"
  | "missing-data"
  | "no-control"
  | "out-of-range";

export type StatsReason = {
  code: StatsReasonCode;
  /** English explanation for logs and developers; not meant to be shown verbatim. */
  message: string;
  /** Which input it is about, when that helps (e.g. "control", "treatment", a variation key). */
  subject?: string;
};

// ---------------------------------------------------------------------------------------------
// Two-arm tests
// ---------------------------------------------------------------------------------------------

export type Difference = "relative" | "absolute";
export type Alternative = "two-sided" | "greater" | "less";

export type SequentialOptions = {
  /** N*: the sample size at which the confidence sequence is tightest. Default 5000. */
  tuning: number;
};

export type FrequentistOptions = {
  difference?: Difference;
  alpha?: number;
  alternative?: Alternative;
  /** Asymptotic confidence sequences (Waudby-Smith et al.) instead of fixed-horizon intervals. */
  sequential?: SequentialOptions;
};

/**
 * Result of `frequentistTest`. When `status` is not `ok`, numbers are neutral (estimate 0,
 * ci [0, 0], standardError 0, pValue 1) and `reason` says why. One-sided intervals have an
 * infinite bound (as in gbstats).
 */
export type FrequentistResult = {
  status: StatsStatus;
  reason?: StatsReason;
  estimate: number;
  ci: [number, number];
  standardError: number;
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom (Infinity for sequential, which is a normal approximation). */
  degreesOfFreedom: number;
};

export type GaussianPrior = { mean: number; variance: number };

export type BayesianOptions = {
  difference?: Difference;
  alpha?: number;
  /** Proper Gaussian prior on the effect; flat prior when absent. */
  prior?: GaussianPrior;
};

/**
 * Result of `bayesianTest`. `risk` is the expected loss [of choosing control, of choosing treatment].
 * When `status` is not `ok`: estimate 0, ci [0, 0], standardError 0, chanceToWin 0.5, risk [0, 0].
 */
export type BayesianResult = {
  status: StatsStatus;
  reason?: StatsReason;
  estimate: number;
  ci: [number, number];
  standardError: number;
  chanceToWin: number;
  risk: [number, number];
};

// ---------------------------------------------------------------------------------------------
// Probability of being best, SRM, multiple testing
// ---------------------------------------------------------------------------------------------

export type NormalPosterior = { distribution: "normal"; mean: number; sd: number };
export type BetaPosterior = { distribution: "beta"; alpha: number; beta: number };
export type Posterior = NormalPosterior | BetaPosterior;

export type ProbabilityOfBeingBestOptions = { higherIsBetter?: boolean };

export type SrmOptions = { threshold?: number };

export type SrmResult = {
  status: StatsStatus;
  reason?: StatsReason;
  /** Infinity when an arm with weight 0 received users. */
  chiSquare: number;
  pValue: number;
  degreesOfFreedom: number;
  mismatch: boolean;
};

export type PValueAdjustment = "holm" | "benjamini-hochberg";

// ---------------------------------------------------------------------------------------------
// Power and duration
// ---------------------------------------------------------------------------------------------

export type SampleSizeInput = {
  /** A metric kind: all but `occurrence` are planned like a mean, with their per-unit `sd`. */
  kind: MetricKind;
  /** Control conversion rate (proportion), mean, or ratio. */
  baseline: number;
  /** Per-unit standard deviation (for a ratio, the delta-method sd per unit); required unless `occurrence`. */
  sd?: number;
  /** Relative minimum detectable effect, e.g. 0.05 for +5 %. */
  mde: number;
  alpha?: number;
  power?: number;
  /** Number of arms including control (Bonferroni over the comparisons with control). */
  variations?: number;
};

export type MdeInput = Omit<SampleSizeInput, "mde"> & { sampleSizePerVariation: number };

export type DurationInput = Omit<SampleSizeInput, "variations"> & {
  /** Eligible units entering the experiment per day, all arms together. */
  dailyTraffic: number;
  /** Traffic split: percentages or fractions, an array or a record keyed by variation. */
  weights: number[] | Record<string, number>;
  variations?: number;
};

// ---------------------------------------------------------------------------------------------
// Bucketing
// ---------------------------------------------------------------------------------------------

export type WeightedVariation = {
  key: string;
  /** Percentage of traffic (0–100). */
  weight: number;
  /** Lower first, as Flagsmith sorts multivariate options. */
  priority: number;
};

// ---------------------------------------------------------------------------------------------
// analyzeExperiment
// ---------------------------------------------------------------------------------------------

/**
 * Per exposed unit: `occurrence` 1 if it has the event, else 0 (proportion statistics); `count` its number of
 * events, `sum` the sum of their values, `mean` the average value of its events, 0 without any (mean
 * statistics); `ratio` a sum of values over a count of other events (ratio statistics).
 */
export type MetricKind = "occurrence" | "count" | "sum" | "mean" | "ratio";
/** Which way is good; `informational` metrics are reported but never drive a verdict. */
export type MetricDirection = "increase" | "decrease" | "informational";
/** The experiment's lifecycle status, as the decision rules read it. */
export type ExperimentStatus = "draft" | "scheduled" | "running" | "paused" | "stopped" | "concluded";
export type MetricRole = "primary" | "secondary" | "guardrail";
export type MetricUnit = "percent" | "currency" | "ms" | "number";

/** Structural twin of the adapters' `MetricDefinition & { role }`. */
export type AnalysisMetric = {
  id: string;
  name: string;
  kind: MetricKind;
  /** Which way is good. */
  direction: MetricDirection;
  unit?: MetricUnit | undefined;
  role: MetricRole;
};

export type AnalysisVariation = { key: string; name: string; isControl: boolean };

/**
 * What the experiment was planned for (a structural subset of the adapters' `ExperimentPlan`, so a stored
 * plan can be passed as it is). When `sampleSizePerVariation` is absent it is computed for the primary metric
 * (`primaryMetricId`, else the first primary) from the control's data, `minimumDetectableEffect` (default 0.05)
 * and `power` (default 0.8).
 */
export type AnalysisPlan = {
  sampleSizePerVariation?: number | undefined;
  /** Relative, e.g. 0.05 for 5 %. */
  minimumDetectableEffect?: number | undefined;
  power?: number | undefined;
  primaryMetricId?: string | undefined;
};

export type Engine = "bayesian" | "frequentist";
export type Correction = PValueAdjustment | "none";

export type AnalysisOptions = {
  engine?: Engine;
  /** `true` uses tuning N* = 5000. Applies to the frequentist engine's intervals and the daily series. */
  sequential?: boolean | SequentialOptions;
  alpha?: number;
  difference?: Difference;
  /** Multiple-testing correction over primary metrics × treatment arms. Default `holm`. */
  correction?: Correction;
  /** SRM p-value threshold. Default 0.001. */
  srmThreshold?: number;
  /**
   * Harm a guardrail tolerates, on the `difference` scale (default 0.05 = 5 % relative): `harmed` needs the
   * interval entirely on the bad side of zero and an estimated harm above the margin; `fine` needs the
   * interval's worst end within the margin; anything else is `inconclusive`.
   */
  guardrailMargin?: number;
  /**
   * Bayesian engine: a winner may be declared before the planned sample once its expected loss (risk of
   * choosing it, on the `difference` scale, so relative by default) is at most this. Default 0.0025 (0.25 %).
   */
  riskThreshold?: number;
};

export type AnalysisInput = {
  /** Where the experiment stands; the recommendation depends on it. Default `running`. */
  status?: ExperimentStatus;
  /** The sample the experiment was planned for (see `AnalysisPlan`). */
  plan?: AnalysisPlan;
  /**
   * The experiment's planned end date has passed. stats-core has no clock and no dates: the host compares its end
   * date with today. Acting on a winner is then valid (basis `planned-end-reached`). Default `false`.
   */
  plannedEndReached?: boolean | undefined;
  variations: AnalysisVariation[];
  /** Percentages summing to 100, keyed by variation key. Keys are data: `__proto__` is a key like any other. */
  weights: Record<string, number>;
  metrics: AnalysisMetric[];
  totals: MetricStatsRow[];
  daily?: MetricStatsRow[];
  options?: AnalysisOptions;
};

/** How a lift compares with control, respecting the metric's direction (`informational` metrics: always `inconclusive`). */
export type LiftOutcome = "better" | "worse" | "inconclusive";
export type GuardrailStatus = "harmed" | "fine" | "inconclusive";

/**
 * The figures behind a guardrail's status, for a sentence such as "worse by 4.2 %, within the 5 % tolerance".
 * All on the analysis' `difference` scale (0.042 = 4.2 % relative).
 */
export type GuardrailDetail = {
  /** Which way the estimate moved, judged by the metric's direction. */
  change: "worse" | "better" | "unchanged";
  /** Size of the estimated change, |lift estimate|. */
  size: number;
  /** The harm tolerated (`guardrailMargin`). */
  tolerance: number;
  /** The harm at the interval's worst end; ≤ `tolerance` means `fine`. Negative when even that end is an improvement. */
  worstCaseHarm: number;
};

/** A treatment's effect versus control, as shown. */
export type LiftResult = {
  /** Treatment minus control; relative lifts are divided by |control mean| (a rise is positive even below zero). */
  estimate: number;
  /** The interval shown: multiplicity-adjusted for primary metrics when a correction changed the p-value. */
  ci: [number, number];
  /** The nominal (unadjusted) interval. */
  unadjustedCi: [number, number];
  standardError: number;
  /** Frequentist engine: the test's p-value (always-valid when sequential); null for Bayesian. */
  pValue: number | null;
  /** The p-value after correction over primaries (equals `pValue` when not adjusted); null for Bayesian. */
  adjustedPValue: number | null;
  /**
   * Bayesian engine: P(treatment better than control, respecting direction); null for frequentist and for
   * informational metrics.
   */
  chanceToWin: number | null;
  /** Bayesian engine: expected loss [choosing control, choosing treatment] in the good direction; null otherwise. */
  risk: [number, number] | null;
  /** Exactly `ci[0] > 0 || ci[1] < 0`. */
  significant: boolean;
  /** Whether the multiple-testing correction changed this lift's p-value (and so widened `ci`). */
  adjusted: boolean;
  outcome: LiftOutcome;
};

export type VariationMetricResult = {
  variationKey: string;
  name: string;
  isControl: boolean;
  status: StatsStatus;
  reason?: StatsReason;
  /** Units (0 when missing). */
  n: number;
  /** Conversion rate, mean or ratio (0 when not computable). */
  value: number;
  /** Standard error of `value` (0 when not computable). */
  standardError: number;
  /** null for control and when the comparison is not `ok`. */
  lift: LiftResult | null;
  /**
   * P(this variation's true value is the best), respecting direction. With exactly two variations it is the
   * treatment's chance to win (and 1 minus that for control). null when the metric could not be analysed and
   * for informational metrics.
   */
  probabilityOfBeingBest: number | null;
  /** Guardrail metrics only (null otherwise, for control and for informational metrics). */
  guardrail: GuardrailStatus | null;
  /** The figures behind `guardrail` (null exactly when `guardrail` is). */
  guardrailDetail: GuardrailDetail | null;
};

export type LiftPoint = {
  date: string;
  status: StatsStatus;
  n: number;
  value: number;
  /** null for control and for days without a valid comparison. Sequential interval when sequential is on. */
  lift: { estimate: number; ci: [number, number]; significant: boolean } | null;
};

export type VariationTimeSeries = { variationKey: string; isControl: boolean; points: LiftPoint[] };

export type MetricAnalysis = {
  metricId: string;
  name: string;
  kind: MetricKind;
  role: MetricRole;
  direction: MetricDirection;
  unit?: MetricUnit;
  status: StatsStatus;
  reason?: StatsReason;
  /** Control first, then the other variations in input order. */
  variations: VariationMetricResult[];
  /**
   * One series per variation (empty when no daily rows were given). Computed from the daily rows when first read,
   * then kept: an enumerable property that spread, JSON and structured cloning read, and that can be assigned.
   */
  timeSeries: VariationTimeSeries[];
};

export type SrmAnalysis = SrmResult & {
  threshold: number;
  /** Units per variation key. */
  users: Record<string, number>;
  /** Expected share (0–1) per variation key. */
  expectedShare: Record<string, number>;
};

export type RecommendationVerdict =
  | "keep-running"
  | "declare-winner"
  | "investigate"
  | "no-difference"
  | "not-started"
  | "inconclusive";

/** Why acting on a result now is valid (see STATISTICS.md, "Decision rules"). */
export type DecisionBasis =
  | "planned-sample-reached"
  | "planned-end-reached"
  | "experiment-ended"
  | "sequential"
  | "risk-below-threshold";

export type RecommendationReason =
  /** A draft or scheduled experiment has no results to act on. */
  | { code: "not-started"; status: "draft" | "scheduled" }
  /** The experiment no longer collects data, so "keep running" is not an option. */
  | { code: "not-running"; status: "paused" | "stopped" | "concluded" }
  | { code: "srm"; pValue: number }
  | { code: "guardrail-harmed"; metricId: string; variationKey: string }
  /** What is missing before a fixed-horizon result may be acted on. */
  | {
      code: "not-enough-data";
      percentOfPlannedSample: number;
      daysLeft?: number;
      plannedSampleSizePerVariation: number;
      smallestArm: number;
    }
  | { code: "primaries-disagree"; variationKey: string }
  | { code: "significant-winner"; variationKey: string; metricIds: string[] }
  | { code: "control-better"; metricIds: string[] }
  /** Why declaring this winner (or no difference) now is valid. */
  | { code: "decision-valid"; basis: DecisionBasis }
  /** Who leads on the primary metric where the lead is weakest, and by how much (its probability of being best). */
  | { code: "leader"; variationKey: string; metricId: string; probabilityOfBeingBest: number }
  /** Bayesian: the leader's expected loss is still above the threshold that would allow acting early. */
  | { code: "risk-above-threshold"; variationKey: string; metricId: string; risk: number; riskThreshold: number }
  | { code: "no-significant-difference"; percentOfPlannedSample: number }
  | { code: "no-primary-metric" }
  | { code: "invalid-data"; metricId?: string; reason: StatsReason };

export type Recommendation = {
  verdict: RecommendationVerdict;
  /** Variation key of the winner (may be the control key) when `verdict` is `declare-winner`. */
  winner?: string;
  /** Variation key of the current leader (may be the control key); absent without an analysable primary metric. */
  leader?: string;
  /**
   * 0–1: the leader's probability of being best on the primary metric where it is weakest (`confidenceMetricId`);
   * the same figure the results show as "Probability of being best". 0 without an analysable primary metric.
   */
  confidence: number;
  confidenceMetricId?: string;
  reasons: RecommendationReason[];
};

export type AnalysisResult = {
  status: StatsStatus;
  reason?: StatsReason;
  engine: Engine;
  sequential: boolean;
  alpha: number;
  difference: Difference;
  correction: Correction;
  /** The expected-loss threshold the Bayesian decision rule used. */
  riskThreshold: number;
  /** Key of the control variation ("" when none was given). */
  controlKey: string;
  srm: SrmAnalysis;
  /** In input order. */
  metrics: MetricAnalysis[];
  /** Units per variation planned, and reached so far (smallest arm), for progress displays. */
  progress: {
    plannedSampleSizePerVariation: number;
    smallestArm: number;
    percentOfPlannedSample: number;
    daysLeft?: number;
  };
  recommendation: Recommendation;
};
