import type { Experiment } from "@flagsmith-experimentation/adapters";
import { type AnalysisResult, analyzeExperiment } from "@flagsmith-experimentation/stats-core";
import { screen, within } from "@testing-library/react";
import userEventLibrary from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { userEvent as realInput } from "vitest/browser";
import type { DemoServices } from "../../stories/demo/demo-services";
import { demoWorldMetrics } from "../../stories/demo/demo-world";
import {
  chooseFlag,
  chooseMetrics,
  chooseSegment,
  type ExperimentPlan,
  expectNoAxeViolations,
  fillDetails,
  galleryPlan,
  launchedNamed,
  renderDemo,
  SLOW,
  waitForResults,
} from "./demo-harness";

/** stats-core's analysis of exactly what the generated SQL returns from DuckDB for this experiment. */
async function referenceAnalysis(services: DemoServices, experiment: Experiment): Promise<AnalysisResult> {
  const metrics = experiment.metrics.map(({ metricId }) => {
    const metric = demoWorldMetrics.find((m) => m.id === metricId);
    if (!metric) throw new Error(`unknown metric ${metricId}`);
    return metric;
  });
  const [totals, daily] = await Promise.all([
    services.sqlWarehouse.fetchMetricStats({ experiment, metrics, granularity: "total" }),
    services.sqlWarehouse.fetchMetricStats({ experiment, metrics, granularity: "day" }),
  ]);
  const roles = new Map(experiment.metrics.map((m) => [m.metricId, m.role]));
  return analyzeExperiment({
    variations: experiment.variations.map(({ key, name, isControl }) => ({ key, name, isControl })),
    weights: experiment.weights,
    metrics: metrics.map((m) => ({ ...m, role: roles.get(m.id) ?? "secondary" })),
    totals,
    daily,
  });
}

