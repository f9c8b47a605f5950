import {
  AdapterError,
  type Experiment,
  type ExperimentDraft,
  type LaunchOptions,
  type PersistenceAdapter,
} from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld, type InMemoryAdapters } from "@flagsmith-experimentation/adapters/testing";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { openLaunchDialog, toReview, toTraffic, type User } from "../test-support/walkthrough";
import { ExperimentWizard, type ExperimentWizardProps } from "./experiment-wizard";

/*
 * Launch safety (issue 14, SPEC §11) with adversarial adapters. These tests run in jsdom and in Chromium (the browser
 * project runs the same component tests).
 */

const today = new Date(Date.UTC(2026, 2, 1, 9));

function world() {
  return createInMemoryAdapters({ ...demoWorld, now: () => today });
}

function renderWizard(adapters: ExperimentWizardProps["adapters"], props: Partial<ExperimentWizardProps> = {}) {
  const onLaunched = vi.fn<(experiment: Experiment) => void>();
  const onDraftSaved = vi.fn<(experiment: Experiment) => void>();
  const user = userEvent.setup();
  const view = render(
    <ExperimentWizard
      adapters={adapters}
      today={today}
      onLaunched={onLaunched}
      onDraftSaved={onDraftSaved}
      locale="en-US"
      {...props}
    />,
  );
  return { onLaunched, onDraftSaved, user, ...view };
}

/** To Review & Launch with "EU customers" chosen, once the draft is saved. */
async function toSavedReview(user: User) {
  await toReview(user, { segment: "EU customers" });
  // The review shows what is stored: wait for the draft to be saved.
  await screen.findByText("Draft saved", {}, { timeout: 5_000 });
}

function launched(adapters: InMemoryAdapters) {
  return adapters.controls.experiments().filter((e) => e.status !== "draft" && e.name === "Checkout colour");
}

/** A plain REST persistence: every launch call launches (no idempotency), as a naive backend would. */
function countingPersistence(base: PersistenceAdapter) {
  const calls: LaunchOptions[] = [];
  const persistence: PersistenceAdapter = {
    ...base,
    launch: async (id, opts) => {
      calls.push(opts);
      return base.launch(id, { ...opts, idempotencyKey: `${opts.idempotencyKey}-${calls.length}` });
    },
  };
  return { persistence, calls };
}

