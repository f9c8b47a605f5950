import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as statsCore from "./index";

/** Every number anywhere in a result (cycles cannot occur: results are plain data). */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Arguments of any shape: what a JavaScript caller or an unvalidated warehouse row can pass. */
const anyArgument = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, "", [], {}),
  fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string())),
);

/** The exported functions, called the way an untyped (JavaScript) caller can call them. */
const functions: [string, (...args: unknown[]) => unknown][] = Object.entries(statsCore).flatMap(([name, value]) =>
  typeof value === "function" ? [[name, value as (...args: unknown[]) => unknown]] : [],
);

describe("the public API on arguments of the wrong shape", () => {
  it("covers every exported function", () => {
    expect(functions.map(([name]) => name).sort()).toEqual([
      "adjustPValues",
      "analyzeExperiment",
      "assignVariation",
      "bayesianTest",
      "betaPosterior",
      "estimateDuration",
      "flagsmithHashPercentage",
      "frequentistTest",
      "minimumDetectableEffect",
      "normalPosterior",
      "probabilityOfBeingBest",
      "sampleSizePerVariation",
      "srmTest",
    ]);
  });

  for (const [name, fn] of functions) {
    it(`${name} never throws and never returns NaN`, () => {
      fc.assert(
        fc.property(anyArgument, anyArgument, anyArgument, (a, b, c) => {
          const result = fn(a, b, c);
          expect(numbersIn(result).some(Number.isNaN)).toBe(false);
        }),
        { numRuns: 2_000 },
      );
    });
  }

  it("ids and weights whose conversion to a primitive throws are handled, not thrown", () => {
    // Found by the property above: `{ toString: [] }` makes String() and Number() throw.
    const hostile = { toString: [] } as unknown as string;
    expect(() => statsCore.flagsmithHashPercentage([hostile, "user-1"])).not.toThrow();
    expect(
      statsCore.assignVariation(hostile, "user-1", [
        { key: "a", weight: hostile as unknown as number, priority: hostile as unknown as number },
      ]),
    ).toBe("control");
  });

  it("null options fall back to the defaults", () => {
    const control = { kind: "proportion" as const, n: 1000, sum: 100 };
    const treatment = { kind: "proportion" as const, n: 1000, sum: 130 };
    const nullOptions = null as unknown as undefined;
    expect(statsCore.frequentistTest(control, treatment, nullOptions)).toEqual(
      statsCore.frequentistTest(control, treatment),
    );
    expect(statsCore.bayesianTest(control, treatment, nullOptions)).toEqual(statsCore.bayesianTest(control, treatment));
    expect(statsCore.srmTest([500, 500], [0.5, 0.5], nullOptions)).toMatchObject({ status: "ok", mismatch: false });
  });
});
