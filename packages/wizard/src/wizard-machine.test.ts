import type { Experiment, Flag } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { defaultMessages } from "./messages";
import { type StepIssue, validateStep } from "./step-schemas";
import type { WizardStepId, WizardValues } from "./steps";
import { checkLaunchReadiness, initialWizardState, stepState, type WizardState, wizardReducer } from "./wizard-machine";

const nameIssue: StepIssue = { field: "name", message: "Enter a name." };
const valid = () => [] as StepIssue[];

function at(step: WizardStepId, overrides: Partial<WizardState> = {}): WizardState {
  return { ...initialWizardState(undefined), step, ...overrides };
}

describe("wizardReducer: navigation", () => {
  it("starts at the first step, nothing completed", () => {
    expect(initialWizardState(undefined)).toMatchObject({ step: "details", completed: [], launched: undefined });
  });

  it("opens a launched experiment read-only at the review", () => {
    const launched = { status: "running" } as Experiment;
    expect(initialWizardState(launched)).toMatchObject({ step: "review", launched });
    expect(initialWizardState({ status: "draft" } as Experiment)).toMatchObject({ step: "details" });
  });

  it("moves forward through validation, marks passed steps done and focuses the heading", () => {
    const next = wizardReducer(at("details"), { type: "navigate", target: "flag", check: valid });
    expect(next).toMatchObject({ step: "flag", completed: ["details"], issues: [], focus: { target: "heading" } });
  });

  it("stops at the first invalid step with its issues and focuses the first invalid field", () => {
    const checked: WizardStepId[] = [];
    const check = (step: WizardStepId) => {
      checked.push(step);
      return step === "flag" ? [{ field: "flagId" as const, message: "Choose a flag." }] : [];
    };
    const next = wizardReducer(at("details"), { type: "navigate", target: "review", check });
    expect(checked).toEqual(["details", "flag"]);
    expect(next).toMatchObject({
      step: "flag",
      completed: ["details"],
      attempted: true,
      issues: [{ field: "flagId" }],
      focus: { target: "field", field: "flagId" },
    });
  });

  it("goes back without validating and clears the issues", () => {
    const state = at("metrics", { issues: [nameIssue], attempted: true });
    const next = wizardReducer(state, {
      type: "navigate",
      target: "details",
      check: () => {
        throw new Error("must not validate going back");
      },
    });
    expect(next).toMatchObject({ step: "details", issues: [], attempted: false });
  });

  it("ignores navigating to the current step", () => {
    const state = at("flag");
    expect(wizardReducer(state, { type: "navigate", target: "flag", check: valid })).toBe(state);
  });

  it("remembers an edit from the review so the step offers 'Back to review'", () => {
    expect(wizardReducer(at("review"), { type: "edit", target: "metrics" })).toMatchObject({
      step: "metrics",
      returnToReview: true,
    });
  });

  it("lets issues follow corrections only after a failed attempt, and keeps the state when nothing changed", () => {
    expect(wizardReducer(at("details"), { type: "revalidate", issues: [nameIssue] }).issues).toEqual([]);
    const attempted = at("details", { attempted: true, issues: [nameIssue] });
    expect(wizardReducer(attempted, { type: "revalidate", issues: [{ ...nameIssue }] })).toBe(attempted);
    expect(wizardReducer(attempted, { type: "revalidate", issues: [] }).issues).toEqual([]);
  });

  it("shows done / current / upcoming in the step list", () => {
    const state = at("metrics", { completed: ["details", "flag"] });
    expect((["details", "flag", "metrics", "traffic"] as const).map((step) => stepState(state, step))).toEqual([
      "done",
      "done",
      "current",
      "upcoming",
    ]);
  });
});

