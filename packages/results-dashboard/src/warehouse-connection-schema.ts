import { formatMessage } from "@flagsmith-experimentation/ui";
import * as z from "zod/mini";
import type { WarehouseFormMessages } from "./messages";

export const WAREHOUSE_TYPES = ["duckdb", "postgres", "clickhouse", "bigquery", "snowflake"] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

/** Fields that hold secrets: masked in the form, never sent back to it once saved. */
export const SECRET_FIELDS = ["password", "serviceAccountKey"] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The form's flat values: every field of every warehouse type as text; only the chosen type's fields count. */
export interface WarehouseConnectionFormValues {
  type: WarehouseType;
  path: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  ssl: boolean;
  projectId: string;
  dataset: string;
  serviceAccountKey: string;
  account: string;
  warehouse: string;
  schema: string;
  role: string;
  eventsTable: string;
}

/** Which fields each warehouse type asks for, in display order. */
export const WAREHOUSE_FIELDS: Record<WarehouseType, readonly (keyof WarehouseConnectionFormValues)[]> = {
  duckdb: ["path", "eventsTable"],
  postgres: ["host", "port", "database", "user", "password", "ssl", "eventsTable"],
  clickhouse: ["host", "port", "database", "user", "password", "ssl", "eventsTable"],
  bigquery: ["projectId", "dataset", "serviceAccountKey", "eventsTable"],
  snowflake: ["account", "user", "password", "warehouse", "database", "schema", "role", "eventsTable"],
};

export const DEFAULT_PORTS: Partial<Record<WarehouseType, string>> = { postgres: "5432", clickhouse: "8443" };

/** The fields that are optional for a type (everything else it lists is required). */
const OPTIONAL_FIELDS: readonly (keyof WarehouseConnectionFormValues)[] = ["role", "ssl"];

export function emptyConnectionValues(type: WarehouseType = "duckdb"): WarehouseConnectionFormValues {
  return {
    type,
    path: "",
    host: "",
    port: DEFAULT_PORTS[type] ?? "",
    database: "",
    user: "",
    password: "",
    ssl: true,
    projectId: "",
    dataset: "",
    serviceAccountKey: "",
    account: "",
    warehouse: "",
    schema: "",
    role: "",
    eventsTable: "events",
  };
}

/**
 * A validated connection. A secret left `undefined` means "keep the one saved before" (the form never
 * sees saved secrets). Non-secret fields of other warehouse types are absent.
 */
export type WarehouseConnection =
  | { type: "duckdb"; path: string; eventsTable: string }
  | {
      type: "postgres" | "clickhouse";
      host: string;
      port: number;
      database: string;
      user: string;
      password?: string;
      ssl: boolean;
      eventsTable: string;
    }
  | { type: "bigquery"; projectId: string; dataset: string; serviceAccountKey?: string; eventsTable: string }
  | {
      type: "snowflake";
      account: string;
      user: string;
      password?: string;
      warehouse: string;
      database: string;
      schema: string;
      role?: string;
      eventsTable: string;
    };

/** A saved connection as the host hands it back: no secret values, only whether one is stored. */
export type SavedWarehouseConnection = Partial<Omit<WarehouseConnectionFormValues, SecretField>> & {
  type: WarehouseType;
  secretSaved: boolean;
};

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/;

/** The label of each field, from `messages`. */
export function fieldLabel(field: keyof WarehouseConnectionFormValues, messages: WarehouseFormMessages): string {
  const labels: Record<keyof WarehouseConnectionFormValues, string> = {
    type: messages.warehouseType,
    path: messages.fieldPath,
    host: messages.fieldHost,
    port: messages.fieldPort,
    database: messages.fieldDatabase,
    user: messages.fieldUser,
    password: messages.fieldPassword,
    ssl: messages.fieldSsl,
    projectId: messages.fieldProjectId,
    dataset: messages.fieldDataset,
    serviceAccountKey: messages.fieldServiceAccountKey,
    account: messages.fieldAccount,
    warehouse: messages.fieldWarehouse,
    schema: messages.fieldSchema,
    role: messages.fieldRole,
    eventsTable: messages.fieldEventsTable,
  };
  return labels[field];
}

