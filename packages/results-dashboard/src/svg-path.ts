/**
 * SVG path data for the trend chart's lines and interval bands, drawn as d3-shape's `line()` and `area()` draw them
 * with their defaults (linear curve, three decimals): straight segments through the points, a lone point closed so
 * its round cap shows. Two string joins do not need `@visx/shape`, which brings d3-shape, d3-path and classnames into every host
 * bundle (2 kB gzip); the chart keeps visx for its pointer events (`localPoint`).
 */

/** A point in the plot's pixels. */
export type PathPoint = readonly [x: number, y: number];

/** Pixels to three decimals, as d3-path writes them by default. */
const round = (value: number) => Math.round(value * 1000) / 1000;

/** `M x0,y0 L x1,y1 …` through the points in order; `""` for none. */
export function linePath(points: readonly PathPoint[]): string {
  const path = points.map(([x, y], index) => `${index === 0 ? "M" : "L"}${round(x)},${round(y)}`).join("");
  return points.length === 1 ? `${path}Z` : path;
}

/** The band between two lines over the same x values: along `upper`, back along `lower`, closed; `""` for none. */
export function bandPath(upper: readonly PathPoint[], lower: readonly PathPoint[]): string {
  return upper.length === 0 ? "" : `${linePath([...upper, ...[...lower].reverse()])}Z`;
}
