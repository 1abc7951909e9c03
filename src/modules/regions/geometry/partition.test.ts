import { area } from "@turf/area";
import { bbox } from "@turf/bbox";
import { featureCollection, feature as toFeature } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { generateBeilinRegions, type RegionShape } from "./partition.js";
import { lngScale, pieceArea, pieceBounds, pieceCentroid, pieceFromGeometry } from "./planar.js";

const regions = generateBeilinRegions();
const { district, streets, communities, grids } = regions;
const childrenOf = (parent: RegionShape, level: RegionShape[]) =>
  level.filter((c) => c.parentCode === parent.code);

/** Every parent with its children, at all three levels. */
const families = [district, ...streets, ...communities].map((parent) => ({
  parent,
  children: childrenOf(
    parent,
    parent.level === "district" ? streets : parent.level === "street" ? communities : grids,
  ),
}));

/**
 * Cuts are straight lines in lng/lat, and only divide existing area, so measured in that plane
 * the tiling is exact up to rounding of the cut vertices (observed ~1e-12 relative).
 */
const PLANAR_TOLERANCE = 1e-10;

/**
 * turf's spherical area treats an edge as straight in (lng, sin lat) rather than (lng, lat), so
 * where a cut inserts a vertex on a long slanted boundary edge the two sides disagree by up to
 * ~100 m² over a whole street (observed ~1e-6 relative). Hence only a sanity bound on the ground.
 */
const GEODESIC_TOLERANCE = 1e-5;

const planarArea = (geometry: Polygon | MultiPolygon) => pieceArea(pieceFromGeometry(geometry));

/** Planar area shared by two regions (0 when they only share edges). */
function overlapArea(a: RegionShape, b: RegionShape): number {
  const common = intersect(featureCollection([toFeature(a.geometry), toFeature(b.geometry)]));
  return common ? planarArea(common.geometry) : 0;
}

function boxesTouch(a: number[], b: number[]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

describe("碑林区 partition: counts and codes", () => {
  it("has the district, its 8 streets and 105 communities, and 383 grids", () => {
    expect(district).toMatchObject({ code: "610103", name: "碑林区", level: "district", parentCode: null });
    expect(streets.map((s) => s.code)).toEqual(Array.from({ length: 8 }, (_, i) => `61010300${i + 1}`));
    expect(streets[0].name).toBe("南院门街道");
    expect(communities).toHaveLength(105);
    expect(grids).toHaveLength(383);
  });

  it("names communities without the committee suffix", () => {
    expect(communities.find((c) => c.code === "610103001004")?.name).toBe("南院门社区");
    expect(communities.find((c) => c.code === "610103003013")?.name).toBe("景龙池社区");
    expect(communities.every((c) => c.name.endsWith("社区"))).toBe(true);
  });

  it("places every community under a street and gives it at least one (in fact two) grids", () => {
    for (const community of communities) {
      expect(community.parentCode).toBe(community.code.slice(0, 9));
      expect(childrenOf(community, grids).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("codes each community's grids as its code + 001, 002, … and names them 第n网格", () => {
    for (const community of communities) {
      const own = childrenOf(community, grids);
      own.forEach((grid, i) => {
        expect(grid.code).toBe(`${community.code}${String(i + 1).padStart(3, "0")}`);
        expect(grid.name).toBe(`${community.name}第${i + 1}网格`);
      });
    }
  });
});

describe("碑林区 partition: each level tiles its parent", () => {
  it("children's areas add up to the parent's area", () => {
    for (const { parent, children } of families) {
      const planar = children.reduce((sum, child) => sum + planarArea(child.geometry), 0);
      expect(Math.abs(planar / planarArea(parent.geometry) - 1)).toBeLessThan(PLANAR_TOLERANCE);
      const geodesic = children.reduce((sum, child) => sum + area(child.geometry), 0);
      expect(Math.abs(geodesic / area(parent.geometry) - 1)).toBeLessThan(GEODESIC_TOLERANCE);
    }
  });

  it("every child is non-empty and lies inside its parent", () => {
    for (const { parent, children } of families) {
      for (const child of children) {
        const own = planarArea(child.geometry);
        expect(own).toBeGreaterThan(0);
        expect(Math.abs(overlapArea(child, parent) / own - 1)).toBeLessThan(PLANAR_TOLERANCE);
      }
    }
  });

  it("no two regions of a level overlap, siblings or not", () => {
    for (const level of [streets, communities, grids]) {
      const boxes = level.map((region) => bbox(region.geometry));
      for (let i = 0; i < level.length; i++) {
        for (let j = i + 1; j < level.length; j++) {
          if (!boxesTouch(boxes[i], boxes[j])) continue;
          const smaller = Math.min(planarArea(level[i].geometry), planarArea(level[j].geometry));
          expect(overlapArea(level[i], level[j]) / smaller).toBeLessThan(PLANAR_TOLERANCE);
        }
      }
    }
  });
});

describe("碑林区 partition: determinism", () => {
  it("produces identical output on every run", () => {
    expect(JSON.stringify(generateBeilinRegions())).toBe(JSON.stringify(regions));
  });
});

describe("碑林区 partition: grid numbering in reading order", () => {
  /** Rows are as tall as an average square grid of the community (see readingOrder). */
  function rowHeight(community: RegionShape, gridCount: number): number {
    const piece = pieceFromGeometry(community.geometry);
    return Math.sqrt((pieceArea(piece) * lngScale(pieceBounds(piece))) / gridCount);
  }

  it("grid 001 is in the northernmost row and the westernmost of that row", () => {
    for (const community of communities) {
      const own = childrenOf(community, grids);
      const [first, ...rest] = own.map((grid) => pieceCentroid(pieceFromGeometry(grid.geometry)));
      const height = rowHeight(community, own.length);
      for (const [lng, lat] of rest) {
        expect(lat - first[1]).toBeLessThan(height);
        if (lng < first[0]) expect(lat).toBeLessThan(first[1]);
      }
    }
  });
});
