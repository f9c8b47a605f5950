import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const src = import.meta.dirname;
const manifest = JSON.parse(readFileSync(join(src, "..", "package.json"), "utf8"));

/** Every bare import reachable from `entry` through relative imports. */
function reachableImports(entry: string, seen = new Set<string>()): Set<string> {
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      const specifier = match[1] ?? match[2] ?? "";
      if (/^import\s+type\b|^export\s+type\b/.test(match[0].trim())) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), `${specifier}.ts`));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return bare;
}

describe("entry points", () => {
  it("keeps DuckDB and pg out of the main entry", () => {
    const imports = [...reachableImports(join(src, "index.ts"))];
    expect(imports.filter((s) => /duckdb|^pg$/.test(s))).toEqual([]);
    // zod classic ("zod") is ~90 kB minified: the domain model and the Flagsmith adapters use zod/mini. stats-core
    // (pure, no dependencies) plans experiments (`planExperiment`: sample size and duration).
    expect(imports.sort()).toEqual(["@flagsmith-experimentation/stats-core", "zod/mini"]);
  });

  it("keeps test data and test doubles out of the main entry: they live in the testing subpath", () => {
    const seen = new Set<string>();
    reachableImports(join(src, "index.ts"), seen);
    const testOnly = ["fixtures.ts", "in-memory-adapters.ts", "traffic-simulator.ts", "reference-aggregation.ts"];
    expect([...seen].map((file) => file.slice(src.length + 1)).filter((file) => testOnly.includes(file))).toEqual([]);
    expect(manifest.exports["./testing"]).toEqual({
      source: "./src/testing.ts",
      types: "./dist/testing.d.ts",
      default: "./dist/testing.js",
    });
    expect(manifest.publishConfig.exports["./testing"]).toEqual({
      types: "./dist/testing.d.ts",
      default: "./dist/testing.js",
    });
  });

  it("exports every executor and the Flagsmith replay as a subpath with the same shape in development and when published", () => {
    for (const name of ["duckdb-node", "duckdb-wasm", "postgres", "flagsmith-replay"]) {
      expect(manifest.exports[`./${name}`]).toEqual({
        source: `./src/${name}.ts`,
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
      expect(manifest.publishConfig.exports[`./${name}`]).toEqual({
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
      expect(existsSync(join(src, `${name}.ts`))).toBe(true);
    }
    expect(manifest.peerDependenciesMeta["@duckdb/node-api"]).toEqual({ optional: true });
    expect(manifest.peerDependenciesMeta["@duckdb/duckdb-wasm"]).toEqual({ optional: true });
  });

  it("keeps the Flagsmith replay free of Node and of every dependency, so it runs in a browser page", () => {
    expect([...reachableImports(join(src, "flagsmith-replay.ts"))]).toEqual([]);
  });
});
