#!/usr/bin/env node
// The consumer check: the kit as a new user gets it. Packs the four published packages (`pnpm pack`), installs the
// tarballs with npm into a fresh copy of test/consumer (a Vite + React 19 + TypeScript host, copied outside the repo
// so nothing resolves from the workspace), checks that the private shared UI package is compiled into the UI packages
// (no trace of it in what was installed), then checks that the host:
//
//   typecheck   `tsc --noEmit` passes (strict, skipLibCheck false, styles.css imports included)
//   build       `vite build` passes and bundles DuckDB-Wasm's worker and wasm from node_modules
//   require     Node `require()` loads every entry (require-smoke.cjs)
//   dev         the Vite dev server serves the app and the embedded DuckDB page, and keeps running
//   ssr         `renderToString` on the dev server, hydrated in Chromium without a hydration warning
//   built       the production build loads in Chromium and starts DuckDB-Wasm
//   esbuild     an esbuild bundle starts DuckDB-Wasm from URLs the host passes, and fails fast with a typed error
//               without them (never `[object Object]`, never a hang)
//   css         the kit's stylesheets change no computed style of the host's own elements (focus rings included)
//   sizes       gzip JavaScript the host ships for the wizard, the results and both (React excluded), against
//               budgets; CSS printed beside it
//
//   node scripts/consumer-check.mjs              build the packages, then everything above
//   node scripts/consumer-check.mjs --no-build   reuse packages/*/dist (npm test builds just before)
//   node scripts/consumer-check.mjs --only=sizes,css --analyze --keep
//      --only     run some checks (install always runs); --analyze prints what each size variant pulls in, per
//      package (the ui package compiled into a UI package is its own row), minified and the gzip each one adds;
//      --keep leaves the throwaway app in place and prints where.
//
// Chromium: CHROMIUM_PATH or /usr/bin/chromium with the flags of test/chromium.ts. npm's cache lives in .tmp/npm-cache.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, launchChromium, serveStatic } from "./screenshots.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = ["stats-core", "adapters", "wizard", "results-dashboard"];
/** The private workspace package compiled into the UI packages (build.config.ts): hosts never install it. */
const PRIVATE_PACKAGE = "@flagsmith-experimentation/ui";

/**
 * gzip kB (1 kB = 1000 bytes) of JavaScript a host ships for each variant, React and react-dom excluded (issue 16,
 * whose figures were measured the same way). The stylesheets are printed beside them.
 */
const BUNDLE_BUDGETS = { wizard: 60, results: 60, both: 85 };
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wanted = (check) => !only || only.includes(check);

const bold = (text) => `\x1b[1m${text}\x1b[0m`;
const results = [];

/** Runs one named check, timing it; a failure is recorded and the next check still runs. */
async function check(name, body, { always = false } = {}) {
  if (!always && !wanted(name)) return;
  const started = Date.now();
  process.stdout.write(`${bold(`▶ ${name}`)}\n`);
  try {
    const note = await body();
    results.push({ name, ok: true, seconds: (Date.now() - started) / 1000, note });
  } catch (error) {
    console.error(`  ✗ ${error instanceof Error ? error.message : error}`);
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000 });
  }
}

