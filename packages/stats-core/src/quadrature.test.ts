import { describe, expect, it } from "vitest";
import { integrateVector } from "./quadrature";

describe("integrateVector (adaptive Gauss–Kronrod 7/15)", () => {
  it("integrates several components sharing the nodes", () => {
    const out = new Float64Array(3);
    const [sin, poly, exp] = integrateVector(
      (x) => {
        out[0] = Math.sin(x);
        out[1] = x ** 5 - 2 * x;
        out[2] = Math.exp(-x);
        return out;
      },
      [0, Math.PI],
      3,
    );
    expect(Math.abs((sin as number) - 2)).toBeLessThan(1e-12);
    expect(Math.abs((poly as number) - (Math.PI ** 6 / 6 - Math.PI ** 2))).toBeLessThan(1e-9);
    expect(Math.abs((exp as number) - (1 - Math.exp(-Math.PI)))).toBeLessThan(1e-12);
  });

  it("refines around a sharp feature", () => {
    const out = new Float64Array(1);
    const sd = 1e-3;
    const [mass] = integrateVector(
      (x) => {
        out[0] = Math.exp(-0.5 * ((x - 0.3) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
        return out;
      },
      [0, 1],
      1,
    );
    expect(Math.abs((mass as number) - 1)).toBeLessThan(1e-9);
  });

  it("stops on a budget instead of looping on a non-integrable or NaN integrand", () => {
    const out = new Float64Array(1);
    const result = integrateVector(
      () => {
        out[0] = Number.NaN;
        return out;
      },
      [0, 1],
      1,
    );
    expect(result).toHaveLength(1);
    const singular = integrateVector(
      (x) => {
        out[0] = 1 / x;
        return out;
      },
      [0, 1],
      1,
    );
    expect(Number.isFinite(singular[0])).toBe(true);
  });

  it("returns zeros for an empty range", () => {
    expect(Array.from(integrateVector(() => new Float64Array([1]), [2, 2], 1))).toEqual([0]);
  });
});
