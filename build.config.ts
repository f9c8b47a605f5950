import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

/**
 * The private workspace package the UI packages share (`packages/ui`). It is compiled into each public package at
 * build time, JavaScript, types and CSS alike, so hosts never install it: see docs/architecture.md.
 */
const BUNDLED_WORKSPACE_PACKAGES = [/^@flagsmith-experimentation\/ui(\/|$)/];

/**
 * The one build configuration every package uses: ESM + rolled-up `.d.ts` for each TypeScript entry, CSS entries
 * bundled by esbuild (their `@import`s inlined), each with a declaration (`styles.css.d.ts`, from
 * `stylesheet-declaration.ts`) that the `types` condition of its `exports` entry points at; dependencies and peers
 * external (tsup's default), the shared private UI package bundled in.
 */
export function packageBuild({ entry = ["src/index.ts"] }: { entry?: string[] } = {}): Options {
  const dtsEntry = Object.fromEntries(
    entry.map((file) =>
      file.endsWith(".css")
        ? [basename(file), fileURLToPath(new URL("stylesheet-declaration.ts", import.meta.url))]
        : [file.replace(/^src\//, "").replace(/\.tsx?$/, ""), file],
    ),
  );
  return defineConfig({
    entry,
    format: ["esm"],
    target: "es2022",
    platform: "neutral",
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    noExternal: BUNDLED_WORKSPACE_PACKAGES,
    esbuildOptions(options) {
      // Resolve workspace packages to their source, as Vitest and Storybook do.
      options.conditions = ["source", ...(options.conditions ?? [])];
    },
    dts: {
      entry: dtsEntry,
      // Inline the shared package's types; relative imports must resolve too, for its own modules.
      resolve: [...BUNDLED_WORKSPACE_PACKAGES, /^\.\.?\//],
      compilerOptions: {
        composite: false,
        incremental: false,
        ignoreDeprecations: "6.0",
      },
    },
  }) as Options;
}