/** Runs a command to completion; throws with its output when it fails. */
function run(command, commandArgs, { cwd, env = process.env, quiet = true } = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd,
    env,
    encoding: "utf8",
    stdio: quiet ? "pipe" : "inherit",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${command} ${commandArgs.join(" ")} failed (exit ${result.status})\n${output}`);
  }
  return result.stdout ?? "";
}

/** npm as a new user runs it: none of the npm_* variables pnpm sets for its scripts, the cache in .tmp/. */
function npmEnv() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_(registry|.*proxy)$/i.test(key)),
  );
  return { ...env, npm_config_cache: join(root, ".tmp", "npm-cache"), npm_config_update_notifier: "false" };
}

/** A page that records console errors and warnings and uncaught exceptions. */
async function openPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems };
}

/** Opens the embedded DuckDB page and returns what it reports (`ready: …` or `failed: …`). */
async function duckDbReport(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => /^(ready|failed)/.test(document.getElementById("duckdb")?.textContent ?? ""), null, {
    timeout: 120_000,
  });
  return (await page.locator("#duckdb").textContent()) ?? "";
}

/** Checks that the embedded DuckDB page started DuckDB-Wasm and counted the event it loaded. */
async function expectDuckDbReady(page, url) {
  const text = await duckDbReport(page, url);
  if (!text.startsWith("ready: loaded 1, counted 1")) throw new Error(`DuckDB-Wasm page ${url}: ${text}`);
  return text;
}

/** Starts `vite` (the dev server) in the app; resolves once it answers HTTP. */
async function startDevServer(app) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      join(app, "node_modules", "vite", "bin", "vite.js"),
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--strictPort",
    ],
    { cwd: app, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, BROWSER: "none" } },
  );
  let output = "";
  server.stdout.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", resolve);
      server.kill("SIGTERM");
    });
  for (let answered = false, waited = 0; !answered; waited += 200) {
    if (server.exitCode !== null) throw new Error(`the Vite dev server exited (${server.exitCode}):\n${output}`);
    if (waited > 60_000) {
      await stop();
      throw new Error(`the Vite dev server did not answer within 60 s:\n${output}`);
    }
    answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (!answered) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    alive: () => server.exitCode === null,
    stop,
  };
}

/** Computed styles of the host's elements (custom properties aside), unfocused and while each has keyboard focus. */
async function hostStyles(page) {
  const snapshot = () =>
    page.evaluate(() => {
      const read = (element) => {
        const style = getComputedStyle(element);
        const values = {};
        for (const property of Array.from(style)) {
          if (!property.startsWith("--")) values[property] = style.getPropertyValue(property);
        }
        return values;
      };
      return Object.fromEntries([...document.querySelectorAll("[data-host]")].map((el) => [el.dataset.host, read(el)]));
    });
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null));
  const styles = { rest: await snapshot() };
  // Each control focused as a keyboard user focuses it (a key press first, so `:focus-visible` applies).
  for (const name of await page.$$eval("[data-host][data-focusable]", (all) => all.map((el) => el.dataset.host))) {
    await page.keyboard.press("Shift");
    await page.locator(`[data-host="${name}"]`).focus();
    styles[`focus ${name}`] = { [name]: (await snapshot())[name] };
  }
  return styles;
}

const HOST_PAGE = `<!doctype html><html lang="en" data-host="html"><head><title>Host</title></head>
<body data-host="body"><main data-host="main"><h1 data-host="h1">Host page</h1><p data-host="p">Text with
<a href="#x" data-host="a" data-focusable>a link</a>.</p>
<form><label data-host="label">Name <input data-host="input" data-focusable /></label>
<input type="search" data-host="input-search" data-focusable /><input type="number" data-host="input-number" data-focusable />
<input type="checkbox" data-host="checkbox" data-focusable /><input type="date" data-host="input-date" data-focusable />
<select data-host="select" data-focusable><option>One</option></select>
<textarea data-host="textarea" data-focusable></textarea><button type="button" data-host="button" data-focusable>Save</button></form>
<table data-host="table"><caption data-host="caption">Host table</caption><tr><th data-host="th">A</th><td data-host="td">1</td></tr></table>
<ul data-host="ul"><li data-host="li">Item</li></ul><h2 data-host="h2">Section</h2><dialog data-host="dialog"></dialog>
</main></body></html>`;

function differences(before, after) {
  const found = [];
  for (const [state, elements] of Object.entries(before)) {
    for (const [element, values] of Object.entries(elements ?? {})) {
      for (const [property, value] of Object.entries(values)) {
        const changed = after[state]?.[element]?.[property];
        if (changed !== value) found.push(`${state}: <${element}> ${property}: ${value} → ${changed}`);
      }
    }
  }
  return found;
}

/**
 * The private shared UI package must not reach a host as a package: not installed, named by no installed manifest,
 * imported by no installed JavaScript, declaration or stylesheet (its code, types and CSS are compiled in).
 */
function expectPrivatePackageCompiledIn(app) {
  const scopeDir = join(app, "node_modules", "@flagsmith-experimentation");
  const found = [];
  if (readdirSync(scopeDir).includes(PRIVATE_PACKAGE.split("/")[1])) found.push(`${PRIVATE_PACKAGE} is installed`);
  for (const name of packages) {
    const dir = join(scopeDir, name);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      if (manifest[field]?.[PRIVATE_PACKAGE]) found.push(`${name}/package.json ${field} names it`);
    }
    for (const file of readdirSync(join(dir, "dist"), { recursive: true }).map(String)) {
      if (!/\.(js|d\.ts|css)$/.test(file)) continue;
      if (readFileSync(join(dir, "dist", file), "utf8").includes(PRIVATE_PACKAGE)) found.push(`${name}/dist/${file}`);
    }
  }
  if (found.length > 0) throw new Error(`${PRIVATE_PACKAGE} is not compiled in: ${found.join("; ")}`);
}

function printBundleFigures(figures) {
  const kB = (bytes) => (bytes / 1000).toFixed(1);
  console.log("  host bundle, gzip kB, React and react-dom excluded (budgets apply to the JavaScript)");
  console.log(`  ${"variant".padEnd(9)} ${"JS".padStart(6)} ${"budget".padStart(7)}       ${"CSS".padStart(5)}`);
  const misses = [];
  for (const [variant, budget] of Object.entries(BUNDLE_BUDGETS)) {
    const { js, css } = figures[variant];
    const over = js > budget * 1000;
    if (over) misses.push(`${variant} ${kB(js)} kB > ${budget} kB`);
    const verdict = over ? "✗ over" : "✓     ";
    console.log(
      `  ${variant.padEnd(9)} ${kB(js).padStart(6)} ${`≤ ${budget}`.padStart(7)} ${verdict} ${kB(css).padStart(5)}`,
    );
  }
  return misses;
}

function printAnalysis(figures) {
  const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(6);
  for (const [variant, { packages: sizes }] of Object.entries(figures)) {
    const total = Object.values(sizes).reduce((sum, { min }) => sum + min, 0);
    console.log(
      `  ${variant}: JavaScript by package, kB (${kB(total).trim()} minified; gzip: what leaving it out saves)`,
    );
    console.log(`    ${"package".padEnd(52)} ${"min".padStart(6)} ${"gzip".padStart(6)}`);
    for (const [name, { min, gzip }] of Object.entries(sizes)
      .sort((a, b) => b[1].min - a[1].min)
      .slice(0, 20)) {
      console.log(`    ${name.padEnd(52)} ${kB(min)} ${kB(gzip)}`);
    }
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "flagsmith-experimentation-consumer-"));
  const app = join(work, "app");
  const packs = join(work, "packs");
  let browser;
  try {
    await check(
      "pack",
      () => {
        if (!flag("no-build")) run("pnpm", ["-r", "--filter", "./packages/*", "run", "build"], { cwd: root });
        mkdirSync(packs);
        // The published packages only (the private shared UI package is bundled into wizard and results-dashboard).
        const filters = packages.flatMap((name) => ["--filter", `@flagsmith-experimentation/${name}`]);
        run("pnpm", ["-r", ...filters, "pack", "--pack-destination", packs], { cwd: root });
        const tarballs = readdirSync(packs).filter((file) => file.endsWith(".tgz"));
        if (tarballs.length !== packages.length)
          throw new Error(`expected ${packages.length} tarballs, got ${tarballs}`);
        return tarballs.join(", ");
      },
      { always: true },
    );
    if (!results.every((r) => r.ok)) return;
    await check(
      "install",
      () => {
        cpSync(join(root, "test", "consumer"), app, {
          recursive: true,
          filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
        });
        const tarballs = readdirSync(packs).map((file) => join(packs, file));
        run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs], {
          cwd: app,
          env: npmEnv(),
        });
        expectPrivatePackageCompiledIn(app);
        return `into ${app}; ${PRIVATE_PACKAGE} compiled in, not installed`;
      },
      { always: true },
    );
    if (!results.every((r) => r.ok)) return;

    const bin = (name, ...rest) => [join(app, "node_modules", name, ...rest)];
    await check("typecheck", () => {
      run(process.execPath, [...bin("typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"], { cwd: app });
    });
    await check("build", () => {
      run(process.execPath, [...bin("vite", "bin", "vite.js"), "build", "--logLevel", "warn"], { cwd: app });
      const assets = readdirSync(join(app, "dist", "assets"));
      for (const file of ["duckdb-eh", "duckdb-mvp", "duckdb-browser-eh.worker", "duckdb-browser-mvp.worker"]) {
        if (!assets.some((asset) => asset.startsWith(`${file}-`)))
          throw new Error(`vite build emitted no ${file} asset`);
      }
      return "DuckDB-Wasm worker and wasm emitted from node_modules";
    });
    await check("require", () => run(process.execPath, ["require-smoke.cjs"], { cwd: app }).trim());

    const browserChecks = ["dev", "ssr", "built", "esbuild", "css"].filter(wanted);
    if (browserChecks.length > 0) browser = await launchChromium();

    const serverChecks = ["dev", "ssr"].filter(wanted);
    const server = serverChecks.length > 0 ? await startDevServer(app).catch((error) => error) : undefined;
    if (server instanceof Error) {
      for (const name of serverChecks) {
        await check(name, () => {
          throw server;
        });
      }
    } else if (server) {
      try {
        await check("dev", async () => {
          const { page, problems } = await openPage(browser);
          await page.goto(`${server.url}/`);
          await page.getByRole("heading", { name: "Experiment Details" }).waitFor({ timeout: 120_000 });
          await page.getByRole("region", { name: "Recommendation" }).waitFor();
          const duckdb = await expectDuckDbReady(page, `${server.url}/duckdb.html`);
          await page.close();
          if (problems.length > 0) throw new Error(`the dev page reported:\n    ${problems.join("\n    ")}`);
          if (!server.alive()) throw new Error(`the Vite dev server exited:\n${server.output()}`);
          return `app and ${duckdb}`;
        });
        await check("ssr", async () => {
          const { page, problems } = await openPage(browser);
          await page.goto(`${server.url}/ssr.html`);
          const served = await page.evaluate(() => document.getElementById("root")?.childElementCount ?? 0);
          if (served === 0) throw new Error("/ssr.html has no server-rendered markup");
          await page.waitForSelector("#root[data-committed=true]", { timeout: 120_000 });
          await page.getByRole("heading", { name: "Experiment Details" }).waitFor();
          const recoverable = await page.evaluate(() => window.__hydrationErrors);
          await page.close();
          const all = [...problems, ...recoverable.map((error) => `onRecoverableError: ${error}`)];
          if (all.length > 0) throw new Error(`hydration reported:\n    ${all.join("\n    ")}`);
          return "renderToString markup hydrated with no warnings";
        });
      } finally {
        await server.stop();
      }
    }

    await check("built", async () => {
      const site = await serveStatic(join(app, "dist"));
      try {
        const { page, problems } = await openPage(browser);
        await page.goto(`${site.url}/index.html`);
        await page.getByRole("heading", { name: "Experiment Details" }).waitFor({ timeout: 60_000 });
        const duckdb = await expectDuckDbReady(page, `${site.url}/duckdb.html`);
        await page.close();
        if (problems.length > 0) throw new Error(`the built app reported:\n    ${problems.join("\n    ")}`);
        return duckdb;
      } finally {
        await site.close();
      }
    });

    await check("esbuild", async () => {
      // A host bundling with esbuild: no asset handling, so it serves copies of the two files and passes their URLs.
      const out = join(app, "dist-esbuild");
      const esbuild = join(app, "node_modules", ".bin", "esbuild");
      run(esbuild, ["src/duckdb-page.ts", "--bundle", "--format=esm", `--outdir=${out}`], {
        cwd: app,
      });
      const bundle = readFileSync(join(out, "duckdb-page.js"), "utf8");
      for (const wrong of ["[object Object]", "?url"]) {
        if (bundle.includes(wrong)) throw new Error(`the esbuild bundle contains ${wrong}`);
      }
      const html = readFileSync(join(app, "duckdb.html"), "utf8").replace("/src/duckdb-page.ts", "/duckdb-page.js");
      writeFileSync(join(out, "duckdb.html"), html);
      mkdirSync(join(out, "duckdb"));
      for (const file of ["duckdb-eh.wasm", "duckdb-browser-eh.worker.js"]) {
        cpSync(join(app, "node_modules", "@duckdb", "duckdb-wasm", "dist", file), join(out, "duckdb", file));
      }
      const site = await serveStatic(out);
      try {
        const { page, problems } = await openPage(browser);
        const ready = await expectDuckDbReady(page, `${site.url}/duckdb.html?files=/duckdb/`);
        if (problems.length > 0) throw new Error(`the esbuild page reported:\n    ${problems.join("\n    ")}`);
        // Without `bundles`, the package's own URLs point next to the bundle, where esbuild copied nothing.
        const missing = await duckDbReport(page, `${site.url}/duckdb.html`);
        await page.close();
        if (!missing.startsWith("failed: AdapterError (network)")) {
          throw new Error(`without bundles the esbuild page should fail with a network AdapterError: ${missing}`);
        }
        return `${ready} (host-passed URLs); without them: a network AdapterError`;
      } finally {
        await site.close();
      }
    });

    await check("css", async () => {
      const page = await browser.newPage();
      await page.setContent(HOST_PAGE);
      const before = await hostStyles(page);
      for (const name of ["wizard", "results-dashboard"]) {
        const css = join(app, "node_modules", "@flagsmith-experimentation", name, "dist", "styles.css");
        await page.addStyleTag({ content: readFileSync(css, "utf8") });
      }
      const after = await hostStyles(page);
      await page.close();
      const changed = differences(before, after);
      if (changed.length > 0) {
        throw new Error(
          `the kit CSS changed ${changed.length} host styles:\n    ${changed.slice(0, 15).join("\n    ")}`,
        );
      }
      return `${Object.keys(before.rest).length} host elements, ${Object.keys(before).length - 1} focused: unchanged`;
    });

    await check("sizes", () => {
      const figures = JSON.parse(
        run(process.execPath, ["measure-bundles.mjs"], { cwd: app }).trim().split("\n").at(-1),
      );
      const misses = printBundleFigures(figures);
      if (flag("analyze")) printAnalysis(figures);
      if (misses.length > 0) throw new Error(`over budget: ${misses.join("; ")}`);
    });
  } finally {
    await browser?.close();
    if (flag("keep")) console.log(`kept the app in ${app}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main().catch((error) => {
  console.error(`  ✗ ${error instanceof Error ? error.stack : error}`);
  results.push({ name: "setup", ok: false, seconds: 0 });
});
console.log(`\n${bold("Consumer check")}`);
for (const { name, ok, seconds, note } of results) {
  console.log(`  ${ok ? "✓" : "✗"} ${name.padEnd(10)} ${seconds.toFixed(1).padStart(6)} s${note ? `  ${note}` : ""}`);
}
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) console.log(`Failed: ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