describe("wizardReducer: launch", () => {
  const experiment = { id: "e1", status: "running" } as Experiment;

  it("keeps the dialog open while launching", () => {
    const launching = wizardReducer(at("review", { dialogOpen: true }), { type: "launch-started" });
    expect(wizardReducer(launching, { type: "dialog", open: false })).toBe(launching);
  });

  it("keeps the failure in the dialog until it is closed", () => {
    const failed = wizardReducer(at("review", { dialogOpen: true }), { type: "launch-failed", error: "boom" });
    expect(failed.launch).toEqual({ status: "failed", error: "boom", retryAt: undefined });
    expect(wizardReducer(failed, { type: "dialog", open: false })).toMatchObject({
      dialogOpen: false,
      launch: { status: "idle" },
    });
  });

  it("sends the user back to a stale step with a notice and a way back to the review", () => {
    const next = wizardReducer(at("review", { dialogOpen: true, launch: { status: "launching" } }), {
      type: "launch-blocked",
      step: "flag",
      notice: "The flag changed.",
    });
    expect(next).toMatchObject({
      step: "flag",
      dialogOpen: false,
      launch: { status: "idle" },
      returnToReview: true,
      notice: { step: "flag", message: "The flag changed." },
    });
  });

  it("sends the user back to an invalid step with its issues", () => {
    const next = wizardReducer(at("review"), { type: "launch-blocked", step: "details", issues: [nameIssue] });
    expect(next).toMatchObject({ step: "details", issues: [nameIssue], focus: { target: "field", field: "name" } });
  });

  it("keeps the server's field errors on their fields until the next attempt, with a notice", () => {
    const next = wizardReducer(at("review", { dialogOpen: true, launch: { status: "launching" } }), {
      type: "launch-blocked",
      step: "details",
      notice: "The server refused some fields.",
      issues: [nameIssue],
      fromServer: true,
    });
    expect(next).toMatchObject({
      step: "details",
      issues: [nameIssue],
      attempted: false,
      notice: { step: "details", message: "The server refused some fields." },
    });
    // The wizard's own checks find nothing wrong: they must not wipe the server's errors.
    expect(wizardReducer(next, { type: "revalidate", issues: [] })).toBe(next);
  });

  it("shows a launch conflict in the dialog, then sends the user back to review", () => {
    const current = { id: "e1", status: "draft", revision: 4 } as Experiment;
    const conflict = wizardReducer(at("review", { dialogOpen: true, launch: { status: "launching" } }), {
      type: "launch-conflict",
      current,
    });
    expect(conflict).toMatchObject({ dialogOpen: true, launch: { status: "conflict", current } });
    expect(wizardReducer(conflict, { type: "review-again" })).toMatchObject({
      step: "review",
      dialogOpen: false,
      launch: { status: "idle" },
      focus: { target: "heading" },
    });
  });

  it("asks before cancelling", () => {
    const open = wizardReducer(at("details"), { type: "cancel-dialog", open: true });
    expect(open.cancelOpen).toBe(true);
    expect(wizardReducer(open, { type: "cancel-dialog", open: false }).cancelOpen).toBe(false);
  });

  it("becomes read-only once launched", () => {
    const launched = wizardReducer(at("review", { dialogOpen: true }), { type: "launched", experiment });
    expect(launched).toMatchObject({ launched: experiment, dialogOpen: false });
    expect(wizardReducer(launched, { type: "navigate", target: "details", check: valid })).toBe(launched);
    expect(stepState(launched, "details")).toBe("done");
  });
});

describe("checkLaunchReadiness", () => {
  const flag: Flag = {
    id: "f1",
    name: "checkout_cta",
    type: "multivariate",
    enabled: true,
    controlValue: "grey",
    variations: [
      { key: "control", name: "Control", value: "grey", isControl: true },
      { key: "green", name: "Green", value: "green", isControl: false },
    ],
  };
  const values: WizardValues = {
    name: "Green checkout",
    hypothesis: "Green will increase conversion.",
    startDate: "2026-03-01",
    endDate: "2026-03-14",
    flagId: "f1",
    flagName: "green-checkout",
    variations: flag.variations,
    metrics: [{ metricId: "m1", role: "primary" }],
    segmentId: "s1",
    rolloutPercentage: 100,
    weights: { control: 50, green: 50 },
    minimumDetectableEffect: 0.05,
  };
  const base = {
    values,
    flag,
    overrides: [],
    context: { today: new Date(2026, 2, 1), messages: defaultMessages },
    validate: validateStep,
    messages: defaultMessages,
    segmentName: (id: string) => (id === "s1" ? "EU customers" : id),
  };

  it("is ready when the flag, its overrides and every step are as reviewed", () => {
    expect(checkLaunchReadiness(base)).toEqual({ status: "ready" });
  });

  it("sends the user to the flag step when the flag is gone", () => {
    expect(checkLaunchReadiness({ ...base, flag: undefined })).toEqual({
      status: "stale",
      step: "flag",
      notice: defaultMessages.staleMissing,
    });
  });

  it("brings in the flag's new variations and carries the weights over", () => {
    const blue = { key: "blue", name: "Blue", value: "blue", isControl: false };
    const changed = { ...flag, variations: [...flag.variations, blue] };
    const result = checkLaunchReadiness({ ...base, flag: changed });
    expect(result).toMatchObject({ status: "stale", step: "flag", notice: defaultMessages.staleFlag("checkout_cta") });
    if (result.status !== "stale" || !result.refresh) throw new Error("expected a refresh");
    expect(result.refresh.variations).toEqual(changed.variations);
    expect(Object.keys(result.refresh.weights).sort()).toEqual(["blue", "control", "green"]);
    expect(Object.values(result.refresh.weights).reduce((sum, weight) => sum + weight, 0)).toBe(100);
  });

  it("sends the user to the traffic step when the segment got an override", () => {
    expect(checkLaunchReadiness({ ...base, overrides: [{ flagId: "f1", segmentId: "s1" }] })).toEqual({
      status: "stale",
      step: "traffic",
      notice: defaultMessages.staleSegment("EU customers"),
    });
  });

  it("sends the user to the first step that no longer validates, with that step's issues only", () => {
    const result = checkLaunchReadiness({ ...base, values: { ...values, name: "", metrics: [] } });
    expect(result).toEqual({
      status: "invalid",
      step: "details",
      issues: [{ field: "name", message: defaultMessages.nameRequired }],
    });
  });
});
