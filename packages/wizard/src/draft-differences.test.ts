import { describe, expect, it } from "vitest";
import { changedFields } from "./draft-differences";
import { initialWizardValues } from "./draft-values";

const base = initialWizardValues(new Date(Date.UTC(2026, 2, 1)), {
  name: "Checkout colour",
  flagId: "checkout-cta",
  variations: [
    { key: "control", name: "Blue", value: "blue", isControl: true },
    { key: "green", name: "Green", value: "green", isControl: false },
  ],
  weights: { control: 50, green: 50 },
});

describe("changedFields", () => {
  it("lists the fields that differ, in screen order", () => {
    expect(changedFields(base, base)).toEqual([]);
    expect(
      changedFields(base, { ...base, name: "Changed elsewhere", weights: { control: 90, green: 10 }, segmentId: "eu" }),
    ).toEqual(["name", "segmentId", "weights"]);
  });

  it("ignores the order of keys, and the variations of another flag", () => {
    expect(changedFields(base, { ...base, weights: { green: 50, control: 50 } })).toEqual([]);
    expect(changedFields(base, { ...base, flagId: "other", variations: [] })).toEqual(["flagId"]);
  });
});
