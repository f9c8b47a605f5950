import { AdapterError, type Experiment, type Flag } from "@flagsmith-experimentation/adapters";
import {
  createInMemoryAdapters,
  demoWorld,
  type InMemoryAdapters,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { openLaunchDialog, toReview } from "../test-support/walkthrough";
import { ExperimentWizard, type ExperimentWizardProps } from "./experiment-wizard";

const today = new Date(2026, 2, 1);

function setup(options: InMemoryAdaptersOptions = {}, props: Partial<ExperimentWizardProps> = {}) {
  const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today, ...options });
  const onLaunched = vi.fn<(experiment: Experiment) => void>();
  const user = userEvent.setup();
  const view = render(
    <ExperimentWizard adapters={adapters} today={today} onLaunched={onLaunched} locale="en-US" {...props} />,
  );
  return { adapters, onLaunched, user, ...view };
}

function launchedExperiments(adapters: InMemoryAdapters) {
  return adapters.controls.experiments().filter((e) => e.name === "Checkout colour" && e.status !== "draft");
}

describe("Review & Launch", { timeout: 30_000 }, () => {
  it("summarises every section, and Edit jumps back then returns to review", async () => {
    const { user } = setup();
    await toReview(user, { segment: "EU customers" });
    for (const step of ["Experiment Details", "Flag & Variations", "Select Metrics", "Segments & Traffic"]) {
      expect(screen.getByRole("button", { name: `Edit ${step}` })).toBeInTheDocument();
    }
    const summary = screen.getByRole("region", { name: "Select Metrics" });
    expect(summary).toHaveTextContent("Checkout conversion: Primary");
    expect(screen.getByRole("region", { name: "Segments & Traffic" })).toHaveTextContent("EU customers");
    expect(screen.getByRole("region", { name: "Experiment Details" })).toHaveTextContent(
      "Mar 1, 2026 – Mar 15, 2026 (15 days)",
    );

    await user.click(screen.getByRole("button", { name: "Edit Select Metrics" }));
    expect(screen.getByRole("heading", { level: 2, name: "Select Metrics" })).toHaveFocus();
    const roles = screen.getByRole("radiogroup", { name: "Role for Checkout conversion" });
    expect(within(roles).getByRole("radio", { name: "Primary" })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "Support contact rate" }));
    await user.click(
      within(screen.getByRole("radiogroup", { name: "Role for Support contact rate" })).getByRole("radio", {
        name: "Guardrail",
      }),
    );
    await user.click(screen.getByRole("button", { name: "Back to review" }));
    expect(screen.getByRole("heading", { level: 2, name: "Review & Launch" })).toHaveFocus();
    expect(screen.getByRole("region", { name: "Select Metrics" })).toHaveTextContent("Support contact rate: Guardrail");
  });

  it("checks the hypothesis's direction with the host's translated direction words", async () => {
    const { user } = setup({}, { messages: { directionWords: ["steigern", "senken"] } });
    await toReview(user, { segment: "EU customers", hypothesis: "Grün wird die Conversion steigern." });
    const warnings = screen.getByRole("region", { name: "Before you launch" });
    expect(warnings).not.toHaveTextContent("doesn't say which way");
    expect(warnings).toHaveTextContent("No guardrail metric");
  });

  it("warns before launch: no direction, no guardrail, very uneven weights", async () => {
    const { user } = setup();
    await toReview(user, { segment: "EU customers", hypothesis: "The button colour matters." });
    const warnings = screen.getByRole("region", { name: "Before you launch" });
    expect(
      within(warnings)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "The hypothesis doesn't say which way you expect the metric to move (e.g. “increase” or “reduce”).",
      "No guardrail metric: nothing will warn you if the change hurts something else.",
      // The fixture world's segments and metrics carry planning figures: two weeks are too short for them.
      expect.stringMatching(/^The planned 15 days are shorter than the \d+ days the power estimate needs\.$/),
    ]);
    await user.click(screen.getByRole("button", { name: "Edit Segments & Traffic" }));
    const control = screen.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    await user.clear(control);
    await user.type(control, "90");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("region", { name: "Before you launch" })).toHaveTextContent(
      "The traffic split is very uneven",
    );
    expect(screen.getByRole("button", { name: "Launch Experiment" })).toBeEnabled();
  });

  it("launches through a confirmation dialog, then is read-only and calls onLaunched", async () => {
    const { user, adapters, onLaunched } = setup();
    await toReview(user, { segment: "EU customers" });
    const { dialog, confirm } = await openLaunchDialog(user);
    expect(dialog).toHaveAccessibleName("Launch this experiment?");
    await user.click(confirm);

    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({ name: "Checkout colour", status: "running" });
    expect(launchedExperiments(adapters)).toHaveLength(1);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("“Checkout colour” is running.");
    expect(screen.getByText("This experiment has been launched: its configuration is read-only.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Launch Experiment" })).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    for (const step of within(screen.getByRole("navigation")).getAllByRole("button")) expect(step).toBeDisabled();
  });

  it("launches once on a double click", async () => {
    const { user, adapters, onLaunched } = setup({ latencyMs: { "persistence.launch": 50 } });
    await toReview(user, { segment: "EU customers" });
    const { confirm } = await openLaunchDialog(user);
    await user.dblClick(confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(adapters.controls.calls("persistence.launch")).toBe(1);
    expect(launchedExperiments(adapters)).toHaveLength(1);
  });

  it("retries a failed launch with the same idempotency key: the experiment launches once", async () => {
    const keys: string[] = [];
    const base = createInMemoryAdapters({ ...demoWorld, now: () => today });
    let loseResponse = true;
    // The server launches, but the answer is lost on the way back (the worst case for a retry).
    const persistence = {
      ...base.persistence,
      launch: async (id: string, opts: { idempotencyKey: string; expectedRevision: number }) => {
        keys.push(opts.idempotencyKey);
        const experiment = await base.persistence.launch(id, opts);
        if (loseResponse) {
          loseResponse = false;
          throw new AdapterError("timeout");
        }
        return experiment;
      },
    };
    const onLaunched = vi.fn();
    const user = userEvent.setup();
    render(
      <ExperimentWizard adapters={{ ...base, persistence }} today={today} onLaunched={onLaunched} locale="en-US" />,
    );
    await toReview(user, { segment: "EU customers" });
    const { dialog, confirm } = await openLaunchDialog(user);
    await user.click(confirm);
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("The experiment was not launched: The server took too long to answer.");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(launchedExperiments(base)).toHaveLength(1);
  });

  it("refuses to launch when the flag changed since it was picked, and reopens the flag step", async () => {
    const base = createInMemoryAdapters({ ...demoWorld, now: () => today });
    let removeOrange = false;
    const flags = {
      listFlags: base.flags.listFlags,
      getFlag: async (id: string): Promise<Flag> => {
        const flag = await base.flags.getFlag(id);
        return removeOrange ? { ...flag, variations: flag.variations.filter((v) => v.key !== "orange") } : flag;
      },
    };
    const onLaunched = vi.fn();
    const user = userEvent.setup();
    render(<ExperimentWizard adapters={{ ...base, flags }} today={today} onLaunched={onLaunched} locale="en-US" />);
    await toReview(user, { segment: "EU customers" });
    removeOrange = true;
    const { confirm } = await openLaunchDialog(user);
    await user.click(confirm);

    expect(await screen.findByRole("heading", { level: 2, name: "Flag & Variations" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("“checkout_cta_color” changed since you picked it");
    expect(screen.queryByRole("rowheader", { name: "Orange" })).not.toBeInTheDocument();
    expect(onLaunched).not.toHaveBeenCalled();
    expect(base.controls.calls("persistence.launch")).toBe(0);

    await user.click(screen.getByRole("button", { name: "Back to review" }));
    expect(screen.getByRole("region", { name: "Segments & Traffic" })).toHaveTextContent("Blue (control): 51%");
  });

  it("refuses to launch when the segment got an override since it was picked", async () => {
    const base = createInMemoryAdapters({ ...demoWorld, now: () => today });
    let overridden = false;
    const segments = {
      listSegments: base.segments.listSegments,
      listOverrides: async (flagId: string) => [
        ...(await base.segments.listOverrides(flagId)),
        ...(overridden ? [{ flagId, segmentId: "eu-customers" }] : []),
      ],
    };
    const user = userEvent.setup();
    render(<ExperimentWizard adapters={{ ...base, segments }} today={today} locale="en-US" />);
    await toReview(user, { segment: "EU customers" });
    overridden = true;
    const { confirm } = await openLaunchDialog(user);
    await user.click(confirm);

    expect(await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
    expect(
      await screen.findByText("“checkout_cta_color” already has a segment override for “EU customers”", {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(base.controls.calls("persistence.launch")).toBe(0);
  });

  it("schedules an experiment whose start date is in the future", async () => {
    const { user, onLaunched } = setup();
    const start = screen.getByLabelText("Start date");
    await user.clear(start);
    await user.type(start, "2026-04-01");
    const end = screen.getByLabelText("End date");
    await user.clear(end);
    await user.type(end, "2026-04-20");
    await toReview(user, { segment: "EU customers" });
    const { dialog, confirm } = await openLaunchDialog(user);
    expect(dialog).toHaveTextContent(/It is scheduled to start .+ \(your time\)\./);
    await user.click(confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({ status: "scheduled", startDate: "2026-04-01" });
    expect(screen.getByRole("status")).toHaveTextContent("“Checkout colour” is scheduled to start on Apr 1, 2026.");
  });
});

describe("Drafts", { timeout: 30_000 }, () => {
  it("saves the draft through persistence.saveDraft, debounced", async () => {
    const onDraftSaved = vi.fn();
    const { user, adapters } = setup({}, { onDraftSaved });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Typed fast");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(adapters.controls.calls("persistence.saveDraft")).toBe(1);
    const saved = onDraftSaved.mock.calls[0]?.[0] as Experiment;
    expect(adapters.controls.experiments().find((e) => e.id === saved.id)).toMatchObject({
      name: "Typed fast",
      status: "draft",
      startDate: "2026-03-01",
    });
    expect(screen.getByText("Draft saved")).toBeInTheDocument();
  });

  it("keeps what was typed when saving fails, and saves again on Retry", async () => {
    const { user, adapters } = setup({ faults: { "persistence.saveDraft": { type: "reject", times: 1 } } });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Kept");
    expect(
      await screen.findByText(/Draft not saved: We could not reach the server/, {}, { timeout: 3000 }),
    ).toBeVisible();
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveValue("Kept");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Draft saved")).toBeInTheDocument();
    expect(adapters.controls.experiments().some((e) => e.name === "Kept")).toBe(true);
  });

  it("reopens a saved draft by draftId, and keeps updating the same draft", async () => {
    const { user, adapters } = setup({}, { draftId: "exp-draft-onboarding" });
    const name = await screen.findByRole("textbox", { name: "Name" });
    expect(name).toHaveValue("Shorter sign-up form");
    expect(screen.getByLabelText("Start date")).toHaveValue("2026-07-01");
    expect(screen.getByLabelText("End date")).toHaveValue("2026-07-15");
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), "Fewer fields, more sign-ups.");
    await waitFor(
      () =>
        expect(adapters.controls.experiments().find((e) => e.id === "exp-draft-onboarding")?.hypothesis).toBe(
          "Fewer fields, more sign-ups.",
        ),
      { timeout: 3000 },
    );
  });

  it("shows a launched experiment read-only", async () => {
    setup({}, { draftId: "exp-checkout-cta" });
    expect(await screen.findByText("“Checkout button colour” is running.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Launch Experiment" })).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("shows a failed draft load with Retry", async () => {
    const { user } = setup(
      { faults: { "persistence.getExperiment": { type: "reject", times: 1 } } },
      { draftId: "exp-draft-onboarding" },
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the saved draft");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("textbox", { name: "Name" })).toHaveValue("Shorter sign-up form");
  });

  it("prefills from defaultValues", () => {
    setup({}, { defaultValues: { name: "From the host", hypothesis: "Host idea" } });
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveValue("From the host");
    expect(screen.getByRole("textbox", { name: "Hypothesis" })).toHaveValue("Host idea");
  });
});

describe("Text, locale and safety", { timeout: 30_000 }, () => {
  it("renders hostile names as inert text", async () => {
    const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const adapters = createInMemoryAdapters({
      ...demoWorld,
      now: () => today,
      flags: [
        {
          id: "xss",
          name: `flag${xss}`,
          type: "multivariate",
          enabled: true,
          controlValue: "a",
          variations: [
            { key: "control", name: `control${xss}`, value: xss, isControl: true },
            { key: "b", name: `variation${xss}`, value: "b", isControl: false },
          ],
        },
      ],
      segments: [{ id: "s", name: `segment${xss}` }],
      metrics: [{ id: "m", name: `metric${xss}`, kind: "occurrence", eventName: "e", direction: "increase" }],
      overrides: [],
    });
    const user = userEvent.setup();
    const { container } = render(<ExperimentWizard adapters={adapters} today={today} locale="en-US" />);
    await user.type(screen.getByRole("textbox", { name: "Name" }), "XSS");
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), `increase ${xss}`);
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("combobox", { name: "Flag" }));
    await user.click(await screen.findByRole("option", { name: `flag${xss}` }));
    expect(screen.getByRole("rowheader", { name: `variation${xss}` })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("checkbox", { name: `metric${xss}` }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    const segment = await screen.findByRole("combobox", { name: "Segment" });
    expect(within(segment).getByRole("option", { name: `segment${xss}` })).toBeInTheDocument();
    await user.selectOptions(segment, "s");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Review & Launch" });
    expect(screen.getByRole("region", { name: "Segments & Traffic" })).toHaveTextContent(`segment${xss}`);
    expect(screen.getByRole("region", { name: "Experiment Details" })).toHaveTextContent(`increase ${xss}`);
    expect(screen.getByRole("region", { name: "Select Metrics" })).toHaveTextContent(`metric${xss}: Primary`);
    expect(screen.getByRole("region", { name: "Flag & Variations" })).toHaveTextContent(`variation${xss}: Treatment`);
    expect(container.querySelector("img, script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("uses the messages and locale props", async () => {
    const user = userEvent.setup();
    const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today });
    render(
      <ExperimentWizard
        adapters={adapters}
        today={today}
        locale="de-DE"
        messages={{ stepDetails: "Details", next: "Weiter", nameRequired: "Name fehlt." }}
      />,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Details" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Weiter" }));
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription("Name fehlt.");
    expect(screen.getByText("Planned duration: 15 Tage.")).toBeInTheDocument();
  });
});
