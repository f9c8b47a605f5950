import type { Flag } from "@flagsmith-experimentation/adapters";
import {
  createInMemoryAdapters,
  demoMetrics,
  demoSegments,
  demoWorld,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fillDetails, pickFlag, toMetrics, toTraffic } from "../test-support/walkthrough";
import { ExperimentWizard } from "./experiment-wizard";

const today = new Date(2026, 2, 1);
const flagHref = (flag: Flag) => `https://app.flagsmith.test/features/${flag.id}`;

function setup(options: InMemoryAdaptersOptions = {}) {
  const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today, ...options });
  const user = userEvent.setup();
  const view = render(<ExperimentWizard adapters={adapters} today={today} flagHref={flagHref} locale="en-US" />);
  return { adapters, user, ...view };
}

describe("Experiment Details", { timeout: 30_000 }, () => {
  it("announces the errors and moves focus to the first invalid field", async () => {
    const { user } = setup();
    await user.clear(screen.getByLabelText("Start date"));
    await user.click(screen.getByRole("button", { name: "Next" }));

    expect(screen.getByRole("alert")).toHaveTextContent("3 problems need fixing.");
    const name = screen.getByRole("textbox", { name: "Name" });
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Enter a name for the experiment.");
    expect(screen.getByRole("textbox", { name: "Hypothesis" })).toHaveAccessibleDescription(
      expect.stringContaining("Enter a hypothesis"),
    );
    expect(screen.getByLabelText("Start date")).toHaveAccessibleDescription(
      expect.stringMatching(/^Enter a start date\. Dates are days in UTC/),
    );
    expect(screen.getByRole("heading", { level: 2, name: "Experiment Details" })).toBeInTheDocument();
  });

  it("clears an error as soon as it is fixed", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Fixed");
    expect(screen.getByRole("textbox", { name: "Name" })).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toHaveTextContent("1 problem needs fixing.");
  });

  it("requires the end date on or after the start date and notes a scheduled start", async () => {
    const { user } = setup();
    await user.type(screen.getByRole("textbox", { name: "Name" }), "N");
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), "H");
    const end = screen.getByLabelText("End date");
    await user.clear(end);
    await user.type(end, "2026-02-20");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(end).toHaveFocus();
    expect(end).toHaveAccessibleDescription(
      expect.stringMatching(/^The end date can't be before the start date\. Dates are days in UTC/),
    );

    const start = screen.getByLabelText("Start date");
    await user.clear(start);
    await user.type(start, "2026-03-10");
    await user.clear(end);
    await user.type(end, "2026-03-24");
    expect(
      screen.getByText(/will be scheduled: it starts .+ \(your time\), 00:00 UTC on the start date/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Flag & Variations" })).toBeInTheDocument();
  });

  it("lets the user go back freely but forward only through validation", async () => {
    const { user } = setup();
    const nav = screen.getByRole("navigation", { name: "Experiment steps" });
    await user.click(within(nav).getByRole("button", { name: "Review & Launch" }));
    expect(screen.getByRole("heading", { level: 2, name: "Experiment Details" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveFocus();

    await fillDetails(user);
    await user.click(within(nav).getByRole("button", { name: "Experiment Details" }));
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveValue("Checkout colour");
    expect(within(nav).getAllByRole("listitem")[0]).toHaveAttribute("aria-current", "step");
  });
});

describe("Flag & Variations", { timeout: 30_000 }, () => {
  it("searches flags and shows the chosen flag's variations", async () => {
    const { user } = setup();
    await fillDetails(user);
    const flag = screen.getByRole("combobox", { name: "Flag" });
    await user.type(flag, "search");
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.firstChild?.textContent)).toEqual(["search_ranking_model"]);
    await user.click(options[0] as HTMLElement);
    const table = screen.getByRole("table", { name: "Variations of “search_ranking_model”" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["1", "Control"],
      ["2", "Treatment"],
      ["3", "Treatment"],
      ["4", "Treatment"],
    ]);
    expect(within(table).getByRole("rowheader", { name: "Model v2" })).toBeInTheDocument();
  });

  it("lists 10,000 flags in a virtualised popup: a few dozen rows rendered, arrow keys reach any flag", async () => {
    const template = demoWorld.flags.find((f) => f.id === "checkout-cta") as Flag;
    const flags = Array.from({ length: 10_000 }, (_, i) => ({
      ...template,
      id: `flag-${i}`,
      name: `feature_${String(i).padStart(5, "0")}`,
    }));
    const { user } = setup({ flags, guard: false });
    await fillDetails(user);
    const input = screen.getByRole("combobox", { name: "Flag" });
    await waitFor(() => expect(screen.queryByText(/Loading flags/)).not.toBeInTheDocument());
    await user.click(input);
    const options = screen.getAllByRole("option");
    expect(options.length).toBeLessThan(50);
    expect(options[0]).toHaveAttribute("aria-setsize", "10000");
    expect(options[0]).toHaveAttribute("aria-posinset", "1");
    for (let i = 0; i < 30; i++) await user.keyboard("{ArrowDown}");
    const active = input.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    expect(document.getElementById(active ?? "")).toHaveTextContent("feature_00029");
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(document.getElementById(input.getAttribute("aria-activedescendant") ?? "")).toHaveTextContent(
      "feature_00027",
    );
    await user.keyboard("{Enter}");
    expect(input).toHaveValue("feature_00027");
    await user.clear(input);
    await user.type(input, "feature_09999");
    expect(screen.getByRole("option", { name: "feature_09999" })).toHaveAttribute("aria-setsize", "1");
  });

  it("offers a searchable picker instead of a select for hundreds of segments", async () => {
    const segments = Array.from({ length: 300 }, (_, i) => ({ id: `segment-${i}`, name: `Segment ${i}` }));
    const { user } = setup({ segments });
    await toTraffic(user);
    const picker = screen.getByRole("combobox", { name: "Segment" });
    expect(picker.tagName).toBe("INPUT");
    expect(picker).toHaveValue("All identities");
    await user.clear(picker);
    await user.type(picker, "Segment 29");
    await user.click(screen.getByRole("option", { name: "Segment 299" }));
    expect(picker).toHaveValue("Segment 299");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("region", { name: "Segments & Traffic" })).toHaveTextContent("Segment 299");
  });

  it("says when nothing matches", async () => {
    const { user } = setup();
    await fillDetails(user);
    await user.type(screen.getByRole("combobox", { name: "Flag" }), "zzz");
    expect(await screen.findByText("No flag matches “zzz”.")).toBeInTheDocument();
  });

  it("refuses a single-variant flag, says why and links to the flag", async () => {
    const { user } = setup();
    await fillDetails(user);
    await user.click(screen.getByRole("combobox", { name: "Flag" }));
    const option = await screen.findByRole("option", { name: "onboarding_tour" });
    expect(option).toHaveAttribute("aria-disabled", "true");
    await user.click(option);

    expect(screen.getByRole("combobox", { name: "Flag" })).toHaveValue("");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("“onboarding_tour” can't be used");
    expect(within(alert).getByRole("link", { name: "Add a variation" })).toHaveAttribute(
      "href",
      "https://app.flagsmith.test/features/onboarding-tour",
    );
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("combobox", { name: "Flag" })).toHaveFocus();
    expect(screen.getByRole("heading", { level: 2, name: "Flag & Variations" })).toBeInTheDocument();
  });

  it("links only to http(s) or relative URLs: a javascript:, data: or vbscript: flagHref shows no link", async () => {
    for (const href of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
      const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today });
      const user = userEvent.setup();
      const view = render(<ExperimentWizard adapters={adapters} today={today} flagHref={() => href} locale="en-US" />);
      await fillDetails(user);
      await pickFlag(user, "onboarding_tour");
      expect(screen.getByRole("alert")).toHaveTextContent("“onboarding_tour” can't be used");
      expect(screen.queryByRole("link", { name: "Add a variation" })).not.toBeInTheDocument();
      expect(view.container.querySelector("a[href]")).toBeNull();
      view.unmount();
    }
  });

  it("shows loading, then the adapter's error with Retry, and recovers", async () => {
    const { user, adapters } = setup({
      // Long enough that the loading state is still up after the step change, however busy the machine.
      latencyMs: { "flags.listFlags": 1_000 },
      faults: { "flags.listFlags": { type: "reject", times: 1 } },
    });
    await fillDetails(user);
    expect(screen.getByRole("status")).toHaveTextContent("Loading flags…");
    const alert = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent("Couldn't load flags: We could not reach the server.");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await user.click(screen.getByRole("combobox", { name: "Flag" }));
    // The retried call has the same latency: wait for it as long as for the first one.
    expect(await screen.findByRole("option", { name: "pricing_page_layout" }, { timeout: 5_000 })).toBeInTheDocument();
    expect(adapters.controls.calls("flags.listFlags")).toBe(2);
  });

  it("shows a malformed adapter answer as a readable error", async () => {
    const { user } = setup({ faults: { "flags.listFlags": { type: "malformed", times: 1 } } });
    await fillDetails(user);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't load flags: The server sent data in a shape we do not understand.",
    );
  });
});

