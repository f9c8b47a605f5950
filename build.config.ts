import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every package uses: ESM + a rolled-up `.d.ts`,
 * dependencies and peers external (tsup's default), tree-shakable output.
 */
export function packageBuild(overrides: Partial<Options> = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "es2022",
    platform: "neutral",
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    dts: {
      compilerOptions: {
        composite: false,
        incremental: false,
        ignoreDeprecations: "6.0",
      },
    },
    esbuildOptions(options) {
      options.conditions = ["source", "import", "module", "default"];
      options.jsx = "automatic";
    },
    ...overrides,
  });
}
