/**
 * Adaptive Gauss–Kronrod (7-point Gauss, 15-point Kronrod) integration of a vector-valued
 * function over a list of panels. Every component shares the nodes, so an integrand whose
 * components reuse the same special-function values costs one evaluation per node.
 */

const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
/** Gauss weights for the nodes XGK[1], XGK[3], XGK[5], XGK[7]. */
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

type Panel = { a: number; b: number; depth: number };

/** Kronrod and Gauss estimates of one panel into the given buffers; returns the error estimate. */
function gk15(
  f: (x: number) => Float64Array,
  a: number,
  b: number,
  size: number,
  kronrod: Float64Array,
  gauss: Float64Array,
): number {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  kronrod.fill(0);
  gauss.fill(0);
  for (let i = 0; i < 8; i++) {
    const xi = XGK[i] as number;
    const wk = WGK[i] as number;
    const wg = i % 2 === 1 ? (WG[(i - 1) / 2] as number) : 0;
    for (let side = xi === 0 ? 1 : 0; side < 2; side++) {
      const v = f(side === 0 ? centre - half * xi : centre + half * xi);
      for (let k = 0; k < size; k++) {
        const fk = v[k] as number;
        kronrod[k] = (kronrod[k] as number) + wk * fk;
        gauss[k] = (gauss[k] as number) + wg * fk;
      }
    }
  }
  let error = 0;
  for (let k = 0; k < size; k++) {
    kronrod[k] = (kronrod[k] as number) * half;
    gauss[k] = (gauss[k] as number) * half;
    error = Math.max(error, Math.abs((kronrod[k] as number) - (gauss[k] as number)));
  }
  return error;
}

/**
 * ∫ f over [breakpoints[0], breakpoints[last]], splitting panels until the Kronrod–Gauss
 * difference of every component is below `tolerance` (absolute, per panel). With at most
 * `maxPanels` panels the total error stays below maxPanels · tolerance (2e-7 by default; typically a few dozen panels, so ~1e-9).
 */
export function integrateVector(
  f: (x: number) => Float64Array,
  breakpoints: number[],
  size: number,
  tolerance = 1e-10,
  maxDepth = 40,
  maxPanels = 2000,
): Float64Array {
  const total = new Float64Array(size);
  const first = breakpoints[0] as number;
  const last = breakpoints[breakpoints.length - 1] as number;
  const range = last - first;
  if (!(range > 0)) return total;
  const stack: Panel[] = [];
  for (let i = breakpoints.length - 2; i >= 0; i--) {
    const a = breakpoints[i] as number;
    const b = breakpoints[i + 1] as number;
    if (b > a) stack.push({ a, b, depth: 0 });
  }
  const kronrod = new Float64Array(size);
  const gauss = new Float64Array(size);
  let panel = stack.pop();
  let evaluated = 0;
  while (panel !== undefined) {
    const { a, b, depth } = panel;
    const error = gk15(f, a, b, size, kronrod, gauss);
    evaluated++;
    const allowed = tolerance;
    // Accept when converged, at the depth or panel budget, or when the error is not a number.
    const accept =
      !(error > allowed) || depth >= maxDepth || evaluated >= maxPanels || b - a <= 1e-15 * Math.max(1, Math.abs(a));
    if (accept) {
      for (let k = 0; k < size; k++) total[k] = (total[k] as number) + (kronrod[k] as number);
    } else {
      const mid = (a + b) / 2;
      stack.push({ a: mid, b, depth: depth + 1 }, { a, b: mid, depth: depth + 1 });
    }
    panel = stack.pop();
  }
  return total;
}
