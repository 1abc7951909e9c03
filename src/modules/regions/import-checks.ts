/**
 * Pure checks of one imported grid feature (网格导入): its properties, its geometry as GeoJSON, and
 * whether it lies inside the district. Checks that compare features with each other or with the
 * stored grids live in import-overlaps.ts; the import itself in import.ts.
 */
import { area } from "@turf/area";
import { difference } from "@turf/difference";
import { feature, featureCollection } from "@turf/helpers";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { type Crs, toWgs84 } from "../../platform/geo/coordinates.js";

/** A grid feature that passed its own checks, in WGS-84. */
export interface CheckedGrid {
  index: number;
  code: string;
  name: string;
  partyBranch: string | null;
  geometry: Polygon | MultiPolygon;
  /** [minLng, minLat, maxLng, maxLat] of the outer rings. */
  bounds: [number, number, number, number];
  /** Geodesic area in square metres. */
  areaM2: number;
}

/** One feature's verdict: every problem found, and its shape when the geometry is usable. */
export interface FeatureVerdict {
  index: number;
  code: string | null;
  /** The community the code names, when the code itself passed (whatever else failed). */
  community: string | null;
  messages: string[];
  grid: CheckedGrid | null;
}

/** What a feature's code is checked against: the community it names and the importer's jurisdiction. */
export interface CodeContext {
  isCommunity(code: string): boolean;
  inScope(code: string): boolean;
}

/**
 * Up to 1 % of a grid may stick out of the district boundary: boundaries digitised at another scale,
 * or converted from GCJ-02 (accurate to about a metre), never match the district's vertex for vertex.
 */
export const OUTSIDE_TOLERANCE_RATIO = 0.01;

/** Grid code: the 12-digit community code (统计用区划代码) and a serial 001–999. */
const GRID_CODE = /^[0-9]{12}(?!000)[0-9]{3}$/;

const MAX_NAME_LENGTH = 60;
const MAX_PARTY_BRANCH_LENGTH = 100;

function codeMessages(code: unknown, context: CodeContext): string[] {
  if (typeof code !== "string" || !GRID_CODE.test(code)) {
    return ["网格编码须为社区编码加3位序号 / code must be the 12-digit community code followed by 001–999"];
  }
  const community = code.slice(0, 12);
  if (!context.isCommunity(community))
    return [`社区 ${community} 不存在 / community ${community} does not exist`];
  if (!context.inScope(community))
    return [`社区 ${community} 不在您的辖区内 / community ${community} is outside your jurisdiction`];
  return [];
}

function textMessages(name: unknown, partyBranch: unknown): string[] {
  const messages: string[] = [];
  if (typeof name !== "string" || name.trim() === "" || name.length > MAX_NAME_LENGTH) {
    messages.push(
      `须有网格名称（≤${MAX_NAME_LENGTH}字） / name is required (at most ${MAX_NAME_LENGTH} characters)`,
    );
  }
  const branchOk =
    partyBranch === undefined ||
    partyBranch === null ||
    (typeof partyBranch === "string" && partyBranch.length <= MAX_PARTY_BRANCH_LENGTH);
  if (!branchOk)
    messages.push(`网格党支部须为文字（≤${MAX_PARTY_BRANCH_LENGTH}字） / partyBranch must be text`);
  return messages;
}

function isPosition(value: unknown): value is Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  if (!value.every((n) => typeof n === "number" && Number.isFinite(n))) return false;
  return Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90;
}

function ringMessages(ring: unknown, where: string): string[] {
  if (!Array.isArray(ring) || !ring.every(isPosition))
    return [`${where} 坐标无效 / ${where}: every position must be [lng, lat]`];
  if (ring.length < 4) return [`${where} 至少需要4个点 / ${where}: a ring needs at least 4 positions`];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1])
    return [`${where} 未闭合 / ${where}: ring is not closed (first ≠ last position)`];
  return [];
}

/** The polygons of a geometry as rings of rings, or the reason they are not a (Multi)Polygon. */
function polygonsOf(geometry: unknown): { polygons: unknown[][] } | { message: string } {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return { message: "几何类型须为 Polygon 或 MultiPolygon / geometry must be a Polygon or MultiPolygon" };
  }
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  if (
    !Array.isArray(polygons) ||
    polygons.length === 0 ||
    !polygons.every((p) => Array.isArray(p) && p.length > 0)
  ) {
    return { message: "几何坐标结构无效 / geometry coordinates are malformed" };
  }
  return { polygons: polygons as unknown[][] };
}

