import type { LngLat } from "./geometry.js";

/**
 * 地名地址 The district gazetteer's vocabulary. Streets, communities and grids come from the region
 * tree; compounds, buildings, roads and landmarks are rows of their own (table `places`).
 */
export type PlaceKind = "street" | "community" | "grid" | "compound" | "building" | "road" | "landmark";

/** The kinds stored in `places`; the region kinds are edited through the region tree. */
export type StoredPlaceKind = "compound" | "building" | "road" | "landmark";
export const STORED_PLACE_KINDS: readonly StoredPlaceKind[] = ["compound", "building", "road", "landmark"];

/** 地标类别 what a landmark is. */
export type LandmarkCategory =
  | "school"
  | "hospital"
  | "market"
  | "station"
  | "park"
  | "sight"
  | "sport"
  | "government"
  | "crossing";
export const LANDMARK_CATEGORIES: readonly LandmarkCategory[] = [
  "school",
  "hospital",
  "market",
  "station",
  "park",
  "sight",
  "sport",
  "government",
  "crossing",
];

/** 门牌号段 A road's numbered trace: numbers from..to run evenly along the WGS-84 path. */
export interface RoadNumbering {
  path: [number, number][];
  from: number;
  to: number;
}

/** A stored entry as written to and read from `places` (WGS-84). */
export interface PlaceRecord {
  kind: StoredPlaceKind;
  name: string;
  aliases: string[];
  category: LandmarkCategory | null;
  lng: number;
  lat: number;
  road: RoadNumbering | null;
  /** For a building, its compound's name (小区/院落). */
  compound: string | null;
  /** Metres a large landmark reaches from its point (a campus's gates lie this far out). */
  extent: number | null;
}

/** Where an entry lies in the region tree (its point's grid; a region's own code for regions). */
export interface PlaceLocation {
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
}

/** A gazetteer entry in memory: a stored place (`id`) or a region (`id` null, `code` set). */
export interface PlaceEntry extends PlaceLocation {
  key: string;
  id: number | null;
  code: string | null;
  kind: PlaceKind;
  name: string;
  aliases: string[];
  category: LandmarkCategory | null;
  lng: number;
  lat: number;
  road: RoadNumbering | null;
  compound: string | null;
  extent: number | null;
  /** [minLng, minLat, maxLng, maxLat] for regions and roads; a point's own box otherwise. */
  bbox: [number, number, number, number];
}

/** How finely an address was placed, finest first. */
export type Precision =
  | "building"
  | "compound"
  | "grid"
  | "house_number"
  | "landmark"
  | "crossing"
  | "road"
  | "community"
  | "street"
  | "none";

/** The finest place an address names, and where around it the caller's place may be. */
export interface FinePlace {
  precision: Precision;
  point: LngLat;
  /** How far around the point the caller's place may be (metres). */
  radius: number;
  /** Where the caller's place may be, when that is not a circle around the point. */
  samples?: LngLat[];
  base: number;
  matched: PlaceEntry[];
  /**
   * 属地 The grid holding the place's registered point answers for it wherever around it the caller
   * stands, so the spread of its ground lowers nothing; the other grids are still offered.
   */
  territorial?: boolean;
}
