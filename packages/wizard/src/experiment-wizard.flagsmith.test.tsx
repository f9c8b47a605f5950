import { AdapterError, createFlagsmithAdapters, type Experiment, type Flag } from "@flagsmith-experimentation/adapters";
import {
  createFlagsmithReplay,
  REPLAY_API_KEY,
  REPLAY_PRODUCTION_KEY,
  REPLAY_WORLD,
} from "@flagsmith-experimentation/adapters/flagsmith-replay";
import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fillDetails, launch, pickFlag, toReview } from "../test-support/walkthrough";
import { ExperimentWizard, type ExperimentWizardProps } from "./experiment-wizard";

/*
 * The wizard side of issue 11: an environment-scoped flow, flags that cannot get an experiment shown with the reason,
 * and each kind of Flagsmith error shown well.
 */

const today = new Date(Date.UTC(2026, 2, 1, 9));
const flagHref = (flag: Flag) => `/project/1/features?feature=${flag.id}`;

const checkout = demoWorld.flags.find((f) => f.id === "checkout-cta") as Flag;
const held: Flag = { ...checkout, id: "held", name: "held_flag", activeExperimentId: "exp-pricing-cards" };
const unkeyed: Flag = {
  ...checkout,
  id: "unkeyed",
  name: "unkeyed_flag",
  unkeyedOptions: [
    { name: "purple", value: "purple" },
    { name: "teal", value: "teal" },
  ],
};
const disabled: Flag = { ...checkout, id: "disabled", name: "disabled_flag", enabled: false };

function setup(props: Partial<ExperimentWizardProps> = {}) {
  const adapters = createInMemoryAdapters({
    ...demoWorld,
    flags: [...demoWorld.flags, held, unkeyed, disabled],
    now: () => today,
  });
  const onLaunched = vi.fn<(experiment: Experiment) => void>();
  const user = userEvent.setup();
  render(
    <ExperimentWizard
      adapters={adapters}
      today={today}
      onLaunched={onLaunched}
      flagHref={flagHref}
      locale="en-US"
      {...props}
    />,
  );
  return { adapters, onLaunched, user };
}

describe("flags that cannot get an experiment", { timeout: 60_000 }, () => {
  it("names the experiment that already holds a flag, and does not select it", async () => {
    const { user } = setup();
    await fillDetails(user);
    await user.click(screen.getByRole("combobox", { name: "Flag" }));
    const option = await screen.findByRole("option", { name: "held_flag" });
    expect(option).toHaveAttribute("aria-disabled", "true");
    expect(option).toHaveAccessibleDescription("already in an experiment");
    await user.click(option);
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert).toHaveTextContent("the experiment “Pricing cards” already holds it"));
    expect(screen.getByRole("combobox", { name: "Flag" })).toHaveValue("");
  });

  it("lists the options without a key and links to fix them", async () => {
    const { user } = setup();
    await fillDetails(user);
    await pickFlag(user, "unkeyed_flag");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("the options “purple”, “teal” have no key");
    expect(within(alert).getByRole("link", { name: "Give the options keys" })).toHaveAttribute(
      "href",
      "/project/1/features?feature=unkeyed",
    );
  });

  it("warns that a flag which is off in the environment would collect no data", async () => {
    const { user } = setup();
    await fillDetails(user);
    await pickFlag(user, "disabled_flag");
    expect(screen.getByRole("status")).toHaveTextContent("“disabled_flag” is off in this environment");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("checkbox", { name: "Checkout conversion" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" });
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("region", { name: "Before you launch" })).toHaveTextContent(
      "“disabled_flag” is off in this environment",
    );
  });
});

