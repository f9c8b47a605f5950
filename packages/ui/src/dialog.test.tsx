import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { Dialog, DialogClose } from "./dialog";

function Confirm({ busy = false, role }: { busy?: boolean; role?: "dialog" | "alertdialog" }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      busy={busy}
      role={role}
      trigger={<Button>Delete</Button>}
      title="Delete the draft?"
      description="This cannot be undone."
    >
      <DialogClose asChild>
        <Button>Cancel</Button>
      </DialogClose>
      <Button variant="danger">Confirm delete</Button>
    </Dialog>
  );
}

describe("Dialog", () => {
  it("opens from its trigger as a named, described modal and moves focus inside", async () => {
    const user = userEvent.setup();
    render(<Confirm role="alertdialog" />);
    const trigger = screen.getByRole("button", { name: "Delete" });
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    await user.click(trigger);
    const dialog = screen.getByRole("alertdialog", { name: "Delete the draft?" });
    expect(dialog).toHaveAccessibleDescription("This cannot be undone.");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(trigger).toHaveAttribute("aria-expanded", "true");
  });

  it("closes with its close button and with Escape, and gives focus back to the trigger", async () => {
    const user = userEvent.setup();
    render(<Confirm />);
    const trigger = screen.getByRole("button", { name: "Delete" });
    await user.click(trigger);
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();

    await user.click(trigger);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it("stays open while busy, whatever asks it to close", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Confirm />);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    rerender(<Confirm busy />);
    await user.keyboard("{Escape}");
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("dialog", { name: "Delete the draft?" })).toHaveAttribute("aria-busy", "true");
  });
});
