#!/usr/bin/env node
// The whole check behind `npm test`: changesets (scripts/check-changesets.mjs), lint, typecheck, builds, publint, size budgets, the consumer check, then every vitest
// project (unit in Node/jsdom, browser and stories in Chromium). Each step's time is printed; the last
// line is the test runner's summary ("N passed, N failed").
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const report = join(root, ".tmp", "vitest-report.json");

const steps = [
  ["changesets", "node", ["scripts/check-changesets.mjs"]],
  ["lint", "pnpm", ["run", "lint"]],
  ["typecheck", "pnpm", ["run", "typecheck"]],
  ["build", "pnpm", ["run", "build"]],
  ["publint", "pnpm", ["run", "publint"]],
  ["size budgets", "pnpm", ["run", "size"]],
  // The packed tarballs in a fresh Vite + React host (test/consumer): types, builds, dev server, SSR, require, CSS, sizes.
  ["consumer check", "node", ["scripts/consumer-check.mjs", "--no-build"]],
  [
    "tests (unit, browser, storybook)",
    "pnpm",
    ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  ],
];

const results = [];
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
for (const [name, command, args] of steps) {
  console.log(`\n\x1b[1m▶ ${name}\x1b[0m`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log("\n\x1b[1mSummary\x1b[0m");
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? "✓" : "✗"} ${name.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s`);
}
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(", ")}`);

let summary = "Tests: 0 passed, 1 failed (the test runner wrote no report)";
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  summary = `Tests: ${json.numPassedTests} passed, ${json.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
} catch {
  // keep the failure summary above
}
console.log(summary);
process.exit(failedSteps.length > 0 ? 1 : 0);
