import { describe, expect, it } from "vitest";
import { AdapterError } from "./adapter-error";
import { defaultDuckDbWasmBundles, openDuckDbWasmWarehouse } from "./duckdb-wasm";

/** A same-origin worker script that never answers DuckDB's messages. */
function silentWorkerUrl(): string {
  return URL.createObjectURL(new Blob(["self.onmessage = () => {};"], { type: "text/javascript" }));
}

describe("openDuckDbWasmWarehouse in Chromium", { timeout: 60_000 }, () => {
  it("starts DuckDB-Wasm from the installed package's files (new URL(…, import.meta.url)) and runs SQL", async () => {
    const duckdb = await openDuckDbWasmWarehouse({ eventsTable: "loader_events" });
    try {
      expect(await duckdb.query("SELECT CAST(40 + 2 AS INTEGER) AS answer", [])).toEqual([{ answer: 42 }]);
      expect(await duckdb.warehouse.testConnection()).toMatchObject({ ok: true });
    } finally {
      await duckdb.close();
    }
  });

  it("rejects with a timeout AdapterError when the worker never answers, instead of hanging", async () => {
    const worker = silentWorkerUrl();
    const opening = openDuckDbWasmWarehouse({
      bundles: { eh: { mainModule: "/never-fetched.wasm", mainWorker: worker } },
      timeoutMs: 200,
    });
    await expect(opening).rejects.toBeInstanceOf(AdapterError);
    await expect(opening).rejects.toMatchObject({ kind: "timeout", operation: "openDuckDbWasmWarehouse" });
    URL.revokeObjectURL(worker);
  });

  it("rejects with a network AdapterError naming the URL when the worker script cannot be loaded", async () => {
    const opening = openDuckDbWasmWarehouse({
      bundles: {
        mvp: { mainModule: "/missing/duckdb-mvp.wasm", mainWorker: "/missing/duckdb-browser-mvp.worker.js" },
        eh: { mainModule: "/missing/duckdb-eh.wasm", mainWorker: "/missing/duckdb-browser-eh.worker.js" },
      },
    });
    await expect(opening).rejects.toMatchObject({ kind: "network", message: expect.stringContaining("/missing/") });
  });

  it("rejects with a typed error for a worker URL that cannot be a worker, and for bundles that name no build", async () => {
    await expect(
      openDuckDbWasmWarehouse({ bundles: { eh: { mainModule: "/x.wasm", mainWorker: "http://[::1" } } }),
    ).rejects.toMatchObject({ kind: "network", operation: "openDuckDbWasmWarehouse" });
    await expect(openDuckDbWasmWarehouse({ bundles: {} as never })).rejects.toMatchObject({ kind: "invalid-request" });
  });

  it("names the wasm URL when DuckDB cannot start from it (its worker only logs the failed fetch)", async () => {
    const { eh } = defaultDuckDbWasmBundles();
    const opening = openDuckDbWasmWarehouse({
      bundles: { eh: { mainModule: "/missing/duckdb-eh.wasm", mainWorker: eh.mainWorker } },
      timeoutMs: 3_000,
    });
    await expect(opening).rejects.toMatchObject({
      kind: "timeout",
      message: expect.stringContaining("wasm /missing/duckdb-eh.wasm"),
    });
  });
});
