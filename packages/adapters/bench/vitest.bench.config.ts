import { defineConfig } from "vitest/config";

/** `pnpm --filter @flagsmith-experimentation/adapters bench`: prints figures; not part of `npm test`. */
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    name: "adapters:bench",
    environment: "node",
    include: ["bench/**/*.bench.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
    silent: false,
  },
});
