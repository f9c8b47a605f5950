#!/usr/bin/env node
// Installs what `npm start` / `npm test` need on a fresh machine that has only Node and npm, then runs
// the requested workspace script through the pinned pnpm. Plain Node: it runs before any dependency exists.
//
//   node scripts/bootstrap.mjs start   → pnpm, dependencies, then Storybook on 127.0.0.1:6006
//   node scripts/bootstrap.mjs test    → pnpm, dependencies, Chromium, PostgreSQL, then the whole check
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "");
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
const env = { ...process.env, pnpm_config_pm_on_fail: "ignore", STORYBOOK_DISABLE_TELEMETRY: "1" };

const log = (message) => console.log(`\x1b[36m[bootstrap]\x1b[0m ${message}`);
const fail = (message) => {
  console.error(`\x1b[31m[bootstrap]\x1b[0m ${message}`);
  process.exit(1);
};

function versionOf(command) {
  const result = spawnSync(command, ["--version"], { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The pinned pnpm: the one on PATH if it matches, else a copy installed into .tools/ (no root needed). */
function ensurePnpm() {
  if (versionOf("pnpm") === pnpmVersion) return "pnpm";
  const tools = join(root, ".tools");
  const local = join(tools, "node_modules", ".bin", "pnpm");
  if (!existsSync(local) || versionOf(local) !== pnpmVersion) {
    log(`installing pnpm ${pnpmVersion} into .tools/`);
    mkdirSync(tools, { recursive: true });
    execFileSync("npm", ["install", "--prefix", tools, "--no-save", "--no-audit", "--no-fund", `pnpm@${pnpmVersion}`], {
      stdio: "inherit",
      env,
    });
  }
  env.PATH = `${join(tools, "node_modules", ".bin")}${delimiter}${env.PATH}`;
  return local;
}

/** `pnpm install --frozen-lockfile` when node_modules is missing or older than the lockfile. */
function ensureDependencies(pnpm) {
  const lock = readFileSync(join(root, "pnpm-lock.yaml"));
  const digest = createHash("sha256").update(lock).update(pnpmVersion).digest("hex");
  const stamp = join(root, "node_modules", ".bootstrap-lock-digest");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  log("installing dependencies from the frozen lockfile");
  execFileSync(pnpm, ["install", "--frozen-lockfile"], { cwd: root, stdio: "inherit", env });
  writeFileSync(stamp, digest);
}

function aptInstall(packages, why) {
  log(`installing ${packages.join(", ")} from Debian (${why})`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Debian's Chromium for the browser and story tests. Never downloads a browser of its own. */
function ensureChromium() {
  const path = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) {
    env.CHROMIUM_PATH = path;
    return;
  }
  if (env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${path} does not exist.`);
  if (isRoot && hasApt) {
    aptInstall(["chromium"], "browser and story tests run in real Chromium");
    env.CHROMIUM_PATH = "/usr/bin/chromium";
    return;
  }
  fail(
    "Chromium is required for the browser and story tests and was not found at /usr/bin/chromium.\n" +
      "Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.",
  );
}

/** PostgreSQL server binaries: the warehouse SQL is verified on a real server the tests start themselves. */
function ensurePostgres() {
  if (env.POSTGRES_URL || env.PG_BIN) return;
  const base = "/usr/lib/postgresql";
  const found = existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, "bin", "initdb")));
  if (found) return;
  if (isRoot && hasApt) {
    aptInstall(["postgresql"], "warehouse SQL tests run on a real PostgreSQL server");
    return;
  }
  fail(
    "PostgreSQL server binaries are required for the warehouse tests and were not found in /usr/lib/postgresql.\n" +
      "Install them (Debian/Ubuntu: `sudo apt-get install -y postgresql`), set PG_BIN to the folder with initdb and pg_ctl,\n" +
      "or set POSTGRES_URL to a server the tests may use.",
  );
}

const task = process.argv[2];
if (task !== "start" && task !== "test") fail("usage: node scripts/bootstrap.mjs start|test");
const pnpm = ensurePnpm();
ensureDependencies(pnpm);
if (task === "test") {
  ensureChromium();
  ensurePostgres();
}
const script = task === "start" ? "storybook" : "verify";
const result = spawnSync(pnpm, ["run", script], { cwd: root, stdio: "inherit", env });
process.exit(result.status ?? 1);
