import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const scope = "@flagsmith-experimentation/";

/**
 * Workspace packages each package may import (stats-core ← adapters ← ui ← wizard, results-dashboard). `ui` is what
 * the two UI packages share: an ordinary dependency of both, so a host that embeds both ships it once.
 */
const allowedWorkspaceImports: Record<string, string[]> = {
  "stats-core": [],
  adapters: ["stats-core"],
  ui: ["stats-core", "adapters"],
  wizard: ["stats-core", "adapters", "ui"],
  "results-dashboard": ["stats-core", "adapters", "ui"],
};

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

  // Compiled into each UI package instead, its code would ship twice to a host that embeds both widgets (issue 16's
  // "both" bundle budget counts it).
  it.each(["wizard", "results-dashboard"])("is a runtime dependency of %s, so hosts install it once", (name) => {
    const dependent = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    expect(dependent.dependencies?.[manifest.name]).toBe("workspace:*");
    expect(manifest.private).toBeUndefined();
  });

  it("has its stylesheet inlined into each UI package's stylesheet, which stays self-contained", () => {
    const build = readFileSync(join(root, "build.config.ts"), "utf8");
    expect(build).toMatch(/noExternal: INLINED_STYLESHEETS/);
    expect(build).toContain("@flagsmith-experimentation\\/ui\\/styles\\.css");
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
