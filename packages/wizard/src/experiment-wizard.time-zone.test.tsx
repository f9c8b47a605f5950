import type { Experiment } from "@flagsmith-experimentation/adapters";
import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launch, toReview } from "../test-support/walkthrough";
import { ExperimentWizard } from "./experiment-wizard";

/*
 * East of UTC the local calendar day runs ahead of the UTC one: at 20:00 UTC on Mar 1 it is already 10:00 on Mar 2
 * in Kiritimati (UTC+14). The wizard and the lifecycle must agree on one rule (dates are UTC days) and the wizard
 * must say what the start means on the user's clock. In Node the test runs in Pacific/Kiritimati; in Chromium it
 * runs in the browser's own zone, and the expectations follow that zone.
 */
const nodeProcess = (globalThis as { process?: { versions?: { node?: string }; env: Record<string, string> } }).process;
const inNode = Boolean(nodeProcess?.versions?.node);
let previousZone: string | undefined;

beforeAll(() => {
  if (!nodeProcess || !inNode) return;
  previousZone = nodeProcess.env.TZ;
  nodeProcess.env.TZ = "Pacific/Kiritimati";
});

afterAll(() => {
  if (!nodeProcess || !inNode) return;
  if (previousZone === undefined) delete nodeProcess.env.TZ;
  else nodeProcess.env.TZ = previousZone;
});

/** 20:00 UTC on Mar 1, 2026: Mar 2 already, east of UTC+4. */
const now = new Date("2026-03-01T20:00:00Z");

function setup() {
  const adapters = createInMemoryAdapters({ ...demoWorld, now: () => now });
  const onLaunched = vi.fn<(experiment: Experiment) => void>();
  const user = userEvent.setup();
  render(<ExperimentWizard adapters={adapters} today={now} onLaunched={onLaunched} locale="en-US" />);
  return { adapters, onLaunched, user };
}

describe("dates east of UTC", { timeout: 30_000 }, () => {
  it("runs in Kiritimati (UTC+14) in Node", () => {
    if (!inNode) return;
    expect(new Date("2026-03-01T20:00:00Z").getDate()).toBe(2);
  });

  it("starts today's experiment at once: Review and the launched status agree", async () => {
    const { user, onLaunched } = setup();
    expect(screen.getByLabelText("Start date")).toHaveValue("2026-03-01");
    await toReview(user, { segment: "EU customers" });
    expect(screen.getByRole("region", { name: "Experiment Details" })).toHaveTextContent(
      "Starts as soon as it is launched.",
    );
    await launch(user);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({ status: "running", startDate: "2026-03-01" });
  });

  it("says when a later start begins on the user's clock, and the launch schedules it", async () => {
    const { user, onLaunched } = setup();
    const localStart = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(
      new Date("2026-03-02T00:00:00Z"),
    );
    if (inNode) expect(localStart).toBe("Mar 2, 2026, 2:00 PM");
    const start = screen.getByLabelText("Start date");
    await user.clear(start);
    await user.type(start, "2026-03-02");
    expect(
      screen.getByText(`The experiment will be scheduled: it starts ${localStart} (your time)`, { exact: false }),
    ).toBeInTheDocument();
    await toReview(user, { segment: "EU customers" });
    expect(screen.getByRole("region", { name: "Experiment Details" })).toHaveTextContent(
      `Scheduled: starts ${localStart} (your time), 00:00 UTC on the start date.`,
    );
    await launch(user);
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1));
    expect(onLaunched.mock.calls[0]?.[0]).toMatchObject({ status: "scheduled", startDate: "2026-03-02" });
  });
});
