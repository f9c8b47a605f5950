import { experimentDraftSchema } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { configurationOf, draftFieldsOf, initialWizardValues, toDraftFields } from "./draft-values";

const today = new Date(Date.UTC(2026, 2, 1));
const variations = [
  { key: "control", name: "Control", value: "a", isControl: true },
  { key: "b", name: "B", value: "b", isControl: false },
];
const extras = { environmentKey: "production-key", plan: undefined };

describe("initialWizardValues", () => {
  it("starts empty with the default dates, all identities at a 100% rollout and a +5% target", () => {
    expect(initialWizardValues(today, undefined)).toEqual({
      name: "",
      hypothesis: "",
      startDate: "2026-03-01",
      endDate: "2026-03-15",
      flagId: "",
      flagName: "",
      variations: [],
      metrics: [],
      segmentId: null,
      rolloutPercentage: 100,
      weights: {},
      minimumDetectableEffect: 0.05,
    });
  });

  it("takes the host's defaults, and a saved draft over them", () => {
    const values = initialWizardValues(
      today,
      { name: "From host", hypothesis: "Host hypothesis", segmentId: "eu" },
      {
        name: "Saved name",
        hypothesis: "",
        flagId: "f1",
        variations,
        weights: {},
        segmentId: null,
        rolloutPercentage: 20,
        plan: { minimumDetectableEffect: 0.1, power: 0.8, alpha: 0.05 },
      },
    );
    expect(values.name).toBe("Saved name");
    expect(values.hypothesis).toBe("Host hypothesis");
    expect(values.flagId).toBe("f1");
    expect(values.weights).toEqual({ control: 50, b: 50 });
    // The saved draft's "all identities" wins over the host's segment.
    expect(values.segmentId).toBeNull();
    expect(values.rolloutPercentage).toBe(20);
    expect(values.minimumDetectableEffect).toBe(0.1);
  });

  it("ends a saved start date's default duration 14 days after it", () => {
    expect(initialWizardValues(today, undefined, { startDate: "2026-07-01", endDate: "" })).toMatchObject({
      startDate: "2026-07-01",
      endDate: "2026-07-15",
    });
  });
});

describe("toDraftFields", () => {
  it("sends every configuration field, the environment and the plan", () => {
    const values = {
      ...initialWizardValues(today, { name: "N", flagId: "f1", variations, weights: { control: 60, b: 40 } }),
      flagName: "checkout_cta_color",
    };
    const plan = { minimumDetectableEffect: 0.05, power: 0.8, alpha: 0.05, sampleSizePerVariation: 1200 };
    const draft = toDraftFields(values, { environmentKey: "production-key", plan });
    expect(draft).toEqual({
      name: "N",
      hypothesis: "",
      startDate: "2026-03-01",
      endDate: "2026-03-15",
      flagId: "f1",
      flagName: "checkout_cta_color",
      environmentKey: "production-key",
      variations,
      metrics: [],
      segmentId: null,
      rolloutPercentage: 100,
      weights: { control: 60, b: 40 },
      plan,
    });
    expect(experimentDraftSchema.safeParse(draft).success).toBe(true);
  });

  it("leaves out values the user is still fixing, so the save never fails on them", () => {
    const values = initialWizardValues(today, { flagId: "f1", variations, weights: { control: 60, b: 40 } });
    expect(toDraftFields({ ...values, weights: { control: 150, b: 40 } }, extras)).not.toHaveProperty("weights");
    expect(toDraftFields({ ...values, weights: { control: Number.NaN, b: 40 } }, extras)).not.toHaveProperty("weights");
    expect(toDraftFields({ ...values, weights: { control: 33.5, b: 40 } }, extras)).not.toHaveProperty("weights");
    expect(toDraftFields({ ...values, rolloutPercentage: 0 }, extras)).not.toHaveProperty("rolloutPercentage");
    expect(toDraftFields({ ...values, rolloutPercentage: Number.NaN }, extras)).not.toHaveProperty("rolloutPercentage");
    expect(
      experimentDraftSchema.safeParse(toDraftFields({ ...values, weights: { control: -5, b: 40 } }, extras)).success,
    ).toBe(true);
  });

  it("round-trips a stored experiment", () => {
    const values = { ...initialWizardValues(today, { name: "N", flagId: "f1", variations }), segmentId: "eu" };
    const stored = { ...toDraftFields(values, extras) };
    const experiment = {
      ...stored,
      id: "e1",
      revision: 2,
      status: "draft" as const,
      name: "N",
      hypothesis: "",
      startDate: "2026-03-01",
      endDate: "2026-03-15",
      flagId: "f1",
      flagName: "",
      environmentKey: "production-key",
      variations,
      metrics: [],
      segmentId: "eu",
      rolloutPercentage: 100,
      weights: { control: 50, b: 50 },
    };
    expect(configurationOf(experiment)).toEqual(values);
    expect(draftFieldsOf(experiment)).toEqual(stored);
  });
});
