import { ExperimentWizard, type ExperimentWizardProps } from "@flagsmith-experimentation/wizard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { createStoryAdapters, storyToday } from "./wizard-story-adapters";

/*
 * The wizard in a host container narrower than the screen (Flagsmith's side panels and modals): it lays out by its
 * own width (CSS container queries), not the viewport's. Each story puts it in a 360, 480 or 720 px wide panel on a
 * wide page, in the light and the dark theme; the play function checks the layout the issue found broken (step labels
 * over their circles, a progress line that jumps, metric descriptions one word per line, date fields out of line when
 * only one has an error), and the accessibility check runs on the result.
 */

type PanelProps = Omit<ExperimentWizardProps, "adapters"> & { width: number };

/** A host's side panel of a fixed width, with the wizard inside (fresh in-memory adapters per story). */
function Panel({ width, ...props }: PanelProps) {
  const [adapters] = useState(() => createStoryAdapters());
  return (
    <div
      data-testid="host-panel"
      style={{ width, padding: 16, border: "1px dashed color-mix(in srgb, currentColor 30%, transparent)" }}
    >
      <ExperimentWizard adapters={adapters} {...props} />
    </div>
  );
}

const meta = {
  title: "Wizard/Container widths",
  component: Panel,
  args: {
    width: 480,
    today: storyToday,
    locale: "en-US",
    environment: { key: "ZtTE6nWHNqt8tYUDLbdRLW", name: "Production" },
    onLaunched: fn(),
    onCancel: fn(),
    onDraftSaved: fn(),
  },
  parameters: { layout: "padded" },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

function box(element: Element) {
  return element.getBoundingClientRect();
}

function overlaps(a: DOMRect, b: DOMRect) {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** What issue 14 found broken in narrow containers, checked on the rendered layout. */
async function checkLayout(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const panel = canvas.getByTestId("host-panel");
  const wizard = panel.firstElementChild as HTMLElement;
  await expect(box(wizard).width).toBeLessThanOrEqual(box(panel).width);

  // Step labels never run over their circles, and the progress line under the steps is straight.
  const steps = within(canvas.getByRole("navigation", { name: "Experiment steps" })).getAllByRole("button");
  const bottoms = new Set(steps.map((step) => Math.round(box(step).bottom)));
  await expect(bottoms.size).toBe(1);
  for (const step of steps) {
    const number = step.querySelector(".fx-wizard-step-number") as HTMLElement;
    const name = step.querySelector(".fx-wizard-step-name") as HTMLElement;
    if (box(name).width > 1) await expect(overlaps(box(number), box(name))).toBe(false);
    await expect(box(step).right).toBeLessThanOrEqual(box(wizard).right + 0.5);
  }

  // Nothing is wider than the panel (no sideways scrolling inside a side panel).
  await expect(wizard.scrollWidth).toBeLessThanOrEqual(wizard.clientWidth + 1);
}

async function play({ canvasElement }: { canvasElement: HTMLElement }) {
  const canvas = within(canvasElement);
  await checkLayout(canvasElement);

  // Only the end date has an error: both date inputs stay on one line (when they are side by side).
  const start = canvas.getByLabelText("Start date");
  const end = canvas.getByLabelText("End date");
  await userEvent.clear(end);
  await userEvent.type(end, "2026-02-20");
  await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "Checkout button colour");
  await userEvent.type(canvas.getByRole("textbox", { name: "Hypothesis" }), "Green will increase conversion.");
  await userEvent.click(canvas.getByRole("button", { name: "Next" }));
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(start).not.toHaveAttribute("aria-invalid");
  if (Math.abs(box(start).left - box(end).left) > 1) {
    await expect(Math.round(box(start).top)).toBe(Math.round(box(end).top));
    await expect(Math.round(box(start).height)).toBe(Math.round(box(end).height));
  }
  await userEvent.clear(end);
  await userEvent.type(end, "2026-03-16");
  await userEvent.click(canvas.getByRole("button", { name: "Next" }));
  await canvas.findByRole("heading", { level: 2, name: "Flag & Variations" });
  await checkLayout(canvasElement);

  await userEvent.click(canvas.getByRole("combobox", { name: "Flag" }));
  await userEvent.click(await canvas.findByRole("option", { name: "checkout_cta_color" }));
  await userEvent.click(canvas.getByRole("button", { name: "Next" }));
  await canvas.findByRole("heading", { level: 2, name: "Select Metrics" });
  await userEvent.click(await canvas.findByRole("checkbox", { name: "Checkout conversion" }));
  await userEvent.click(canvas.getByRole("checkbox", { name: "Page load time" }));

  // Metric descriptions keep a readable measure: never squeezed to a word per line beside the role toggles.
  const description = canvas.getByRole("checkbox", { name: "Checkout conversion" });
  const detail = canvasElement.ownerDocument.getElementById(
    description.getAttribute("aria-describedby") ?? "",
  ) as HTMLElement;
  const metric = detail.closest("li") as HTMLElement;
  await expect(box(detail).width).toBeGreaterThan(box(metric).width * 0.6);
  await checkLayout(canvasElement);
}

export const Width360: Story = { args: { width: 360 }, play };
export const Width360Dark: Story = { args: { width: 360 }, globals: { theme: "dark" }, play };
export const Width480: Story = { args: { width: 480 }, play };
export const Width480Dark: Story = { args: { width: 480 }, globals: { theme: "dark" }, play };
export const Width720: Story = { args: { width: 720 }, play };
export const Width720Dark: Story = { args: { width: 720 }, globals: { theme: "dark" }, play };
