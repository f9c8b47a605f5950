import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { WarehouseConnectionForm } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";

const meta = {
  title: "Results dashboard/WarehouseConnectionForm",
  component: WarehouseConnectionForm,
  args: {
    locale: "en-US",
    onSave: fn(),
    createWarehouse: () => createInMemoryAdapters({ ...demoWorld, latencyMs: 400 }).warehouse,
  },
} satisfies Meta<typeof WarehouseConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** PostgreSQL: per-type fields, masked password, "Test connection" with progress, then save. */
export const PostgreSQL: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Warehouse type" }), "PostgreSQL");
    await userEvent.type(canvas.getByRole("textbox", { name: "Host" }), "warehouse.internal");
    await userEvent.type(canvas.getByRole("textbox", { name: "Database" }), "analytics");
    await userEvent.type(canvas.getByRole("textbox", { name: "User" }), "experiments");
    const password = canvas.getByLabelText("Password");
    await expect(password).toHaveAttribute("type", "password");
    await userEvent.type(password, "correct horse");
    await userEvent.click(canvas.getByRole("button", { name: "Test connection" }));
    await expect(await canvas.findByRole("button", { name: "Testing connection…" })).toBeDisabled();
    await expect(await canvas.findByText(/^Connection succeeded/)).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Save connection" }));
    await expect(await canvas.findByText("Connection saved.")).toBeVisible();
    await expect(args.onSave).toHaveBeenCalledWith(
      expect.objectContaining({ type: "postgres", password: "correct horse" }),
    );
    await expect(canvas.getByLabelText("Password")).toHaveValue("");
    await expect(canvasElement.innerHTML).not.toContain("correct horse");
  },
};

/** Opened again later: the saved connection without its secret. */
export const Saved: Story = {
  args: {
    savedConnection: {
      type: "snowflake",
      account: "acme-eu",
      user: "experiments",
      warehouse: "COMPUTE_WH",
      database: "ANALYTICS",
      schema: "PUBLIC",
      secretSaved: true,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("combobox", { name: "Warehouse type" })).toHaveValue("snowflake");
    await expect(canvas.getByLabelText("Password")).toHaveValue("");
    await expect(canvas.getByText("Saved — leave empty to keep it")).toBeVisible();
  },
};

/** Validation and a failing connection test with the warehouse's own message. */
export const ConnectionFails: Story = {
  args: {
    createWarehouse: () =>
      createInMemoryAdapters({ ...demoWorld, connection: { ok: false, message: "password authentication failed" } })
        .warehouse,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Test connection" }));
    await expect(await canvas.findByText("Database file path is required.")).toBeVisible();
    await userEvent.type(canvas.getByRole("textbox", { name: "Database file path" }), "/data/events.duckdb");
    await userEvent.click(canvas.getByRole("button", { name: "Test connection" }));
    await expect(await canvas.findByText("Connection failed: password authentication failed")).toBeVisible();
  },
};
