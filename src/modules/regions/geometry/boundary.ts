import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { toWgs84 } from "../../../platform/geo/coordinates.js";

/** 碑林区 boundary as published (GCJ-02, the "Mars" datum used by Chinese web maps). */
const BOUNDARY_FILE = new URL("../../../../data/beilin-610103.geojson", import.meta.url);

/** 区界 The district's identity and outline. */
export interface DistrictBoundary {
  code: string;
  name: string;
  /** WGS-84: GCJ-02 offsets are non-linear, so every vertex is converted individually. */
  geometry: MultiPolygon;
}

/**
 * 碑林区区界 Load the district boundary (a FeatureCollection of one Feature, or a bare Feature)
 * and convert it from GCJ-02 to WGS-84.
 */
export function loadBeilinBoundary(): DistrictBoundary {
  const parsed = JSON.parse(readFileSync(BOUNDARY_FILE, "utf8")) as FeatureCollection | Feature;
  const feature = parsed.type === "FeatureCollection" ? parsed.features[0] : parsed;
  const geometry = feature.geometry as Polygon | MultiPolygon;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return {
    code: String(feature.properties?.adcode ?? "610103"),
    name: String(feature.properties?.name ?? "碑林区"),
    geometry: {
      type: "MultiPolygon",
      coordinates: polygons.map((rings) =>
        rings.map((ring) => ring.map(([lng, lat]) => toWgs84(lng, lat, "gcj02"))),
      ),
    },
  };
}
