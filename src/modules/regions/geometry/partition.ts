import { apportion } from "./apportion.js";
import { partitionByWeights } from "./bisect.js";
import { loadBeilinBoundary } from "./boundary.js";
import { type CommunityEntry, loadBeilinDivisions, type StreetEntry } from "./divisions.js";
import { readingOrder } from "./numbering.js";
import { type Piece, pieceFromGeometry, pieceToGeometry } from "./planar.js";
import { fnv1a, mulberry32 } from "./prng.js";
import type { BeilinRegions, RegionShape } from "./types.js";

export type { BeilinRegions, RegionLevel, RegionShape } from "./types.js";

/** 网格总数 碑林区's real number of grids. */
export const BEILIN_GRID_COUNT = 383;

/** 每社区最少网格数 so every community is split, as real ones are. */
const MIN_GRIDS_PER_COMMUNITY = 2;

/**
 * 生成碑林区区划 Partition the district boundary into streets, communities and grids.
 *
 * No public street or community boundaries exist, so they are synthesised by recursive
 * bisection (see {@link partitionByWeights}): the district into its 8 streets, each street into
 * its communities, each community into its grids. Every level tiles its parent exactly, and the
 * output is identical on every run (no randomness beyond seeded, code-derived sizes).
 */
export function generateBeilinRegions(): BeilinRegions {
  const boundary = loadBeilinBoundary();
  const { streets, communities } = loadBeilinDivisions();
  const districtPiece = pieceFromGeometry(boundary.geometry);
  const membersOf = (street: StreetEntry) => communities.filter((c) => c.streetCode === street.code);
  const streetSizes = streets.map((street) => sum(membersOf(street).map(communitySize)));
  const streetPieces = partitionByWeights(districtPiece, streetSizes);
  const communityPieces = streets.flatMap((street, i) =>
    partitionByWeights(streetPieces[i], membersOf(street).map(communitySize)),
  );
  const ordered = streets.flatMap(membersOf);
  const gridCounts = apportion(BEILIN_GRID_COUNT, ordered.map(communitySize), MIN_GRIDS_PER_COMMUNITY);
  return {
    district: shape(boundary.code, boundary.name, "district", null, districtPiece),
    streets: streets.map((s, i) => shape(s.code, s.name, "street", boundary.code, streetPieces[i])),
    communities: ordered.map((c, i) => shape(c.code, c.name, "community", c.streetCode, communityPieces[i])),
    grids: ordered.flatMap((c, i) => gridsOf(c, communityPieces[i], gridCounts[i])),
  };
}

/**
 * 社区相对规模 Relative area of a community, in [0.5, 1.5). Real sizes are unknown; a value
 * seeded by the code varies them realistically and does not shift if the list ever changes.
 * Grids are then apportioned by size, so grids come out of similar area district-wide.
 */
function communitySize(community: CommunityEntry): number {
  return 0.5 + mulberry32(fnv1a(community.code))();
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Equal-area grids of one community, coded and named in reading order (see {@link readingOrder}). */
function gridsOf(community: CommunityEntry, piece: Piece, count: number): RegionShape[] {
  const pieces = partitionByWeights(piece, new Array<number>(count).fill(1));
  return readingOrder(pieces).map((index, serial) =>
    shape(
      `${community.code}${String(serial + 1).padStart(3, "0")}`,
      `${community.name}第${serial + 1}网格`,
      "grid",
      community.code,
      pieces[index],
    ),
  );
}

function shape(
  code: string,
  name: string,
  level: RegionShape["level"],
  parentCode: string | null,
  piece: Piece,
): RegionShape {
  return { code, name, level, parentCode, geometry: pieceToGeometry(piece) };
}
