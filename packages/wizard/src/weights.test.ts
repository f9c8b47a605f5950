import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignWeights,
  apportion,
  isValidSplit,
  isVeryUneven,
  rebalanceWeights,
  splitEvenly,
  totalWeight,
  weightIssue,
} from "./weights";

describe("splitEvenly", () => {
  it("splits two variations 50 / 50", () => {
    expect(splitEvenly(["control", "b"])).toEqual({ control: 50, b: 50 });
  });

  it("gives the extra points to the first variations", () => {
    expect(splitEvenly(["control", "b", "c"])).toEqual({ control: 34, b: 33, c: 33 });
    expect(splitEvenly(["a", "b", "c", "d", "e", "f"])).toEqual({ a: 17, b: 17, c: 17, d: 17, e: 16, f: 16 });
  });
});

describe("rebalanceWeights", () => {
  it("gives the rest to the only other variation", () => {
    expect(rebalanceWeights(["control", "b"], { control: 50, b: 50 }, "control", 70)).toEqual({ control: 70, b: 30 });
  });

  it("rebalances the others proportionally to their current weights", () => {
    expect(rebalanceWeights(["a", "b", "c"], { a: 20, b: 60, c: 20 }, "a", 60)).toEqual({ a: 60, b: 30, c: 10 });
  });

  it("splits evenly among the others when they are all at 0", () => {
    expect(rebalanceWeights(["a", "b", "c"], { a: 100, b: 0, c: 0 }, "a", 40)).toEqual({ a: 40, b: 30, c: 30 });
  });

  it("keeps a value that is not a whole percentage from 0 to 100 as typed, and moves nothing else", () => {
    const current = { a: 50, b: 50 };
    expect(rebalanceWeights(["a", "b"], current, "a", 140)).toEqual({ a: 140, b: 50 });
    expect(rebalanceWeights(["a", "b"], current, "a", -3)).toEqual({ a: -3, b: 50 });
    expect(rebalanceWeights(["a", "b"], current, "a", 33.6)).toEqual({ a: 33.6, b: 50 });
    expect(rebalanceWeights(["a", "b"], current, "a", Number.NaN)).toEqual({ a: Number.NaN, b: 50 });
    expect(weightIssue(140)).toBe("out-of-range");
    expect(weightIssue(-3)).toBe("out-of-range");
    expect(weightIssue(33.6)).toBe("not-whole");
    expect(weightIssue(Number.NaN)).toBe("empty");
    expect(weightIssue(Number.POSITIVE_INFINITY)).toBe("out-of-range");
    expect(weightIssue(0)).toBeUndefined();
  });

  it("keeps the weights typed earlier while untouched ones can absorb the change", () => {
    // a and b were typed; c is untouched and takes the whole difference.
    expect(rebalanceWeights(["a", "b", "c"], { a: 33, b: 33, c: 34 }, "b", 40, ["a"])).toEqual({ a: 33, b: 40, c: 27 });
    // Every other weight was typed: the oldest one gives way first.
    expect(rebalanceWeights(["a", "b", "c"], { a: 33, b: 33, c: 34 }, "c", 40, ["a", "b"])).toEqual({
      a: 27,
      b: 33,
      c: 40,
    });
    // Already adding up: nothing moves.
    expect(rebalanceWeights(["a", "b", "c"], { a: 33, b: 33, c: 33 }, "c", 34, ["a", "b"])).toEqual({
      a: 33,
      b: 33,
      c: 34,
    });
    // The newer typed weight gives way too when the older one alone cannot absorb the change; the released
    // weights share what is left in proportion.
    expect(rebalanceWeights(["a", "b", "c"], { a: 10, b: 60, c: 30 }, "c", 80, ["a", "b"])).toEqual({
      a: 3,
      b: 17,
      c: 80,
    });
  });

  it("leaves fields that hold an unusable value alone", () => {
    expect(rebalanceWeights(["a", "b", "c"], { a: 150, b: 50, c: 50 }, "b", 70)).toEqual({ a: 150, b: 70, c: 30 });
  });

  it("always sums to exactly 100 with whole numbers, and never changes the edited value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }),
        (count, raw, editedIndex, value, pinnedIndexes) => {
          const keys = Array.from({ length: count }, (_, i) => `v${i}`);
          const current = Object.fromEntries(keys.map((key, i) => [key, raw[i] ?? 0]));
          const edited = keys[editedIndex % count] ?? "v0";
          const pinned = [...new Set(pinnedIndexes.map((i) => keys[i % count] ?? "v0"))];
          const next = rebalanceWeights(keys, current, edited, value, pinned);
          expect(totalWeight(next)).toBe(100);
          expect(isValidSplit(keys, next)).toBe(true);
          expect(next[edited]).toBe(value);
        },
      ),
    );
  });
});

describe("apportion", () => {
  it("keeps the total with awkward shares", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [5, 5])).toEqual([0, 0]);
    expect(apportion(7, [])).toEqual([]);
  });
});

describe("alignWeights", () => {
  it("keeps a valid split and fixes a broken one", () => {
    expect(alignWeights(["a", "b"], { a: 30, b: 70 })).toEqual({ a: 30, b: 70 });
    expect(alignWeights(["a", "b", "c"], { a: 30, b: 70 })).toEqual({ a: 30, b: 70, c: 0 });
    expect(alignWeights(["a", "b"], undefined)).toEqual({ a: 50, b: 50 });
    expect(alignWeights(["a", "b"], { a: 1, b: 1, gone: 98 })).toEqual({ a: 50, b: 50 });
  });
});

describe("isVeryUneven", () => {
  it("flags splits where one variation gets more than four times another", () => {
    expect(isVeryUneven({ a: 50, b: 50 })).toBe(false);
    expect(isVeryUneven({ a: 80, b: 20 })).toBe(false);
    expect(isVeryUneven({ a: 90, b: 10 })).toBe(true);
    expect(isVeryUneven({ a: 100, b: 0 })).toBe(true);
  });
});
