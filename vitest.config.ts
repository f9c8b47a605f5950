import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./test/chromium.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Every browser project gets its own settings object (vitest mutates them). */
function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
    instances: [{ browser: "chromium" as const }],
    screenshotFailures: false,
  };
}

const uiTests = [
  "packages/wizard/src/**/*.test.{ts,tsx}",
  "packages/results-dashboard/src/**/*.test.{ts,tsx}",
  "test/**/*.dom.test.{ts,tsx}",
];

export default defineConfig({
  plugins: [react()],
  // Workspace packages resolve to their TypeScript source (the `source` export condition), in the browser and in Node.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit:node",
          environment: "node",
          include: [
            "packages/stats-core/src/**/*.test.ts",
            "packages/adapters/src/**/*.test.ts",
            "test/**/*.node.test.ts",
          ],
          globalSetup: ["test/postgres-global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "unit:dom",
          environment: "jsdom",
          include: uiTests,
          setupFiles: ["test/setup-dom.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: [...uiTests, "test/**/*.browser.test.{ts,tsx}"],
          setupFiles: ["test/setup-dom.ts"],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook`, storybookScript: "pnpm storybook" })],
        test: {
          name: "storybook",
          browser: chromium(),
        },
      },
    ],
  },
});
