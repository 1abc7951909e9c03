import { pathToFileURL } from "node:url";
import type { Polygon } from "geojson";
import { GridLocator, type LocatableGrid } from "../src/modules/regions/geometry/locator.js";
import { generateBeilinRegions } from "../src/modules/regions/geometry/partition.js";
import { pieceBounds, pieceFromGeometry } from "../src/modules/regions/geometry/planar.js";
import { mulberry32 } from "../src/modules/regions/geometry/prng.js";

/** Query points are drawn once and cycled, so the timed loop measures lookups only. */
const POINT_POOL = 1 << 16;
const WARM_UP_LOOKUPS = 500_000;

/** About 37 km × 28 km around central Xi'an: a 400 × 250 lattice gives city-block-sized grids. */
const CITY_BOUNDS = [108.75, 34.15, 109.15, 34.4];

/**
 * 定位基准 Region generation time and grid lookup throughput: the real 383 碑林区 grids, and a
 * city-size synthetic tiling of 100,000 grids. Reports numbers only; timing is never asserted.
 */
export async function benchLocate(): Promise<Record<string, number>> {
  const partition = timePartition();
  const beilin = partition.regions;
  const district = pieceBounds(pieceFromGeometry(beilin.district.geometry));
  // Points over the district's bounding box, so some fall outside it, as stray reports do.
  const small = lookupsPerSecond(new GridLocator(beilin.grids), randomPoints(district), 5_000_000);
  const lattice = jitteredLattice(400, 250, CITY_BOUNDS);
  const started = performance.now();
  const bigLocator = new GridLocator(lattice);
  const buildMs = performance.now() - started;
  const big = lookupsPerSecond(bigLocator, randomPoints(CITY_BOUNDS), 2_000_000);
  return {
    partitionFirstMs: partition.firstMs,
    partitionWarmMs: partition.warmMs,
    locate383PerSecond: small,
    build100kMs: buildMs,
    locate100kPerSecond: big,
  };
}

/** First run includes reading the data files and JIT warm-up, i.e. what a seed run pays. */
function timePartition() {
  let started = performance.now();
  const regions = generateBeilinRegions();
  const firstMs = performance.now() - started;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    generateBeilinRegions();
    runs.push(performance.now() - started);
  }
  return { regions, firstMs, warmMs: runs.sort((a, b) => a - b)[2] };
}

function lookupsPerSecond(locator: GridLocator, points: Float64Array, lookups: number): number {
  runLookups(locator, points, WARM_UP_LOOKUPS);
  const started = performance.now();
  const hits = runLookups(locator, points, lookups);
  const seconds = (performance.now() - started) / 1000;
  if (hits === 0) throw new Error("no point located: the benchmark is measuring nothing");
  return Math.round(lookups / seconds);
}

/** Counts hits so the optimiser cannot drop the lookups. */
function runLookups(locator: GridLocator, points: Float64Array, lookups: number): number {
  let hits = 0;
  for (let i = 0; i < lookups; i++) {
    const k = (i & (POINT_POOL - 1)) * 2;
    if (locator.locate(points[k], points[k + 1]) !== null) hits++;
  }
  return hits;
}

function randomPoints([minX, minY, maxX, maxY]: number[]): Float64Array {
  const random = mulberry32(20240601);
  const points = new Float64Array(POINT_POOL * 2);
  for (let i = 0; i < points.length; i += 2) {
    points[i] = minX + random() * (maxX - minX);
    points[i + 1] = minY + random() * (maxY - minY);
  }
  return points;
}

/**
 * A lattice of quadrilaterals whose shared corners are each moved by up to 30% of a cell, so
 * the grids tile the area like real ones (irregular, but without gaps or overlaps).
 */
function jitteredLattice(columns: number, rows: number, [minX, minY, maxX, maxY]: number[]): LocatableGrid[] {
  const random = mulberry32(7);
  const [cellX, cellY] = [(maxX - minX) / columns, (maxY - minY) / rows];
  const corner = (i: number, j: number): [number, number] => {
    const inner = i > 0 && i < columns && j > 0 && j < rows;
    const jitter = () => (inner ? (random() - 0.5) * 0.6 : 0);
    return [minX + (i + jitter()) * cellX, minY + (j + jitter()) * cellY];
  };
  const corners = Array.from({ length: columns + 1 }, (_, i) =>
    Array.from({ length: rows + 1 }, (_, j) => corner(i, j)),
  );
  const grids: LocatableGrid[] = [];
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const ring = [
        corners[i][j],
        corners[i + 1][j],
        corners[i + 1][j + 1],
        corners[i][j + 1],
        corners[i][j],
      ];
      const geometry: Polygon = { type: "Polygon", coordinates: [ring] };
      grids.push({ code: `S${String(i * rows + j).padStart(6, "0")}`, geometry });
    }
  }
  return grids;
}

export function reportLocate(results: Record<string, number>): void {
  const line = (label: string, value: number, unit: string) =>
    console.log(`${label.padEnd(40)}${Math.round(value).toLocaleString("en-US").padStart(12)} ${unit}`);
  line("partition: first run (cold)", results.partitionFirstMs, "ms");
  line("partition: warm run (median of 5)", results.partitionWarmMs, "ms");
  line("locate: 383 grids", results.locate383PerSecond, "lookups/s");
  line("locator build: 100,000 synthetic grids", results.build100kMs, "ms");
  line("locate: 100,000 synthetic grids", results.locate100kPerSecond, "lookups/s");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportLocate(await benchLocate());
}
