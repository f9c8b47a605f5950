import { packageBuild } from "../../build.config";

// The main entry stays free of DuckDB; each executor is its own subpath export. Code splitting keeps one copy of
// the shared modules, so an `AdapterError` thrown from a subpath is the class the main entry exports.
export default {
  ...packageBuild({
    entry: ["src/index.ts", "src/duckdb-node.ts", "src/duckdb-wasm.ts", "src/postgres.ts", "src/flagsmith-replay.ts"],
  }),
  splitting: true,
};
