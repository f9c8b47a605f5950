#!/usr/bin/env node
// Every change to a published package needs a changeset (.changeset/README.md). Run by `npm test` (verify.mjs).
//
// What "changed" means depends on where this runs:
// - On a branch (HEAD is not main): the files changed since the merge base with main, committed or not, must be covered
//   by changesets added or edited on the branch — the pull-request rule of Changesets' own `changeset status`.
// - On main itself (CI's fresh clone, or a worktree just fast-forwarded): there is no base to compare with, so the
//   range is "since the last release": the last commit that wrote a package's CHANGELOG.md (what `changeset version`
//   does), or the whole history before the first release. Every package changed in that range must be named by a
//   pending changeset (`changeset version` consumes them at release, so pending ones describe exactly that range).
// Set CHANGESET_BASE=<ref> to compare with another base (branch rules).
//
// A file changes a package when it is under packages/<name>/ and is not a test, test support
// (packages/<name>/test-support/), snapshot, benchmark or tsconfig. A
// private package (one compiled into the packages that depend on it) counts for its dependents. On a
// branch, an empty changeset (`pnpm changeset --empty`) acknowledges changes that need no release.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import parseChangeset from "@changesets/parse";

const root = fileURLToPath(new URL("..", import.meta.url));
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
const lines = (text) => text.split("\n").filter(Boolean);
const hasRef = (ref) => {
  try {
    git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
};

function findRange() {
  if (process.env.CHANGESET_BASE) {
    return {
      mode: "branch",
      base: git("merge-base", "HEAD", process.env.CHANGESET_BASE),
      label: process.env.CHANGESET_BASE,
    };
  }
  const main = ["main", "origin/main"].find(hasRef);
  if (main && git("rev-parse", "HEAD") !== git("rev-parse", main)) {
    return { mode: "branch", base: git("merge-base", "HEAD", main), label: `the merge base with ${main}` };
  }
  const release = git("log", "-1", "--format=%H", "--", "packages/*/CHANGELOG.md");
  return release
    ? { mode: "main", base: release, label: `the last release (${release.slice(0, 7)})` }
    : { mode: "main", base: EMPTY_TREE, label: "the first commit (nothing released yet)" };
}

/** Workspace packages by directory: name, whether published, and the workspace packages it builds on. */
function workspacePackages() {
  const packages = new Map();
  for (const dir of readdirSync(join(root, "packages"))) {
    const file = join(root, "packages", dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    const uses = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    packages.set(dir, { name: manifest.name, published: manifest.private !== true, uses });
  }
  return packages;
}

const IGNORED = [
  /\.test\.tsx?$/,
  /\/__snapshots__\//,
  /^packages\/[^/]+\/(bench|test-support)\//,
  /\/tsconfig[^/]*\.json$/,
];

/** The published packages a changed file belongs to (a private package's file counts for its dependents). */
function packagesOf(file, packages) {
  const match = /^packages\/([^/]+)\//.exec(file);
  if (!match || IGNORED.some((pattern) => pattern.test(file))) return [];
  const owner = packages.get(match[1]);
  if (!owner) return [];
  if (owner.published) return [owner.name];
  return [...packages.values()].filter((p) => p.published && p.uses.includes(owner.name)).map((p) => p.name);
}

const range = findRange();
const packages = workspacePackages();
const published = new Set([...packages.values()].filter((p) => p.published).map((p) => p.name));
const changedFiles = [
  ...new Set([
    ...lines(git("diff", "--name-only", range.base)),
    ...lines(git("ls-files", "--others", "--exclude-standard")),
  ]),
];
const changed = new Map();
for (const file of changedFiles) {
  for (const name of packagesOf(file, packages)) changed.set(name, [...(changed.get(name) ?? []), file]);
}

const changesetDir = join(root, ".changeset");
const pending = readdirSync(changesetDir).filter((file) => file.endsWith(".md") && file !== "README.md");
const considered =
  range.mode === "main" ? pending : pending.filter((file) => changedFiles.includes(`.changeset/${file}`));
const covered = new Set();
const problems = [];
for (const file of pending) {
  let releases;
  try {
    ({ releases } = parseChangeset(readFileSync(join(changesetDir, file), "utf8")));
  } catch (error) {
    problems.push(`.changeset/${file} is not a valid changeset: ${error.message}`);
    continue;
  }
  // An empty changeset (`pnpm changeset --empty`) on a branch says "these changes need no release".
  if (releases.length === 0 && considered.includes(file) && range.mode === "branch") {
    for (const name of changed.keys()) covered.add(name);
  }
  for (const { name } of releases) {
    if (!published.has(name)) problems.push(`.changeset/${file} names ${name}, which is not a published package`);
    if (considered.includes(file)) covered.add(name);
  }
}
for (const [name, files] of changed) {
  if (!covered.has(name)) {
    problems.push(
      `${name} changed since ${range.label} (${files.length} file${files.length === 1 ? "" : "s"}, e.g. ${files[0]}) ` +
        `but no ${range.mode === "main" ? "pending" : "new"} changeset names it: run \`pnpm changeset\``,
    );
  }
}

console.log(`Changesets: comparing with ${range.label}.`);
console.log(
  `  changed packages: ${[...changed.keys()].join(", ") || "none"}; ` +
    `changesets considered: ${considered.length} (${[...covered].join(", ") || "none named"})`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log("  ✓ every changed package has a changeset");
