import { bbox } from "@turf/bbox";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { GridLocator, type LocatableGrid } from "./locator.js";
import { generateBeilinRegions, type RegionShape } from "./partition.js";
import { mulberry32 } from "./prng.js";

const regions = generateBeilinRegions();
const locator = new GridLocator(regions.grids);
const byCode = new Map([...regions.streets, ...regions.communities].map((region) => [region.code, region]));
const districtBox = bbox(regions.district.geometry);
const gridBoxes = regions.grids.map((grid) => bbox(grid.geometry));

/**
 * Random points this close to a grid edge are left out of the brute-force check: which grid owns
 * them is the half-open rule's call, tested separately with points exactly on shared edges.
 */
const EDGE_MARGIN = 1e-9;

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function nearBoundary(point: Position, geometry: Polygon | MultiPolygon, margin = EDGE_MARGIN): boolean {
  return ringsOf(geometry).some((ring) =>
    ring.some((a, i) => i > 0 && distanceToSegment(point, ring[i - 1], a) < margin),
  );
}

function boxHolds(box: number[], [x, y]: Position, margin = 0): boolean {
  return x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin;
}

/** Brute force, independent of the locator: grids strictly containing the point (turf, edges excluded). */
function gridsContaining(point: Position): RegionShape[] {
  return regions.grids.filter(
    (grid, i) =>
      boxHolds(gridBoxes[i], point) && booleanPointInPolygon(point, grid.geometry, { ignoreBoundary: true }),
  );
}

function nearAnyGridEdge(point: Position): boolean {
  return regions.grids.some(
    (grid, i) => boxHolds(gridBoxes[i], point, EDGE_MARGIN) && nearBoundary(point, grid.geometry),
  );
}

function inDistrict(point: Position): boolean {
  return booleanPointInPolygon(point, regions.district.geometry);
}

/** Seeded uniform points in a box that pass `keep`. */
function samplePoints(
  count: number,
  box: number[],
  seed: number,
  keep: (point: Position) => boolean,
): Position[] {
  const random = mulberry32(seed);
  const points: Position[] = [];
  while (points.length < count) {
    const point = [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
    if (keep(point)) points.push(point);
  }
  return points;
}

describe("GridLocator on the 碑林区 grids", () => {
  it("locates 10,000 random district points to the one grid holding them, within its ancestors", () => {
    const points = samplePoints(10_000, districtBox, 610103, (p) => inDistrict(p) && !nearAnyGridEdge(p));
    for (const point of points) {
      const containing = gridsContaining(point);
      expect(containing).toHaveLength(1);
      const code = locator.locate(point[0], point[1]);
      expect(code).toBe(containing[0].code);
      const community = byCode.get((code ?? "").slice(0, 12));
      const street = byCode.get((code ?? "").slice(0, 9));
      expect(community && booleanPointInPolygon(point, community.geometry)).toBe(true);
      expect(street && booleanPointInPolygon(point, street.geometry)).toBe(true);
    }
  });

  it("returns null for points outside the district, near or far", () => {
    const nearby = samplePoints(
      800,
      districtBox,
      7,
      (p) => !inDistrict(p) && !nearBoundary(p, regions.district.geometry),
    );
    const far = samplePoints(200, [-180, -85, 180, 85], 8, (p) => !boxHolds(districtBox, p));
    for (const [lng, lat] of [...nearby, ...far]) expect(locator.locate(lng, lat)).toBeNull();
  });

  it("gives every point on an edge or corner shared by grids to exactly one of them", () => {
    const singles = regions.grids.map((grid) => new GridLocator([grid]));
    const onSharedEdges = regions.grids
      .flatMap((grid) => ringsOf(grid.geometry).flatMap(verticesAndMidpoints))
      .filter((point) => !nearBoundary(point, regions.district.geometry, 1e-12));
    expect(onSharedEdges.length).toBeGreaterThan(1000);
    for (const [lng, lat] of onSharedEdges) {
      const claimants = regions.grids.filter((_, i) => singles[i].locate(lng, lat) !== null);
      expect(claimants).toHaveLength(1);
      expect(locator.locate(lng, lat)).toBe(claimants[0].code);
    }
  });
});

function verticesAndMidpoints(ring: Position[]): Position[] {
  return ring.slice(1).flatMap((b, i) => {
    const a = ring[i];
    return [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]];
  });
}

describe("GridLocator on hand-made shapes", () => {
  const square = (x: number, y: number, side: number): Position[] => [
    [x, y],
    [x + side, y],
    [x + side, y + side],
    [x, y + side],
    [x, y],
  ];

  it("treats holes as outside and finds every part of a multipolygon", () => {
    const grids: LocatableGrid[] = [
      {
        code: "ring",
        geometry: { type: "Polygon", coordinates: [square(0, 0, 3), square(1, 1, 1).reverse()] },
      },
      {
        code: "islands",
        geometry: { type: "MultiPolygon", coordinates: [[square(10, 0, 1)], [square(20, 0, 1)]] },
      },
    ];
    const shapes = new GridLocator(grids);
    expect(shapes.locate(0.5, 0.5)).toBe("ring");
    expect(shapes.locate(1.5, 1.5)).toBeNull();
    expect(shapes.locate(10.5, 0.5)).toBe("islands");
    expect(shapes.locate(20.5, 0.5)).toBe("islands");
    expect(shapes.locate(15, 0.5)).toBeNull();
  });

  it("gives points on a shared slanted edge to exactly one side, whichever way each polygon walks it", () => {
    const [a, b, c, d] = [
      [108.90314159265, 34.20271828182],
      [108.97, 34.21],
      [108.93141592653, 34.27123456789],
      [108.86, 34.25],
    ];
    const west: LocatableGrid = { code: "west", geometry: { type: "Polygon", coordinates: [[a, c, d, a]] } };
    const east: LocatableGrid = { code: "east", geometry: { type: "Polygon", coordinates: [[a, b, c, a]] } };
    const [westOnly, eastOnly, both] = [
      new GridLocator([west]),
      new GridLocator([east]),
      new GridLocator([west, east]),
    ];
    for (const [lng, lat] of roundingSensitivePoints(a, c, 50)) {
      const claimed = [westOnly.locate(lng, lat), eastOnly.locate(lng, lat)].filter((code) => code !== null);
      expect(claimed).toHaveLength(1);
      expect(both.locate(lng, lat)).toBe(claimed[0]);
    }
  });

  it("locates nothing when built from no grids, or for a point that is not a number", () => {
    expect(new GridLocator([]).locate(108.95, 34.25)).toBeNull();
    expect(locator.locate(Number.NaN, 34.25)).toBeNull();
  });
});

/**
 * Points on edge a–c where interpolating from a and from c round to different longitudes (about
 * one latitude in 10,000): both versions of each, the hardest case for a shared edge.
 */
function roundingSensitivePoints(a: Position, c: Position, count: number): Position[] {
  const random = mulberry32(42);
  const points: Position[] = [];
  while (points.length < 2 * count) {
    const lat = a[1] + random() * (c[1] - a[1]);
    const fromA = a[0] + ((lat - a[1]) * (c[0] - a[0])) / (c[1] - a[1]);
    const fromC = c[0] + ((lat - c[1]) * (a[0] - c[0])) / (a[1] - c[1]);
    if (fromA !== fromC) points.push([fromA, lat], [fromC, lat]);
  }
  return points;
}
