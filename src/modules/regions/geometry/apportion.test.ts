import { describe, expect, it } from "vitest";
import { apportion } from "./apportion.js";

describe("apportion (名额分配, largest remainder)", () => {
  it("hands out exactly the total, in proportion to the weights", () => {
    expect(apportion(10, [1, 2, 2])).toEqual([2, 4, 4]);
    expect(apportion(7, [3, 2, 1])).toEqual([4, 2, 1]);
  });

  it("gives remainder ties to the earlier party", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it("raises small parties to the minimum and re-apportions the rest among the others", () => {
    expect(apportion(10, [1, 100], 2)).toEqual([2, 8]);
    expect(apportion(12, [1, 1, 10, 10], 2)).toEqual([2, 2, 4, 4]);
  });

  it("refuses a minimum the total cannot cover", () => {
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow();
  });
});
