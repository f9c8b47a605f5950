import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const stylesheets = ["ui", "wizard", "results-dashboard"].map((name) => `packages/${name}/src/styles.css`);

/** The selectors of every style rule, with at-rules (`@media`, `@container`, `@import`) looked into or skipped. */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors: string[] = [];
  const walk = (block: string) => {
    let index = 0;
    while (index < block.length) {
      const open = block.indexOf("{", index);
      const semicolon = block.indexOf(";", index);
      if (open === -1) return;
      if (semicolon !== -1 && semicolon < open && block.slice(index, semicolon).trim().startsWith("@")) {
        index = semicolon + 1; // @import …;
        continue;
      }
      const prelude = block.slice(index, open).trim();
      let depth = 1;
      let close = open + 1;
      while (depth > 0 && close < block.length) {
        if (block[close] === "{") depth += 1;
        if (block[close] === "}") depth -= 1;
        close += 1;
      }
      const inner = block.slice(open + 1, close - 1);
      if (prelude.startsWith("@media") || prelude.startsWith("@supports") || prelude.startsWith("@container"))
        walk(inner);
      else if (!prelude.startsWith("@keyframes")) selectors.push(...splitSelectorList(prelude));
      index = close;
    }
  };
  walk(text);
  return selectors;
}

function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

describe.each(stylesheets)("%s", (file) => {
  const selectors = selectorsOf(readFileSync(join(root, file), "utf8"));

  it("has rules", () => {
    expect(selectors.length).toBeGreaterThan(10);
  });

  it("scopes every rule under the kit's root class, so the host page is never styled", () => {
    expect(selectors.filter((selector) => !/^\.fx-root(?![\w-])/.test(selector))).toEqual([]);
  });

  it("names classes with the kit's one prefix", () => {
    const classes = selectors.flatMap((selector) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    expect([...new Set(classes.filter((name) => !name?.startsWith("fx-") && name !== "dark"))]).toEqual([]);
  });
});
