/** Small planar helpers in metres around 碑林区 (34.25°N): enough for a district, not for a country. */

const METRES_PER_DEGREE_LAT = 111_000;
const METRES_PER_DEGREE_LNG = 111_320 * Math.cos((34.25 * Math.PI) / 180);

export type LngLat = [number, number];

export function distanceMetres(a: LngLat, b: LngLat): number {
  const dx = (a[0] - b[0]) * METRES_PER_DEGREE_LNG;
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

/** The point `east`/`north` metres from a point. */
export function offsetMetres([lng, lat]: LngLat, east: number, north: number): LngLat {
  return [lng + east / METRES_PER_DEGREE_LNG, lat + north / METRES_PER_DEGREE_LAT];
}

export function pathLength(path: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += distanceMetres(path[i - 1], path[i]);
  return total;
}

/**
 * The point a fraction (0..1) of the way along a path, and `side` metres to the left (positive)
 * or right (negative) of the direction of travel.
 */
export function alongPath(path: readonly LngLat[], fraction: number, side = 0): LngLat {
  const target = Math.min(Math.max(fraction, 0), 1) * pathLength(path);
  let walked = 0;
  for (let i = 1; i < path.length; i++) {
    const step = distanceMetres(path[i - 1], path[i]);
    if (walked + step >= target || i === path.length - 1) {
      const t = step === 0 ? 0 : Math.min((target - walked) / step, 1);
      const [x0, y0] = path[i - 1];
      const [x1, y1] = path[i];
      const point: LngLat = [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
      if (side === 0 || step === 0) return point;
      const east = (x1 - x0) * METRES_PER_DEGREE_LNG;
      const north = (y1 - y0) * METRES_PER_DEGREE_LAT;
      // Left of (east, north) is (-north, east).
      return offsetMetres(point, (-north / step) * side, (east / step) * side);
    }
    walked += step;
  }
  return path[0];
}

/** Where two paths cross (the first crossing found), or where they come closest within `tolerance` m. */
export function crossing(a: readonly LngLat[], b: readonly LngLat[], tolerance = 80): LngLat | null {
  let best: { point: LngLat; gap: number } | null = null;
  for (let i = 1; i < a.length; i++) {
    for (let j = 1; j < b.length; j++) {
      const hit = segmentIntersection(a[i - 1], a[i], b[j - 1], b[j]);
      if (hit) return hit;
      for (const [p, s0, s1] of [
        [a[i - 1], b[j - 1], b[j]],
        [a[i], b[j - 1], b[j]],
        [b[j - 1], a[i - 1], a[i]],
        [b[j], a[i - 1], a[i]],
      ] as const) {
        const near = nearestOnSegment(p, s0, s1);
        const gap = distanceMetres(p, near);
        if (gap <= tolerance && (!best || gap < best.gap))
          best = { point: [(p[0] + near[0]) / 2, (p[1] + near[1]) / 2], gap };
      }
    }
  }
  return best?.point ?? null;
}

function segmentIntersection(p: LngLat, p2: LngLat, q: LngLat, q2: LngLat): LngLat | null {
  const r = [p2[0] - p[0], p2[1] - p[1]];
  const s = [q2[0] - q[0], q2[1] - q[1]];
  const denominator = r[0] * s[1] - r[1] * s[0];
  if (denominator === 0) return null;
  const t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / denominator;
  const u = ((q[0] - p[0]) * r[1] - (q[1] - p[1]) * r[0]) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p[0] + t * r[0], p[1] + t * r[1]];
}

function nearestOnSegment(p: LngLat, a: LngLat, b: LngLat): LngLat {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.min(Math.max(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2, 0), 1);
  return [a[0] + t * dx, a[1] + t * dy];
}

export function boundsOfPoints(points: readonly LngLat[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** How far along a path (metres from its start) the point of the path nearest to `point` lies. */
export function distanceAlong(path: readonly LngLat[], point: LngLat): number {
  let best = { gap: Infinity, along: 0 };
  let walked = 0;
  for (let i = 1; i < path.length; i++) {
    const near = nearestOnSegment(point, path[i - 1], path[i]);
    const gap = distanceMetres(point, near);
    if (gap < best.gap) best = { gap, along: walked + distanceMetres(path[i - 1], near) };
    walked += distanceMetres(path[i - 1], path[i]);
  }
  return best.along;
}
