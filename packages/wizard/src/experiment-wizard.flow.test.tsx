import type { Experiment, Flag } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { ExperimentWizard } from "./experiment-wizard";

const today = new Date(2026, 2, 1);
const flagHref = (flag: Flag) => `https://app.flagsmith.test/features/${flag.id}`;

function setup(options: Parameters<typeof createInMemoryAdapters>[0] = {}) {
  const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today, ...options });
  const onLaunched = vi.fn<(experiment: Experiment) => void>();
  const user = userEvent.setup();
  const view = render(
    <ExperimentWizard adapters={adapters} today={today} onLaunched={onLaunched} flagHref={flagHref} locale="en-US" />,
  );
  return { adapters, onLaunched, user, ...view };
}

/** Presses Tab until `element` has focus (a keyboard user's way to reach it). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement) {
  for (let i = 0; i < 40 && document.activeElement !== element; i++) await user.tab();
  expect(element).toHaveFocus();
}

describe("ExperimentWizard: the five steps", { timeout: 30_000 }, () => {
  it("lists the steps in order, marks the current one and shows it as an h2", () => {
    setup();
    const steps = within(screen.getByRole("navigation", { name: "Experiment steps" })).getAllByRole("listitem");
    expect(steps.map((item) => within(item).getByRole("button").textContent)).toEqual([
      "1Experiment Details",
      "2Flag & Variations",
      "3Select Metrics",
      "4Segments & Traffic",
      "5Review & Launch",
    ]);
    expect(steps[0]).toHaveAttribute("aria-current", "step");
    expect(steps[1]).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("heading", { level: 2, name: "Experiment Details" })).toBeInTheDocument();
  });

  it("defaults the dates to today and today + 14 days", () => {
    setup();
    expect(screen.getByLabelText("Start date")).toHaveValue("2026-03-01");
    expect(screen.getByLabelText("End date")).toHaveValue("2026-03-15");
  });

  it("runs through all five steps and launches with the keyboard only", async () => {
    const { user, onLaunched, adapters } = setup();

    await tabTo(user, screen.getByRole("textbox", { name: "Name" }));
    await user.keyboard("Pricing cards");
    await user.tab();
    expect(screen.getByRole("textbox", { name: "Hypothesis" })).toHaveFocus();
    await user.keyboard("Plan cards will increase upgrades.");
    await tabTo(user, screen.getByRole("button", { name: "Next" }));
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 2, name: "Flag & Variations" })).toHaveFocus();
    const flag = screen.getByRole("combobox", { name: "Flag" });
    await tabTo(user, flag);
    await user.keyboard("pricing");
    await screen.findByRole("option", { name: "pricing_page_layout" });
    await user.keyboard("{ArrowDown}{Enter}");
    expect(flag).toHaveValue("pricing_page_layout");
    expect(await screen.findByRole("table", { name: "Variations of “pricing_page_layout”" })).toBeInTheDocument();
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 2, name: "Select Metrics" })).toHaveFocus();
    const conversion = await screen.findByRole("checkbox", { name: "Checkout conversion" });
    await tabTo(user, conversion);
    await user.keyboard(" ");
    expect(conversion).toBeChecked();
    const roles = screen.getByRole("radiogroup", { name: "Role for Checkout conversion" });
    expect(within(roles).getByRole("radio", { name: "Primary" })).toBeChecked();
    const tickets = screen.getByRole("checkbox", { name: "Support contact rate" });
    await tabTo(user, tickets);
    await user.keyboard(" ");
    const ticketRoles = screen.getByRole("radiogroup", { name: "Role for Support contact rate" });
    expect(within(ticketRoles).getByRole("radio", { name: "Secondary" })).toBeChecked();
    await tabTo(user, within(ticketRoles).getByRole("radio", { name: "Secondary" }));
    await user.keyboard("{ArrowRight}");
    expect(within(ticketRoles).getByRole("radio", { name: "Guardrail" })).toHaveFocus();
    await user.keyboard(" ");
    expect(within(ticketRoles).getByRole("radio", { name: "Guardrail" })).toBeChecked();
    await tabTo(user, screen.getByRole("button", { name: "Next" }));
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" })).toHaveFocus();
    const segment = await screen.findByRole("combobox", { name: "Segment" });
    await tabTo(user, segment);
    await user.selectOptions(segment, "EU customers");
    const control = screen.getByRole("spinbutton", { name: "Weight for Comparison table" });
    await tabTo(user, control);
    await user.keyboard("{Control>}a{/Control}60");
    expect(control).toHaveValue(60);
    expect(screen.getByRole("spinbutton", { name: "Weight for Plan cards" })).toHaveValue(40);
    await tabTo(user, screen.getByRole("button", { name: "Next" }));
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 2, name: "Review & Launch" })).toHaveFocus();
    await tabTo(user, screen.getByRole("button", { name: "Launch Experiment" }));
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Launch this experiment?" });
    await tabTo(user, within(dialog).getByRole("button", { name: "Confirm launch" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    const experiment = onLaunched.mock.calls[0]?.[0];
    expect(experiment).toMatchObject({
      name: "Pricing cards",
      hypothesis: "Plan cards will increase upgrades.",
      flagId: "pricing-layout",
      segmentId: "eu-customers",
      weights: { control: 60, cards: 40 },
      metrics: [
        { metricId: "conversion", role: "primary" },
        { metricId: "support-tickets", role: "guardrail" },
      ],
      status: "running",
    });
    expect(adapters.controls.experiments().find((e) => e.id === experiment?.id)?.status).toBe("running");
    expect(await screen.findByText("“Pricing cards” is running.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Launch Experiment" })).not.toBeInTheDocument();
  });

  it("has no axe violations on any step", async () => {
    const { user, container } = setup();
    const check = async () => {
      const results = await axe.run(container);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    };
    await check();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await check();
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Axe");
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), "Cards increase upgrades");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("combobox", { name: "Flag" }));
    await user.click(await screen.findByRole("option", { name: "pricing_page_layout" }));
    await check();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("checkbox", { name: "Checkout conversion" }));
    await check();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Segment" }), "All users");
    await check();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Review & Launch" });
    await check();
  });
});
