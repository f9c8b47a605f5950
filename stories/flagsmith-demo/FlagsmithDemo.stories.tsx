import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { DemoApp, type DemoPage } from "../demo/DemoApp";
import { createFlagsmithDemoServices, type FlagsmithDemoServices } from "./flagsmith-demo-services";

/**
 * The whole product through the kit's Flagsmith adapters: flags, segments, metrics and experiments come from
 * Flagsmith's Admin API — replayed in this page as Flagsmith 2.265.0 answers it (no server to start) — and every
 * launch, pause or stop is the request Flagsmith's own dashboard would send. Results come from simulated traffic in
 * the embedded DuckDB, read in the shape of Flagsmith's own events table (the warehouse's `schema: "flagsmith"`).
 */
interface FlagsmithDemoArgs {
  /** The page the demo opens on. */
  page: DemoPage;
}

// Storybook's Vitest run simulates a quarter of the traffic, as "Demo/Full flow" does.
const TRAFFIC_SCALE = import.meta.env.MODE === "test" ? 0.25 : 1;

const meta = {
  title: "Demo/Flagsmith mode",
  tags: ["!autodocs"],
  parameters: { layout: "padded" },
  // A fresh replayed Flagsmith per story, so a story's launches never leak into another.
  loaders: [async () => ({ services: createFlagsmithDemoServices({ scale: TRAFFIC_SCALE }) })],
  render: ({ page }, { loaded }) => (
    <DemoApp services={loaded.services as FlagsmithDemoServices} initialPage={page} listHeadlines={false} />
  ),
  args: { page: { name: "experiments" } },
  argTypes: { page: { control: false } },
} satisfies Meta<FlagsmithDemoArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const LOAD = { timeout: 60_000 };

/** Flagsmith's experiments in this environment: a running one and a completed one. */
export const ExperimentsFromFlagsmith: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole("button", { name: "Open results for Recommendations model v2" }, LOAD),
    ).toBeVisible();
    await expect(
      canvas.getByRole("button", { name: "Open results for Checkout button colour (winter)" }),
    ).toBeVisible();
  },
};

/** Results of the experiment Flagsmith is running, read through the Flagsmith persistence. */
export const RunningExperimentResults: Story = {
  args: { page: { name: "results", experimentId: "61" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: "Recommendation" }, LOAD)).toBeVisible();
    await expect(canvas.getAllByText(/model_v2/).length).toBeGreaterThan(0);
    // Exposures were found in the Flagsmith-shaped table (by flag name, in this environment): lifts are measured.
    await expect(canvas.getAllByRole("img", { name: /lift/ }).length).toBeGreaterThan(0);
  },
};

/** Fills the wizard as a newcomer would (by role and name only) up to "Review & Launch", then confirms the launch. */
async function createAndLaunch(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  await user.click(await canvas.findByRole("button", { name: "Create Experiment" }, LOAD));

  await user.type(await canvas.findByRole("textbox", { name: "Name" }, LOAD), "Green checkout button");
  await user.type(canvas.getByRole("textbox", { name: "Hypothesis" }), "A green button lifts checkout conversion.");
  await user.click(canvas.getByRole("button", { name: "Next" }));

  await canvas.findByRole("heading", { name: "Flag & Variations" }, LOAD);
  await user.click(await canvas.findByRole("combobox", { name: "Flag" }, LOAD));
  await user.click(await canvas.findByRole("option", { name: /checkout_cta_color/ }, LOAD));
  // Flagsmith's option keys, verbatim.
  await expect(await canvas.findByText("Variant_1", {}, LOAD)).toBeVisible();
  await user.click(canvas.getByRole("button", { name: "Next" }));

  await canvas.findByRole("heading", { name: "Select Metrics" }, LOAD);
  await user.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }, LOAD));
  await user.click(canvas.getByRole("radio", { name: "Primary" }));
  await user.click(canvas.getByRole("button", { name: "Next" }));

  await canvas.findByRole("heading", { name: "Segments & Traffic" }, LOAD);
  await user.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }, LOAD), "Mobile app users");
  await user.click(canvas.getByRole("button", { name: "Next" }));

  await canvas.findByRole("heading", { name: "Review & Launch" }, LOAD);
  await user.click(canvas.getByRole("button", { name: "Launch Experiment" }));
  const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog", {}, LOAD);
  await user.click(within(dialog).getByRole("button", { name: "Confirm launch" }));
  return { dialog, user };
}

/**
 * Create, launch and read, with the wizard over Flagsmith: the launch reaches the replayed Flagsmith as the requests
 * its own frontend sends — the experiment, the segment override that serves the weights, the start.
 */
