/**
 * The standard normal distribution: density, both tails, quantile and the partial expectation
 * E[(Z − z)⁺]. Tails keep full relative precision (W. J. Cody's rational Chebyshev approximations,
 * ACM TOMS 715, the method behind R's `pnorm`), so a p-value of 1e-250 is 1e-250, not 0.
 * Accuracy against @stdlib is proven in `normal.test.ts`.
 */

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const INV_SQRT_TWO_PI = 1 / SQRT_TWO_PI;
/** Below this |x| the central rational approximation applies (Φ⁻¹(0.75)). */
const CENTRAL_LIMIT = 0.67448975;
/** Above this |x| the asymptotic (1/x²) rational approximation applies. */
const TAIL_LIMIT = Math.sqrt(32);

// Cody (1969, 1993) coefficients (published numbers), evaluated by Horner's rule written out: the same
// operations in the same order as a loop over coefficient arrays, without the loop, so the interpreter that runs
// a page's first analysis executes a third of the bytecodes.

/** Φ(x) − ½ for |x| ≤ CENTRAL_LIMIT. */
function centralPart(x: number): number {
  const xx = x * x;
  const numerator =
    (((0.06568233791820745 * xx + 2.2352520354606837) * xx + 161.02823106855587) * xx + 1067.6894854603709) * xx +
    18154.98125334356;
  const denominator =
    (((xx + 47.202581904688245) * xx + 976.0985517377767) * xx + 10260.932208618979) * xx + 45507.78933502673;
  return (x * numerator) / denominator;
}

/**
 * exp(−y²/2) without the rounding error of squaring a large y: y is split into a part with few bits
 * (exactly squared) and a small remainder.
 */
function gaussianFactor(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const remainder = (y - head) * (y + head);
  return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * remainder);
}

/** For CENTRAL_LIMIT < y ≤ TAIL_LIMIT: Q(y) = exp(−y²/2)·middleRatio(y). */
function middleRatio(y: number): number {
  const numerator =
    (((((((1.0765576773720192e-8 * y + 0.39894151208813466) * y + 8.883149794388377) * y + 93.50665613217785) * y +
      597.2702763948002) *
      y +
      2494.5375852903726) *
      y +
      6848.190450536283) *
      y +
      11602.65143764735) *
      y +
    9842.714838383978;
  const denominator =
    (((((((y + 22.266688044328117) * y + 235.387901782625) * y + 1519.3775994075547) * y + 6485.558298266761) * y +
      18615.571640885097) *
      y +
      34900.95272114598) *
      y +
      38912.00328609327) *
      y +
    19685.429676859992;
  return numerator / denominator;
}

/**
 * For y > TAIL_LIMIT, the t of Q(y) = exp(−y²/2)·(1/√(2π) − t)/y. Then 1 − y·Q(y)/φ(y) = √(2π)·t exactly,
 * which the partial expectation uses to avoid cancellation.
 */
function farCorrection(y: number): number {
  const inverseSquare = 1 / (y * y);
  const numerator =
    ((((0.023073441764940174 * inverseSquare + 0.215898534057957) * inverseSquare + 0.12740116116024736) *
      inverseSquare +
      0.022235277870649807) *
      inverseSquare +
      0.0014216191932278934) *
      inverseSquare +
    0.000029112874951168793;
  const denominator =
    ((((inverseSquare + 1.284260096144911) * inverseSquare + 0.4682382124808651) * inverseSquare +
      0.06598813786892856) *
      inverseSquare +
      0.0037823963320275824) *
      inverseSquare +
    0.00007297515550839662;
  return (inverseSquare * numerator) / denominator;
}

/** Q(y)/exp(−y²/2) for y > CENTRAL_LIMIT. */
function tailRatio(y: number): number {
  return y <= TAIL_LIMIT ? middleRatio(y) : (INV_SQRT_TWO_PI - farCorrection(y)) / y;
}

/** Q(y) = P(Z > y) for y ≥ 0, to full relative precision (0 only below the smallest double). */
function upperTail(y: number): number {
  if (y <= CENTRAL_LIMIT) return 0.5 - centralPart(y);
  return gaussianFactor(y) * tailRatio(y);
}

/** Φ(x) = P(Z ≤ x). Relative precision in the lower tail (Φ(−37) ≈ 5.7e-300 exactly). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (Math.abs(x) <= CENTRAL_LIMIT) return 0.5 + centralPart(x);
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/** 1 − Φ(x) = P(Z > x), computed directly (no cancellation for large x). */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** φ(x) = exp(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return Number.isFinite(x) ? gaussianFactor(Math.abs(x)) * INV_SQRT_TWO_PI : 0;
}

/**
 * E[(Z − z)⁺] = φ(z) − z·Q(z) for a standard normal Z (the expected loss of a normal effect, scaled).
 * For z ≤ 0 it equals E[(Z − |z|)⁺] + |z| (a sum of positives); for z > 0 the difference φ(z) − z·Q(z)
 * is formed from the tail approximation's remainder, so tiny values keep their precision.
 */
export function normalPartialExpectation(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return normalPartialExpectation(-z) - z;
  if (z <= CENTRAL_LIMIT) return normalPdf(z) - z * upperTail(z);
  const factor = gaussianFactor(z);
  if (z > TAIL_LIMIT) return factor * farCorrection(z);
  return factor * (INV_SQRT_TWO_PI - z * middleRatio(z));
}

/**
 * For a N(mean, sd²) arm at x: Φ(z) into `cdfs[index]` and the density φ(z)/sd into `pdfs[index]`, z = (x − mean)/sd,
 * sharing one exponential: the integrand of P(best) needs both at every node. Absolute accuracy ~1e-16 (the
 * tails' relative precision is not needed there, so the exponential is not split).
 */
export function normalCdfAndPdfInto(
  x: number,
  mean: number,
  sd: number,
  cdfs: Float64Array,
  pdfs: Float64Array,
  index: number,
): void {
  const z = (x - mean) / sd;
  const y = Math.abs(z);
  const factor = Math.exp(-0.5 * y * y);
  pdfs[index] = (factor * INV_SQRT_TWO_PI) / sd;
  if (y <= CENTRAL_LIMIT) {
    cdfs[index] = 0.5 + centralPart(z);
    return;
  }
  const tail = factor * tailRatio(y);
  cdfs[index] = z < 0 ? tail : 1 - tail;
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.2e-9), polished below by one Halley step.
const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const ACKLAM_LOW = 0.02425;

function polynomial(coefficients: number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

/** Φ⁻¹(p) for p in (0, ½]: Acklam's approximation then one Halley step on Φ. */
function lowerQuantile(p: number): number {
  let x: number;
  if (p < ACKLAM_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
  }
  // Halley: with e = Φ(x) − p and u = e/φ(x), x ← x − u/(1 + x·u/2). φ(x) is representable for p ≥ 1e-300.
  const density = normalPdf(x);
  if (density > 0) {
    const u = (normalCdf(x) - p) / density;
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/** Φ⁻¹(p): the standard normal quantile. ±Infinity at 0 and 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // 1 − p is exact for p ≥ ½ (Sterbenz), so the upper half loses nothing by symmetry.
  return p < 0.5 ? lowerQuantile(p) : -lowerQuantile(1 - p);
}