describe("the environment", { timeout: 60_000 }, () => {
  it("stores the environment key from the adapters, and shows the environment's name from the prop", async () => {
    const base = createInMemoryAdapters({ ...demoWorld, now: () => today });
    const onDraftSaved = vi.fn<(experiment: Experiment) => void>();
    const user = userEvent.setup();
    render(
      <ExperimentWizard
        adapters={{ ...base, environment: { key: "ZtTE6nWHNqt8tYUDLbdRLW" } }}
        environment={{ key: "ZtTE6nWHNqt8tYUDLbdRLW", name: "Production" }}
        onDraftSaved={onDraftSaved}
        today={today}
        locale="en-US"
      />,
    );
    expect(screen.getByText("Environment: Production", { exact: false })).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Scoped");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    expect(onDraftSaved.mock.lastCall?.[0]).toMatchObject({ environmentKey: "ZtTE6nWHNqt8tYUDLbdRLW" });
  });

  it("takes the environment from the Flagsmith adapters: their flags, their key on the draft", async () => {
    const replay = createFlagsmithReplay(REPLAY_WORLD);
    const adapters = createFlagsmithAdapters({
      baseUrl: "https://flagsmith.test/api/v1/",
      apiKey: REPLAY_API_KEY,
      environmentKey: REPLAY_PRODUCTION_KEY,
      fetch: replay.fetch,
    });
    expect(adapters.environment).toEqual({ key: REPLAY_PRODUCTION_KEY });
    const onDraftSaved = vi.fn<(experiment: Experiment) => void>();
    const user = userEvent.setup();
    render(<ExperimentWizard adapters={adapters} onDraftSaved={onDraftSaved} today={today} locale="en-US" />);
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Scoped to production");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    expect(onDraftSaved.mock.lastCall?.[0]).toMatchObject({ environmentKey: REPLAY_PRODUCTION_KEY, segmentId: null });
    await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), "More.");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(await screen.findByRole("combobox", { name: "Flag" }));
    expect((await screen.findAllByRole("option")).length).toBeGreaterThan(0);
  });

  it("uses the adapters' environment when the host passes none", async () => {
    const base = createInMemoryAdapters({ ...demoWorld, now: () => today });
    const onDraftSaved = vi.fn<(experiment: Experiment) => void>();
    const user = userEvent.setup();
    render(
      <ExperimentWizard
        adapters={{ ...base, environment: { key: "staging-key" } }}
        onDraftSaved={onDraftSaved}
        today={today}
        locale="en-US"
      />,
    );
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Scoped");
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    expect(onDraftSaved.mock.lastCall?.[0]).toMatchObject({ environmentKey: "staging-key" });
  });
});

describe("Flagsmith's errors at launch", { timeout: 60_000 }, () => {
  it("counts down a rate limit and retries by itself, launching once", async () => {
    const { adapters, user, onLaunched } = setup();
    await toReview(user);
    adapters.controls.setFault("persistence.launch", {
      type: "reject",
      times: 1,
      error: new AdapterError("rate-limited", undefined, { retryAfterSeconds: 1, status: 429 }),
    });
    const dialog = await launch(user);
    const alert = await within(dialog).findByRole("alert", {}, { timeout: 5_000 });
    expect(within(alert).getByRole("status")).toHaveTextContent("Rate limited: retrying in 1 second.");
    await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 6_000 });
    expect(adapters.controls.calls("persistence.launch")).toBe(2);
  });

  it("still retries when a tick lands a millisecond before the retry time", async () => {
    const { adapters, user, onLaunched } = setup();
    await toReview(user);
    adapters.controls.setFault("persistence.launch", {
      type: "reject",
      times: 1,
      error: new AdapterError("rate-limited", undefined, { retryAfterSeconds: 1, status: 429 }),
    });
    // The wall clock is ours from here: the retry is due at start + 1,000 ms, and the first tick reads start + 999.
    const start = Date.now();
    let clock = start;
    const spy = vi.spyOn(Date, "now").mockImplementation(() => clock);
    try {
      const dialog = await launch(user);
      const alert = await within(dialog).findByRole("alert", {}, { timeout: 5_000 });
      expect(within(alert).getByRole("status")).toHaveTextContent("Rate limited: retrying in 1 second.");
      clock = start + 999;
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect(onLaunched).not.toHaveBeenCalled();
      clock = start + 1_000;
      await waitFor(() => expect(onLaunched).toHaveBeenCalledTimes(1), { timeout: 5_000 });
      expect(adapters.controls.calls("persistence.launch")).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("names the experiment that holds the flag on a 409", async () => {
    const { adapters, user, onLaunched } = setup();
    await toReview(user);
    adapters.controls.setFault("persistence.launch", {
      type: "reject",
      times: 1,
      error: new AdapterError("conflict", undefined, {
        status: 409,
        conflict: { experimentId: "17", experimentName: "Pricing test" },
      }),
    });
    const dialog = await launch(user);
    const alert = await within(dialog).findByRole("alert", {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent("“Pricing test” already holds this flag");
    expect(onLaunched).not.toHaveBeenCalled();
  });

  it("puts a 400's field errors on their fields", async () => {
    const { adapters, user, onLaunched } = setup();
    await toReview(user);
    adapters.controls.setFault("persistence.launch", {
      type: "reject",
      times: 1,
      error: new AdapterError("invalid-request", undefined, {
        status: 400,
        fieldErrors: { "experiment_rollout.rollout_percentage": ["Ensure this value is less than or equal to 100."] },
      }),
    });
    await launch(user);
    expect(await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeInTheDocument();
    expect(screen.getByText(/the server refused some fields/)).toBeInTheDocument();
    const rollout = screen.getByRole("spinbutton", { name: "Rollout percentage" });
    await waitFor(() => expect(rollout).toHaveAttribute("aria-invalid", "true"));
    expect(rollout).toHaveAccessibleDescription(
      expect.stringContaining("Ensure this value is less than or equal to 100."),
    );
    expect(onLaunched).not.toHaveBeenCalled();
  });
});
