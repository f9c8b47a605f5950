import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Locks the whole public surface of every published package: every subpath of its `exports` map, and for each
 * TypeScript entry every export with what it is (a value, a type, or both), read from the source entry with the
 * TypeScript compiler — so a type that disappears or changes from interface to value shows up here, not in a host's
 * build. A change to this snapshot is a change to public API: make it deliberately, with a changeset.
 */
const root = join(import.meta.dirname, "..");
const packages = ["stats-core", "adapters", "wizard", "results-dashboard"];

interface Entry {
  subpath: string;
  source: string;
}

function entriesOf(name: string): Entry[] {
  const manifest = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
  return Object.entries(manifest.exports as Record<string, string | Record<string, string>>).map(
    ([subpath, target]) => ({
      subpath,
      source: typeof target === "string" ? target : (target.source ?? target.default ?? Object.values(target)[0] ?? ""),
    }),
  );
}

const tsEntries = packages.flatMap((name) =>
  entriesOf(name)
    .filter((entry) => /\.tsx?$/.test(entry.source))
    .map((entry) => ({ name, ...entry, file: join(root, "packages", name, entry.source) })),
);

const program = ts.createProgram(
  tsEntries.map((entry) => entry.file),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ["source"],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
);
const checker = program.getTypeChecker();

/** `name: value`, `name: type` or `name: value + type` for each export of an entry, sorted. */
function surfaceOf(file: string): string[] {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) return [];
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const value = (target.flags & ts.SymbolFlags.Value) !== 0;
      const type = (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) !== 0;
      return `${symbol.getName()}: ${value && type ? "value + type" : value ? "value" : "type"}`;
    })
    .sort();
}

describe.each(packages)("public API of %s", (name) => {
  it("has these subpaths", () => {
    expect(entriesOf(name).map((entry) => `${entry.subpath} → ${entry.source}`)).toMatchSnapshot();
  });

  it.each(tsEntries.filter((entry) => entry.name === name).map((entry) => entry.subpath))(
    "exports these values and types from %s",
    (subpath) => {
      const entry = tsEntries.find((candidate) => candidate.name === name && candidate.subpath === subpath);
      expect(surfaceOf(entry?.file ?? "")).toMatchSnapshot();
    },
  );
});
