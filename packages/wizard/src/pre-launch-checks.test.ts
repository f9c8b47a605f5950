import { describe, expect, it } from "vitest";
import { hypothesisHasDirection, preLaunchWarnings } from "./pre-launch-checks";

describe("hypothesisHasDirection", () => {
  it("finds a stated direction", () => {
    expect(hypothesisHasDirection("A green button will increase conversion.")).toBe(true);
    expect(hypothesisHasDirection("Caching reduces load time")).toBe(true);
    expect(hypothesisHasDirection("Fewer steps, more signups")).toBe(true);
    expect(hypothesisHasDirection("Users will convert BETTER with it")).toBe(true);
  });

  it("misses hypotheses without one, and does not match inside other words", () => {
    expect(hypothesisHasDirection("The new button changes conversion.")).toBe(false);
    expect(hypothesisHasDirection("Testing the cutlery page layout")).toBe(false);
    expect(hypothesisHasDirection("Moreover, the colour matters")).toBe(false);
  });

  it("takes a custom word list", () => {
    expect(hypothesisHasDirection("La conversion va augmenter", ["augmenter"])).toBe(true);
    expect(hypothesisHasDirection("La conversion va changer", ["augmenter"])).toBe(false);
  });
});

describe("preLaunchWarnings", () => {
  const fine = {
    hypothesis: "Green will increase conversion",
    metrics: [
      { metricId: "m1", role: "primary" as const },
      { metricId: "m2", role: "guardrail" as const },
    ],
    weights: { control: 50, green: 50 },
    plannedDays: 15,
    neededDays: 10,
  };

  it("has nothing to say about a sound configuration", () => {
    expect(preLaunchWarnings(fine)).toEqual([]);
  });

  it("lists every problem in a fixed order", () => {
    expect(
      preLaunchWarnings({
        hypothesis: "Green changes things",
        metrics: [{ metricId: "m1", role: "primary" }],
        weights: { control: 95, green: 5 },
        plannedDays: 15,
        neededDays: 30,
        flagEnabled: false,
      }),
    ).toEqual(["flag-disabled", "no-direction", "no-guardrail", "too-short", "uneven-weights"]);
  });

  it("skips the duration check without an estimate", () => {
    expect(preLaunchWarnings({ ...fine, neededDays: undefined })).toEqual([]);
  });
});
