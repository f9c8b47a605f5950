import type { WarehouseAdapter } from "@flagsmith-experimentation/adapters";
import {
  Button,
  Callout,
  errorKind,
  errorMessage,
  Field,
  fieldDescribedBy,
  formatMessage,
  rootProps,
} from "@flagsmith-experimentation/ui";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import { type WarehouseFormMessages, warehouseFormMessages } from "./messages";
import { type LocaleTextProps, useLocaleText } from "./use-locale-text";
import {
  createWarehouseConnectionSchema,
  DEFAULT_PORTS,
  fieldLabel,
  type SavedWarehouseConnection,
  SECRET_FIELDS,
  valuesFromSaved,
  WAREHOUSE_FIELDS,
  WAREHOUSE_TYPES,
  type WarehouseConnection,
  type WarehouseConnectionFormValues,
  type WarehouseType,
} from "./warehouse-connection-schema";
import { describeWarehouseProblem, type WarehouseProblem } from "./warehouse-problem";

export interface WarehouseConnectionFormProps extends LocaleTextProps {
  /** The connection saved before: its non-secret fields, and whether a secret is stored (never the secret). */
  savedConnection?: SavedWarehouseConnection;
  /**
   * Builds a warehouse adapter for the connection being edited, for "Test connection" (typically one that asks
   * your server to try the connection). Without it the button is hidden.
   */
  createWarehouse?: (connection: WarehouseConnection) => Pick<WarehouseAdapter, "testConnection">;
  /** Saves the connection; a secret left `undefined` means "keep the saved one". */
  onSave: (connection: WarehouseConnection) => void | Promise<void>;
}

type TestState =
  | { state: "idle" }
  | { state: "testing" }
  | { state: "done"; ok: boolean; message: string; details?: string | undefined };

type SaveState = { state: "idle" } | { state: "saving" } | { state: "saved" } | { state: "failed"; message: string };

function typeLabel(type: WarehouseType, m: WarehouseFormMessages): string {
  const labels: Record<WarehouseType, string> = {
    duckdb: m.warehouseDuckdb,
    postgres: m.warehousePostgres,
    clickhouse: m.warehouseClickhouse,
    bigquery: m.warehouseBigquery,
    snowflake: m.warehouseSnowflake,
  };
  return labels[type];
}

