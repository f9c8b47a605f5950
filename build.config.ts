import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

/**
 * The shared UI package's stylesheet is inlined into each UI package's `styles.css` (so each widget's stylesheet
 * stands alone); its JavaScript stays an ordinary dependency, so a host that embeds both widgets ships it once.
 */
const INLINED_STYLESHEETS = [/^@flagsmith-experimentation\/ui\/styles\.css$/];

/**
 * The one build configuration every package uses: ESM + rolled-up `.d.ts` for each TypeScript entry, CSS entries
 * bundled by esbuild (their `@import`s inlined), each with a declaration (`styles.css.d.ts`, from
 * `stylesheet-declaration.ts`) that the `types` condition of its `exports` entry points at; dependencies and peers
 * external (tsup's default).
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
    noExternal: INLINED_STYLESHEETS,
    esbuildOptions(options) {
      // Resolve workspace packages to their source, as Vitest and Storybook do.
      options.conditions = ["source", ...(options.conditions ?? [])];
    },
    dts: {
      entry: dtsEntry,
      compilerOptions: {
        composite: false,
        incremental: false,
        ignoreDeprecations: "6.0",
      },
    },
  }) as Options;
}