/** GeoJSON structure checks: type, rings of at least 4 valid positions, every ring closed. */
export function geometryMessages(geometry: unknown): string[] {
  const parsed = polygonsOf(geometry);
  if ("message" in parsed) return [parsed.message];
  return parsed.polygons.flatMap((rings, p) =>
    rings.flatMap((ring, r) => ringMessages(ring, `polygon ${p} ring ${r}`)),
  );
}

/** The geometry in WGS-84, every vertex converted (GCJ-02 offsets are not linear). */
export function toWgs84Geometry(geometry: Polygon | MultiPolygon, crs: Crs): Polygon | MultiPolygon {
  if (crs === "wgs84") return geometry;
  const convert = (rings: Position[][]) =>
    rings.map((ring) => ring.map(([lng, lat]) => toWgs84(lng, lat, crs)));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: convert(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(convert) };
}

/** Bounds of the outer rings (holes lie inside them). */
export function boundsOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const [lng, lat] of polygons.flatMap((rings) => rings[0])) {
    bounds[0] = Math.min(bounds[0], lng);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lng);
    bounds[3] = Math.max(bounds[3], lat);
  }
  return bounds;
}

/** Square metres of the grid outside the district. */
export function areaOutside(geometry: Polygon | MultiPolygon, district: Polygon | MultiPolygon): number {
  const outside = difference(featureCollection([feature(geometry), feature(district)]));
  return outside ? area(outside) : 0;
}

function placementMessages(
  geometry: Polygon | MultiPolygon,
  areaM2: number,
  district: Polygon | MultiPolygon,
): string[] {
  if (areaM2 <= 0) return ["网格面积为零 / the grid has no area"];
  const outside = areaOutside(geometry, district);
  if (outside <= OUTSIDE_TOLERANCE_RATIO * areaM2) return [];
  return [
    `网格有 ${Math.round(outside)} 平方米在区界之外 / ${Math.round(outside)} m² of the grid lie outside the district boundary`,
  ];
}

/**
 * Everything wrong with one feature on its own: its code (community code + 3 digits, an existing
 * community inside the importer's jurisdiction), name and party branch, its geometry, and whether
 * it lies inside the district. The shape is kept whenever the geometry is usable, even if the code
 * is not, so that overlaps are reported in the same pass.
 */
export function checkFeature(
  raw: unknown,
  index: number,
  options: { crs: Crs; district: Polygon | MultiPolygon; codes: CodeContext },
): FeatureVerdict {
  const { properties, geometry } = (raw ?? {}) as {
    properties?: Record<string, unknown> | null;
    geometry?: unknown;
  };
  const { code, name, partyBranch } = properties ?? {};
  const codeProblems = codeMessages(code, options.codes);
  const messages = [...codeProblems, ...textMessages(name, partyBranch)];
  const community = codeProblems.length === 0 ? String(code).slice(0, 12) : null;
  const verdict: FeatureVerdict = {
    index,
    code: typeof code === "string" ? code : null,
    community,
    messages,
    grid: null,
  };
  const structure = geometryMessages(geometry);
  if (structure.length > 0) return { ...verdict, messages: [...messages, ...structure] };
  const wgs84 = toWgs84Geometry(geometry as Polygon | MultiPolygon, options.crs);
  try {
    const areaM2 = area(wgs84);
    messages.push(...placementMessages(wgs84, areaM2, options.district));
    const grid: CheckedGrid = {
      index,
      code: String(code),
      name: typeof name === "string" ? name.trim() : "",
      partyBranch: typeof partyBranch === "string" ? partyBranch : null,
      geometry: wgs84,
      bounds: boundsOf(wgs84),
      areaM2,
    };
    return { ...verdict, grid: areaM2 > 0 ? grid : null };
  } catch {
    // The polygon clipper gives up on some invalid shapes (e.g. self-intersecting rings).
    return {
      ...verdict,
      messages: [...messages, "几何图形无效（可能自相交） / the geometry is invalid (self-intersecting?)"],
    };
  }
}
