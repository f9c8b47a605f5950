import { scaleLinear } from "@visx/vendor/d3-scale";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linearScale, tickStep } from "./linear-scale";

describe("linearScale", () => {
  it("maps the domain onto the range, both ways", () => {
    const scale = linearScale({ domain: [10, 20], range: [0, 200] });
    expect(scale(10)).toBe(0);
    expect(scale(15)).toBe(100);
    expect(scale(25)).toBe(300);
    expect(scale.invert(50)).toBe(12.5);
  });

  it("maps onto a reversed range (an SVG y axis) and clamps when asked", () => {
    const y = linearScale({ domain: [0, 1], range: [100, 0], clamp: true });
    expect(y(0)).toBe(100);
    expect(y(1)).toBe(0);
    expect(y(2)).toBe(0);
    expect(y(-1)).toBe(100);
  });

  it("puts a degenerate domain in the middle of the range instead of returning NaN", () => {
    const scale = linearScale({ domain: [5, 5], range: [0, 80] });
    expect(scale(5)).toBe(40);
    expect(scale.ticks(5)).toEqual([5]);
  });

  it("ticks at round values: 1, 2 or 5 × 10ⁿ apart", () => {
    expect(linearScale({ domain: [0, 1], range: [0, 1] }).ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearScale({ domain: [-0.034, 0.052], range: [0, 1] }).ticks(5)).toEqual([-0.02, 0, 0.02, 0.04]);
    expect(tickStep(0, 1000, 10)).toBe(100);
    expect(tickStep(0, 7, 5)).toBe(1);
    expect(tickStep(0, 8, 5)).toBe(2);
  });

  it("widens the domain to round ends with `nice`", () => {
    expect(linearScale({ domain: [0.013, 0.987], range: [0, 1], nice: 10 }).domain).toEqual([0, 1]);
    expect(linearScale({ domain: [-0.034, 0.052], range: [0, 1], nice: 10 }).domain).toEqual([-0.04, 0.06]);
  });

  // d3-scale (through @visx/vendor) is the reference the charts used before: same ticks, same nice domain.
  it("gives d3's ticks and nice domains for any finite domain", () => {
    expect(linearScale({ domain: [-14.000000000000002, 0], range: [0, 1], nice: 10 }).domain).toEqual([-16, 0]);
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 2, max: 10 }), (a, b, count) => {
        fc.pre(Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));
        const [low, high] = a < b ? [a, b] : [b, a];
        const ours = linearScale({ domain: [low, high], range: [0, 1] });
        const reference = scaleLinear().domain([low, high]).range([0, 1]);
        expect(ours.ticks(count)).toEqual(reference.ticks(count));
        const nice = linearScale({ domain: [low, high], range: [0, 1], nice: 10 });
        const [d0, d1] = scaleLinear().domain([low, high]).nice(10).domain();
        expect(nice.domain).toEqual([d0, d1]);
      }),
    );
  });
});
