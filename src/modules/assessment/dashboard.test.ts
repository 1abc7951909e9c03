import { describe, expect, it } from "vitest";
import { monthsUpTo } from "./dashboard.js";

describe("the trend's months", () => {
  it.each([
    ["2026-11", 3, ["2026-09", "2026-10", "2026-11"]],
    ["2026-02", 3, ["2025-12", "2026-01", "2026-02"]],
    ["2026-01", 1, ["2026-01"]],
    [
      "2026-12",
      13,
      [
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
      ],
    ],
  ] as const)("%s, %i months", (last, count, expected) => {
    expect(monthsUpTo(last, count)).toEqual(expected);
  });
});
