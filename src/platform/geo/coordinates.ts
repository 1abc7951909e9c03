import gcoordModule from "gcoord";

// gcoord ships CommonJS whose typings declare an ES default export; under NodeNext the default
// import is the CommonJS module object itself, so retype it once here.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)["default"];

/** Coordinate systems points arrive in: GPS (WGS-84), Chinese map SDKs and WeChat (GCJ-02), Baidu (BD-09). */
export type Crs = "wgs84" | "gcj02" | "bd09";

/** Converts a [lng, lat] point to WGS-84, the system every geometry is stored in. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === "wgs84") return [lng, lat];
  const from = crs === "gcj02" ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lng, lat], from, gcoord.WGS84);
  return [x, y];
}
