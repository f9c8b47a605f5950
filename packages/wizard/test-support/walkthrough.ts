import { screen, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";

/*
 * The walk through <ExperimentWizard/> that the component tests share, by role and accessible name: fill the details,
 * pick a flag, pick the primary metric, choose a segment, reach Review & Launch, open the launch dialog. Test code,
 * so it lives beside src/ (as adapters' test-support/ does): outside the build and the runtime-dependency check.
 */

export type User = ReturnType<typeof userEvent.setup>;

export interface WalkOptions {
  /** The flag picked on "Flag & Variations". */
  flag?: string;
  hypothesis?: string;
  /** The segment chosen on "Segments & Traffic"; without it the step keeps its default (all identities). */
  segment?: string;
}

/** Fills "Experiment Details" and goes on to "Flag & Variations". */
export async function fillDetails(user: User, { hypothesis = "Green will increase conversion." }: WalkOptions = {}) {
  await user.type(screen.getByRole("textbox", { name: "Name" }), "Checkout colour");
  await user.type(screen.getByRole("textbox", { name: "Hypothesis" }), hypothesis);
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { level: 2, name: "Flag & Variations" });
}

export async function pickFlag(user: User, name: string) {
  await user.click(await screen.findByRole("combobox", { name: "Flag" }));
  await user.click(await screen.findByRole("option", { name }));
}

/** From the start to "Select Metrics", with the flag picked. */
export async function toMetrics(user: User, options: WalkOptions = {}) {
  await fillDetails(user, options);
  await pickFlag(user, options.flag ?? "checkout_cta_color");
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { level: 2, name: "Select Metrics" });
}

/** From the start to "Segments & Traffic", with "Checkout conversion" as the metric and the segment chosen if given. */
export async function toTraffic(user: User, options: WalkOptions = {}) {
  await toMetrics(user, options);
  await user.click(await screen.findByRole("checkbox", { name: "Checkout conversion" }));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { level: 2, name: "Segments & Traffic" });
  if (options.segment) {
    await user.selectOptions(await screen.findByRole("combobox", { name: "Segment" }), options.segment);
  }
}

/** From the start to "Review & Launch". */
export async function toReview(user: User, options: WalkOptions = {}) {
  await toTraffic(user, options);
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { level: 2, name: "Review & Launch" });
}

/** On Review & Launch: opens the launch dialog and returns it with its Confirm button (not clicked). */
export async function openLaunchDialog(user: User) {
  await user.click(screen.getByRole("button", { name: "Launch Experiment" }));
  const dialog = await screen.findByRole("dialog", { name: "Launch this experiment?" });
  return { dialog, confirm: within(dialog).getByRole("button", { name: "Confirm launch" }) };
}

/** On Review & Launch: opens the launch dialog and confirms; returns the dialog. */
export async function launch(user: User) {
  const { dialog, confirm } = await openLaunchDialog(user);
  await user.click(confirm);
  return dialog;
}
