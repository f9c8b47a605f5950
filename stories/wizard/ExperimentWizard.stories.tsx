import { type Flag, AdapterError as KitAdapterError } from "@flagsmith-experimentation/adapters";
import {
  demoWorld,
  type InMemoryAdapters,
  type InMemoryAdaptersOptions,
} from "@flagsmith-experimentation/adapters/testing";
import { ExperimentWizard, type ExperimentWizardProps } from "@flagsmith-experimentation/wizard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { createStoryAdapters, storyToday } from "./wizard-story-adapters";

type WizardStoryProps = Omit<ExperimentWizardProps, "adapters"> & {
  /** In-memory adapter options: latency, faults, fixtures. */
  scenario?: InMemoryAdaptersOptions;
};

/** The wizard over fresh in-memory adapters (one set per mounted story, so stories never share state). */
function WizardStory({ scenario, ...props }: WizardStoryProps) {
  const [adapters] = useState(() => createStoryAdapters(scenario));
  return <ExperimentWizard adapters={adapters} {...props} />;
}

const meta = {
  title: "Wizard/ExperimentWizard",
  component: WizardStory,
  args: {
    today: storyToday,
    locale: "en-US",
    flagHref: (flag) => `https://app.flagsmith.com/project/1/environment/dev/features?feature=${flag.id}`,
    onLaunched: fn(),
    onCancel: fn(),
    onDraftSaved: fn(),
  },
  parameters: { layout: "padded" },
} satisfies Meta<typeof WizardStory>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = ReturnType<typeof within>;

async function fillDetails(canvas: Canvas, hypothesis = "A green button will increase checkout conversion.") {
  await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "Checkout button colour");
  await userEvent.type(canvas.getByRole("textbox", { name: "Hypothesis" }), hypothesis);
  await userEvent.click(canvas.getByRole("button", { name: "Next" }));
  await canvas.findByRole("heading", { level: 2, name: "Flag & Variations" });
}

async function pickFlag(canvas: Canvas, name = "checkout_cta_color") {
  await userEvent.click(canvas.getByRole("combobox", { name: "Flag" }));
  await userEvent.click(await canvas.findByRole("option", { name }));
  await canvas.findByRole("table", { name: `Variations of “${name}”` });
}

async function chooseMetrics(canvas: Canvas) {
  await userEvent.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }));
  await userEvent.click(canvas.getByRole("checkbox", { name: "Page load time" }));
  const roles = canvas.getByRole("radiogroup", { name: "Role for Page load time" });
  await userEvent.click(within(roles).getByRole("radio", { name: "Guardrail" }));
}

async function next(canvas: Canvas, heading: string) {
  await userEvent.click(canvas.getByRole("button", { name: "Next" }));
  await canvas.findByRole("heading", { level: 2, name: heading });
}

async function toTraffic(canvas: Canvas) {
  await fillDetails(canvas);
  await pickFlag(canvas);
  await next(canvas, "Select Metrics");
  await chooseMetrics(canvas);
  await next(canvas, "Segments & Traffic");
}

async function toReview(canvas: Canvas) {
  await toTraffic(canvas);
  await userEvent.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }), "All users");
  await next(canvas, "Review & Launch");
}

/** Step 1: name, hypothesis and dates (today and today + 14 days). */
export const ExperimentDetails: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { level: 2, name: "Experiment Details" })).toBeVisible();
    await expect(canvas.getByLabelText("Start date")).toHaveValue("2026-03-02");
    await expect(canvas.getByLabelText("End date")).toHaveValue("2026-03-16");
  },
};

/** Step 1 after "Next" with nothing filled in: errors announced, focus on the first invalid field. */
export const DetailsValidation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await expect(canvas.getByRole("alert")).toHaveTextContent("2 problems need fixing.");
    await expect(canvas.getByRole("textbox", { name: "Name" })).toHaveFocus();
  },
};

/** Step 2: a searchable flag picker and the chosen flag's variations. */
export const FlagAndVariations: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await userEvent.type(canvas.getByRole("combobox", { name: "Flag" }), "search");
    await userEvent.click(await canvas.findByRole("option", { name: "search_ranking_model" }));
    await expect(canvas.getByRole("table", { name: "Variations of “search_ranking_model”" })).toBeVisible();
  },
};

