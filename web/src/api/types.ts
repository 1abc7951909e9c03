import type { MultiPolygon, Polygon } from "geojson";
import type { Role } from "../auth/roles";

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  permissions: string[];
}

export type RegionLevel = "district" | "street" | "community" | "grid";

export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
}

export interface GridWorker {
  id: number;
  displayName: string;
  phone: string | null;
}

export interface RegionDetail {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  ancestors: Array<{ code: string; name: string; level: RegionLevel }>;
  partyBranch: string | null;
  workers: GridWorker[];
  childCount: number;
}

export interface GridProperties {
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  streetName: string;
}

export interface GridFeature {
  type: "Feature";
  properties: GridProperties;
  geometry: Polygon | MultiPolygon;
}

export interface GridCollection {
  type: "FeatureCollection";
  features: GridFeature[];
}

export interface AppConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  /** The tiles' datum: GCJ-02 tiles are shifted under the WGS-84 grids. */
  tileCrs?: "wgs84" | "gcj02";
  districtName: string;
}

/** GET /api/health: the server answers; while the demo year fills in the background, its progress. */
export interface Health {
  status: "ok";
  demoHistory?: { state: "filling" | "done" | "failed"; percent: number };
}
