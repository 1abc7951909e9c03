import type { MultiPolygon, Polygon, Position } from "geojson";

/** 顶点 a vertex as [lng, lat] in WGS-84 degrees. */
export type Point = [number, number];

/** 环 an open ring (closing vertex not repeated), counter-clockwise. */
export type Ring = Point[];

/**
 * 图块 a piece of the partition: disjoint simple polygons without holes. Cutting a hole-free
 * polygon with a straight line never creates holes, so every piece of the partition stays one.
 */
export type Piece = Ring[];

/** 轴 0 cuts along a meridian (x = lng), 1 along a parallel (y = lat). */
export type Axis = 0 | 1;

/** Axis-aligned bounds [minLng, minLat, maxLng, maxLat]. */
export type Bounds = [number, number, number, number];

/**
 * Signed shoelace area in square degrees; positive for counter-clockwise rings. Coordinates are
 * taken relative to the first vertex: raw products like 108.9 × 34.2 would cancel away about
 * eight of the sixteen digits for a grid-sized ring.
 */
export function ringArea(ring: Ring): number {
  if (ring.length === 0) return 0;
  const [ox, oy] = ring[0];
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j][0] - ox) * (ring[i][1] - oy) - (ring[i][0] - ox) * (ring[j][1] - oy);
  }
  return twice / 2;
}

/** Total area of a piece in square degrees. */
export function pieceArea(piece: Piece): number {
  return piece.reduce((sum, ring) => sum + ringArea(ring), 0);
}

/** Bounds of all vertices of a piece. */
export function pieceBounds(piece: Piece): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of piece) {
    for (const [x, y] of ring) {
      if (x < bounds[0]) bounds[0] = x;
      if (y < bounds[1]) bounds[1] = y;
      if (x > bounds[2]) bounds[2] = x;
      if (y > bounds[3]) bounds[3] = y;
    }
  }
  return bounds;
}

/** Area-weighted centroid of a piece (planar, which is exact enough at district scale). */
export function pieceCentroid(piece: Piece): Point {
  const [ox, oy] = piece[0][0];
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of piece) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xj, yj, xi, yi] = [ring[j][0] - ox, ring[j][1] - oy, ring[i][0] - ox, ring[i][1] - oy];
      const cross = xj * yi - xi * yj;
      twiceArea += cross;
      cx += (xj + xi) * cross;
      cy += (yj + yi) * cross;
    }
  }
  return [ox + cx / (3 * twiceArea), oy + cy / (3 * twiceArea)];
}

/**
 * East–west degrees shrink with latitude; multiplying lng spans by this makes them comparable
 * to lat spans, so "longer axis" and "square grid" mean what they do on the ground.
 */
export function lngScale(bounds: Bounds): number {
  return Math.cos((((bounds[1] + bounds[3]) / 2) * Math.PI) / 180);
}

/**
 * Where edge u–v meets the line `p[axis] = c`. Always interpolated from the endpoint with the
 * smaller coordinate, so the same edge yields bit-identical points whichever way it is walked;
 * the coordinate on the cut axis is exactly `c`, so pieces on both sides share exact vertices.
 */
export function crossing(u: Point, v: Point, axis: Axis, c: number): Point {
  const [lo, hi] = u[axis] < v[axis] ? [u, v] : [v, u];
  const other = 1 - axis;
  const point: Point = [c, c];
  point[other] = lo[other] + ((c - lo[axis]) / (hi[axis] - lo[axis])) * (hi[other] - lo[other]);
  return point;
}

/** GeoJSON geometry for a piece: closed rings, a Polygon when it is one part. */
export function pieceToGeometry(piece: Piece): Polygon | MultiPolygon {
  const polygons = piece.map((ring) => [closeRing(ring)]);
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
}

/** Piece from a hole-free GeoJSON polygon or multipolygon; outer rings made counter-clockwise. */
export function pieceFromGeometry(geometry: Polygon | MultiPolygon): Piece {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => {
    if (rings.length !== 1) throw new Error("partitioning polygons with holes is not supported");
    const ring = openRing(rings[0]);
    return ringArea(ring) < 0 ? ring.reverse() : ring;
  });
}

function closeRing(ring: Ring): Position[] {
  return [...ring, ring[0]].map(([x, y]) => [x, y]);
}

function openRing(positions: Position[]): Ring {
  const ring = positions.map(([x, y]): Point => [x, y]);
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}
