// What a host ships for the kit: builds src/size/<variant>.tsx with Vite (React and react-dom external, as the host
// already has them) and measures the gzip size of the JavaScript and CSS it emits. Prints one JSON object:
//   { "<variant>": { "js": bytes, "css": bytes, "packages": { "<package>": minified bytes } }, … }
// `packages` attributes the minified JavaScript to the package each byte came from (through the source map).
//
//   node measure-bundles.mjs [wizard results both]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const variants = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["wizard", "results", "both"];
const external = [/^react(?:\/|$)/, /^react-dom(?:\/|$)/, /^scheduler(?:\/|$)/];

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one line of source-map `mappings` into [generatedColumn, sourceIndex] pairs (sourceIndex −1: unmapped). */
function* segments(line, state) {
  let column = 0;
  for (const segment of line.split(",")) {
    if (segment === "") continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length > 1) {
      state.source += fields[1];
      yield [column, state.source];
    } else yield [column, -1];
  }
}

/** Minified bytes per package: `node_modules/<package>/…` sources by package name, everything else as the app. */
function bytesByPackage(code, map) {
  const owner = map.sources.map((source) => {
    const found = [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
    return found ? found[1] : "(host app)";
  });
  const totals = {};
  const state = { source: 0 };
  const lines = code.split("\n");
  map.mappings.split(";").forEach((mapping, index) => {
    const line = lines[index] ?? "";
    const found = [...segments(mapping, state)];
    found.forEach(([column, source], i) => {
      const end = found[i + 1]?.[0] ?? line.length;
      const name = source >= 0 ? owner[source] : "(unmapped)";
      totals[name] = (totals[name] ?? 0) + Math.max(0, end - column);
    });
  });
  return totals;
}

const results = {};
for (const variant of variants) {
  const outDir = mkdtempSync(join(tmpdir(), `consumer-size-${variant}-`));
  await build({
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: "hidden",
      rollupOptions: { input: `src/size/${variant}.tsx`, external },
    },
  });
  const files = readdirSync(outDir, { recursive: true }).map((file) => join(outDir, String(file)));
  const sized = (extension) =>
    files
      .filter((file) => file.endsWith(extension))
      .reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  const packages = {};
  for (const file of files.filter((name) => name.endsWith(".js"))) {
    const map = JSON.parse(readFileSync(`${file}.map`, "utf8"));
    for (const [name, bytes] of Object.entries(bytesByPackage(readFileSync(file, "utf8"), map))) {
      packages[name] = (packages[name] ?? 0) + bytes;
    }
  }
  results[variant] = { js: sized(".js"), css: sized(".css"), packages };
  rmSync(outDir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