/** The organisation-level warehouse connection: per-type fields validated with zod, masked secrets, test and save. */
export function WarehouseConnectionForm({
  savedConnection,
  createWarehouse,
  onSave,
  className,
  style,
  ...text
}: WarehouseConnectionFormProps) {
  const { m, f } = useLocaleText(text, warehouseFormMessages);
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const [secretSaved, setSecretSaved] = useState(savedConnection?.secretSaved ?? false);
  const schema = useMemo(() => createWarehouseConnectionSchema(m, { secretSaved }), [m, secretSaved]);
  const form = useForm<WarehouseConnectionFormValues, unknown, WarehouseConnection>({
    resolver: zodResolver(schema),
    defaultValues: valuesFromSaved(savedConnection),
  });
  const { register, handleSubmit, watch, formState, setValue, getValues } = form;
  const type = watch("type");
  const [test, setTest] = useState<TestState>({ state: "idle" });
  const [save, setSave] = useState<SaveState>({ state: "idle" });

  const onTest = handleSubmit(async (connection) => {
    if (!createWarehouse) return;
    setTest({ state: "testing" });
    // A failure is said in the user's words ("Table analytics.events was not found"); the warehouse's own text,
    // which may hold SQL, stays behind "Details".
    const failed = (problem: WarehouseProblem) =>
      setTest({
        state: "done",
        ok: false,
        message: formatMessage(m.connectionFailed, { message: problem.summary }),
        details: problem.details,
      });
    try {
      const result = await createWarehouse(connection).testConnection();
      if (result.ok) {
        setTest({
          state: "done",
          ok: true,
          message: result.message
            ? formatMessage(m.connectionOkWithMessage, { message: result.message })
            : m.connectionOk,
        });
      } else if (result.message) {
        failed(describeWarehouseProblem({ message: result.message }, connection.eventsTable, m));
      } else {
        setTest({ state: "done", ok: false, message: m.connectionFailedGeneric });
      }
    } catch (error) {
      const problem = describeWarehouseProblem({ error }, connection.eventsTable, m);
      const generic = formatMessage(m.warehouseQueryFailed, { table: connection.eventsTable });
      const kind = errorKind(error);
      // Nothing specific in the driver's text, but a kind the shared words say better (server, rate limit…).
      const summary =
        problem.summary === generic && kind !== undefined && kind !== "query"
          ? errorMessage(error, m, f, m.connectionFailedGeneric)
          : problem.summary;
      failed({ ...problem, summary });
    }
  });

  const onSubmit = handleSubmit(async (connection) => {
    setSave({ state: "saving" });
    try {
      await onSave(connection);
      // Secrets are never echoed back: clear them and remember only that one is stored.
      const hadSecret = SECRET_FIELDS.some((field) => getValues(field) !== "");
      for (const field of SECRET_FIELDS) setValue(field, "");
      if (hadSecret) setSecretSaved(true);
      setSave({ state: "saved" });
    } catch (error) {
      setSave({
        state: "failed",
        message: formatMessage(m.saveFailed, { message: errorMessage(error, m, f) }),
      });
    }
  });

  const typeRegistration = register("type", {
    onChange: (event: { target: { value: string } }) => {
      const next = event.target.value as WarehouseType;
      const currentPort = getValues("port");
      const isDefault = currentPort === "" || Object.values(DEFAULT_PORTS).includes(currentPort);
      if (isDefault) setValue("port", DEFAULT_PORTS[next] ?? "");
      setTest({ state: "idle" });
    },
  });

  const field = (name: keyof WarehouseConnectionFormValues) => {
    const id = `${baseId}-${name}`;
    const error = formState.errors[name as FieldPath<WarehouseConnectionFormValues>]?.message;
    const label = fieldLabel(name, m);
    if (name === "ssl") {
      return (
        <div key={name} className="fx-field fx-field-checkbox">
          <input id={id} type="checkbox" {...register("ssl")} />
          <label htmlFor={id}>{label}</label>
        </div>
      );
    }
    const isSecret = (SECRET_FIELDS as readonly string[]).includes(name);
    const hint = isSecret && secretSaved ? m.secretSaved : undefined;
    return (
      <Field key={name} id={id} label={label} hint={hint} error={error}>
        <input
          id={id}
          type={isSecret ? "password" : "text"}
          inputMode={name === "port" ? "numeric" : undefined}
          autoComplete={isSecret ? "new-password" : "off"}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, { hint, error })}
          placeholder={isSecret && secretSaved ? "••••••••" : undefined}
          {...register(name as Exclude<keyof WarehouseConnectionFormValues, "ssl" | "type">)}
        />
      </Field>
    );
  };

  const busy = test.state === "testing" || save.state === "saving";
  return (
    <form
      {...rootProps("fx-warehouse-form", { className, style })}
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
    >
      <h2 id={headingId} className="fx-title">
        {m.warehouseConnection}
      </h2>
      <Field id={`${baseId}-type`} label={m.warehouseType}>
        <select id={`${baseId}-type`} {...typeRegistration}>
          {WAREHOUSE_TYPES.map((option) => (
            <option key={option} value={option}>
              {typeLabel(option, m)}
            </option>
          ))}
        </select>
      </Field>
      {WAREHOUSE_FIELDS[type].map((name) => field(name))}
      <div className="fx-actions">
        {createWarehouse ? (
          <Button onClick={onTest} disabled={busy} busy={test.state === "testing"}>
            {test.state === "testing" ? m.testingConnection : m.testConnection}
          </Button>
        ) : null}
        <Button type="submit" variant="primary" disabled={busy} busy={save.state === "saving"}>
          {save.state === "saving" ? m.saving : m.save}
        </Button>
      </div>
      <div role="status" className="fx-form-status">
        {test.state === "testing" ? <p>{m.testingConnection}</p> : null}
        {test.state === "done" ? (
          <p
            className="fx-form-result"
            data-tone={test.ok ? "success" : "danger"}
            data-result={test.ok ? "ok" : "failed"}
          >
            {test.message}
          </p>
        ) : null}
        {save.state === "saved" ? (
          <p className="fx-form-result" data-tone="success">
            {m.saved}
          </p>
        ) : null}
      </div>
      {test.state === "done" && test.details ? (
        <details className="fx-details">
          <summary>{m.details}</summary>
          <pre className="fx-details-text">{test.details}</pre>
        </details>
      ) : null}
      {save.state === "failed" ? (
        <Callout tone="danger" role="alert">
          <p>{save.message}</p>
        </Callout>
      ) : null}
    </form>
  );
}
