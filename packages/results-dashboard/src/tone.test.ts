import { describe, expect, it } from "vitest";
import { liftTone } from "./tone";

describe("liftTone", () => {
  it("follows the direction-aware outcome", () => {
    expect(liftTone({ outcome: "better" })).toBe("better");
    expect(liftTone({ outcome: "worse" })).toBe("worse");
  });

  it("is neutral for inconclusive or missing lifts", () => {
    expect(liftTone({ outcome: "inconclusive" })).toBe("neutral");
    expect(liftTone(null)).toBe("neutral");
  });
});
