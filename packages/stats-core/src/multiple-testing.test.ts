import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gbstats } from "./fixtures/reference-values";
import { adjustPValues } from "./multiple-testing";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("adjustPValues", () => {
  it("Holm–Bonferroni in input order (gbstats, tolerance 1e-12)", () => {
    const adjusted = adjustPValues([...gbstats.holm.input], "holm");
    adjusted.forEach((p, i) => {
      expect(Math.abs(p - (gbstats.holm.expected[i] as number))).toBeLessThan(1e-12);
    });
  });

  it("Benjamini–Hochberg in input order (gbstats, tolerance 1e-12)", () => {
    const adjusted = adjustPValues([...gbstats.benjaminiHochberg.input], "benjamini-hochberg");
    adjusted.forEach((p, i) => {
      expect(Math.abs(p - (gbstats.benjaminiHochberg.expected[i] as number))).toBeLessThan(1e-12);
    });
  });

  it("handles empty and single inputs, and treats garbage as no evidence", () => {
    expect(adjustPValues([], "holm")).toEqual([]);
    expect(adjustPValues([0.03], "benjamini-hochberg")).toEqual([0.03]);
    expect(adjustPValues([Number.NaN, 0.01], "holm")).toEqual([1, 0.02]);
  });

  it.each(["holm", "benjamini-hochberg"] as const)(
    "%s: same length, in [0, 1], never below the raw p, monotone in the raw p (fast-check, 10,000 runs)",
    (method) => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double())), (ps) => {
          const adjusted = adjustPValues(ps, method);
          if (adjusted.length !== ps.length) return false;
          return adjusted.every((q, i) => {
            const p = ps[i] as number;
            const clean = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1;
            const monotone = ps.every((other, j) => {
              const o = Number.isFinite(other) ? Math.min(1, Math.max(0, other)) : 1;
              return !(o < clean) || (adjusted[j] as number) <= q;
            });
            return q >= 0 && q <= 1 && q >= clean - 1e-15 && monotone;
          });
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
