import { describe, expect, it } from "vitest";
import { readingOrder } from "./numbering.js";
import type { Piece } from "./planar.js";

function square(west: number, north: number, side = 0.01): Piece {
  return [
    [
      [west, north - side],
      [west + side, north - side],
      [west + side, north],
      [west, north],
    ],
  ];
}

describe("reading order (阅读顺序)", () => {
  it("reads rows north to south and each row west to east", () => {
    const northRow = [square(0.02, 34.02), square(0, 34.02), square(0.01, 34.02)];
    const southRow = [square(0.01, 34.01), square(0.02, 34.01), square(0, 34.01)];
    const order = readingOrder([...southRow, ...northRow]);
    expect(order).toEqual([4, 5, 3, 2, 0, 1]);
  });

  it("keeps slightly staggered pieces in one row rather than zig-zagging", () => {
    const staggered = [square(0.01, 34.0205), square(0, 34.0195), square(0, 34.0095), square(0.01, 34.0105)];
    expect(readingOrder(staggered)).toEqual([1, 0, 2, 3]);
  });
});