/**
 * The zod schema of the form: validates the chosen type's fields (required, port range, table identifier,
 * JSON key) and outputs a {@link WarehouseConnection}. With `secretSaved`, an empty secret keeps the saved one.
 */
export function createWarehouseConnectionSchema(messages: WarehouseFormMessages, { secretSaved = false } = {}) {
  const text = z.string();
  const formSchema = z.object({
    type: z.enum(WAREHOUSE_TYPES),
    path: text,
    host: text,
    port: text,
    database: text,
    user: text,
    password: text,
    ssl: z.boolean(),
    projectId: text,
    dataset: text,
    serviceAccountKey: text,
    account: text,
    warehouse: text,
    schema: text,
    role: text,
    eventsTable: text,
  });
  const checked = formSchema.check(
    z.superRefine((values, ctx) => {
      for (const field of WAREHOUSE_FIELDS[values.type]) {
        if (OPTIONAL_FIELDS.includes(field)) continue;
        const value = values[field];
        if (typeof value !== "string") continue;
        const isSecret = (SECRET_FIELDS as readonly string[]).includes(field);
        if (value.trim() === "" && !(isSecret && secretSaved)) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: formatMessage(messages.errorRequired, { field: fieldLabel(field, messages) }),
          });
        }
      }
      const fields = WAREHOUSE_FIELDS[values.type];
      if (fields.includes("port") && values.port.trim() !== "") {
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535) {
          ctx.addIssue({ code: "custom", path: ["port"], message: messages.errorPort });
        }
      }
      if (values.eventsTable.trim() !== "" && !identifierPattern.test(values.eventsTable.trim())) {
        ctx.addIssue({ code: "custom", path: ["eventsTable"], message: messages.errorIdentifier });
      }
      if (fields.includes("serviceAccountKey") && values.serviceAccountKey.trim() !== "") {
        try {
          const parsed: unknown = JSON.parse(values.serviceAccountKey);
          if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
        } catch {
          ctx.addIssue({ code: "custom", path: ["serviceAccountKey"], message: messages.errorJson });
        }
      }
    }),
  );
  return z.pipe(
    checked,
    z.transform((values: WarehouseConnectionFormValues): WarehouseConnection => toConnection(values)),
  );
}

function secret(value: string): string | undefined {
  return value === "" ? undefined : value;
}

function toConnection(values: WarehouseConnectionFormValues): WarehouseConnection {
  const eventsTable = values.eventsTable.trim();
  switch (values.type) {
    case "duckdb":
      return { type: "duckdb", path: values.path.trim(), eventsTable };
    case "postgres":
    case "clickhouse": {
      const connection: WarehouseConnection = {
        type: values.type,
        host: values.host.trim(),
        port: Number(values.port),
        database: values.database.trim(),
        user: values.user.trim(),
        ssl: values.ssl,
        eventsTable,
      };
      const password = secret(values.password);
      if (password !== undefined) connection.password = password;
      return connection;
    }
    case "bigquery": {
      const connection: WarehouseConnection = {
        type: "bigquery",
        projectId: values.projectId.trim(),
        dataset: values.dataset.trim(),
        eventsTable,
      };
      const key = secret(values.serviceAccountKey);
      if (key !== undefined) connection.serviceAccountKey = key;
      return connection;
    }
    case "snowflake": {
      const connection: WarehouseConnection = {
        type: "snowflake",
        account: values.account.trim(),
        user: values.user.trim(),
        warehouse: values.warehouse.trim(),
        database: values.database.trim(),
        schema: values.schema.trim(),
        eventsTable,
      };
      const password = secret(values.password);
      if (password !== undefined) connection.password = password;
      if (values.role.trim() !== "") connection.role = values.role.trim();
      return connection;
    }
  }
}

/** Form values for a saved connection: its non-secret fields, secrets always empty. */
export function valuesFromSaved(saved: SavedWarehouseConnection | undefined): WarehouseConnectionFormValues {
  const base = emptyConnectionValues(saved?.type);
  if (!saved) return base;
  const { secretSaved: _secretSaved, ...rest } = saved;
  const values = { ...base };
  for (const [key, value] of Object.entries(rest)) {
    if ((SECRET_FIELDS as readonly string[]).includes(key)) continue;
    if (key in values && value !== undefined) Object.assign(values, { [key]: value });
  }
  return values;
}
