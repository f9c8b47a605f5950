import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Benchmarks only (`pnpm --filter @flagsmith-experimentation/stats-core bench`); never part of `npm test`. */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { conditions: ["source"] },
  test: { environment: "node", benchmark: { include: ["bench/**/*.bench.ts"] } },
});
