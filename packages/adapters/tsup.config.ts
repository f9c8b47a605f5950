import { readFile } from "node:fs/promises";
import type { Options } from "tsup";
import { packageBuild } from "../../build.config";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * `duckdb-wasm.ts` finds the DuckDB-Wasm files with `new URL("../node_modules/@duckdb/…", import.meta.url)`, which is
 * right in the workspace (this package's dev dependency). Installed, the peer `@duckdb/duckdb-wasm` sits next to this
 * package in node_modules, so the published `dist/duckdb-wasm.js` points three levels up instead.
 */
const publishedDuckDbWasmUrls: EsbuildPlugin = {
  name: "published-duckdb-wasm-urls",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]duckdb-wasm\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      const workspace = /"\.\.\/node_modules\/@duckdb\/duckdb-wasm\/dist\//g;
      const count = source.match(workspace)?.length ?? 0;
      if (count !== 4) throw new Error(`expected 4 DuckDB-Wasm file URLs in ${path}, found ${count}`);
      return { contents: source.replace(workspace, '"../../../@duckdb/duckdb-wasm/dist/'), loader: "ts" };
    });
  },
};

// The main entry stays free of DuckDB and of test data; each executor and `testing` is its own subpath export. Code splitting keeps one copy of
// the shared modules, so an `AdapterError` thrown from a subpath is the class the main entry exports.
export default {
  ...packageBuild({
    entry: [
      "src/index.ts",
      "src/duckdb-node.ts",
      "src/duckdb-wasm.ts",
      "src/postgres.ts",
      "src/flagsmith-replay.ts",
      "src/testing.ts",
    ],
  }),
  splitting: true,
  esbuildPlugins: [publishedDuckDbWasmUrls],
};
