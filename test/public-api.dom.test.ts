import { describe, expect, it } from "vitest";

/** Locks each package's public surface: a change here is a change to SPEC-level API and must be deliberate. */
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
