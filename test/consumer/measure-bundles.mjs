// What a host ships for the kit: builds src/size/<variant>.tsx with Vite (React and react-dom external, as the host
// already has them) and measures the gzip size of the JavaScript and CSS it emits (every chunk, lazy ones included).
// Prints one JSON object:
//   { "<variant>": { "js": bytes, "css": bytes, "packages": { "<package>": { "min": bytes, "gzip": bytes } } }, … }
// `packages` attributes the minified JavaScript to the package each byte came from (through the source maps: the
// host bundle's, then the kit package's own, so the private ui package compiled into a UI package is its own row,
// "<package> › ui"). `gzip` is what leaving that package's bytes out would save (gzip is not additive: the rows sum
// to less than `js`).
//
//   node measure-bundles.mjs [wizard results both]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const variants = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["wizard", "results", "both"];
const external = [/^react(?:\/|$)/, /^react-dom(?:\/|$)/, /^scheduler(?:\/|$)/];

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes source-map `mappings` into one array per generated line of segments
 * `{ column, source, line, originalColumn }` (source −1: unmapped).
 */
function decodeMappings(mappings) {
  const state = [0, 0, 0, 0];
  return mappings.split(";").map((text) => {
    let column = 0;
    const segments = [];
    for (const segment of text.split(",")) {
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
      if (fields.length < 4) {
        segments.push({ column, source: -1 });
        continue;
      }
      for (let i = 1; i < 4; i++) state[i] += fields[i];
      segments.push({ column, source: state[1], line: state[2], originalColumn: state[3] });
    }
    return segments;
  });
}

/** `node_modules/<package>/…` by package name, anything else as the host app. */
function packageOf(path) {
  const found = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  return found ? found[1] : "(host app)";
}

/**
 * Who wrote the code at (line, column) of a kit package's published file, through that file's own source map: the
 * package itself, or the private ui package compiled into it ("<package> › ui").
 */
function kitAttribution(file, name) {
  const mapFile = `${file}.map`;
  if (!name.startsWith("@flagsmith-experimentation/") || !existsSync(mapFile)) return () => name;
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  const owners = map.sources.map((source) => (/(^|\/)ui\/src\//.test(source) ? `${name} › ui` : name));
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    let owner = name;
    for (const segment of lines[line] ?? []) {
      if (segment.column > column) break;
      if (segment.source >= 0) owner = owners[segment.source];
    }
    return owner;
  };
}

/** Each mapped stretch of `code` as [line, start, end, owner]. */
function stretches(code, map, file) {
  const base = dirname(file);
  const attribute = map.sources.map((source) => {
    const path = resolve(base, map.sourceRoot ?? "", source);
    return kitAttribution(path, packageOf(path));
  });
  const lines = code.split("\n");
  const found = [];
  decodeMappings(map.mappings).forEach((segments, index) => {
    const text = lines[index] ?? "";
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.column ?? text.length;
      const owner =
        segment.source >= 0 ? attribute[segment.source](segment.line, segment.originalColumn) : "(unmapped)";
      found.push([index, segment.column, end, owner]);
    });
  });
  return found;
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** Minified bytes per package, and the gzip bytes each package adds (the chunks gzipped without its code). */
function packageFigures(chunks) {
  const figures = {};
  for (const { pieces } of chunks) {
    for (const [, start, end, owner] of pieces) {
      figures[owner] ??= { min: 0, gzip: 0 };
      figures[owner].min += Math.max(0, end - start);
    }
  }
  const whole = chunks.reduce((sum, { code }) => sum + gzip(code), 0);
  for (const owner of Object.keys(figures)) {
    const without = chunks.reduce((sum, { code, pieces }) => {
      const lines = code.split("\n");
      const cuts = new Map();
      for (const [line, start, end, who] of pieces) {
        if (who === owner && end > start) cuts.set(line, [...(cuts.get(line) ?? []), [start, end]]);
      }
      for (const [line, ranges] of cuts) {
        const text = lines[line];
        let kept = "";
        let at = 0;
        for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
          kept += text.slice(at, Math.max(at, start));
          at = Math.max(at, end);
        }
        lines[line] = kept + text.slice(at);
      }
      return sum + gzip(lines.join("\n"));
    }, 0);
    figures[owner].gzip = whole - without;
  }
  return figures;
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
    files.filter((file) => file.endsWith(extension)).reduce((sum, file) => sum + gzip(readFileSync(file)), 0);
  const chunks = files
    .filter((name) => name.endsWith(".js"))
    .map((file) => {
      const code = readFileSync(file, "utf8");
      return { code, pieces: stretches(code, JSON.parse(readFileSync(`${file}.map`, "utf8")), file) };
    });
  results[variant] = { js: sized(".js"), css: sized(".css"), packages: packageFigures(chunks) };
  rmSync(outDir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
