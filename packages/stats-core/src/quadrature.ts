/**
 * Adaptive Gauss–Kronrod (10-point Gauss, 21-point Kronrod) integration of a vector-valued
 * function over a list of panels. Every component shares the nodes, so an integrand whose
 * components reuse the same special-function values costs one evaluation per node.
 */

/** Kronrod nodes on [0, 1] (QUADPACK QK21), largest first; the odd-indexed ones are the Gauss nodes. */
const XGK = [
  0.9956571630258081, 0.9739065285171717, 0.9301574913557082, 0.8650633666889845, 0.7808177265864169,
  0.6794095682990244, 0.5627571346686047, 0.4333953941292472, 0.2943928627014602, 0.14887433898163122, 0,
];
const WGK = [
  0.011694638867371874, 0.032558162307964725, 0.054755896574351995, 0.07503967481091996, 0.0931254545836976,
  0.10938715880229764, 0.12349197626206584, 0.13470921731147334, 0.14277593857706009, 0.14773910490133849,
  0.1494455540029169,
];
/** Gauss weights for the nodes XGK[1], XGK[3], XGK[5], XGK[7], XGK[9]. */
const WG = [0.06667134430868814, 0.1494513491505806, 0.21908636251598204, 0.26926671930999635, 0.29552422471475287];

/**
 * The 21 nodes on [−1, 1] in the order they are summed (−x, +x for each XGK but the centre, last), with their
 * Kronrod and Gauss weights (0 where a node is Kronrod-only): one flat loop per panel.
 */
const NODES = XGK.flatMap((x) => (x === 0 ? [0] : [-x, x]));
const KRONROD_WEIGHTS = WGK.flatMap((w, i) => (XGK[i] === 0 ? [w] : [w, w]));
const GAUSS_WEIGHTS = XGK.flatMap((x, i) => {
  const w = i % 2 === 1 ? (WG[(i - 1) / 2] as number) : 0;
  return x === 0 ? [w] : [w, w];
});
const NODE_COUNT = NODES.length;

type Panel = { a: number; b: number; depth: number };

/** Kronrod and Gauss estimates of one panel into the given buffers; returns the error estimate. */
function gaussKronrod(
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
  for (let node = 0; node < NODE_COUNT; node++) {
    const v = f(centre + half * (NODES[node] as number));
    const wk = KRONROD_WEIGHTS[node] as number;
    const wg = GAUSS_WEIGHTS[node] as number;
    for (let k = 0; k < size; k++) {
      const fk = v[k] as number;
      kronrod[k] = (kronrod[k] as number) + wk * fk;
      gauss[k] = (gauss[k] as number) + wg * fk;
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
 * `maxPanels` panels the total error stays below maxPanels · tolerance; the Kronrod value is far more
 * accurate than that estimate in practice. A feature narrower than a panel that no node lands on cannot
 * be seen: put a breakpoint at it.
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
    const error = gaussKronrod(f, a, b, size, kronrod, gauss);
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
