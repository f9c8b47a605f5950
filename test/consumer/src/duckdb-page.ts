import { type DuckDbWasmBundles, openDuckDbWasmWarehouse } from "@flagsmith-experimentation/adapters/duckdb-wasm";

/**
 * Starts the embedded warehouse and reports one count in `#duckdb`. By default the worker and wasm come from the
 * package (`new URL(…, import.meta.url)`, which Vite resolves); `?files=/duckdb/` passes the URLs of copies the host
 * serves itself, as a host bundling with esbuild does.
 */
const output = document.getElementById("duckdb") as HTMLOutputElement;
const files = new URLSearchParams(location.search).get("files");
const bundles: DuckDbWasmBundles | undefined = files
  ? { eh: { mainModule: `${files}duckdb-eh.wasm`, mainWorker: `${files}duckdb-browser-eh.worker.js` } }
  : undefined;
try {
  const duckdb = await openDuckDbWasmWarehouse({ timeoutMs: 60_000, ...(bundles ? { bundles } : {}) });
  const loaded = await duckdb.loadEvents([
    {
      identityKey: "a",
      eventName: "$flag_exposure",
      value: null,
      timestamp: new Date("2026-03-01T10:00:00Z"),
      flagId: "checkout-button",
      variantKey: "control",
    },
  ]);
  const rows = await duckdb.query("SELECT CAST(count(*) AS INTEGER) AS n FROM events", []);
  output.value = `ready: loaded ${loaded}, counted ${Number(rows[0]?.n)}`;
  await duckdb.close();
} catch (error) {
  const kind = error instanceof Error && "kind" in error ? ` (${String(error.kind)})` : "";
  output.value = `failed: ${error instanceof Error ? `${error.name}${kind}: ${error.message}` : String(error)}`;
}
