import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignVariation, flagsmithHashPercentage } from "./bucketing";
import { flagsmith } from "./fixtures/reference-values";

/** Property tests run 10,000 cases; allow for a busy CI machine (they take ~1–3 s on an idle core). */
const PROPERTY_TIMEOUT = 60_000;

describe("flagsmithHashPercentage — bit-identical to flagsmith-engine", () => {
  it.each(flagsmith.hash.map((c) => [JSON.stringify(c.ids), c] as const))("%s", (_label, c) => {
    expect(flagsmithHashPercentage([...c.ids])).toBe(c.value);
  });

  it(
    "is in [0, 100) and deterministic for any ids (fast-check, 10,000 runs)",
    () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.string(), fc.integer())), (ids) => {
          const p = flagsmithHashPercentage(ids);
          return p >= 0 && p < 100 && p === flagsmithHashPercentage([...ids]);
        }),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe("assignVariation — Flagsmith multivariate assignment", () => {
  it.each(flagsmith.assignment.cases.map((c) => [c.identity, c.expected] as const))(
    "identity %s → %s",
    (identity, expected) => {
      const { featureKey, variations } = flagsmith.assignment;
      expect(assignVariation(featureKey, identity, [...variations])).toBe(expected);
    },
  );

  it("rejects negative or non-finite weights (control for everyone) instead of diverging from flagsmith-engine", () => {
    // flagsmith-engine walks start += weight, so a negative weight shifts every later range down; clamping it
    // to 0 put 400 of 2,000 identities in a different variation than Flagsmith would.
    const identities = Array.from({ length: 2000 }, (_, i) => `identity-${i}`);
    for (const weight of [-20, Number.NaN, Number.POSITIVE_INFINITY]) {
      const variations = [
        { key: "a", weight, priority: 1 },
        { key: "b", weight: 50, priority: 2 },
      ];
      expect(identities.every((identity) => assignVariation("feature", identity, variations) === "control")).toBe(true);
    }
  });

  it("sorts by priority, not input order", () => {
    const { featureKey, variations } = flagsmith.assignment;
    expect(assignVariation(featureKey, "32103813", [...variations].reverse())).toBe("baz");
  });

  it(
    "returns a given key or 'control', and matches the cumulative-weight rule (fast-check, 10,000 runs)",
    () => {
      fc.assert(
        fc.property(
          fc.string(),
          fc.string(),
          fc.array(
            fc.record({ weight: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double()), priority: fc.integer() }),
            { maxLength: 4 },
          ),
          (featureKey, identityKey, specs) => {
            const variations = specs.map((s, i) => ({ key: `v${i}`, ...s }));
            const key = assignVariation(featureKey, identityKey, variations);
            const p = flagsmithHashPercentage([featureKey, identityKey]);
            // An invalid weight (negative, not finite) rejects the configuration: everyone gets control.
            if (variations.some((v) => !(Number.isFinite(v.weight) && v.weight >= 0))) return key === "control";
            let start = 0;
            let expected = "control";
            for (const v of [...variations].sort((a, b) => a.priority - b.priority)) {
              const w = v.weight;
              if (start <= p && p < start + w) {
                expected = v.key;
                break;
              }
              start += w;
            }
            return key === expected;
          },
        ),
        { numRuns: 10_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
