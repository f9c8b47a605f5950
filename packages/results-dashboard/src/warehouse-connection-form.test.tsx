import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { WarehouseConnectionForm } from "./warehouse-connection-form";
import type { WarehouseConnection } from "./warehouse-connection-schema";

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe("WarehouseConnectionForm", () => {
  it("asks for the fields of the chosen warehouse type and validates them", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<WarehouseConnectionForm onSave={onSave} />);
    expect(screen.getByRole("textbox", { name: "Database file path" })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Warehouse type" }), "PostgreSQL");
    expect(screen.queryByRole("textbox", { name: "Database file path" })).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Port" })).toHaveValue("5432");
    await user.clear(screen.getByRole("textbox", { name: "Port" }));
    await user.type(screen.getByRole("textbox", { name: "Port" }), "99999");
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    expect(await screen.findByText("Host is required.")).toBeInTheDocument();
    expect(screen.getByText("Port must be a whole number from 1 to 65535.")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Host" })).toHaveAccessibleDescription("Host is required.");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("takes the host's words for its own labels and for the shared ones", async () => {
    const user = userEvent.setup();
    render(
      <WarehouseConnectionForm
        onSave={vi.fn()}
        messages={{ warehouseType: "Art des Warehouses", fieldHost: "Rechner", errorRequired: "{field} fehlt." }}
      />,
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Art des Warehouses" }), "PostgreSQL");
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    expect(await screen.findByText("Rechner fehlt.")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Rechner" })).toHaveAccessibleDescription("Rechner fehlt.");
  });

  it("masks secrets and never shows them again once saved", async () => {
    const user = userEvent.setup();
    const saved: WarehouseConnection[] = [];
    const { container } = render(<WarehouseConnectionForm onSave={(connection) => void saved.push(connection)} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Warehouse type" }), "Snowflake");
    await user.type(screen.getByRole("textbox", { name: "Account identifier" }), "acme-eu");
    await user.type(screen.getByRole("textbox", { name: "User" }), "analyst");
    const password = screen.getByLabelText("Password");
    expect(password).toHaveAttribute("type", "password");
    await user.type(password, "s3cret!");
    await user.type(screen.getByRole("textbox", { name: "Warehouse" }), "COMPUTE_WH");
    await user.type(screen.getByRole("textbox", { name: "Database" }), "ANALYTICS");
    await user.type(screen.getByRole("textbox", { name: "Schema" }), "PUBLIC");
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    expect(await screen.findByText("Connection saved.")).toBeInTheDocument();
    expect(saved).toEqual([
      {
        type: "snowflake",
        account: "acme-eu",
        user: "analyst",
        password: "s3cret!",
        warehouse: "COMPUTE_WH",
        database: "ANALYTICS",
        schema: "PUBLIC",
        eventsTable: "events",
      },
    ]);
    expect(screen.getByLabelText("Password")).toHaveValue("");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Saved — leave empty to keep it");
    expect(container.innerHTML).not.toContain("s3cret!");
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).not.toHaveProperty("password");
  });

  it("starts from a saved connection without its secret", () => {
    render(
      <WarehouseConnectionForm
        savedConnection={{
          type: "postgres",
          host: "db.internal",
          port: "5433",
          database: "events",
          user: "kit",
          secretSaved: true,
        }}
        onSave={() => {}}
      />,
    );
    expect(screen.getByRole("combobox", { name: "Warehouse type" })).toHaveValue("postgres");
    expect(screen.getByRole("textbox", { name: "Host" })).toHaveValue("db.internal");
    expect(screen.getByLabelText("Password")).toHaveValue("");
    expect(screen.getByText("Saved — leave empty to keep it")).toBeInTheDocument();
  });

  it("tests the connection through the warehouse adapter and shows a readable result", async () => {
    const user = userEvent.setup();
    const failing = createInMemoryAdapters({
      ...demoWorld,
      connection: { ok: false, message: "role 'kit' does not exist" },
    });
    const createWarehouse = vi.fn(() => failing.warehouse);
    render(<WarehouseConnectionForm onSave={() => {}} createWarehouse={createWarehouse} />);
    await user.type(screen.getByRole("textbox", { name: "Database file path" }), "/data/events.duckdb");
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(
      await screen.findByText("Connection failed: The warehouse refused the user name or password."),
    ).toBeInTheDocument();
    await user.click(screen.getByText("Details"));
    expect(screen.getByText("role 'kit' does not exist")).toBeVisible();
    expect(createWarehouse).toHaveBeenCalledWith({
      type: "duckdb",
      path: "/data/events.duckdb",
      eventsTable: "events",
    });
  });

  it("says a wrong table name in the user's words and keeps the raw error with its SQL behind Details", async () => {
    const user = userEvent.setup();
    const raw =
      'Could not read the events table “analytics.events”: Catalog Error: Table with name "analytics.events" does not exist because schema "analytics" does not exist.\n\nLINE 1: SELECT 1 FROM "analytics"."events" LIMIT 1';
    const failing = createInMemoryAdapters({ connection: { ok: false, message: raw } });
    render(<WarehouseConnectionForm onSave={() => {}} createWarehouse={() => failing.warehouse} />);
    await user.type(screen.getByRole("textbox", { name: "Database file path" }), "/data/events.duckdb");
    await user.clear(screen.getByRole("textbox", { name: "Events table" }));
    await user.type(screen.getByRole("textbox", { name: "Events table" }), "analytics.events");
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const status = await screen.findByRole("status");
    await vi.waitFor(() =>
      expect(status).toHaveTextContent(/^Connection failed: Table analytics\.events was not found\./),
    );
    expect(status).not.toHaveTextContent("LINE 1");
    const details = screen.getByText("Details").closest("details");
    expect(details).not.toHaveAttribute("open");
    await user.click(screen.getByText("Details"));
    expect(details).toHaveTextContent('SELECT 1 FROM "analytics"."events"');
  });

  it("shows progress while testing and the success message", async () => {
    const user = userEvent.setup();
    const slow = createInMemoryAdapters({ ...demoWorld, latencyMs: { "warehouse.testConnection": 300 } });
    render(<WarehouseConnectionForm onSave={() => {}} createWarehouse={() => slow.warehouse} />);
    await user.type(screen.getByRole("textbox", { name: "Database file path" }), "/data/events.duckdb");
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Testing connection…" })).toBeDisabled());
    expect(await screen.findByText(/^Connection succeeded/)).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/Connection succeeded/);
  });

  it("has no axe violations", async () => {
    const { container } = render(
      <WarehouseConnectionForm onSave={() => {}} createWarehouse={() => createInMemoryAdapters(demoWorld).warehouse} />,
    );
    await expectNoAxeViolations(container);
  });
});
