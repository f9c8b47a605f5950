import type { AdapterFault, AdapterMethod } from "@flagsmith-experimentation/adapters/testing";
import { screen, waitFor, within } from "@testing-library/react";
import userEventLibrary, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import type { DemoServices } from "../../stories/demo/demo-services";
import {
  chooseFlag,
  chooseMetrics,
  chooseSegment,
  confirmLaunch,
  type ExperimentPlan,
  fillDetails,
  galleryPlan,
  launchedNamed,
  renderDemo,
  SLOW,
  waitForResults,
} from "./demo-harness";

/**
 * Fault injection through the whole flow: every adapter rejects, hangs (the 1.5 s test timeout turns it into
 * a timeout error; the warehouse's queries get 6 s) or answers with malformed data, once. The UI must show a readable error with "Retry",
 * keep what the user typed, recover on Retry, and never launch twice.
 */

type FaultType = AdapterFault["type"];
const FAULTS: FaultType[] = ["reject", "hang", "malformed"];

function once(type: FaultType): AdapterFault {
  return { type, times: 1 };
}

/** The "Retry" next to a readable error: a sentence, no stack trace, no `undefined`, no NaN. */
async function expectReadableErrorWithRetry() {
  const retry = await screen.findByRole("button", { name: "Retry" }, SLOW);
  const alert = retry.closest('[role="alert"]') ?? retry.parentElement?.querySelector('[role="alert"]');
  const text = (alert ?? retry.parentElement)?.textContent ?? "";
  expect(text).toMatch(/[A-Za-z]{4,}.*[A-Za-z]{4,}/);
  expect(text).not.toMatch(/undefined|NaN|\[object|at \S+:\d+:\d+/);
  return retry;
}

function planFor(label: string): ExperimentPlan {
  return { ...galleryPlan, name: `Gallery (${label})` };
}

/** The wizard's review step shows what was typed before the failure: nothing was lost. */
function expectDraftKept(plan: ExperimentPlan) {
  expect(screen.getByText(plan.name)).toBeVisible();
  expect(screen.getByText(plan.hypothesis)).toBeVisible();
}

async function expectLaunchedOnce(services: DemoServices, plan: ExperimentPlan) {
  await waitForResults();
  expect(launchedNamed(services, plan.name)).toHaveLength(1);
}

interface CatalogueCase {
  method: AdapterMethod;
  /** Steps to take before the failing data is needed. */
  before: (user: UserEvent, plan: ExperimentPlan) => Promise<void>;
  /** Finishes the step that needed the data, once Retry has loaded it. */
  after: (user: UserEvent, plan: ExperimentPlan) => Promise<void>;
}

const catalogueCases: CatalogueCase[] = [
  {
    method: "flags.listFlags",
    before: async () => {},
    after: async (user, plan) => {
      await chooseFlag(user, plan);
      await chooseMetrics(user, plan);
      await chooseSegment(user, plan);
    },
  },
  {
    method: "metrics.listMetrics",
    before: chooseFlag,
    after: async (user, plan) => {
      await chooseMetrics(user, plan);
      await chooseSegment(user, plan);
    },
  },
  {
    method: "segments.listSegments",
    before: async (user, plan) => {
      await chooseFlag(user, plan);
      await chooseMetrics(user, plan);
    },
    after: chooseSegment,
  },
  {
    // The overrides only matter for a segment (all identities needs none): the error shows once one is chosen.
    method: "segments.listOverrides",
    before: async (user, plan) => {
      await chooseFlag(user, plan);
      await chooseMetrics(user, plan);
      const select = await screen.findByRole("combobox", { name: "Segment" }, SLOW);
      await user.selectOptions(select, within(select).getByRole("option", { name: plan.segment }));
    },
    after: chooseSegment,
  },
];

describe("demo under adapter faults: flags, segments and metrics while the wizard loads", () => {
  for (const { method, before, after } of catalogueCases) {
    for (const type of FAULTS) {
      test(`${method} ${type}: readable error, Retry recovers, the draft is kept, one launch`, async () => {
        const user = userEventLibrary.setup();
        const plan = planFor(`${method} ${type}`);
        const { services } = renderDemo({
          page: { name: "create" },
          beforeRender: (s) => s.faults.catalogue.setFault(method, once(type)),
        });
        await fillDetails(user, plan);
        await before(user, plan);
        await user.click(await expectReadableErrorWithRetry());
        await after(user, plan);
        expectDraftKept(plan);
        await confirmLaunch(user);
        await expectLaunchedOnce(services, plan);
      }, 60_000);
    }
  }
});

async function toReview(user: UserEvent, plan: ExperimentPlan) {
  await fillDetails(user, plan);
  await chooseFlag(user, plan);
  await chooseMetrics(user, plan);
  await chooseSegment(user, plan);
}

describe("demo under adapter faults: persistence at launch", () => {
  for (const type of FAULTS) {
    test(`persistence.launch ${type}: readable error, Retry launches exactly once`, async () => {
      const user = userEventLibrary.setup();
      const plan = planFor(`launch ${type}`);
      const { services } = renderDemo({ page: { name: "create" } });
      await toReview(user, plan);
      services.faults.persistence.setFault("persistence.launch", once(type));
      await confirmLaunch(user);
      const retry = await expectReadableErrorWithRetry();
      expect(launchedNamed(services, plan.name)).toHaveLength(0);
      expectDraftKept(plan);
      await user.click(retry);
      await expectLaunchedOnce(services, plan);
      expect(services.faults.persistence.calls("persistence.launch")).toBe(2);
    }, 60_000);
  }

  test("persistence.saveDraft rejecting as the launch saves: Retry launches once", async () => {
    const user = userEventLibrary.setup();
    const plan = planFor("saveDraft reject");
    const { services } = renderDemo({ page: { name: "create" } });
    await toReview(user, plan);
    services.faults.persistence.setFault("persistence.saveDraft", { type: "reject" });
    await confirmLaunch(user);
    const dialog = await screen.findByRole("dialog", {}, SLOW);
    const alert = await within(dialog).findByRole("alert", {}, SLOW);
    expect(alert).toHaveTextContent(/could not reach the server/i);
    const retry = within(alert).getByRole("button", { name: "Retry" });
    expect(launchedNamed(services, plan.name)).toHaveLength(0);
    expect(services.faults.persistence.calls("persistence.launch")).toBe(0);
    services.faults.persistence.setFault("persistence.saveDraft", undefined);
    await user.click(retry);
    await expectLaunchedOnce(services, plan);
  }, 60_000);

  test("a double click on Confirm launch launches once", async () => {
    const user = userEventLibrary.setup();
    const plan = planFor("double submit");
    const { services } = renderDemo({ page: { name: "create" } });
    await toReview(user, plan);
    services.faults.persistence.setLatency({ "persistence.launch": 300 });
    await user.click(screen.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await screen.findByRole("dialog", {}, SLOW);
    const confirm = within(dialog).getByRole("button", { name: "Confirm launch" });
    await user.dblClick(confirm);
    await expectLaunchedOnce(services, plan);
    expect(services.faults.persistence.calls("persistence.launch")).toBe(1);
  }, 60_000);

  test("flags.getFlag hanging during the launch's freshness check: timeout, Retry launches once", async () => {
    const user = userEventLibrary.setup();
    const plan = planFor("getFlag hang");
    const { services } = renderDemo({ page: { name: "create" } });
    await toReview(user, plan);
    services.faults.catalogue.setFault("flags.getFlag", once("hang"));
    await confirmLaunch(user);
    await user.click(await expectReadableErrorWithRetry());
    await expectLaunchedOnce(services, plan);
  }, 60_000);
});

describe("demo under adapter faults: the warehouse and the results", () => {
  for (const type of FAULTS) {
    test(`warehouse query ${type} after launch: the results page says so, Retry shows the results`, async () => {
      const user = userEventLibrary.setup();
      const plan = planFor(`warehouse ${type}`);
      const { services } = renderDemo({ page: { name: "create" } });
      await toReview(user, plan);
      services.faults.setWarehouseFault(once(type));
      await confirmLaunch(user);
      // The experiment is known: its header stays, and the statistics' failure is said below it.
      expect(await screen.findByText("Results could not be loaded", {}, SLOW)).toBeVisible();
      expect(screen.getByRole("heading", { name: `Results: ${plan.name}` })).toBeVisible();
      await user.click(await expectReadableErrorWithRetry());
      await expectLaunchedOnce(services, plan);
    }, 60_000);
  }

  test("persistence.getExperiment rejecting when an experiment opens: Retry opens it", async () => {
    const user = userEventLibrary.setup();
    const { services } = renderDemo({
      page: { name: "results", experimentId: "exp-pricing-cards" },
      beforeRender: (s) => s.faults.persistence.setFault("persistence.getExperiment", once("reject")),
    });
    await user.click(await expectReadableErrorWithRetry());
    await waitForResults();
    expect(services.faults.persistence.calls("persistence.getExperiment")).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test("persistence.listExperiments returning malformed data: the Experiments page says so, Retry lists them", async () => {
    const user = userEventLibrary.setup();
    renderDemo({
      beforeRender: (s) => s.faults.persistence.setFault("persistence.listExperiments", once("malformed")),
    });
    await user.click(await expectReadableErrorWithRetry());
    await waitFor(
      () => expect(screen.getByRole("button", { name: "Open results for Checkout button colour" })).toBeVisible(),
      SLOW,
    );
  }, 60_000);
});
