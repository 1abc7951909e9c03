import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";

/** A grid (网格) as the locator needs it: its code and its WGS-84 boundary. */
export interface LocatableGrid {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * 网格定位器 Point → grid code, for the few hundred real grids or a hundred thousand.
 *
 * Every polygon part is one entry in a packed R-tree (Flatbush) over bounding boxes; candidates
 * are then tested by ray casting over one flat Float64Array of vertices, so a lookup allocates
 * next to nothing. Containment is half-open — a point on an edge shared by two grids belongs to
 * exactly one of them (the one east of a vertical edge, north of a horizontal one, consistently
 * for any edge) — so a point inside a tiling always locates to exactly one grid.
 */
export class GridLocator {
  private readonly codes: string[] = [];
  /** 部件 polygon part → index of its grid in `codes`. */
  private readonly partGrid: number[] = [];
  /** Rings of part p are `partRings[p]` up to `partRings[p + 1]`. */
  private readonly partRings: number[] = [0];
  /** Ring r's vertices are `xy[ringStart[r]]` up to `xy[ringStart[r + 1]]` (x, y interleaved). */
  private readonly ringStart: number[] = [0];
  private readonly xy: Float64Array;
  private readonly index: Flatbush | null;
  private queryX = 0;
  private queryY = 0;
  private found = -1;

  constructor(grids: readonly LocatableGrid[]) {
    const coordinates: number[] = [];
    const boxes: number[][] = [];
    grids.forEach((grid, gridIndex) => {
      this.codes.push(grid.code);
      for (const rings of polygonsOf(grid.geometry)) {
        this.partGrid.push(gridIndex);
        boxes.push(boundsOf(rings[0]));
        for (const ring of rings) this.ringStart.push(appendOpenRing(ring, coordinates));
        this.partRings.push(this.ringStart.length - 1);
      }
    });
    this.xy = Float64Array.from(coordinates);
    this.index = boxes.length === 0 ? null : buildIndex(boxes);
  }

  /** 定位 Code of the grid containing the WGS-84 point, or null when it lies in none. */
  locate(lng: number, lat: number): string | null {
    // NaN passes every bounding-box test, which would turn the search into a full scan.
    if (this.index === null || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    this.queryX = lng;
    this.queryY = lat;
    this.found = -1;
    this.index.collides(lng, lat, lng, lat, this.partContainsQuery);
    return this.found === -1 ? null : this.codes[this.partGrid[this.found]];
  }

  /** Codes of the grids whose bounding boxes meet a box (candidates for "near this point"). */
  gridsNear(minLng: number, minLat: number, maxLng: number, maxLat: number): string[] {
    if (this.index === null) return [];
    const codes = new Set(
      this.index.search(minLng, minLat, maxLng, maxLat).map((part) => this.codes[this.partGrid[part]]),
    );
    return [...codes];
  }

  /** Flatbush filter: stops the search at the first part containing the query point. */
  private readonly partContainsQuery = (part: number): boolean => {
    if (!this.containsPoint(part, this.queryX, this.queryY)) return false;
    this.found = part;
    return true;
  };

  /**
   * Even–odd ray casting towards +x over all rings of a part, so holes subtract. An edge counts
   * when it straddles y half-openly (one end above, the other at or below) and meets the ray
   * strictly east of the point. The meeting x is interpolated from the edge's lower end, so two
   * grids sharing an edge compute the very same number and cannot both (or neither) claim a point.
   */
  private containsPoint(part: number, px: number, py: number): boolean {
    const xy = this.xy;
    let inside = false;
    for (let r = this.partRings[part], lastRing = this.partRings[part + 1]; r < lastRing; r++) {
      const start = this.ringStart[r];
      const end = this.ringStart[r + 1];
      let xj = xy[end - 2];
      let yj = xy[end - 1];
      for (let k = start; k < end; k += 2) {
        const xi = xy[k];
        const yi = xy[k + 1];
        if (yi > py !== yj > py) {
          const x =
            yi < yj ? xi + ((py - yi) * (xj - xi)) / (yj - yi) : xj + ((py - yj) * (xi - xj)) / (yi - yj);
          if (px < x) inside = !inside;
        }
        xj = xi;
        yj = yi;
      }
    }
    return inside;
  }
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Appends a ring without its closing vertex; returns the new end offset into the flat array. */
function appendOpenRing(ring: Position[], coordinates: number[]): number {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  const closed = ring.length > 1 && first[0] === last[0] && first[1] === last[1];
  const count = closed ? ring.length - 1 : ring.length;
  for (let i = 0; i < count; i++) coordinates.push(ring[i][0], ring[i][1]);
  return coordinates.length;
}

/** A part's bounds are its outer ring's: holes lie inside it. */
function boundsOf(ring: Position[]): number[] {
  const bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    bounds[0] = Math.min(bounds[0], x);
    bounds[1] = Math.min(bounds[1], y);
    bounds[2] = Math.max(bounds[2], x);
    bounds[3] = Math.max(bounds[3], y);
  }
  return bounds;
}

function buildIndex(boxes: number[][]): Flatbush {
  const index = new Flatbush(boxes.length);
  for (const [minX, minY, maxX, maxY] of boxes) index.add(minX, minY, maxX, maxY);
  index.finish();
  return index;
}
