import { screen, within } from "@testing-library/react";
import userEventLibrary from "@testing-library/user-event";
import { expect, test } from "vitest";
import {
  createAndLaunch,
  fillDetails,
  galleryPlan,
  MemoryStorage,
  renderDemo,
  SLOW,
  waitForResults,
} from "./demo-harness";

test("a launched experiment and its results survive a reload", async () => {
  const user = userEventLibrary.setup();
  const storage = new MemoryStorage();
  const plan = { ...galleryPlan, name: "Photo grid (reload)" };
  const first = renderDemo({ storage });
  await createAndLaunch(user, plan);
  const recommendation = await waitForResults();
  const liftBefore = within(screen.getByRole("table", { name: /metric/i }))
    .getAllByRole("img", { name: /lift/ })
    .map((img) => img.getAttribute("aria-label"));
  const textBefore = recommendation.textContent;
  first.view.unmount();

  // A new page load: new services over the same browser storage.
  renderDemo({ storage });
  const row = (await screen.findByRole("button", { name: `Open results for ${plan.name}` }, SLOW)).closest("tr");
  if (!row) throw new Error("the experiment is not listed");
  expect(within(row).getByText("Running")).toBeVisible();
  await user.click(within(row).getByRole("button", { name: `Open results for ${plan.name}` }));
  // The simulated traffic is seeded by the experiment: the same figures come back.
  expect((await waitForResults()).textContent).toBe(textBefore);
  expect(
    within(screen.getByRole("table", { name: /metric/i }))
      .getAllByRole("img", { name: /lift/ })
      .map((img) => img.getAttribute("aria-label")),
  ).toEqual(liftBefore);
}, 90_000);

test("a draft survives a reload and reopens in the wizard; Reset demo data forgets it", async () => {
  const user = userEventLibrary.setup();
  const storage = new MemoryStorage();
  const plan = { ...galleryPlan, name: "Half-written idea" };
  const first = renderDemo({ storage, page: { name: "create" } });
  await fillDetails(user, plan);
  // The wizard saves drafts a moment after typing stops.
  await screen.findByText("Draft saved", {}, SLOW);
  first.view.unmount();

  renderDemo({ storage });
  await user.click(await screen.findByRole("button", { name: `Continue editing ${plan.name}` }, SLOW));
  expect(await screen.findByRole("textbox", { name: "Name" }, SLOW)).toHaveValue(plan.name);
  expect(screen.getByRole("textbox", { name: "Hypothesis" })).toHaveValue(plan.hypothesis);

  await user.click(screen.getByRole("button", { name: "Reset demo data" }));
  await screen.findByRole("button", { name: "Open results for Checkout button colour" }, SLOW);
  expect(screen.queryByRole("button", { name: `Continue editing ${plan.name}` })).toBeNull();
});
