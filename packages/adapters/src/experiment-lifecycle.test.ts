import { describe, expect, it } from "vitest";
import { experimentSchema, findExperimentProblems } from "./experiment";
import {
  canApplyExperimentEvent,
  createDraftExperiment,
  ExperimentLifecycleError,
  effectiveExperimentStatus,
  transitionExperiment,
} from "./experiment-lifecycle";
import { demoFlags } from "./fixtures";

const flag = demoFlags[1];
if (!flag) throw new Error("fixture missing");

function completeDraft() {
  return createDraftExperiment("exp-1", {
    name: "Pricing cards",
    hypothesis: "Cards lift revenue.",
    startDate: "2026-04-01",
    endDate: "2026-04-14",
    flagId: flag?.id,
    variations: flag?.variations,
    metrics: [{ metricId: "revenue-per-user", role: "primary" }],
    segmentId: "everyone",
    weights: { control: 50, cards: 50 },
  });
}

describe("transitionExperiment", () => {
  it("launches a complete draft as running when the start date has come", () => {
    const launched = transitionExperiment(completeDraft(), { type: "launch", at: new Date("2026-04-01T08:00:00Z") });
    expect(launched.status).toBe("running");
    expect(launched.launchedAt).toBe("2026-04-01T08:00:00.000Z");
    expect(launched.revision).toBe(2);
    expect(experimentSchema.safeParse(launched).success).toBe(true);
  });

  it("schedules a launch whose start date is in the future, and it becomes running on that date", () => {
    const launched = transitionExperiment(completeDraft(), { type: "launch", at: new Date("2026-03-20T08:00:00Z") });
    expect(launched.status).toBe("scheduled");
    expect(effectiveExperimentStatus(launched, new Date("2026-03-31T23:59:59Z"))).toBe("scheduled");
    expect(effectiveExperimentStatus(launched, new Date("2026-04-01T00:00:00Z"))).toBe("running");
    expect(transitionExperiment(launched, { type: "start" }).status).toBe("running");
  });

  it("walks draft → running → stopped → concluded, bumping the revision each time", () => {
    const running = transitionExperiment(completeDraft(), { type: "launch", at: new Date("2026-04-02T00:00:00Z") });
    const stopped = transitionExperiment(running, { type: "stop" });
    const concluded = transitionExperiment(stopped, { type: "conclude" });
    expect([running.status, stopped.status, concluded.status]).toEqual(["running", "stopped", "concluded"]);
    expect(concluded.revision).toBe(4);
  });

  it("refuses any configuration change after launch with a typed error", () => {
    const running = transitionExperiment(completeDraft(), { type: "launch", at: new Date("2026-04-02T00:00:00Z") });
    let caught: unknown;
    try {
      transitionExperiment(running, { type: "edit", changes: { weights: { control: 10, cards: 90 } } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExperimentLifecycleError);
    expect(caught).toMatchObject({ code: "configuration-locked", status: "running", event: "edit" });
    expect((caught as Error).message).toMatch(/can no longer change \(tried to change: weights\)/);
  });

  it("edits a draft and keeps what was not changed", () => {
    const edited = transitionExperiment(completeDraft(), { type: "edit", changes: { name: "Cards v2" } });
    expect(edited.name).toBe("Cards v2");
    expect(edited.hypothesis).toBe("Cards lift revenue.");
    expect(edited.revision).toBe(2);
  });

  it("will not launch an incomplete draft and says what is missing", () => {
    const draft = createDraftExperiment("exp-2", { name: "Half done" });
    expect(() => transitionExperiment(draft, { type: "launch" })).toThrow(ExperimentLifecycleError);
    try {
      transitionExperiment(draft, { type: "launch" });
    } catch (error) {
      const problems = (error as ExperimentLifecycleError).problems.map((p) => p.path[0]);
      expect(problems).toEqual(expect.arrayContaining(["hypothesis", "flagId", "metrics", "weights"]));
      // A new draft targets all identities (segmentId null), which is a complete choice.
      expect(problems).not.toContain("segmentId");
      expect((error as ExperimentLifecycleError).code).toBe("not-launchable");
    }
  });

  it("rejects transitions the status does not allow", () => {
    expect(canApplyExperimentEvent("draft", "stop")).toBe(false);
    expect(canApplyExperimentEvent("stopped", "conclude")).toBe(true);
    expect(() => transitionExperiment(completeDraft(), { type: "conclude" })).toThrow(/cannot conclude a draft/);
  });
});

describe("findExperimentProblems", () => {
  it("requires weights that cover every variation and sum to 100", () => {
    const draft = { ...completeDraft(), weights: { control: 50, cards: 49 } };
    expect(findExperimentProblems(draft).map((p) => p.message)).toEqual(["The weights must add up to 100%."]);
    const missing = { ...completeDraft(), weights: { control: 100 } };
    expect(findExperimentProblems(missing).map((p) => p.path[0])).toContain("weights");
  });

  it("accepts decimal weights that sum to 100", () => {
    const three = demoFlags[0];
    const draft = {
      ...completeDraft(),
      variations: three?.variations ?? [],
      weights: { control: 33.34, green: 33.33, orange: 33.33 },
    };
    expect(findExperimentProblems(draft)).toEqual([]);
  });

  it("rejects an end date before the start date", () => {
    const draft = { ...completeDraft(), endDate: "2026-03-01" };
    expect(findExperimentProblems(draft).map((p) => p.path[0])).toEqual(["endDate"]);
  });

  it("makes a launched experiment with an incomplete configuration invalid at the schema level", () => {
    const broken = { ...completeDraft(), status: "running", launchedAt: "2026-04-01T00:00:00.000Z", metrics: [] };
    expect(experimentSchema.safeParse(broken).success).toBe(false);
    expect(experimentSchema.safeParse({ ...completeDraft(), metrics: [] }).success).toBe(true);
  });

  it("pauses and resumes a running experiment, and records when it stopped", () => {
    const running = { ...completeDraft(), status: "running" as const, launchedAt: "2026-03-01T09:00:00.000Z" };
    const paused = transitionExperiment(running, { type: "pause" });
    expect(paused.status).toBe("paused");
    expect(transitionExperiment(paused, { type: "resume" }).status).toBe("running");
    const stopped = transitionExperiment(paused, { type: "stop", at: new Date("2026-03-09T10:00:00Z") });
    expect(stopped).toMatchObject({ status: "stopped", stoppedAt: "2026-03-09T10:00:00.000Z" });
    expect(() => transitionExperiment(stopped, { type: "pause" })).toThrow(ExperimentLifecycleError);
  });

  it("concludes with a decision: the winner, who, when, why and the evidence", () => {
    const running = { ...completeDraft(), status: "running" as const, launchedAt: "2026-03-01T09:00:00.000Z" };
    const evidence = {
      verdict: "declare-winner" as const,
      users: { control: 5000, cards: 5010 },
      metrics: [
        {
          metricId: "conversion",
          variationKey: "cards",
          lift: 0.08,
          interval: [0.02, 0.14] as [number, number],
          significant: true,
          chanceToWin: 0.99,
          pValue: null,
        },
      ],
    };
    const at = new Date("2026-03-20T08:00:00Z");
    const concluded = transitionExperiment(running, {
      type: "conclude",
      at,
      winner: "cards",
      decidedBy: "Priya",
      note: "Ship cards",
      evidence,
    });
    expect(concluded).toMatchObject({
      status: "concluded",
      stoppedAt: at.toISOString(),
      decision: { winner: "cards", decidedAt: at.toISOString(), decidedBy: "Priya", note: "Ship cards", evidence },
    });
    expect(experimentSchema.parse(concluded)).toEqual(concluded);
    expect(() => transitionExperiment(running, { type: "conclude", winner: "nope" })).toThrow(/not a variation/);
    expect(transitionExperiment(running, { type: "conclude" }).decision).toMatchObject({
      winner: null,
      evidence: null,
    });
  });
});

describe("experimentSchema", () => {
  it("fills in what older hosts leave out: flag name, environment, rollout", () => {
    const { flagName: _, environmentKey: __, rolloutPercentage: ___, ...older } = completeDraft();
    expect(experimentSchema.parse(older)).toMatchObject({ flagName: "", environmentKey: "", rolloutPercentage: 100 });
  });

  it("rejects dates that do not exist or that a warehouse cannot hold, with a readable message", () => {
    for (const date of ["2026-02-30", "9999-12-31", "0000-01-01", "1899-12-31", "2026-4-1"]) {
      const result = experimentSchema.safeParse({ ...completeDraft(), startDate: date });
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0]?.message, date).toMatch(/date/);
    }
    expect(experimentSchema.safeParse({ ...completeDraft(), startDate: "2028-02-29" }).success).toBe(true);
  });

  it("accepts a one-day experiment (end date = start date)", () => {
    const oneDay = { ...completeDraft(), endDate: "2026-04-01" };
    expect(findExperimentProblems(oneDay)).toEqual([]);
  });

  it("rejects a rollout outside 1–100 %", () => {
    expect(experimentSchema.safeParse({ ...completeDraft(), rolloutPercentage: 0 }).success).toBe(false);
    expect(experimentSchema.safeParse({ ...completeDraft(), rolloutPercentage: 100.5 }).success).toBe(false);
    expect(experimentSchema.safeParse({ ...completeDraft(), rolloutPercentage: 12.5 }).success).toBe(true);
  });
});