describe("launch carries the revision the user reviewed", { timeout: 60_000 }, () => {
  it("refuses a draft changed elsewhere after review, shows what changed, and launches only after a new review", async () => {
    const adapters = world();
    const { user, onLaunched, onDraftSaved } = renderWizard(adapters);
    await toSavedReview(user);
    const draftId = onDraftSaved.mock.lastCall?.[0].id as string;
    // Another tab (or a colleague) changes the stored draft.
    await adapters.persistence.saveDraft({
      id: draftId,
      name: "Changed elsewhere",
      weights: { control: 90, green: 5, orange: 5 },
    });

    const { dialog, confirm } = await openLaunchDialog(user);
    await user.click(confirm);
    const conflict = await within(dialog).findByRole("alert");
    expect(conflict).toHaveTextContent("changed somewhere else after you reviewed it");
    const changes = within(conflict).getByRole("table", { name: "What changed" });
    expect(within(changes).getByRole("row", { name: /Name/ })).toHaveTextContent("Checkout colour");
    expect(within(changes).getByRole("row", { name: /Name/ })).toHaveTextContent("Changed elsewhere");
    expect(within(changes).getByRole("row", { name: /Traffic split/ })).toHaveTextContent("90%");
    expect(onLaunched).not.toHaveBeenCalled();
    expect(adapters.controls.experiments().find((e) => e.id === draftId)?.status).toBe("draft");

    // Use the stored version: the wizard shows it for review; only a new confirmation launches it.
    await user.click(within(conflict).getByRole("button", { name: "Use the saved version" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Review & Launch" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Experiment Details" })).toHaveTextContent("Changed elsewhere");
    expect(screen.getByRole("region", { name: "Segments & Traffic" })).toHaveTextContent("Blue (control): 90%");
    const again = await openLaunchDialog(user);
    await user.click(again.confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({
      name: "Changed elsewhere",
      weights: { control: 90, green: 5, orange: 5 },
    });
  });

  it("keeps the user's version when asked: it is saved over the other one and reviewed again", async () => {
    const adapters = world();
    const { user, onLaunched, onDraftSaved } = renderWizard(adapters);
    await toSavedReview(user);
    const draftId = onDraftSaved.mock.lastCall?.[0].id as string;
    await adapters.persistence.saveDraft({ id: draftId, name: "Changed elsewhere" });
    const { dialog, confirm } = await openLaunchDialog(user);
    await user.click(confirm);
    const conflict = await within(dialog).findByRole("alert");
    await user.click(within(conflict).getByRole("button", { name: "Keep my changes" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Review & Launch" })).toBeInTheDocument();
    await waitFor(
      () => expect(adapters.controls.experiments().find((e) => e.id === draftId)?.name).toBe("Checkout colour"),
      { timeout: 5_000 },
    );
    const again = await openLaunchDialog(user);
    await user.click(again.confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({ id: draftId, name: "Checkout colour" });
  });
});

describe("one launch and one onLaunched, whatever the clicks", { timeout: 60_000 }, () => {
  it("launches once on a double click, even when the backend answers at once", async () => {
    const base = world();
    const { persistence, calls } = countingPersistence(base.persistence);
    const { user, onLaunched } = renderWizard({ ...base, persistence });
    await toSavedReview(user);
    const { confirm } = await openLaunchDialog(user);
    await user.dblClick(confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    expect(onLaunched).toHaveBeenCalledTimes(1);
    expect(launched(base)).toHaveLength(1);
  });

  it("launches once when Confirm is clicked three times in one tick", async () => {
    const base = world();
    const { persistence, calls } = countingPersistence(base.persistence);
    const { user, onLaunched } = renderWizard({ ...base, persistence });
    await toSavedReview(user);
    const { confirm } = await openLaunchDialog(user);
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    expect(onLaunched).toHaveBeenCalledTimes(1);
  });

  it("launches once when a click lands after the first launch has finished", async () => {
    const base = world();
    const { persistence, calls } = countingPersistence(base.persistence);
    const { user, onLaunched } = renderWizard({ ...base, persistence });
    await toSavedReview(user);
    const { confirm } = await openLaunchDialog(user);
    fireEvent.click(confirm);
    await waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000 });
    // The button is still in the page until React renders the launched state: a late click must do nothing.
    fireEvent.click(confirm);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    expect(onLaunched).toHaveBeenCalledTimes(1);
  });
});

describe("drafts", { timeout: 60_000 }, () => {
  it("never leaves two drafts when the first save outlives the timeout and then succeeds", async () => {
    const base = world();
    let first = true;
    const persistence: PersistenceAdapter = {
      ...base.persistence,
      saveDraft: async (draft: ExperimentDraft) => {
        if (first) {
          first = false;
          // The server stores the draft, but the answer comes too late: the wizard sees a timeout.
          void base.persistence.saveDraft(draft);
          throw new AdapterError("timeout");
        }
        return base.persistence.saveDraft(draft);
      },
    };
    const { user } = renderWizard({ ...base, persistence });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Once");
    const status = await screen.findByText(/Draft not saved/, {}, { timeout: 5_000 });
    await user.click(within(status.closest("div") as HTMLElement).getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Draft saved", {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Name" }), " more");
    await waitFor(
      () => expect(base.controls.experiments().filter((e) => e.name.startsWith("Once"))[0]?.name).toBe("Once more"),
      { timeout: 5_000 },
    );
    expect(base.controls.experiments().filter((e) => e.status === "draft" && e.name.startsWith("Once"))).toHaveLength(
      1,
    );
  });

  it("after a revision conflict, keeps the unsaved edit and saves it on the latest revision (no stale retry loop)", async () => {
    const base = world();
    const revisions: (number | undefined)[] = [];
    const persistence: PersistenceAdapter = {
      ...base.persistence,
      saveDraft: (draft) => {
        revisions.push(draft.revision);
        return base.persistence.saveDraft(draft);
      },
    };
    const { user, onDraftSaved } = renderWizard({ ...base, persistence });
    const name = screen.getByRole("textbox", { name: "Name" });
    await user.type(name, "Mine");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    const draftId = onDraftSaved.mock.lastCall?.[0].id as string;
    await base.persistence.saveDraft({ id: draftId, hypothesis: "Theirs" });
    await user.type(name, " edited");
    const conflict = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(conflict).toHaveTextContent("changed somewhere else");
    expect(within(conflict).getByRole("table", { name: "What changed" })).toHaveTextContent("Theirs");
    expect(name).toHaveValue("Mine edited");
    await user.click(within(conflict).getByRole("button", { name: "Keep my changes" }));
    await waitFor(
      () => expect(base.controls.experiments().find((e) => e.id === draftId)).toMatchObject({ name: "Mine edited" }),
      { timeout: 5_000 },
    );
    expect(name).toHaveValue("Mine edited");
    // One conflicting save, then one on the latest revision: never the stale revision again.
    const stale = revisions[1];
    expect(revisions.filter((r) => r === stale)).toHaveLength(1);
    expect(screen.queryByText(/changed somewhere else/)).not.toBeInTheDocument();
  });

  it("shows the saved version in the fields on screen when the user takes it after a save conflict", async () => {
    const adapters = world();
    const { user, onDraftSaved } = renderWizard(adapters);
    await toTraffic(user, { segment: "EU customers" });
    await screen.findByText("Draft saved", {}, { timeout: 5_000 });
    const draftId = onDraftSaved.mock.lastCall?.[0].id as string;
    await adapters.persistence.saveDraft({ id: draftId, segmentId: null, rolloutPercentage: 50 });

    const rollout = screen.getByRole("spinbutton", { name: "Rollout percentage" });
    await user.clear(rollout);
    await user.type(rollout, "80");
    const conflict = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(conflict).toHaveTextContent("changed somewhere else");
    await user.click(within(conflict).getByRole("button", { name: "Use the saved version" }));
    await waitFor(() => expect(screen.getByRole("spinbutton", { name: "Rollout percentage" })).toHaveValue(50));
    expect(
      within(screen.getByRole("combobox", { name: "Segment" })).getByRole("option", { selected: true }),
    ).toHaveTextContent("All identities");
  });

  it("never calls onDraftSaved after unmount", async () => {
    const adapters = createInMemoryAdapters({
      ...demoWorld,
      now: () => today,
      latencyMs: { "persistence.saveDraft": 300 },
    });
    const { user, onDraftSaved, unmount } = renderWizard(adapters);
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Leaving");
    await waitFor(() => expect(adapters.controls.calls("persistence.saveDraft")).toBe(1), { timeout: 5_000 });
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(adapters.controls.experiments().some((e) => e.name === "Leaving")).toBe(true);
    expect(onDraftSaved).not.toHaveBeenCalled();
  });

  it("saves nothing for a wizard nobody touched, even when its steps are visited", async () => {
    const adapters = world();
    const { user } = renderWizard(adapters, { defaultValues: { name: "Prefilled", hypothesis: "Host idea" } });
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Flag & Variations" });
    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(adapters.controls.calls("persistence.saveDraft")).toBe(0);
  });

  it("asks on Cancel whether to keep the draft, and deletes it when asked", async () => {
    const adapters = world();
    const onCancel = vi.fn();
    const { user, onDraftSaved } = renderWizard(adapters, { onCancel });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Abandoned");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    const draftId = onDraftSaved.mock.lastCall?.[0].id as string;
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    const dialog = await screen.findByRole("dialog", { name: "Keep this draft?" });
    expect(onCancel).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Delete draft" }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(adapters.controls.experiments().some((e) => e.id === draftId)).toBe(false);
  });

  it("keeps the draft on Cancel when asked", async () => {
    const adapters = world();
    const onCancel = vi.fn();
    const { user, onDraftSaved } = renderWizard(adapters, { onCancel });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Later");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    await user.type(screen.getByRole("textbox", { name: "Name" }), " today");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    const dialog = await screen.findByRole("dialog", { name: "Keep this draft?" });
    await user.click(within(dialog).getByRole("button", { name: "Keep draft" }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(adapters.controls.experiments().find((e) => e.name.startsWith("Later"))?.name).toBe("Later today");
  });

  it("cancels at once when nothing was typed", async () => {
    const onCancel = vi.fn();
    const adapters = world();
    const { user } = renderWizard(adapters, { onCancel });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(adapters.controls.calls("persistence.saveDraft")).toBe(0);
  });
});

describe("adapters", { timeout: 60_000 }, () => {
  it("uses replaced adapters: a host switching projects gets the new project's segments and flags", async () => {
    const first = world();
    const second = createInMemoryAdapters({
      ...demoWorld,
      now: () => today,
      segments: [{ id: "p2-segment", name: "Project two segment" }],
      flags: demoWorld.flags.map((flag) => ({ ...flag, name: `p2_${flag.name}` })),
    });
    const { user, rerender } = renderWizard(first);
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Switch");
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), "More.");
    rerender(<ExperimentWizard adapters={second} today={today} locale="en-US" />);
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("combobox", { name: "Flag" }));
    expect(await screen.findByRole("option", { name: "p2_checkout_cta_color" })).toBeInTheDocument();
    await user.click(screen.getByRole("option", { name: "p2_checkout_cta_color" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("checkbox", { name: "Checkout conversion" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    const segment = await screen.findByRole("combobox", { name: "Segment" });
    expect(within(segment).getByRole("option", { name: "Project two segment" })).toBeInTheDocument();
    expect(within(segment).queryByRole("option", { name: "EU customers" })).not.toBeInTheDocument();
  });
});
