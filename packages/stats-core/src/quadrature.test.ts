import { describe, expect, it } from "vitest";
import { integrateVector } from "./quadrature";

describe("integrateVector (adaptive Gauss–Kronrod 10/21)", () => {
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

  it("refines around a sharp feature marked by a breakpoint", () => {
    // A feature narrower than a panel that no node lands on is invisible to any quadrature: callers put
    // breakpoints at each density's bulk (as probabilityOfBeingBest does), and the rule refines from there.
    const out = new Float64Array(1);
    const sd = 1e-3;
    const [mass] = integrateVector(
      (x) => {
        out[0] = Math.exp(-0.5 * ((x - 0.3) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
        return out;
      },
      [0, 0.3, 1],
      1,
    );
    expect(Math.abs((mass as number) - 1)).toBeLessThan(1e-9);
  });

  it("uses QUADPACK's 21-point Kronrod rule: exact for polynomials of degree 31, its 10-point Gauss rule to degree 19", () => {
    // A single panel, so the result is one application of the rule. Tolerance: rounding only.
    const out = new Float64Array(2);
    const [degree31, degree19] = integrateVector(
      (x) => {
        out[0] = 32 * x ** 31;
        out[1] = 20 * x ** 19;
        return out;
      },
      [0, 1],
      2,
      1, // accept the first panel whatever the error estimate
    );
    expect(Math.abs((degree31 as number) - 1)).toBeLessThan(1e-14);
    expect(Math.abs((degree19 as number) - 1)).toBeLessThan(1e-14);
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
