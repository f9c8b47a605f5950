import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { WarehouseConnectionForm } from "@flagsmith-experimentation/results-dashboard";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { dark, fitsFrame, NarrowFrame } from "./results-story-fixtures";

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

/** Validation, then a failing test: refused credentials in plain words, the driver's text behind "Details". */
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
    await expect(
      await canvas.findByText("Connection failed: The warehouse refused the user name or password."),
    ).toBeVisible();
    await userEvent.click(canvas.getByText("Details"));
    await expect(canvas.getByText("password authentication failed")).toBeVisible();
  },
};

/** What DuckDB says for a schema-qualified table that is not there, word for word. */
const MISSING_TABLE =
  'Could not read the events table “analytics.events”: Catalog Error: Table with name "analytics.events" does not exist because schema "analytics" does not exist.\n\nLINE 1: SELECT 1 FROM "analytics"."events" LIMIT 1';

async function checkWrongTable(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole("textbox", { name: "Database file path" }), "/data/events.duckdb");
  await userEvent.clear(canvas.getByRole("textbox", { name: "Events table" }));
  await userEvent.type(canvas.getByRole("textbox", { name: "Events table" }), "analytics.events");
  await userEvent.click(canvas.getByRole("button", { name: "Test connection" }));
  const result = await canvas.findByText(/^Connection failed: Table analytics\.events was not found\./);
  await expect(result).toBeVisible();
  await expect(result).not.toHaveTextContent("SELECT");
  const details = canvas.getByText("Details");
  await expect(canvas.queryByText(/LINE 1/)).not.toBeVisible();
  await userEvent.click(details);
  await expect(canvas.getByText(/LINE 1: SELECT 1 FROM "analytics"\."events"/)).toBeVisible();
  return result;
}

const wrongTable = {
  createWarehouse: () => createInMemoryAdapters({ connection: { ok: false, message: MISSING_TABLE } }).warehouse,
};

/** A wrong table name: "table analytics.events was not found", the raw error and its SQL only behind "Details". */
export const WrongTable: Story = {
  args: wrongTable,
  play: async ({ canvasElement }) => {
    await checkWrongTable(canvasElement);
  },
};

/** A wrong table name under `.dark`. */
export const WrongTableDark: Story = {
  args: wrongTable,
  globals: dark,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await checkWrongTable(canvasElement);
  },
};

/** A wrong table name in a 360 px box: the message and the details wrap. */
export const WrongTableNarrow: Story = {
  args: wrongTable,
  decorators: [(Story) => <NarrowFrame>{Story()}</NarrowFrame>],
  play: async ({ canvasElement }) => {
    const result = await checkWrongTable(canvasElement);
    await expect(fitsFrame(canvasElement, result)).toBe(true);
  },
};
