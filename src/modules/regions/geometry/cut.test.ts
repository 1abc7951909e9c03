import { describe, expect, it } from "vitest";
import { areaBelow, findCut, splitPiece } from "./cut.js";
import { crossing, type Piece, type Point, pieceArea } from "./planar.js";

/** A "U" open to the north: two arms 1 wide standing on a base 1 tall, 3 × 3 overall. */
const U_SHAPE: Piece = [
  [
    [0, 0],
    [3, 0],
    [3, 3],
    [2, 3],
    [2, 1],
    [1, 1],
    [1, 3],
    [0, 3],
  ],
];

describe("straight cuts (切分)", () => {
  it("interpolates a crossing identically whichever way the edge is walked", () => {
    const u: Point = [108.91, 34.2071];
    const v: Point = [108.97, 34.2533];
    expect(crossing(u, v, 1, 34.23)).toEqual(crossing(v, u, 1, 34.23));
    expect(crossing(u, v, 0, 108.93)[0]).toBe(108.93);
  });

  it("measures the area on one side of a line, concave shapes included", () => {
    expect(areaBelow(U_SHAPE, 1, 2)).toBeCloseTo(5, 12);
    expect(areaBelow(U_SHAPE, 0, 1.5)).toBeCloseTo(3.5, 12);
  });

  it("splits a concave piece into parts on each side that add up to the whole", () => {
    const { below, above } = splitPiece(U_SHAPE, 1, 2);
    expect(below).toHaveLength(1);
    expect(above).toHaveLength(2);
    expect(pieceArea(below)).toBeCloseTo(5, 12);
    expect(pieceArea(above)).toBeCloseTo(2, 12);
  });

  it("puts the requested share of the area first: west of a meridian, north of a parallel", () => {
    const westCut = findCut(U_SHAPE, 0, 0.25);
    expect(pieceArea(splitPiece(U_SHAPE, 0, westCut).below) / 7).toBeCloseTo(0.25, 12);
    const northCut = findCut(U_SHAPE, 1, 0.25);
    expect(pieceArea(splitPiece(U_SHAPE, 1, northCut).above) / 7).toBeCloseTo(0.25, 12);
  });

  it("never cuts through a vertex", () => {
    const half = findCut(U_SHAPE, 0, 3 / 7);
    expect(U_SHAPE[0].some((point) => point[0] === half)).toBe(false);
  });
});
