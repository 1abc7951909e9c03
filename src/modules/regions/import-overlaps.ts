import { area } from "@turf/area";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon } from "geojson";
import type { CheckedGrid } from "./import-checks.js";

/** A grid already stored that the import keeps (it belongs to a community the import does not replace). */
export interface KeptGrid {
  code: string;
  geometry: Polygon | MultiPolygon;
  bounds: [number, number, number, number];
}

/**
 * Neighbouring grids share edges, and separately digitised edges never match exactly: an overlap
 * up to 0.1 % of the smaller grid's area is a sliver along the edge, not two grids claiming one place.
 */
export const OVERLAP_TOLERANCE_RATIO = 0.001;

function indexOf(bounds: readonly [number, number, number, number][]): Flatbush | null {
  if (bounds.length === 0) return null;
  const index = new Flatbush(bounds.length);
  for (const [minX, minY, maxX, maxY] of bounds) index.add(minX, minY, maxX, maxY);
  index.finish();
  return index;
}

/** Square metres two polygons share (0 when the clipper finds nothing or gives up). */
function sharedArea(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  try {
    const shared = intersect(featureCollection([feature(a), feature(b)]));
    return shared ? area(shared) : 0;
  } catch {
    return 0;
  }
}

function tooMuch(shared: number, areaA: number, areaB: number): boolean {
  return shared > OVERLAP_TOLERANCE_RATIO * Math.min(areaA, areaB);
}

const featureOverlap = (other: CheckedGrid, shared: number) =>
  `与第 ${other.index} 个要素（${other.code}）重叠 ${Math.round(shared)} 平方米 / overlaps feature ${other.index} (${other.code}) by ${Math.round(shared)} m²`;
const gridOverlap = (code: string, shared: number) =>
  `与现有网格 ${code} 重叠 ${Math.round(shared)} 平方米 / overlaps the existing grid ${code} by ${Math.round(shared)} m²`;

/**
 * Overlap problems, by feature index: with the other imported grids (both sides are told) and with
 * the stored grids the import keeps. Bounding boxes go through an R-tree first, so only neighbours
 * are clipped.
 */
export function overlapProblems(
  grids: readonly CheckedGrid[],
  kept: readonly KeptGrid[],
): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const report = (index: number, message: string) =>
    problems.set(index, [...(problems.get(index) ?? []), message]);
  const gridIndex = indexOf(grids.map((g) => g.bounds));
  grids.forEach((grid, i) => {
    for (const j of gridIndex?.search(...grid.bounds) ?? []) {
      if (j <= i) continue;
      const other = grids[j];
      const shared = sharedArea(grid.geometry, other.geometry);
      if (!tooMuch(shared, grid.areaM2, other.areaM2)) continue;
      report(grid.index, featureOverlap(other, shared));
      report(other.index, featureOverlap(grid, shared));
    }
  });
  const keptIndex = indexOf(kept.map((k) => k.bounds));
  for (const grid of grids) {
    for (const k of keptIndex?.search(...grid.bounds) ?? []) {
      const shared = sharedArea(grid.geometry, kept[k].geometry);
      if (tooMuch(shared, grid.areaM2, area(kept[k].geometry)))
        report(grid.index, gridOverlap(kept[k].code, shared));
    }
  }
  return problems;
}
