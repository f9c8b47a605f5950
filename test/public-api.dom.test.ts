import { describe, expect, it } from "vitest";

/** The runtime value exports of each root entry (types and every subpath: public-api.node.test.ts); changing them is a public API change. */
describe("public API", () => {
  it("stats-core", async () => {
    expect(Object.keys(await import("@flagsmith-experimentation/stats-core")).sort()).toMatchSnapshot();
  });
  it("adapters", async () => {
    expect(Object.keys(await import("@flagsmith-experimentation/adapters")).sort()).toMatchSnapshot();
  });
  it("wizard", async () => {
    expect(Object.keys(await import("@flagsmith-experimentation/wizard")).sort()).toMatchSnapshot();
  });
  it("results-dashboard", async () => {
    expect(Object.keys(await import("@flagsmith-experimentation/results-dashboard")).sort()).toMatchSnapshot();
  });
});