describe("Empty adapter answers", { timeout: 30_000 }, () => {
  it("says when there are no flags", async () => {
    const { user } = setup({ flags: [] });
    await fillDetails(user);
    expect(await screen.findByText("This project has no flags yet.")).toBeInTheDocument();
  });

  it("says when there are no metrics", async () => {
    const { user } = setup({ metrics: [] });
    await toMetrics(user);
    expect(await screen.findByText("No metrics are defined yet.")).toBeInTheDocument();
  });

  it("says when there are no segments", async () => {
    const { user } = setup({ segments: [] });
    await toTraffic(user);
    expect(await screen.findByText("No segments are defined yet: create one in Flagsmith first.")).toBeInTheDocument();
  });
});

describe("Select Metrics", { timeout: 30_000 }, () => {
  it("gives each chosen metric a role toggle and requires a primary", async () => {
    const { user } = setup();
    await toMetrics(user);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("group", { name: "Metrics" })).toHaveAccessibleDescription(
      expect.stringContaining("Choose at least one metric."),
    );
    expect(screen.getByRole("checkbox", { name: "Checkout conversion" })).toHaveFocus();

    await user.click(screen.getByRole("checkbox", { name: "Page load time" }));
    const roles = screen.getByRole("radiogroup", { name: "Role for Page load time" });
    expect(within(roles).getAllByRole("radio")).toEqual(
      ["Primary", "Secondary", "Guardrail"].map((name) => within(roles).getByRole("radio", { name })),
    );
    await user.click(within(roles).getByRole("radio", { name: "Guardrail" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("group", { name: "Metrics" })).toHaveAccessibleDescription(
      expect.stringContaining("Give at least one metric the Primary role."),
    );
    await user.click(within(roles).getByRole("radio", { name: "Primary" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
  });

  it("says which way is better for each metric, and nothing of the kind for an informational one", async () => {
    const { user } = setup();
    await toMetrics(user);
    expect(screen.getByRole("checkbox", { name: "Checkout conversion" })).toHaveAccessibleDescription(
      "Share of exposed users who complete a purchase. · higher is better",
    );
    expect(screen.getByRole("checkbox", { name: "Page load time" })).toHaveAccessibleDescription(
      "Average load time per page view. · lower is better",
    );
    expect(screen.getByRole("checkbox", { name: "Sessions per user" })).toHaveAccessibleDescription(
      "Visits per exposed user. Shown for context; it never decides the outcome.",
    );
  });

  it("refuses a metrics list in which two metrics share an id, instead of checking both with one checkbox", async () => {
    const duplicate = { ...demoMetrics[1], id: demoMetrics[0]?.id } as (typeof demoMetrics)[number];
    const { user } = setup({ guard: false, metrics: [...demoMetrics, duplicate] });
    await toMetrics(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load metrics");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
  });

  it("warns about multiple primary metrics", async () => {
    const { user } = setup();
    await toMetrics(user);
    await user.click(screen.getByRole("checkbox", { name: "Checkout conversion" }));
    await user.click(screen.getByRole("checkbox", { name: "Revenue per user" }));
    expect(screen.queryByText(/multiple primary/i)).not.toBeInTheDocument();
    const roles = screen.getByRole("radiogroup", { name: "Role for Revenue per user" });
    await user.click(within(roles).getByRole("radio", { name: "Primary" }));
    expect(screen.getByRole("status")).toHaveTextContent(/multiple primary metrics/i);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
  });

  it("shows the metrics adapter's error with Retry", async () => {
    const { user } = setup({ faults: { "metrics.listMetrics": { type: "reject", times: 1 } } });
    await toMetrics(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load metrics");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("checkbox", { name: "Checkout conversion" })).toBeInTheDocument();
  });
});

describe("Segments & Traffic", { timeout: 30_000 }, () => {
  it("blocks a segment the flag already overrides", async () => {
    const { user } = setup();
    await toTraffic(user);
    const segment = screen.getByRole("combobox", { name: "Segment" });
    await user.selectOptions(segment, "Beta testers");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/override/);
    expect(alert).toHaveTextContent("“checkout_cta_color” already has a segment override for “Beta testers”");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(segment).toHaveFocus();
    expect(screen.getByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();

    await user.selectOptions(segment, "EU customers");
    expect(screen.queryByText(/override/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Review & Launch" })).toBeInTheDocument();
  });

  it("rebalances the weights nobody typed so the total stays 100, and splits evenly in one click", async () => {
    const { user } = setup();
    await toTraffic(user);
    const control = screen.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    const green = screen.getByRole("spinbutton", { name: "Weight for Green" });
    const orange = screen.getByRole("spinbutton", { name: "Weight for Orange" });
    const values = () => [control, green, orange].map((i) => (i as HTMLInputElement).valueAsNumber);
    expect(values()).toEqual([34, 33, 33]);

    await user.clear(control);
    await user.type(control, "50");
    expect(values()).toEqual([50, 25, 25]);
    // Control was typed: it stays; the untouched Orange takes the difference.
    await user.clear(green);
    await user.type(green, "40");
    expect(values()).toEqual([50, 40, 10]);
    expect(screen.getByText("Total: 100%")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Split evenly" }));
    expect(values()).toEqual([34, 33, 33]);
  });

  it("never rewrites a weight the user typed: 33, 33, 34 stay as typed", async () => {
    const { user } = setup();
    await toTraffic(user);
    const control = screen.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    const green = screen.getByRole("spinbutton", { name: "Weight for Green" });
    const orange = screen.getByRole("spinbutton", { name: "Weight for Orange" });
    const values = () => [control, green, orange].map((i) => (i as HTMLInputElement).value);
    await user.clear(control);
    await user.type(control, "33");
    await user.clear(green);
    await user.type(green, "33");
    expect(values()).toEqual(["33", "33", "34"]);
    await user.clear(orange);
    await user.type(orange, "34");
    expect(values()).toEqual(["33", "33", "34"]);
    await user.tab();
    expect(values()).toEqual(["33", "33", "34"]);
    expect(screen.getByText("Total: 100%")).toBeInTheDocument();
  });

  it("shows an error for 150, a negative or a decimal weight instead of rewriting it", async () => {
    const { user } = setup();
    await toTraffic(user);
    const control = screen.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    const green = screen.getByRole("spinbutton", { name: "Weight for Green" });
    const orange = screen.getByRole("spinbutton", { name: "Weight for Orange" });
    const values = () => [control, green, orange].map((i) => (i as HTMLInputElement).value);

    await user.clear(control);
    await user.type(control, "150");
    await user.tab();
    expect(values()).toEqual(["150", "33", "33"]);
    expect(control).toHaveAttribute("aria-invalid", "true");
    expect(control).toHaveAccessibleDescription("Enter a weight from 0 to 100.");
    expect(screen.queryByText("Total: 100%")).not.toBeInTheDocument();

    await user.clear(green);
    await user.type(green, "-5");
    await user.tab();
    expect(green).toHaveValue(-5);
    expect(green).toHaveAccessibleDescription("Enter a weight from 0 to 100.");

    await user.clear(orange);
    await user.type(orange, "33.5");
    await user.tab();
    expect(orange).toHaveValue(33.5);
    expect(orange).toHaveAccessibleDescription("Use a whole percentage, such as 33.");

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Traffic split" })).toHaveAccessibleDescription(
      expect.stringContaining("The weights must be whole percentages that add up to 100."),
    );
    await user.click(screen.getByRole("button", { name: "Split evenly" }));
    expect(values()).toEqual(["34", "33", "33"]);
    expect(control).not.toHaveAttribute("aria-invalid");
  });

  it("refuses a variation with no traffic", async () => {
    const { user } = setup();
    await toTraffic(user);
    await user.selectOptions(screen.getByRole("combobox", { name: "Segment" }), "All users");
    const control = screen.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    await user.clear(control);
    await user.type(control, "100");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(control).toHaveFocus();
    expect(screen.getByRole("group", { name: "Traffic split" })).toHaveAccessibleDescription(
      expect.stringContaining("“Green” gets no traffic"),
    );
  });

  it("shows the segments adapter's error with Retry, and keeps the weights", async () => {
    const { user } = setup({ faults: { "segments.listSegments": { type: "reject", times: 1 } } });
    await toTraffic(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load segments");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("combobox", { name: "Segment" })).toBeInTheDocument();
  });

  it("shows the overrides adapter's error with Retry, and blocks Next until the overrides are known", async () => {
    const { user } = setup({ faults: { "segments.listOverrides": { type: "reject", times: 1 } } });
    await toTraffic(user);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Segment" }), "EU customers");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the flag's segment overrides");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Segment" })).toHaveAccessibleDescription(
      expect.stringContaining("wait for them to load, or press Retry"),
    );
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.queryByText(/Couldn't load/)).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Review & Launch" })).toBeInTheDocument();
  });

  it("estimates power from the segment's traffic and the primary metric's baseline, and warns when too short", async () => {
    const { user } = setup({
      guard: false,
      segments: demoSegments.map((s) =>
        Object.assign({}, s, { expectedDailyTraffic: s.id === "everyone" ? 20_000 : 500 }),
      ),
      metrics: demoMetrics.map((m) => (m.id === "conversion" ? Object.assign({}, m, { baseline: 0.1 }) : m)),
    });
    await toTraffic(user, { flag: "pricing_page_layout" });
    // All identities, and the host gave no environment traffic: the sample, but no duration.
    expect(screen.getByRole("combobox", { name: "Segment" })).toHaveValue("");
    expect(screen.getByText(/each variation needs about [\d,]+ identities\. No duration estimate/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Segment" }), "All users");
    expect(screen.getByText(/detects a lift of 5% in about \d+ days/)).toBeInTheDocument();
    expect(screen.queryByText(/are needed/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Segment" }), "EU customers");
    await waitFor(() => expect(screen.getByText(/detects a lift of 5% in about \d+ days/)).toBeInTheDocument());
    expect(screen.getByRole("status")).toHaveTextContent(
      /The planned dates cover 15 days, but about \d+ days are needed/,
    );
  });

  it("plans with an editable minimum detectable effect and the rollout", async () => {
    const { user } = setup({
      guard: false,
      segments: demoSegments.map((s) => Object.assign({}, s, { expectedDailyTraffic: 20_000 })),
      metrics: demoMetrics.map((m) => (m.id === "conversion" ? Object.assign({}, m, { baseline: 0.1 }) : m)),
    });
    await toTraffic(user, { flag: "pricing_page_layout" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Segment" }), "All users");
    const daysFor = () => Number(/in about (\d+) days/.exec(document.body.textContent ?? "")?.[1]);
    const atFive = daysFor();
    expect(atFive).toBeGreaterThan(0);
    const mde = screen.getByRole("spinbutton", { name: "Minimum detectable effect" });
    expect(mde).toHaveValue(5);
    await user.clear(mde);
    await user.type(mde, "10");
    expect(screen.getByText(/detects a lift of 10% in about \d+ days/)).toBeInTheDocument();
    expect(daysFor()).toBeLessThan(atFive);
    const atTen = daysFor();
    const rollout = screen.getByRole("spinbutton", { name: "Rollout percentage" });
    await user.clear(rollout);
    await user.type(rollout, "50");
    expect(daysFor()).toBeGreaterThan(atTen);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("region", { name: "Segments & Traffic" })).toHaveTextContent(
      /Rollout50%.*Detect a lift of 10% with about [\d,]+ identities per variation/,
    );
  });

  it("offers all identities with a rollout percentage, and only this flag's feature-specific segments", async () => {
    const { user, adapters } = setup({
      segments: [
        ...demoSegments,
        { id: "checkout-only", name: "Checkout testers", flagId: "checkout-cta" },
        { id: "pricing-only", name: "Pricing testers", flagId: "pricing-layout" },
      ],
    });
    await toTraffic(user);
    const segment = screen.getByRole("combobox", { name: "Segment" });
    expect(segment).toHaveValue("");
    expect(within(segment).getByRole("option", { selected: true })).toHaveTextContent("All identities");
    expect(within(segment).getByRole("option", { name: "Checkout testers" })).toBeInTheDocument();
    expect(within(segment).queryByRole("option", { name: "Pricing testers" })).not.toBeInTheDocument();
    const rollout = screen.getByRole("spinbutton", { name: "Rollout percentage" });
    expect(rollout).toHaveValue(100);
    await user.clear(rollout);
    await user.type(rollout, "0");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(rollout).toHaveFocus();
    expect(rollout).toHaveAccessibleDescription(expect.stringContaining("Enter a whole percentage from 1 to 100."));
    await user.clear(rollout);
    await user.type(rollout, "20");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Review & Launch" });
    expect(screen.getByRole("region", { name: "Segments & Traffic" })).toHaveTextContent("All identities");
    await waitFor(
      () =>
        expect(adapters.controls.experiments().find((e) => e.name === "Checkout colour")).toMatchObject({
          flagName: "checkout_cta_color",
          segmentId: null,
          rolloutPercentage: 20,
          plan: { minimumDetectableEffect: 0.05, power: 0.8, alpha: 0.05, primaryMetricId: "conversion" },
        }),
      { timeout: 5_000 },
    );
  });
});
