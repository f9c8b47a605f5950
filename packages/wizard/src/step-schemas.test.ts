import type { Flag } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { defaultMessages } from "./messages";
import { type StepContext, validateStep } from "./step-schemas";
import type { WizardValues } from "./steps";

const today = new Date(2026, 2, 1);

const checkout: Flag = {
  id: "f1",
  name: "checkout-button",
  type: "multivariate",
  enabled: true,
  controlValue: "grey",
  variations: [
    { key: "control", name: "Control", value: "grey", isControl: true },
    { key: "green", name: "Green", value: "green", isControl: false },
  ],
};

const lonely: Flag = {
  id: "f2",
  name: "lonely-flag",
  type: "standard",
  enabled: true,
  controlValue: true,
  variations: [{ key: "control", name: "Control", value: true, isControl: true }],
};

function values(overrides: Partial<WizardValues> = {}): WizardValues {
  return {
    name: "Green checkout",
    hypothesis: "A green button will increase checkout conversion.",
    startDate: "2026-03-01",
    endDate: "2026-03-15",
    flagId: "f1",
    flagName: "checkout",
    variations: checkout.variations,
    metrics: [{ metricId: "m1", role: "primary" }],
    segmentId: "s1",
    rolloutPercentage: 100,
    weights: { control: 50, green: 50 },
    minimumDetectableEffect: 0.05,
    ...overrides,
  };
}

const context: StepContext = { today, messages: defaultMessages, flag: checkout, overrides: [] };

describe("details step", () => {
  it("accepts a complete step", () => {
    expect(validateStep("details", values(), context)).toEqual([]);
  });

  it("requires a name and a hypothesis (blank counts as empty), in screen order", () => {
    expect(validateStep("details", values({ name: "  ", hypothesis: "" }), context)).toEqual([
      { field: "name", message: defaultMessages.nameRequired },
      { field: "hypothesis", message: defaultMessages.hypothesisRequired },
    ]);
  });

  it("requires real dates, not in the past, with the end on or after the start", () => {
    expect(validateStep("details", values({ startDate: "", endDate: "2026-02-30" }), context)).toEqual([
      { field: "startDate", message: defaultMessages.startDateInvalid },
      { field: "endDate", message: defaultMessages.endDateInvalid },
    ]);
    expect(validateStep("details", values({ startDate: "2026-02-28" }), context)).toEqual([
      { field: "startDate", message: defaultMessages.startDateInPast },
    ]);
    expect(validateStep("details", values({ startDate: "2026-03-02", endDate: "2026-03-01" }), context)).toEqual([
      { field: "endDate", message: defaultMessages.endDateBeforeStart },
    ]);
  });

  it("accepts a one-day experiment (end date = start date), as the domain model does", () => {
    expect(validateStep("details", values({ endDate: "2026-03-01" }), context)).toEqual([]);
  });

  it("uses overridden messages", () => {
    const messages = { ...defaultMessages, nameRequired: "Nom requis" };
    expect(validateStep("details", values({ name: "" }), { ...context, messages })).toEqual([
      { field: "name", message: "Nom requis" },
    ]);
  });
});

describe("flag step", () => {
  it("requires a flag", () => {
    expect(validateStep("flag", values({ flagId: "" }), context)).toEqual([
      { field: "flagId", message: defaultMessages.flagRequired },
    ]);
  });

  it("refuses a flag without a variation besides control", () => {
    expect(validateStep("flag", values({ flagId: "f2" }), { ...context, flag: lonely })).toEqual([
      { field: "flagId", message: defaultMessages.flagIneligible("lonely-flag") },
    ]);
  });
});

describe("metrics step", () => {
  it("requires at least one metric and at least one primary", () => {
    expect(validateStep("metrics", values({ metrics: [] }), context)).toEqual([
      { field: "metrics", message: defaultMessages.metricsRequired },
    ]);
    expect(validateStep("metrics", values({ metrics: [{ metricId: "m1", role: "guardrail" }] }), context)).toEqual([
      { field: "metrics", message: defaultMessages.primaryRequired },
    ]);
  });

  it("allows several primaries (the UI warns about them)", () => {
    const metrics = [
      { metricId: "m1", role: "primary" as const },
      { metricId: "m2", role: "primary" as const },
    ];
    expect(validateStep("metrics", values({ metrics }), context)).toEqual([]);
  });
});

describe("traffic step", () => {
  it("requires a segment", () => {
    expect(validateStep("traffic", values({ segmentId: "" }), context)).toEqual([
      { field: "segmentId", message: defaultMessages.segmentRequired },
    ]);
  });

  it("blocks a segment the flag already overrides", () => {
    const issues = validateStep("traffic", values(), {
      ...context,
      overrides: [{ flagId: "f1", segmentId: "s1" }],
      segmentName: (id) => (id === "s1" ? "Beta users" : id),
    });
    expect(issues).toEqual([
      { field: "segmentId", message: defaultMessages.overrideConflict("checkout-button", "Beta users") },
    ]);
    expect(issues[0]?.message).toMatch(/override/);
  });

  it("names the flag by its id in the conflict while the flag itself is not loaded", () => {
    const issues = validateStep("traffic", values(), {
      ...context,
      flag: undefined,
      overrides: [{ flagId: "f1", segmentId: "s1" }],
      segmentName: () => "Beta users",
    });
    expect(issues).toEqual([{ field: "segmentId", message: defaultMessages.overrideConflict("f1", "Beta users") }]);
  });

  it("waits for the flag's overrides before it lets a segment through", () => {
    expect(validateStep("traffic", values(), { ...context, overrides: undefined })).toEqual([
      { field: "segmentId", message: defaultMessages.overridesPending },
    ]);
  });

  it("requires whole weights for exactly the flag's variations, summing to 100, none at 0", () => {
    expect(validateStep("traffic", values({ weights: { control: 50, green: 40 } }), context)).toEqual([
      { field: "weights", message: defaultMessages.weightsInvalid },
    ]);
    expect(validateStep("traffic", values({ weights: { control: 50.5, green: 49.5 } }), context)).toEqual([
      { field: "weights", message: defaultMessages.weightsInvalid },
    ]);
    expect(validateStep("traffic", values({ weights: { control: 100, green: 0 } }), context)).toEqual([
      { field: "weights", message: defaultMessages.weightZero("Green") },
    ]);
  });
});

describe("review step", () => {
  it("validates every editing step", () => {
    expect(validateStep("review", values(), context)).toEqual([]);
    expect(
      validateStep("review", values({ name: "", metrics: [], segmentId: "" }), context).map((i) => i.field),
    ).toEqual(["name", "metrics", "segmentId"]);
  });
});
