import { describe, expect, it } from "vitest";
import { liftDomain, liftGeometry } from "./lift-scale";

describe("liftDomain", () => {
  it("is symmetric around zero and fits the widest interval with headroom", () => {
    const domain = liftDomain([
      { estimate: 0.05, interval: [0.01, 0.09] },
      { estimate: -0.02, interval: [-0.2, 0.16] },
    ]);
    expect(domain.bound).toBeCloseTo(0.22);
  });

  it("is never narrower than ±1 % and ignores non-finite numbers", () => {
    expect(liftDomain([{ estimate: 0.001, interval: [Number.NaN, 0.002] }]).bound).toBe(0.01);
    expect(liftDomain([]).bound).toBe(0.01);
  });
});

describe("liftGeometry", () => {
  it("puts zero in the middle and maps the interval onto the bar", () => {
    const g = liftGeometry({ estimate: 0.1, interval: [0, 0.2] }, { bound: 0.2 }, 200);
    expect(g.zero).toBe(100);
    expect(g.estimate).toBeCloseTo(150);
    expect(g.low).toBe(100);
    expect(g.high).toBe(200);
  });

  it("clamps values beyond the domain and leaves missing parts out", () => {
    const g = liftGeometry({ estimate: 5, interval: null }, { bound: 0.2 }, 100);
    expect(g.estimate).toBe(100);
    expect(g.low).toBeUndefined();
    expect(liftGeometry({ estimate: Number.NaN }, { bound: 0.2 }, 100).estimate).toBeUndefined();
  });
});
