import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { configDefaults, defineConfig } from "vitest/config";
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

/**
 * Dependencies the browser projects pre-bundle up front. Found lazily instead, Vite re-optimizes mid-run on a
 * cold cache (a fresh clone, CI) and reloads the page, which fails the tests running at that moment.
 */
function browserDependencies(): string[] {
  const workspace = ["stats-core", "adapters", "ui", "wizard", "results-dashboard"];
  const packageDependencies = workspace.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, "utf8"));
    return Object.keys(manifest.dependencies ?? {})
      .filter((dep) => !dep.startsWith("@flagsmith-experimentation/") && dep !== "@noble/hashes")
      .map((dep) => `${manifest.name} > ${dep}`);
  });
  const subpaths = [
    "@flagsmith-experimentation/stats-core > @noble/hashes/legacy.js",
    "@flagsmith-experimentation/wizard > zod/mini",
    "@flagsmith-experimentation/results-dashboard > zod/mini",
  ];
  const rootDependencies = ["react", "react-dom", "react-dom/client", "react/jsx-runtime", "react/jsx-dev-runtime"];
  const testing = [
    "@testing-library/react",
    "@testing-library/user-event",
    "@testing-library/jest-dom/vitest",
    "axe-core",
  ];
  return [...new Set([...rootDependencies, ...packageDependencies, ...subpaths, ...testing])];
}

const uiTests = [
  "packages/ui/src/**/*.test.{ts,tsx}",
  "packages/wizard/src/**/*.test.{ts,tsx}",
  "packages/results-dashboard/src/**/*.test.{ts,tsx}",
  "test/**/*.dom.test.{ts,tsx}",
];

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: browserDependencies() },
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
          exclude: [...configDefaults.exclude, "**/*.browser.test.{ts,tsx}"],
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
          testTimeout: 30_000,
          include: [...uiTests, "test/**/*.browser.test.{ts,tsx}", "packages/adapters/src/**/*.browser.test.ts"],
          setupFiles: ["test/setup-dom.ts"],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook`, storybookScript: "pnpm storybook" })],
        test: {
          name: "storybook",
          // The demo stories simulate traffic into DuckDB-wasm before they render: give them room on a busy 2-core CI.
          testTimeout: 30_000,
          browser: chromium(),
        },
      },
    ],
  },
});
