import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { DemoApp, type DemoPage } from "./DemoApp";
import { createDemoServices } from "./demo-services";
import { seededExperiments } from "./demo-world";
import { sharedEmbeddedWarehouse } from "./embedded-warehouse";

/**
 * The whole product on real data, with no setup: DuckDB running in this page (WebAssembly, bundled from
 * node_modules) filled with simulated traffic bucketed exactly like Flagsmith, the kit's generated SQL,
 * stats-core's analysis, and the wizard and results components over in-browser adapters. What you create
 * is kept in this browser's storage ("Reset demo data" starts again).
 */
interface DemoStoryProps {
  /** The page the demo opens on. */
  page: DemoPage;
  /** Fill the Experiments page's headlines (runs every seeded analysis). */
  listHeadlines?: boolean;
  /** Storage key of this story's experiments (stories that change data keep their own). */
  storageKey?: string;
  /** Start from the seed, forgetting earlier changes. */
  fresh?: boolean;
  /** Traffic volume (1 = the demo's full volume). Default: a quarter when stories run as tests. */
  scale?: number;
  onPageChange?: (page: DemoPage) => void;
}

/**
 * When Storybook's stories run as tests (Vitest, mode "test") the demo simulates a quarter of its traffic:
 * the same pipeline, lighter on a small CI machine. `npm start` and the screenshots use the full volume.
 */
const TRAFFIC_SCALE = import.meta.env.MODE === "test" ? 0.25 : 1;

function DemoStory({ page, listHeadlines = true, storageKey, fresh = false, scale, onPageChange }: DemoStoryProps) {
  const [services] = useState(() => {
    const created = createDemoServices({ scale: scale ?? TRAFFIC_SCALE, ...(storageKey ? { storageKey } : {}) });
    if (fresh) created.reset();
    return created;
  });
  return (
    <DemoApp
      services={services}
      initialPage={page}
      listHeadlines={listHeadlines}
      {...(onPageChange ? { onPageChange } : {})}
    />
  );
}

// Start DuckDB-wasm (about a second) as soon as the demo is opened, before the first page needs it.
void sharedEmbeddedWarehouse();

const meta = {
  title: "Demo/Full flow",
  component: DemoStory,
  // Each story is the whole app on one page; a docs page rendering all of them at once would be noise.
  tags: ["!autodocs"],
  parameters: { layout: "padded" },
  args: { page: { name: "experiments" }, onPageChange: fn() },
  argTypes: { page: { control: false } },
} satisfies Meta<typeof DemoStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const LOAD = { timeout: 60_000 };

function seeded(id: string) {
  const found = seededExperiments.find((s) => s.experiment.id === id);
  if (!found) throw new Error(`no seeded experiment ${id}`);
  return found;
}

/**
 * The Experiments page as a triage board: nine seeded experiments in every status, each headline filled in as its
 * analysis arrives (a placeholder of the same size until then); "Create Experiment" opens the wizard.
 */
export const ExperimentsPage: Story = {
  args: { storageKey: "demo-story:experiments", fresh: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("button", { name: "Create Experiment" }, LOAD)).toBeVisible();
    for (const { experiment } of seededExperiments) {
      // A draft has no results yet: its button goes back to the wizard.
      const name = `${experiment.status === "draft" ? "Continue editing" : "Open results for"} ${experiment.name}`;
      await expect(await canvas.findByRole("button", { name }, LOAD)).toBeVisible();
    }
    await expect(canvas.getByText("Concluded without a winner")).toBeVisible();
    await expect(canvas.getByText("Not started: starts on Jun 1, 2026")).toBeVisible();
    await expect(await canvas.findByText("Sample ratio mismatch: do not trust these results", {}, LOAD)).toBeVisible();
  },
};

/** "Create Experiment": the five-step wizard over the demo's flags, segments and metrics. */
export const CreateExperiment: Story = {
  args: { page: { name: "create" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Experiment Details" }, LOAD)).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: "Hypothesis" })).toBeVisible();
  },
};

function resultsStory(id: string, check: (canvas: ReturnType<typeof within>) => Promise<void>): Story {
  return {
    args: { page: { name: "results", experimentId: id } },
    parameters: { docs: { description: { story: seeded(id).shows } } },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(await canvas.findByRole("region", { name: "Recommendation" }, LOAD)).toBeVisible();
      await check(canvas);
    },
  };
}

/** A clear winner: the green button lifts checkout conversion (the README's hero image). */
export const ClearWinnerResults: Story = resultsStory("exp-checkout-cta", async (canvas) => {
  await expect(canvas.getByRole("table", { name: /metrics/i })).toBeVisible();
  await expect(canvas.getAllByRole("img", { name: /lift/ }).length).toBeGreaterThan(0);
});

/** Paused with no difference so far (the same experiment as "Paused experiment", read for its lifts). */
export const InconclusiveResults: Story = resultsStory("exp-pricing-cards", async (canvas) => {
  await expect(canvas.getAllByRole("img", { name: /lift/ }).length).toBeGreaterThan(0);
});

/** A guardrail regression: page load time gets worse. */
export const GuardrailRegressionResults: Story = resultsStory("exp-image-cdn", async (canvas) => {
  await expect(canvas.getByRole("region", { name: "Recommendation" })).toHaveTextContent(/guardrail|Page load time/i);
});

/** A sample-ratio mismatch: the observed split is not the configured one. */
export const SampleRatioMismatchResults: Story = resultsStory("exp-shipping-banner", async (canvas) => {
  await expect(canvas.getByRole("region", { name: "Recommendation" })).toHaveTextContent(/ratio|split|SRM/i);
});

