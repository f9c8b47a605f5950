import { experimentDraftSchema } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { initialWizardValues, toExperimentDraft } from "./draft-values";

const today = new Date(2026, 2, 1);
const variations = [
  { key: "control", name: "Control", value: "a", isControl: true },
  { key: "b", name: "B", value: "b", isControl: false },
];

describe("initialWizardValues", () => {
  it("starts empty with the default dates", () => {
    expect(initialWizardValues(today, undefined)).toEqual({
      name: "",
      hypothesis: "",
      startDate: "2026-03-01",
      endDate: "2026-03-15",
      flagId: "",
      variations: [],
      metrics: [],
      segmentId: "",
      weights: {},
    });
  });

  it("takes the host's defaults, and a saved draft over them", () => {
    const values = initialWizardValues(
      today,
      { name: "From host", hypothesis: "Host hypothesis" },
      { name: "Saved name", hypothesis: "", flagId: "f1", variations, weights: {} },
    );
    expect(values.name).toBe("Saved name");
    expect(values.hypothesis).toBe("Host hypothesis");
    expect(values.flagId).toBe("f1");
    expect(values.weights).toEqual({ control: 50, b: 50 });
  });
});

it("ends a saved start date's default duration 14 days after it", () => {
  expect(initialWizardValues(today, undefined, { startDate: "2026-07-01", endDate: "" })).toMatchObject({
    startDate: "2026-07-01",
    endDate: "2026-07-15",
  });
});

describe("toExperimentDraft", () => {
  it("sends every field, with id and revision once saved", () => {
    const values = initialWizardValues(today, { name: "N", flagId: "f1", variations, weights: { control: 60, b: 40 } });
    expect(toExperimentDraft(values)).not.toHaveProperty("id");
    expect(toExperimentDraft(values, { id: "e1", revision: 3 })).toMatchObject({
      id: "e1",
      revision: 3,
      name: "N",
      flagId: "f1",
      weights: { control: 60, b: 40 },
      startDate: "2026-03-01",
    });
  });

  it("leaves out weights the user is still fixing, so the save never fails on them", () => {
    const values = initialWizardValues(today, { flagId: "f1", variations, weights: { control: 60, b: 40 } });
    expect(toExperimentDraft({ ...values, weights: { control: 150, b: 40 } })).not.toHaveProperty("weights");
    expect(toExperimentDraft({ ...values, weights: { control: Number.NaN, b: 40 } })).not.toHaveProperty("weights");
    expect(toExperimentDraft({ ...values, weights: { control: 33.5, b: 40 } })).not.toHaveProperty("weights");
    expect(
      experimentDraftSchema.safeParse(toExperimentDraft({ ...values, weights: { control: -5, b: 40 } })).success,
    ).toBe(true);
  });
});