const lift = new Intl.NumberFormat(undefined, {
  style: "percent",
  signDisplay: "exceptZero",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const probability = new Intl.NumberFormat(undefined, {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Every figure the dashboard shows for the launched experiment equals the reference analysis. */
async function expectDashboardMatches(services: DemoServices, plan: ExperimentPlan) {
  const [experiment] = launchedNamed(services, plan.name);
  if (!experiment) throw new Error("the experiment was not launched");
  const analysis = await referenceAnalysis(services, experiment);
  expect(analysis.status).toBe("ok");

  const table = screen.getByRole("table", { name: /metric/i });
  let liftsChecked = 0;
  for (const metric of analysis.metrics) {
    const row = within(table).getByRole("row", { name: new RegExp(metric.name) });
    for (const variation of metric.variations) {
      if (variation.isControl || !variation.lift) continue;
      expect(within(row).getByRole("img", { name: `${lift.format(variation.lift.estimate)} lift` })).toBeVisible();
      liftsChecked += 1;
    }
  }
  expect(liftsChecked).toBeGreaterThan(0);

  const primary = analysis.metrics.find((m) => m.role === "primary");
  if (!primary) throw new Error("no primary metric");
  const treatment = primary.variations.find((v) => !v.isControl);
  if (!treatment?.lift || treatment.probabilityOfBeingBest === null) throw new Error("no lift on the primary metric");
  expect(screen.getByRole("region", { name: "Lift vs. control" })).toHaveTextContent(
    lift.format(treatment.lift.estimate),
  );
  const best = primary.variations.reduce((a, b) =>
    (b.probabilityOfBeingBest ?? 0) > (a.probabilityOfBeingBest ?? 0) ? b : a,
  );
  expect(screen.getByRole("region", { name: "Probability of being best" })).toHaveTextContent(
    probability.format(best.probabilityOfBeingBest ?? 0),
  );
  const sampleCard = screen.getByRole("region", { name: "Sample size" });
  for (const variation of primary.variations) {
    expect(variation.n).toBeGreaterThan(0);
    expect(sampleCard).toHaveTextContent(count.format(variation.n));
  }
  return { experiment, analysis };
}

describe("demo: create → launch → results", () => {
  test("by mouse, by role and name: the results equal stats-core's analysis of the SQL output", async () => {
    const user = userEventLibrary.setup();
    const { services, onPageChange } = renderDemo();
    // Every page and step on the way is checked with axe.
    await screen.findByRole("button", { name: "Open results for Checkout button colour" }, SLOW);
    await expectNoAxeViolations();
    await user.click(screen.getByRole("button", { name: "Create Experiment" }));
    await screen.findByRole("textbox", { name: "Name" }, SLOW);
    await expectNoAxeViolations();
    await fillDetails(user, galleryPlan);
    await screen.findByRole("combobox", { name: "Flag" }, SLOW);
    await expectNoAxeViolations();
    await chooseFlag(user, galleryPlan);
    await screen.findByRole("checkbox", { name: "Checkout conversion" }, SLOW);
    await expectNoAxeViolations();
    await chooseMetrics(user, galleryPlan);
    await screen.findByRole("combobox", { name: "Segment" }, SLOW);
    await expectNoAxeViolations();
    await chooseSegment(user, galleryPlan);
    await expectNoAxeViolations();
    await user.click(screen.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await screen.findByRole("dialog", {}, SLOW);
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole("button", { name: "Confirm launch" }));
    await waitForResults();
    await expectNoAxeViolations();

    const { experiment } = await expectDashboardMatches(services, galleryPlan);
    expect(experiment.status).toBe("running");
    expect(experiment.weights).toEqual({ control: 50, grid: 50 });
    expect(launchedNamed(services, galleryPlan.name)).toHaveLength(1);
    expect(onPageChange).toHaveBeenLastCalledWith({ name: "results", experimentId: experiment.id });
    // The simulated events sit in DuckDB: the figures came from there, not from memory.
    expect(await (await services.embeddedWarehouse()).countEvents()).toBeGreaterThan(1_000);

    await user.click(screen.getByRole("button", { name: "Warehouse connection" }));
    await user.click(await screen.findByRole("button", { name: "Test connection" }, SLOW));
    expect(await screen.findByText(/Read the events table “events”/, {}, SLOW)).toBeVisible();
    await expectNoAxeViolations();
  }, 120_000);

  test("by keyboard only", async () => {
    const plan: ExperimentPlan = { ...galleryPlan, name: "Photo grid by keyboard" };
    const { services } = renderDemo();

    /** Presses Tab (real key presses through Chromium) until `target` has the focus. */
    async function tabTo(target: HTMLElement, limit = 80) {
      for (let i = 0; i < limit; i += 1) {
        if (document.activeElement === target) return;
        await realInput.keyboard("{Tab}");
      }
      throw new Error(`Tab never reached ${target.outerHTML.slice(0, 120)}`);
    }

    await tabTo(await screen.findByRole("button", { name: "Create Experiment" }, SLOW));
    await realInput.keyboard("{Enter}");

    await tabTo(await screen.findByRole("textbox", { name: "Name" }, SLOW));
    await realInput.keyboard(plan.name);
    await tabTo(screen.getByRole("textbox", { name: "Hypothesis" }));
    await realInput.keyboard(plan.hypothesis);
    await tabTo(screen.getByRole("button", { name: "Next" }));
    await realInput.keyboard("{Enter}");

    const flag = await screen.findByRole("combobox", { name: "Flag" }, SLOW);
    await tabTo(flag);
    await realInput.keyboard("gallery");
    await screen.findByRole("option", { name: plan.flag }, SLOW);
    await realInput.keyboard("{ArrowDown}");
    await realInput.keyboard("{Enter}");
    expect(flag).toHaveValue(plan.flag);
    await tabTo(screen.getByRole("button", { name: "Next" }));
    await realInput.keyboard("{Enter}");

    const conversion = await screen.findByRole("checkbox", { name: "Checkout conversion" }, SLOW);
    await tabTo(conversion);
    await realInput.keyboard(" ");
    const roles = await screen.findByRole("radiogroup", { name: "Role for Checkout conversion" }, SLOW);
    const primary = within(roles).getByRole("radio", { name: "Primary" });
    for (let i = 0; i < 40 && !roles.contains(document.activeElement); i += 1) await realInput.keyboard("{Tab}");
    for (let i = 0; i < 3 && document.activeElement !== primary; i += 1) await realInput.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(primary);
    await realInput.keyboard(" ");
    expect(primary).toBeChecked();
    await tabTo(screen.getByRole("button", { name: "Next" }));
    await realInput.keyboard("{Enter}");

    const segment = await screen.findByRole("combobox", { name: "Segment" }, SLOW);
    await tabTo(segment);
    await realInput.keyboard("{ArrowDown}");
    expect(within(segment).getByRole("option", { name: plan.segment, selected: true })).toBeTruthy();
    await tabTo(screen.getByRole("button", { name: "Next" }));
    await realInput.keyboard("{Enter}");

    await tabTo(await screen.findByRole("button", { name: "Launch Experiment" }, SLOW));
    await realInput.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", {}, SLOW);
    await tabTo(within(dialog).getByRole("button", { name: "Confirm launch" }));
    await realInput.keyboard("{Enter}");

    await waitForResults();
    await expectDashboardMatches(services, { ...plan, metrics: ["Checkout conversion"] });
    expect(launchedNamed(services, plan.name)).toHaveLength(1);
  }, 120_000);

  test("acting on a winner: list → results → Ship → the concluded page with the decision → a new experiment from it", async () => {
    const user = userEventLibrary.setup();
    // The demo's full volume: the green button's lift is then clear enough to declare (at a tenth it is not).
    const { services, onPageChange } = renderDemo({ scale: 1 });
    await user.click(await screen.findByRole("button", { name: "Open results for Checkout button colour" }, SLOW));
    // The header is there at once; the recommendation once the warehouse has answered.
    expect(await screen.findByRole("heading", { name: "Results: Checkout button colour" }, SLOW)).toBeVisible();
    await waitForResults();
    await expectNoAxeViolations();

    await user.click(await screen.findByRole("button", { name: "Ship Green" }, SLOW));
    const dialog = await screen.findByRole("alertdialog", { name: "Ship Green?" }, SLOW);
    expect(dialog).toHaveAccessibleDescription(/served to this experiment's audience \(Segment “EU customers”\)/);
    expect(within(dialog).getByText("Evidence at this moment")).toBeVisible();
    await expectNoAxeViolations();
    await user.type(within(dialog).getByRole("textbox", { name: "Note (optional)" }), "Green wins; shipping it.");
    await user.click(within(dialog).getByRole("button", { name: "Confirm ship" }));

    const decision = await screen.findByRole("region", { name: "Decision" }, SLOW);
    expect(within(decision).getByText("Shipped Green")).toBeVisible();
    expect(within(decision).getByText("Green wins; shipping it.")).toBeVisible();
    expect(within(decision).getByText("Recommendation then: Declare a winner")).toBeVisible();
    expect(screen.getByText("Concluded", { selector: ".fx-status" })).toBeVisible();
    expect(screen.queryByRole("button", { name: /^Ship / })).not.toBeInTheDocument();
    await expectNoAxeViolations();
    // What the persistence stored: the winner, the note and the evidence of that moment.
    const stored = services.faults.persistence.experiments().find((e) => e.id === "exp-checkout-cta");
    expect(stored?.status).toBe("concluded");
    expect(stored?.decision).toMatchObject({
      winner: "green",
      note: "Green wins; shipping it.",
      evidence: { verdict: "declare-winner" },
    });
    expect(Object.values(stored?.decision?.evidence?.users ?? {}).every((n) => n > 1_000)).toBe(true);

    // Back on the list, the headline is the recorded decision.
    await user.click(screen.getByRole("button", { name: "Experiments" }));
    expect(await screen.findByText("Shipped Green", {}, SLOW)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Open results for Checkout button colour" }));
    await screen.findByRole("region", { name: "Decision" }, SLOW);

    await user.click(screen.getByRole("button", { name: "Start a new experiment from this one" }));
    expect(await screen.findByRole("textbox", { name: "Name" }, SLOW)).toHaveValue("Checkout button colour (copy)");
    expect(screen.getByRole("textbox", { name: "Hypothesis" })).toHaveValue(stored?.hypothesis ?? "");
    expect(onPageChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: "create", defaultValues: expect.objectContaining({ flagId: "checkout-cta" }) }),
    );
    await expectNoAxeViolations();
  }, 180_000);
});
