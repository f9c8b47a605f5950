import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Benchmarks only (`pnpm --filter @flagsmith-experimentation/stats-core bench`); never part of `npm test`. */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { conditions: ["source"] },
  // One file at a time: the Node timings and the Chromium run must not compete for the CPU.
  test: { environment: "node", fileParallelism: false, benchmark: { include: ["bench/**/*.bench.ts"] } },
});
