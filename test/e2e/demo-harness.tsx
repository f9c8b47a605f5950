import "@flagsmith-experimentation/wizard/styles.css";
import "@flagsmith-experimentation/results-dashboard/styles.css";
import { type RenderResult, render, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import axe from "axe-core";
import { expect, type Mock, vi } from "vitest";
import { DemoApp, type DemoPage } from "../../stories/demo/DemoApp";
import { MemoryStorage } from "../../stories/demo/memory-storage";

export { MemoryStorage };

import { createDemoServices, type DemoServices, type DemoServicesOptions } from "../../stories/demo/demo-services";

/**
 * Renders the real demo (DuckDB-wasm, generated SQL, stats-core, wizard, results) for end-to-end tests in
 * Chromium. Only the volume is smaller (scale) and the adapter timeout shorter, so hangs surface quickly.
 */

/** Generous: DuckDB-wasm starts in about a second, but two cores are shared with other work. */
export const SLOW = { timeout: 30_000 };

export interface RenderDemoOptions extends DemoServicesOptions {
  page?: DemoPage;
  /** Runs before the first render (e.g. to inject a fault into the calls made on mount). */
  beforeRender?: (services: DemoServices) => void;
}

export interface RenderedDemo {
  services: DemoServices;
  storage: Storage;
  view: RenderResult;
  onPageChange: Mock<(page: DemoPage) => void>;
}

export function renderDemo({
  page = { name: "experiments" },
  beforeRender,
  ...options
}: RenderDemoOptions = {}): RenderedDemo {
  const storage = options.storage ?? new MemoryStorage();
  const services = createDemoServices({ scale: 0.1, timeoutMs: 1_500, warehouseTimeoutMs: 6_000, ...options, storage });
  beforeRender?.(services);
  const onPageChange = vi.fn<(page: DemoPage) => void>();
  const view = render(
    <DemoApp services={services} initialPage={page} listHeadlines={false} onPageChange={onPageChange} />,
  );
  return { services, storage, view, onPageChange };
}

export interface ExperimentPlan {
  name: string;
  hypothesis: string;
  /** Visible flag name to pick in the "Flag" combobox. */
  flag: string;
  /** Metric names, the first one primary. */
  metrics: string[];
  segment: string;
}

export const galleryPlan: ExperimentPlan = {
  name: "Photo grid on product pages (e2e)",
  hypothesis: "A photo grid increases checkout conversion because shoppers see every photo at once.",
  flag: "product_page_gallery",
  metrics: ["Checkout conversion", "Page load time"],
  segment: "All users",
};

export async function fillDetails(user: UserEvent, plan: ExperimentPlan) {
  await user.type(await screen.findByRole("textbox", { name: "Name" }, SLOW), plan.name);
  await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), plan.hypothesis);
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Flag & Variations" }, SLOW);
}

export async function chooseFlag(user: UserEvent, plan: ExperimentPlan) {
  await user.click(await screen.findByRole("combobox", { name: "Flag" }, SLOW));
  await user.click(await screen.findByRole("option", { name: plan.flag }, SLOW));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Select Metrics" }, SLOW);
}

export async function chooseMetrics(user: UserEvent, plan: ExperimentPlan) {
  const [primary, ...others] = plan.metrics;
  if (!primary) throw new Error("A plan needs a primary metric.");
  await user.click(await screen.findByRole("checkbox", { name: primary }, SLOW));
  await user.click(
    within(screen.getByRole("radiogroup", { name: `Role for ${primary}` })).getByRole("radio", { name: "Primary" }),
  );
  for (const name of others) {
    await user.click(screen.getByRole("checkbox", { name }));
    await user.click(
      within(screen.getByRole("radiogroup", { name: `Role for ${name}` })).getByRole("radio", { name: "Guardrail" }),
    );
  }
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Segments & Traffic" }, SLOW);
}

export async function chooseSegment(user: UserEvent, plan: ExperimentPlan) {
  const select = await screen.findByRole("combobox", { name: "Segment" }, SLOW);
  await user.selectOptions(select, within(select).getByRole("option", { name: plan.segment }));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: "Review & Launch" }, SLOW);
}

export async function confirmLaunch(user: UserEvent) {
  await user.click(screen.getByRole("button", { name: "Launch Experiment" }));
  const dialog = await screen.findByRole("dialog", {}, SLOW);
  await user.click(within(dialog).getByRole("button", { name: "Confirm launch" }));
}

/** The whole wizard by mouse, by role and name only. */
export async function createAndLaunch(user: UserEvent, plan: ExperimentPlan) {
  await user.click(await screen.findByRole("button", { name: "Create Experiment" }, SLOW));
  await fillDetails(user, plan);
  await chooseFlag(user, plan);
  await chooseMetrics(user, plan);
  await chooseSegment(user, plan);
  await confirmLaunch(user);
}

/**
 * Waits for the results dashboard of the experiment just opened, fully loaded: its recommendation (the totals), then
 * its trend (the daily rows, which load after the rest of the page and add the days-left estimate).
 */
export async function waitForResults() {
  const recommendation = await screen.findByRole("region", { name: "Recommendation" }, SLOW);
  expect(recommendation).toBeVisible();
  await waitFor(
    () => expect(screen.getByRole("region", { name: "Trend" })).not.toHaveAttribute("aria-busy", "true"),
    SLOW,
  );
  return screen.getByRole("region", { name: "Recommendation" });
}

/** Launched (non-draft) experiments with this name in storage. */
export function launchedNamed(services: DemoServices, name: string) {
  return services.faults.persistence.experiments().filter((e) => e.name === name && e.status !== "draft");
}

/** axe (WCAG 2 A/AA rules) on what is on screen now: no violations. */
export async function expectNoAxeViolations(context: Element = document.body) {
  const result = await axe.run(context, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  });
  const violations = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(violations).toEqual([]);
}