/** A flag with only its control value cannot be chosen: the wizard says why and links to the flag. */
export const SingleVariantFlag: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await userEvent.click(canvas.getByRole("combobox", { name: "Flag" }));
    await userEvent.click(await canvas.findByRole("option", { name: "onboarding_tour" }));
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent("can't be used");
    await expect(within(alert).getByRole("link", { name: "Add a variation" })).toHaveAttribute(
      "href",
      expect.stringContaining("onboarding-tour"),
    );
  },
};

/** Step 3: metrics with a Primary / Secondary / Guardrail role each. */
export const SelectMetrics: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await pickFlag(canvas);
    await next(canvas, "Select Metrics");
    await chooseMetrics(canvas);
    await expect(canvas.getByRole("radiogroup", { name: "Role for Checkout conversion" })).toBeVisible();
  },
};

/** More than one primary metric is allowed, with a warning. */
export const MultiplePrimaries: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await pickFlag(canvas);
    await next(canvas, "Select Metrics");
    await userEvent.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }));
    await userEvent.click(canvas.getByRole("checkbox", { name: "Revenue per user" }));
    const roles = canvas.getByRole("radiogroup", { name: "Role for Revenue per user" });
    await userEvent.click(within(roles).getByRole("radio", { name: "Primary" }));
    await expect(canvas.getByRole("status")).toHaveTextContent(/multiple primary/i);
  },
};

/** Step 4: segment, auto-balancing weights and the power estimate. */
export const SegmentsAndTraffic: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toTraffic(canvas);
    await userEvent.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }), "All users");
    const control = canvas.getByRole("spinbutton", { name: "Weight for Blue (control)" });
    await userEvent.clear(control);
    await userEvent.type(control, "50");
    await expect(canvas.getByRole("spinbutton", { name: "Weight for Green" })).toHaveValue(25);
    await expect(canvas.getByText(/detects a lift of 5% in about \d+ days/)).toBeVisible();
  },
};

/** The planned dates are shorter than the power estimate needs: a warning. */
export const PlannedDatesTooShort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toTraffic(canvas);
    await userEvent.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }), "Mobile web");
    await expect(canvas.getByRole("status")).toHaveTextContent(/The planned dates cover 15 days/);
  },
};

/** The flag already overrides the chosen segment: an alert that blocks "Next". */
export const OverrideConflict: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toTraffic(canvas);
    const segment = await canvas.findByRole("combobox", { name: "Segment" });
    await userEvent.selectOptions(segment, "Beta testers");
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/override/);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await expect(canvas.getByRole("heading", { level: 2, name: "Segments & Traffic" })).toBeVisible();
    await expect(segment).toHaveFocus();
  },
};

/** Step 5: the summary with "Edit" buttons and the pre-launch warnings. */
export const ReviewAndLaunch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas, "The button colour matters.");
    await pickFlag(canvas);
    await next(canvas, "Select Metrics");
    await userEvent.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }));
    await next(canvas, "Segments & Traffic");
    await userEvent.selectOptions(await canvas.findByRole("combobox", { name: "Segment" }), "Mobile web");
    await next(canvas, "Review & Launch");
    await expect(canvas.getByRole("button", { name: "Edit Select Metrics" })).toBeVisible();
    await expect(canvas.getByRole("region", { name: "Before you launch" })).toHaveTextContent("No guardrail metric");
  },
};

/** The launch confirmation dialog. */
export const LaunchConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog");
    await expect(within(dialog).getByRole("button", { name: "Confirm launch" })).toBeVisible();
  },
};

/** Create → launch, end to end: afterwards the configuration is read-only and `onLaunched` was called. */
export const FullCreateToLaunch: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog");
    await userEvent.dblClick(within(dialog).getByRole("button", { name: "Confirm launch" }));
    await waitFor(() => expect(args.onLaunched).toHaveBeenCalledTimes(1));
    await expect(await canvas.findByText("“Checkout button colour” is running.")).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Launch Experiment" })).toBeNull();
  },
};

/** An experiment that has launched opens read-only. */
export const ReadOnlyAfterLaunch: Story = {
  args: { draftId: "exp-checkout-cta" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("“Checkout button colour” is running.")).toBeVisible();
    await expect(canvas.queryByRole("textbox")).toBeNull();
  },
};

