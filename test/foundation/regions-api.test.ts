import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
});
afterAll(() => t.close());

describe("the 碑林区 region tree (GET /api/regions)", () => {
  it("lists the 8 streets with codes 610103001–610103008", async () => {
    const response = await t.app.inject({ url: "/api/regions?level=street", headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    const codes = response.json().items.map((r: { code: string }) => r.code);
    expect(codes).toEqual(Array.from({ length: 8 }, (_, i) => `61010300${i + 1}`));
  });

  it("lists 105 communities and 383 grids", async () => {
    const communities = await t.app.inject({
      url: "/api/regions?level=community",
      headers: { cookie: admin },
    });
    const grids = await t.app.inject({ url: "/api/regions?level=grid", headers: { cookie: admin } });
    expect(communities.json().items).toHaveLength(105);
    expect(grids.json().items).toHaveLength(383);
  });

  it("starts at the district and goes down by parent", async () => {
    const top = (await t.app.inject({ url: "/api/regions", headers: { cookie: admin } })).json().items;
    expect(top).toEqual([
      { code: "610103", name: "碑林区", level: "district", parentCode: null, childCount: 8 },
    ]);
    const street = (
      await t.app.inject({ url: "/api/regions?parent=610103001", headers: { cookie: admin } })
    ).json();
    expect(street.items.length).toBeGreaterThan(0);
    expect(street.items.every((r: { parentCode: string }) => r.parentCode === "610103001")).toBe(true);
  });

  it("shows a grid with its ancestors, party branch and 5–7 grid workers with masked phones", async () => {
    const first = (await t.app.inject({ url: "/api/regions?level=grid", headers: { cookie: admin } })).json()
      .items[0];
    const response = await t.app.inject({ url: `/api/regions/${first.code}`, headers: { cookie: admin } });
    const grid = response.json();
    expect(grid.level).toBe("grid");
    expect(grid.ancestors.map((a: { level: string }) => a.level)).toEqual([
      "district",
      "street",
      "community",
    ]);
    expect(grid.partyBranch).toContain("党支部");
    expect(grid.workers.length).toBeGreaterThanOrEqual(5);
    expect(grid.workers.length).toBeLessThanOrEqual(7);
    for (const worker of grid.workers) expect(worker.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("serves every grid as GeoJSON in WGS-84", async () => {
    const response = await t.app.inject({ url: "/api/grids", headers: { cookie: admin } });
    const collection = response.json();
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(383);
    const [lng, lat] = collection.features[0].geometry.coordinates.flat(3);
    expect(lng).toBeGreaterThan(108.9);
    expect(lat).toBeGreaterThan(34.2);
    expect(collection.features[0].properties).toMatchObject({
      communityName: expect.any(String),
      streetName: expect.any(String),
    });
  });

  it("returns 404 for an unknown region inside the jurisdiction", async () => {
    const response = await t.app.inject({ url: "/api/regions/610103999999999", headers: { cookie: admin } });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("NOT_FOUND");
  });
});

describe("the public map settings (GET /api/config)", () => {
  it("answer without a session: no tiles configured, WGS-84, the district's name", async () => {
    const response = await t.app.inject({ url: "/api/config" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      tileUrl: null,
      tileAttribution: null,
      tileCrs: "wgs84",
      districtName: "碑林区",
    });
  });
});

describe("locating a point (GET /api/locate)", () => {
  it("finds the grid, community, street and district of a point inside a grid", async () => {
    const grids = (
      await t.app.inject({ url: "/api/grids?within=610103002", headers: { cookie: admin } })
    ).json();
    const feature = grids.features[0];
    const [lng, lat] = interiorPoint(feature.geometry);
    const response = await t.app.inject({ url: `/api/locate?lat=${lat}&lng=${lng}` });
    expect(response.statusCode).toBe(200);
    const location = response.json();
    expect(location.grid.code).toBe(feature.properties.code);
    expect(location.community.code).toBe(feature.properties.communityCode);
    expect(location.street.code).toBe("610103002");
    expect(location.district).toEqual({ code: "610103", name: "碑林区" });
  });

  it("converts GCJ-02 input: 碑林区's GCJ-02 centroid is inside the district", async () => {
    const response = await t.app.inject({ url: "/api/locate?lat=34.246862&lng=108.960692&crs=gcj02" });
    expect(response.statusCode).toBe(200);
  });

  it("answers 404 OUTSIDE_JURISDICTION outside the district, in the request's language", async () => {
    const zh = await t.app.inject({ url: "/api/locate?lat=39.9&lng=116.4" });
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({ code: "OUTSIDE_JURISDICTION", message: "该位置不在本区辖区内" });
    const en = await t.app.inject({
      url: "/api/locate?lat=39.9&lng=116.4",
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(en.json().message).toBe("This location is outside the district");
  });

  it("rejects a latitude out of range with VALIDATION_FAILED", async () => {
    const response = await t.app.inject({ url: "/api/locate?lat=91&lng=108.9" });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });
});

/** A point well inside a polygon: the centroid of its largest triangle fan is good enough for compact grids. */
function interiorPoint(geometry: {
  type: string;
  coordinates: number[][][] | number[][][][];
}): [number, number] {
  const ring = (
    geometry.type === "Polygon" ? geometry.coordinates[0] : (geometry.coordinates[0] as number[][][])[0]
  ) as number[][];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
