import { findCut, splitPiece } from "./cut.js";
import { type Axis, lngScale, type Piece, pieceBounds } from "./planar.js";

/**
 * 按面积二分 Partition a piece into `weights.length` pieces with areas proportional to the
 * weights, by recursive bisection: split the list of weights into two halves of nearly equal
 * total, cut the piece across its longer side so each side gets its half's share of the area,
 * and recurse. Cuts only ever divide existing area, so the result tiles the piece exactly.
 *
 * The earlier weights go west (meridian cut) or north (parallel cut), so pieces come out
 * roughly in reading order of their weights.
 */
export function partitionByWeights(piece: Piece, weights: readonly number[]): Piece[] {
  if (weights.length === 1) return [piece];
  const split = balancedSplit(weights);
  const firstWeight = sum(weights.slice(0, split));
  const [first, second] = bestCut(piece, firstWeight / sum(weights));
  return [
    ...partitionByWeights(first, weights.slice(0, split)),
    ...partitionByWeights(second, weights.slice(split)),
  ];
}

/** Index splitting the weights into two runs whose totals are closest (earliest on a tie). */
function balancedSplit(weights: readonly number[]): number {
  const total = sum(weights);
  let best = 1;
  let running = 0;
  let bestGap = Infinity;
  for (let k = 1; k < weights.length; k++) {
    running += weights[k - 1];
    const gap = Math.abs(2 * running - total);
    if (gap < bestGap) [best, bestGap] = [k, gap];
  }
  return best;
}

/**
 * Cutting across the longer side keeps pieces close to square. Where that line would leave a
 * side in several parts (it crosses a concave stretch) and the other direction would not, the
 * other direction wins: a contiguous region matters more than a squarer one.
 */
function bestCut(piece: Piece, fraction: number): [Piece, Piece] {
  const preferred = longerAxis(piece);
  const along = cutAcross(piece, preferred, fraction);
  if (partCount(along) === piece.length + 1) return along;
  const across = cutAcross(piece, preferred === 0 ? 1 : 0, fraction);
  return partCount(across) < partCount(along) ? across : along;
}

/** The two sides of the cut leaving `fraction` of the area first (west or north). */
function cutAcross(piece: Piece, axis: Axis, fraction: number): [Piece, Piece] {
  const { below, above } = splitPiece(piece, axis, findCut(piece, axis, fraction));
  return axis === 0 ? [below, above] : [above, below];
}

function partCount([first, second]: [Piece, Piece]): number {
  return first.length + second.length;
}

function longerAxis(piece: Piece): Axis {
  const bounds = pieceBounds(piece);
  const width = (bounds[2] - bounds[0]) * lngScale(bounds);
  return width >= bounds[3] - bounds[1] ? 0 : 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
