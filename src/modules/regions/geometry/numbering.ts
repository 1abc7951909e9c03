import { lngScale, type Piece, pieceArea, pieceBounds, pieceCentroid } from "./planar.js";

/**
 * 阅读顺序 Order sibling pieces (e.g. a community's grids) as text is read: rows north→south,
 * west→east within a row.
 *
 * Rows are horizontal bands as tall as an average grid would be if it were square
 * (√(total area / count), on the ground), counted down from the siblings' northern edge; a piece
 * belongs to the band holding its centroid and is placed within it by its centroid's longitude.
 * Returns the indices of `pieces` in that order.
 */
export function readingOrder(pieces: readonly Piece[]): number[] {
  const whole = pieces.flat();
  const bounds = pieceBounds(whole);
  const rowHeight = Math.sqrt((pieceArea(whole) * lngScale(bounds)) / pieces.length);
  const keys = pieces.map((piece) => {
    const [lng, lat] = pieceCentroid(piece);
    return { row: Math.floor((bounds[3] - lat) / rowHeight), lng };
  });
  return keys
    .map((_, i) => i)
    .sort((a, b) => keys[a].row - keys[b].row || keys[a].lng - keys[b].lng || a - b);
}