/** Four variations: three new search models against the current one. */
export const FourVariationsResults: Story = resultsStory("exp-search-ranking", async (canvas) => {
  await expect(canvas.getAllByText("Model v4").length).toBeGreaterThan(0);
});

/** Scheduled: its dates, configuration and when it starts (not "exposures appear within a few minutes"). */
export const ScheduledExperiment: Story = {
  args: { page: { name: "results", experimentId: "exp-nav-menu" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^This experiment starts on Jun 1, 2026\./, {}, LOAD)).toBeVisible();
    await expect(canvas.getByText("Starts on Jun 1, 2026")).toBeVisible();
    const configuration = canvas.getByRole("region", { name: "Configuration" });
    await expect(within(configuration).getByText("navigation_menu")).toBeVisible();
    await expect(within(configuration).getByText("Production")).toBeVisible();
    await expect(await within(configuration).findByText("Segment “Mobile web”", {}, LOAD)).toBeVisible();
  },
};

/** Paused: the header says so, the verdict never says "keep running", and "Resume experiment" is offered. */
export const PausedExperiment: Story = {
  args: {
    page: { name: "results", experimentId: "exp-pricing-cards" },
    storageKey: "demo-story:paused",
    fresh: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const recommendation = await canvas.findByRole("region", { name: "Recommendation" }, LOAD);
    await expect(recommendation).not.toHaveTextContent("Keep running");
    await expect(canvas.getByRole("button", { name: "Resume experiment" })).toBeVisible();
    await expect(
      within(canvas.getByRole("region", { name: "Configuration" })).getByText("All identities"),
    ).toBeVisible();
  },
};

/** Concluded: the recorded decision — no winner, who decided, the note and the evidence of that moment. */
export const ConcludedExperiment: Story = {
  args: { page: { name: "results", experimentId: "exp-checkout-orange" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const decision = await canvas.findByRole("region", { name: "Decision" }, LOAD);
    await expect(within(decision).getByText("Concluded without a winner")).toBeVisible();
    await expect(within(decision).getByText(/by Priya Raman$/)).toBeVisible();
    await expect(within(decision).getByText("Recommendation then: Inconclusive")).toBeVisible();
    await expect(canvas.getByText("Ended Mar 16, 2026, after 15 days")).toBeVisible();
  },
};

/**
 * Acting on a winner at the demo's full volume: "Ship Green", the concluded page with the recorded decision, then
 * "Start a new experiment from this one" opens the wizard pre-filled.
 */
export const ShipAndStartNew: Story = {
  args: {
    page: { name: "results", experimentId: "exp-checkout-cta" },
    storageKey: "demo-story:ship",
    fresh: true,
    scale: 1,
    listHeadlines: false,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole("button", { name: "Ship Green" }, LOAD));
    const dialog = await body.findByRole("alertdialog", { name: "Ship Green?" }, LOAD);
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm ship" }));
    const decision = await canvas.findByRole("region", { name: "Decision" }, LOAD);
    await expect(within(decision).getByText("Shipped Green")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Start a new experiment from this one" }));
    await expect(await canvas.findByRole("textbox", { name: "Name" }, LOAD)).toHaveValue(
      "Checkout button colour (copy)",
    );
    await expect(args.onPageChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: "create" }));
  },
};

/** A draft opens in the wizard where it was left. */
export const DraftExperiment: Story = {
  args: { page: { name: "create", draftId: "exp-draft-gallery" }, storageKey: "demo-story:draft", fresh: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("textbox", { name: "Name" }, LOAD)).toHaveValue("Photo grid on product pages");
  },
};

/** The warehouse connection, wired to the embedded DuckDB: "Test connection" really queries it. */
export const WarehouseConnection: Story = {
  args: { page: { name: "warehouse" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole("button", { name: "Test connection" }, LOAD));
    await waitFor(() => expect(canvasElement).toHaveTextContent("Read the events table “events”."), LOAD);
  },
};

/** The three flows in one run, as a newcomer would do them, driven by role and name only. */
export const CreateLaunchAndRead: Story = {
  args: { storageKey: "demo-story:full-flow", fresh: true, listHeadlines: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole("button", { name: "Create Experiment" }, LOAD));

    await user.type(await canvas.findByRole("textbox", { name: "Name" }, LOAD), "Photo grid");
    await user.type(canvas.getByRole("textbox", { name: "Hypothesis" }), "A photo grid increases checkout conversion.");
    await user.click(canvas.getByRole("button", { name: "Next" }));

    await canvas.findByRole("heading", { name: "Flag & Variations" }, LOAD);
    const flag = await canvas.findByRole("combobox", { name: "Flag" }, LOAD);
    await user.click(flag);
    await user.click(await canvas.findByRole("option", { name: /product_page_gallery/ }, LOAD));
    await user.click(canvas.getByRole("button", { name: "Next" }));

    await canvas.findByRole("heading", { name: "Select Metrics" }, LOAD);
    await user.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }, LOAD));
    await user.click(canvas.getByRole("radio", { name: "Primary" }));
    await user.click(canvas.getByRole("button", { name: "Next" }));

    await canvas.findByRole("heading", { name: "Segments & Traffic" }, LOAD);
    await user.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }, LOAD), "All users");
    await user.click(canvas.getByRole("button", { name: "Next" }));

    await canvas.findByRole("heading", { name: "Review & Launch" }, LOAD);
    await user.click(canvas.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog", {}, LOAD);
    await user.click(within(dialog).getByRole("button", { name: "Confirm launch" }));

    await expect(await canvas.findByRole("region", { name: "Recommendation" }, LOAD)).toBeVisible();
    await expect(args.onPageChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: "results" }));
  },
};
