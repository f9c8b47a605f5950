import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * `pnpm --filter @flagsmith-experimentation/wizard bench`: prints figures, asserts nothing; not part of `npm test`.
 * jsdom, as issue 14 measured the picker (React's development build, as in the unit tests).
 */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    name: "wizard:bench",
    environment: "jsdom",
    include: ["bench/**/*.bench.tsx"],
    setupFiles: ["../../test/setup-dom.ts"],
    testTimeout: 600_000,
    silent: false,
  },
});
