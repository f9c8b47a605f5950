import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every package uses: ESM + rolled-up `.d.ts` for each TypeScript entry,
 * CSS entries copied through esbuild, dependencies and peers external (tsup's default).
 */
export function packageBuild({ entry = ["src/index.ts"] }: { entry?: string[] } = {}): Options {
  return defineConfig({
    entry,
    format: ["esm"],
    target: "es2022",
    platform: "neutral",
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    dts: {
      entry: entry.filter((file) => /\.tsx?$/.test(file)),
      compilerOptions: {
        composite: false,
        incremental: false,
        ignoreDeprecations: "6.0",
      },
    },
  }) as Options;
}