export const CreateLaunchAndRead: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { replay } = loaded.services as FlagsmithDemoServices;
    await createAndLaunch(canvasElement);
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: "Recommendation" }, LOAD)).toBeVisible();
    await expect(canvas.getAllByRole("img", { name: /lift/ }).length).toBeGreaterThan(0);
    await waitFor(() => {
      const writes = replay.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
      expect(writes).toEqual([
        "POST /api/v1/environments/Mpr5y7yTbxvQDjiJLaTRtB/experiments/",
        "POST /api/v1/environments/Mpr5y7yTbxvQDjiJLaTRtB/features/4821/create-segment-override/",
        expect.stringMatching(/^POST \/api\/v1\/environments\/Mpr5y7yTbxvQDjiJLaTRtB\/experiments\/\d+\/start\/$/),
      ]);
    });
    const create = replay.requests.find((r) => r.method === "POST" && r.path.endsWith("/experiments/"));
    await expect(create?.body).toEqual({
      feature: 4821,
      hypothesis: "A green button lifts checkout conversion.",
      metrics: [{ expected_direction: "increase", metric: 31 }],
      name: "Green checkout button",
    });
    await expect(replay.requests.every((r) => r.authorization?.startsWith("Token "))).toBe(true);
    const experiment = replay.world.experiments.find((e) => e.name === "Green checkout button");
    await expect(experiment?.status).toBe("running");
  },
};

/** Flagsmith throttles the launch (429 with `Retry-After`): the wizard says so, keeps the draft, and "Retry" launches. */
export const LaunchRateLimitedByFlagsmith: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { replay } = loaded.services as FlagsmithDemoServices;
    replay.failNext({
      method: "POST",
      path: "/api/v1/environments/Mpr5y7yTbxvQDjiJLaTRtB/experiments/",
      status: 429,
      body: { detail: "Request was throttled. Expected available in 12 seconds." },
      headers: { "retry-after": "12" },
    });
    const { dialog, user } = await createAndLaunch(canvasElement);
    const alert = await within(dialog).findByRole("alert", {}, LOAD);
    await expect(alert).toHaveTextContent("Flagsmith is receiving too many requests; try again in 12 s.");
    // The wizard counts down and would retry by itself; "Retry now" does not wait.
    await expect(within(alert).getByRole("status")).toHaveTextContent(/Rate limited: retrying in 1[12] seconds\./);
    await user.click(within(alert).getByRole("button", { name: "Retry now" }));
    await expect(await within(canvasElement).findByRole("region", { name: "Recommendation" }, LOAD)).toBeVisible();
    await expect(replay.world.experiments.filter((e) => e.name === "Green checkout button")).toHaveLength(1);
  },
};

const EXPERIMENTS_PATH = "/api/v1/environments/Mpr5y7yTbxvQDjiJLaTRtB/experiments/61";

/** The results page offers Pause and Resume because the Flagsmith persistence has them: `pause/`, then `start/`. */
export const PauseAndResumeThroughFlagsmith: Story = {
  args: { page: { name: "results", experimentId: "61" } },
  play: async ({ canvasElement, loaded }) => {
    const { replay } = loaded.services as FlagsmithDemoServices;
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD));
    await expect(await canvas.findByRole("button", { name: "Resume experiment" }, LOAD)).toBeVisible();
    await user.click(canvas.getByRole("button", { name: "Resume experiment" }));
    await expect(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD)).toBeVisible();
    const writes = replay.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
    await expect(writes).toEqual([`POST ${EXPERIMENTS_PATH}/pause/`, `POST ${EXPERIMENTS_PATH}/start/`]);
  },
};

/** Flagsmith throttles the pause (429 with `Retry-After`): the page says when to try again; trying again pauses. */
export const PauseRateLimitedByFlagsmith: Story = {
  args: { page: { name: "results", experimentId: "61" } },
  play: async ({ canvasElement, loaded }) => {
    const { replay } = loaded.services as FlagsmithDemoServices;
    replay.failNext({
      method: "POST",
      path: `${EXPERIMENTS_PATH}/pause/`,
      status: 429,
      body: { detail: "Request was throttled. Expected available in 12 seconds." },
      headers: { "retry-after": "12" },
    });
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole("button", { name: "Pause experiment" }, LOAD));
    await expect(await canvas.findByRole("alert", {}, LOAD)).toHaveTextContent(
      /^The experiment could not be paused: .*12 s/,
    );
    await user.click(canvas.getByRole("button", { name: "Pause experiment" }));
    await expect(await canvas.findByRole("button", { name: "Resume experiment" }, LOAD)).toBeVisible();
  },
};

/** "Conclude without a winner" through Flagsmith: the experiment is completed, and the decision shows on its page. */
export const ConcludeThroughFlagsmith: Story = {
  args: { page: { name: "results", experimentId: "61" } },
  play: async ({ canvasElement, loaded }) => {
    const { replay } = loaded.services as FlagsmithDemoServices;
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole("button", { name: "Conclude without a winner" }, LOAD));
    const dialog = await body.findByRole("alertdialog", { name: "Conclude without a winner?" }, LOAD);
    await user.click(within(dialog).getByRole("button", { name: "Conclude experiment" }));
    const decision = await canvas.findByRole("region", { name: "Decision" }, LOAD);
    await expect(within(decision).getByText("Concluded without a winner")).toBeVisible();
    await expect(replay.requests.some((r) => r.method === "POST" && r.path === `${EXPERIMENTS_PATH}/complete/`)).toBe(
      true,
    );
  },
};
