import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const scope = "@flagsmith-experimentation/";

/**
 * Workspace packages each package may import (docs/architecture.md: stats-core ← adapters ← ui ← wizard,
 * results-dashboard). `ui` is private: it is compiled into each UI package at build time, never installed by a host.
 */
const allowedWorkspaceImports: Record<string, string[]> = {
  "stats-core": [],
  adapters: ["stats-core"],
  ui: ["stats-core", "adapters"],
  wizard: ["stats-core", "adapters", "ui"],
  "results-dashboard": ["stats-core", "adapters", "ui"],
};

/** Private workspace packages that are bundled into the packages that import them (build.config.ts `noExternal`). */
const bundledWorkspacePackages = [`${scope}ui`];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Bare module specifiers of every static import, re-export and dynamic import in a file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] as string);
  return specifiers.filter((s) => !s.startsWith("."));
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
}

describe.each(Object.keys(allowedWorkspaceImports))("package %s", (name) => {
  const dir = join(root, "packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const files = sourceFiles(join(dir, "src"));
  const runtimeFiles = files.filter((f) => !/\.(test|bench|stories)\.tsx?$/.test(f));

  it("imports only the workspace packages the dependency direction allows", () => {
    const offending = runtimeFiles.flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith(scope))
        .filter((s) => !allowedWorkspaceImports[name]?.includes(packageOf(s).slice(scope.length)))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("declares every package its runtime code imports", () => {
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      // Bundled at build time: a build-time (dev) dependency, never a runtime one.
      ...Object.keys(manifest.devDependencies ?? {}).filter((name) => bundledWorkspacePackages.includes(name)),
    ]);
    const undeclared = runtimeFiles.flatMap((file) =>
      importsOf(file)
        .filter((s) => !s.startsWith("node:"))
        .filter((s) => !declared.has(packageOf(s)))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(undeclared).toEqual([]);
  });
});

describe("stats-core stays pure", () => {
  const dir = join(root, "packages", "stats-core");
  const files = sourceFiles(join(dir, "src")).filter((f) => !/\.(test|bench)\.ts$/.test(f));

  it("imports no React, no DOM and no Node built-ins", () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((s) => /^(react|react-dom|scheduler)(\/|$)|^node:|^@types\/|^jsdom/.test(s))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("type-checks without the DOM library", () => {
    const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions.lib.some((lib: string) => /dom/i.test(lib))).toBe(false);
    expect(tsconfig.compilerOptions.types).toEqual([]);
  });

  it("has no React peer or dependency", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const all = { ...manifest.dependencies, ...manifest.peerDependencies };
    expect(Object.keys(all).filter((d) => /react/.test(d))).toEqual([]);
  });
});

describe("the shared UI package", () => {
  const manifest = JSON.parse(readFileSync(join(root, "packages", "ui", "package.json"), "utf8"));

  it("is private, so it is never published", () => {
    expect(manifest.private).toBe(true);
  });

  it.each(["wizard", "results-dashboard"])("is a build-time dependency of %s, never a runtime one", (name) => {
    const dependent = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      expect(Object.keys(dependent[field] ?? {})).not.toContain(manifest.name);
    }
    expect(Object.keys(dependent.devDependencies ?? {})).toContain(manifest.name);
  });

  // Its code is compiled into each dependent, so what it imports at run time is imported from the dependent's dist.
  it.each(["wizard", "results-dashboard"])("has its runtime dependencies declared by %s", (name) => {
    const dependent = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      expect(dependent.dependencies?.[dependency], dependency).toBe(range);
    }
  });

  it("is bundled by the shared build configuration", () => {
    const build = readFileSync(join(root, "build.config.ts"), "utf8");
    expect(build).toMatch(/noExternal: BUNDLED_WORKSPACE_PACKAGES/);
    expect(build).toContain("@flagsmith-experimentation\\/ui");
  });
});

describe("UI packages", () => {
  it("never import each other", () => {
    const offending = ["wizard", "results-dashboard"].flatMap((name) => {
      const other = name === "wizard" ? "results-dashboard" : "wizard";
      return sourceFiles(join(root, "packages", name, "src")).flatMap((file) =>
        importsOf(file)
          .filter((s) => packageOf(s) === `${scope}${other}`)
          .map((s) => `${relative(root, file)} imports ${s}`),
      );
    });
    expect(offending).toEqual([]);
  });

  it.each(["wizard", "results-dashboard"])("%s has React and react-dom as peers, not dependencies", (name) => {
    const manifest = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(expect.arrayContaining(["react", "react-dom"]));
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("react");
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("react-dom");
  });
});
