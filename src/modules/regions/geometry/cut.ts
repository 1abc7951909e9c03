import {
  type Axis,
  crossing,
  type Piece,
  type Point,
  pieceArea,
  pieceBounds,
  type Ring,
  ringArea,
} from "./planar.js";

/** The two sides of a straight cut: `below` has `p[axis] < c`, `above` has `p[axis] > c`. */
export interface CutSides {
  below: Piece;
  above: Piece;
}

/**
 * 切线位置 The line `p[axis] = c` leaving `fraction` of the piece's area on its first side —
 * west for a meridian cut, north for a parallel cut, i.e. first in reading order.
 *
 * Area below a line grows monotonically with c, so bisection on c converges to the last bit.
 * The line is then nudged off any vertex so that no vertex lies exactly on it, which keeps
 * {@link splitPiece} free of degenerate cases.
 */
export function findCut(piece: Piece, axis: Axis, fraction: number): number {
  const bounds = pieceBounds(piece);
  const targetBelow = pieceArea(piece) * (axis === 0 ? fraction : 1 - fraction);
  let lo = bounds[axis];
  let hi = bounds[axis + 2];
  for (let mid = (lo + hi) / 2; mid > lo && mid < hi; mid = (lo + hi) / 2) {
    if (areaBelow(piece, axis, mid) < targetBelow) lo = mid;
    else hi = mid;
  }
  return offVertices(piece, axis, hi);
}

/** Area of the part of a piece with `p[axis] < c`, in square degrees. */
export function areaBelow(piece: Piece, axis: Axis, c: number): number {
  return piece.reduce((sum, ring) => sum + ringArea(clipBelow(ring, axis, c)), 0);
}

/**
 * Sutherland–Hodgman clip against one half-plane. On a concave ring the result may run back
 * and forth along the cut line; those zero-width bridges add no area, so it is exact for
 * measuring, though not a valid polygon to keep (that is what {@link splitPiece} is for).
 */
function clipBelow(ring: Ring, axis: Axis, c: number): Ring {
  const clipped: Ring = [];
  let u = ring[ring.length - 1];
  for (const v of ring) {
    if (u[axis] < c !== v[axis] < c) clipped.push(crossing(u, v, axis, c));
    if (v[axis] < c) clipped.push(v);
    u = v;
  }
  return clipped;
}

/** Moves the line up by the smallest steps until it passes through no vertex. */
function offVertices(piece: Piece, axis: Axis, c: number): number {
  let line = c;
  while (piece.some((ring) => ring.some((point) => point[axis] === line))) {
    line += Math.max(Math.abs(line) * Number.EPSILON, Number.MIN_VALUE);
  }
  return line;
}

/**
 * 切分 Cut a piece along `p[axis] = c` (no vertex may lie on the line, see {@link findCut}).
 * Each side may come out in several parts where the line crosses a concave stretch.
 */
export function splitPiece(piece: Piece, axis: Axis, c: number): CutSides {
  const sides: CutSides = { below: [], above: [] };
  for (const ring of piece) splitRing(ring, axis, c, sides);
  return sides;
}

/** A vertex of the ring with the cut's crossing points inserted; crossings pair up along the line. */
interface Node {
  point: Point;
  /** For a vertex: which side of the line it is on. */
  below: boolean;
  isCrossing: boolean;
  /** For a crossing: the crossing at the other end of the same inside stretch of the line. */
  partner: number;
}

/**
 * Classic line split of a simple polygon: sorted along the cut line, crossings pair up into the
 * stretches of line inside the polygon. Walking the ring and jumping across each stretch on
 * reaching its end traces every part on either side exactly once.
 */
function splitRing(ring: Ring, axis: Axis, c: number, sides: CutSides): void {
  const nodes = withCrossings(ring, axis, c);
  const crossings = nodes.flatMap((node, i) => (node.isCrossing ? [i] : []));
  if (crossings.length === 0) {
    (ring[0][axis] < c ? sides.below : sides.above).push(ring);
    return;
  }
  const along = 1 - axis;
  crossings.sort((i, j) => nodes[i].point[along] - nodes[j].point[along]);
  for (let k = 0; k < crossings.length; k += 2) {
    nodes[crossings[k]].partner = crossings[k + 1];
    nodes[crossings[k + 1]].partner = crossings[k];
  }
  const traced = new Uint8Array(nodes.length);
  nodes.forEach((node, start) => {
    if (node.isCrossing || traced[start]) return;
    (node.below ? sides.below : sides.above).push(tracePart(nodes, start, traced));
  });
}

function withCrossings(ring: Ring, axis: Axis, c: number): Node[] {
  const nodes: Node[] = [];
  ring.forEach((u, i) => {
    const v = ring[(i + 1) % ring.length];
    nodes.push({ point: u, below: u[axis] < c, isCrossing: false, partner: -1 });
    if (u[axis] < c !== v[axis] < c) {
      nodes.push({ point: crossing(u, v, axis, c), below: false, isCrossing: true, partner: -1 });
    }
  });
  return nodes;
}

function tracePart(nodes: Node[], start: number, traced: Uint8Array): Ring {
  const part: Ring = [];
  let i = start;
  let jumped = false;
  do {
    const node = nodes[i];
    part.push(node.point);
    traced[i] = 1;
    const jump: boolean = node.isCrossing && !jumped;
    i = jump ? node.partner : (i + 1) % nodes.length;
    jumped = jump;
    if (part.length > nodes.length) throw new Error("ring split did not close; is the ring simple?");
  } while (i !== start);
  return part;
}
