import type { ExperimentDraft } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { initialWizardValues, toDraftFields } from "./draft-values";
import type { WizardValues } from "./steps";
import { useDraftAutosave } from "./use-draft-autosave";

const today = new Date(2026, 2, 1);

function setup(latencyMs = 0) {
  const adapters = createInMemoryAdapters({
    ...demoWorld,
    now: () => today,
    latencyMs: { "persistence.saveDraft": latencyMs },
  });
  const sent: ExperimentDraft[] = [];
  const persistence = {
    saveDraft: (draft: ExperimentDraft) => {
      sent.push(draft);
      return adapters.persistence.saveDraft(draft);
    },
    getExperiment: adapters.persistence.getExperiment,
  };
  let values: WizardValues = initialWizardValues(today, { name: "First" });
  const hook = renderHook(() =>
    useDraftAutosave({
      persistence,
      getDraft: () => toDraftFields(values, { environmentKey: "production", plan: undefined }),
      initial: undefined,
      delayMs: 20,
    }),
  );
  return {
    adapters,
    sent,
    hook,
    setValues: (next: Partial<WizardValues>) => {
      values = { ...values, ...next };
    },
  };
}

describe("useDraftAutosave", () => {
  it("debounces: many changes, one save with the latest values", async () => {
    const { sent, hook, setValues } = setup();
    act(() => {
      for (const name of ["a", "ab", "abc"]) {
        setValues({ name });
        hook.result.current.schedule();
      }
    });
    await waitFor(() => expect(hook.result.current.state.status).toBe("saved"));
    expect(sent.map((d) => d.name)).toEqual(["abc"]);
  });

  it("never overlaps saves, and sends the id and revision of the previous one", async () => {
    const { sent, hook, setValues, adapters } = setup(100);
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = hook.result.current.flush();
    });
    await waitFor(() => expect(sent).toHaveLength(1), { interval: 5 });
    setValues({ name: "Second" });
    act(() => {
      second = hook.result.current.flush();
    });
    await act(async () => {
      await Promise.all([first, second]);
    });
    expect(sent).toHaveLength(2);
    // The wizard names the new draft itself, so every save (even one that timed out) writes the same draft.
    expect(sent[0]?.id).toMatch(/^draft-/);
    expect(sent[0]).not.toHaveProperty("revision");
    expect(sent[0]?.name).toBe("First");
    expect(sent[1]).toMatchObject({ id: sent[0]?.id, revision: 1, name: "Second" });
    expect(hook.result.current.draftId()).toBe(sent[0]?.id);
    expect(adapters.controls.experiments().filter((e) => e.name === "Second")).toHaveLength(1);
  });

  it("joins a save that has not started yet instead of queueing another", async () => {
    const { sent, hook, setValues } = setup();
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = hook.result.current.flush();
      setValues({ name: "Latest" });
      second = hook.result.current.flush();
    });
    await act(async () => {
      await Promise.all([first, second]);
    });
    expect(sent.map((d) => d.name)).toEqual(["Latest"]);
  });

  it("does not save an unchanged form twice", async () => {
    const { sent, hook } = setup();
    await act(async () => {
      await hook.result.current.flush();
      await hook.result.current.flush();
    });
    expect(sent).toHaveLength(1);
  });

  it("stops saving after stop()", async () => {
    const { sent, hook } = setup();
    act(() => {
      hook.result.current.stop();
      hook.result.current.schedule();
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toHaveLength(0);
  });
});
