import { describe, expect, it } from "vitest";
import { bandPath, linePath } from "./svg-path";

// The expected strings are what d3-shape 3.2 (`line()` and `area()` with their defaults: curveLinear, 3 digits)
// returns for the same points, which the chart drew through @visx/shape before.
describe("linePath", () => {
  it("draws straight segments through the points in order", () => {
    expect(
      linePath([
        [0, 10],
        [50.5, 20.25],
        [100, 0],
      ]),
    ).toBe("M0,10L50.5,20.25L100,0");
  });

  it("writes pixels to three decimals", () => {
    expect(
      linePath([
        [0, 0.123456789],
        [33.3333, 84.27109],
        [66.6666, -95.7685],
      ]),
    ).toBe("M0,0.123L33.333,84.271L66.667,-95.768");
  });

  it("closes a lone point so its round cap shows, and draws nothing for no points", () => {
    expect(linePath([[3, 4]])).toBe("M3,4Z");
    expect(linePath([])).toBe("");
  });
});

describe("bandPath", () => {
  it("runs along the upper line and back along the lower one, closed", () => {
    expect(
      bandPath(
        [
          [0, 5],
          [10, 4],
          [20, 3],
        ],
        [
          [0, 15],
          [10, 14],
          [20, 13],
        ],
      ),
    ).toBe("M0,5L10,4L20,3L20,13L10,14L0,15Z");
  });

  it("draws nothing for no points", () => {
    expect(bandPath([], [])).toBe("");
  });
});