/** A saved draft reopens where it was left. */
export const RestoredDraft: Story = {
  args: { draftId: "exp-draft-onboarding" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("textbox", { name: "Name" })).toHaveValue("Shorter sign-up form");
  },
};

/** Adapters still answering: every call has a loading state. */
export const Loading: Story = {
  args: { scenario: { faults: { "flags.listFlags": { type: "hang" } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await expect(canvas.getByRole("status")).toHaveTextContent("Loading flags…");
  },
};

/** An adapter fails: its message and "Retry"; nothing typed is lost. */
export const AdapterError: Story = {
  args: { scenario: { faults: { "flags.listFlags": { type: "reject", times: 1 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Couldn't load flags");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await pickFlag(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Back" }));
    await expect(canvas.getByRole("textbox", { name: "Name" })).toHaveValue("Checkout button colour");
  },
};

/** The draft cannot be saved: the wizard says so, keeps everything, and offers "Retry". */
export const DraftSaveError: Story = {
  args: { scenario: { faults: { "persistence.saveDraft": { type: "reject", times: 1 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "Kept");
    await expect(await canvas.findByText(/Draft not saved/, {}, { timeout: 3000 })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(await canvas.findByText("Draft saved")).toBeVisible();
  },
};

/** Dark theme (`.dark` on the root, as in the Flagsmith frontend), on the review step. */
export const Dark: Story = {
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await expect(canvasElement.ownerDocument.documentElement).toHaveClass("dark");
  },
};

/** A narrow screen (360 px). */
export const Narrow: Story = {
  globals: { viewport: { value: "narrow", isRotated: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 360 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toTraffic(canvas);
    await expect(canvas.getByRole("button", { name: "Split evenly" })).toBeVisible();
  },
};

/** Every string can be replaced through `messages`; numbers and dates follow `locale`. */
export const Localised: Story = {
  args: {
    locale: "de-DE",
    messages: {
      stepDetails: "Experiment-Details",
      next: "Weiter",
      back: "Zurück",
      nameLabel: "Name",
      durationNote: (days) => `Geplante Dauer: ${days}.`,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Geplante Dauer: 15 Tage.")).toBeVisible();
  },
};

const checkoutFlag = demoWorld.flags.find((flag) => flag.id === "checkout-cta") as Flag;

/** A flag that an experiment already holds is listed but not selectable, and the wizard names the experiment. */
export const FlagHeldByAnExperiment: Story = {
  args: {
    scenario: {
      flags: [
        ...demoWorld.flags,
        { ...checkoutFlag, id: "held", name: "held_flag", activeExperimentId: "exp-pricing-cards" },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await userEvent.click(canvas.getByRole("combobox", { name: "Flag" }));
    const option = await canvas.findByRole("option", { name: "held_flag" });
    await expect(option).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(option);
    await waitFor(() =>
      expect(canvas.getByRole("alert")).toHaveTextContent("the experiment “Pricing cards” already holds it"),
    );
  },
};

/** Options without a key never record an exposure: the flag is not selectable, the options are named. */
export const FlagWithUnkeyedOptions: Story = {
  args: {
    scenario: {
      flags: [
        ...demoWorld.flags,
        { ...checkoutFlag, id: "unkeyed", name: "unkeyed_flag", unkeyedOptions: [{ name: "purple", value: "purple" }] },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await userEvent.click(canvas.getByRole("combobox", { name: "Flag" }));
    await userEvent.click(await canvas.findByRole("option", { name: "unkeyed_flag" }));
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent("the option “purple” has no key");
    await expect(within(alert).getByRole("link", { name: "Give the options keys" })).toBeVisible();
  },
};

/** 10,000 flags: the picker renders only the rows in view, so opening it and typing stay fast. */
export const TenThousandFlags: Story = {
  args: {
    scenario: {
      flags: Array.from({ length: 10_000 }, (_, i) => ({
        ...checkoutFlag,
        id: `flag-${i}`,
        name: `feature_${String(i).padStart(5, "0")}`,
      })),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillDetails(canvas);
    await waitFor(() => expect(canvas.queryByText(/Loading flags/)).toBeNull());
    const input = canvas.getByRole("combobox", { name: "Flag" });
    await userEvent.click(input);
    const options = await canvas.findAllByRole("option");
    await expect(options.length).toBeLessThan(50);
    await expect(options[0]).toHaveAttribute("aria-setsize", "10000");
    await userEvent.type(input, "feature_0999");
    await expect(await canvas.findByRole("option", { name: "feature_09999" })).toBeVisible();
  },
};

/** All identities (the default) with a rollout percentage, and an editable minimum detectable effect. */
export const AllIdentitiesAndPlan: Story = {
  args: { environment: { key: "ZtTE6nWHNqt8tYUDLbdRLW", name: "Production", expectedDailyTraffic: 20_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toTraffic(canvas);
    await expect(canvas.getByRole("combobox", { name: "Segment" })).toHaveValue("");
    const rollout = canvas.getByRole("spinbutton", { name: "Rollout percentage" });
    await userEvent.clear(rollout);
    await userEvent.type(rollout, "20");
    const mde = canvas.getByRole("spinbutton", { name: "Minimum detectable effect" });
    await userEvent.clear(mde);
    await userEvent.type(mde, "10");
    await expect(canvas.getByText(/detects a lift of 10% in about \d+ days/)).toBeVisible();
  },
};

/** Rendered over adapters the play function can reach (to change the stored draft "somewhere else"). */
function withReachableAdapters(): Pick<Story, "loaders" | "render"> {
  return {
    loaders: [async () => ({ adapters: createStoryAdapters() })],
    render: (args, { loaded }) => {
      const { scenario: _scenario, ...props } = args;
      return <ExperimentWizard adapters={(loaded as { adapters: InMemoryAdapters }).adapters} {...props} />;
    },
  };
}

/** The stored draft changed elsewhere after the review: nothing launches; the dialog shows what changed. */
export const ChangedElsewhereAfterReview: Story = {
  ...withReachableAdapters(),
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    const { adapters } = loaded as { adapters: InMemoryAdapters };
    await toReview(canvas);
    await waitFor(() => expect(args.onDraftSaved).toHaveBeenCalled());
    await canvas.findByText("Draft saved");
    const draft = (args.onDraftSaved as ReturnType<typeof fn>).mock.lastCall?.[0] as { id: string };
    await adapters.persistence.saveDraft({
      id: draft.id,
      name: "Changed elsewhere",
      weights: { control: 90, green: 5, orange: 5 },
    });
    await userEvent.click(canvas.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm launch" }));
    const table = await within(dialog).findByRole("table", { name: "What changed" });
    await expect(table).toHaveTextContent("Changed elsewhere");
    await expect(within(dialog).getByRole("button", { name: "Use the saved version" })).toBeVisible();
    await expect(args.onLaunched).not.toHaveBeenCalled();
  },
};

/** A rate limit at launch: the dialog counts down and retries by itself; the experiment launches once. */
export const RateLimitedLaunch: Story = {
  ...withReachableAdapters(),
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    const { adapters } = loaded as { adapters: InMemoryAdapters };
    await toReview(canvas);
    adapters.controls.setFault("persistence.launch", {
      type: "reject",
      times: 1,
      error: new KitAdapterError("rate-limited", undefined, { retryAfterSeconds: 2, status: 429 }),
    });
    await userEvent.click(canvas.getByRole("button", { name: "Launch Experiment" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm launch" }));
    await expect(await within(dialog).findByText(/Rate limited: retrying in \d seconds?\./)).toBeVisible();
    await waitFor(() => expect(args.onLaunched).toHaveBeenCalledTimes(1), { timeout: 6_000 });
  },
};

/** "Cancel" once something was typed: keep the draft, delete it, or continue editing. */
export const CancelAsksAboutTheDraft: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "Maybe later");
    await waitFor(() => expect(args.onDraftSaved).toHaveBeenCalled(), { timeout: 5_000 });
    await userEvent.click(canvas.getByRole("button", { name: "Cancel" }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("dialog", { name: "Keep this draft?" });
    await expect(within(dialog).getByRole("button", { name: "Keep draft" })).toBeVisible();
    await expect(within(dialog).getByRole("button", { name: "Delete draft" })).toBeVisible();
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};
