import type { MultiPolygon, Polygon } from "geojson";

/** 区划层级 administrative level, from the district down to the grid (网格). */
export type RegionLevel = "district" | "street" | "community" | "grid";

/** 区划形状 a region with its boundary in WGS-84 (GeoJSON, counter-clockwise outer rings). */
export interface RegionShape {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon;
}

/** 碑林区区划 the whole generated hierarchy; each level tiles its parent level. */
export interface BeilinRegions {
  /** 区 district */
  district: RegionShape;
  /** 街道 streets, in code order */
  streets: RegionShape[];
  /** 社区 communities, in code order */
  communities: RegionShape[];
  /** 网格 grids, grouped by community in code order, numbered in reading order within each */
  grids: RegionShape[];
}
