import gcoordModule from "gcoord";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCut, splitPiece } from "../../src/modules/regions/geometry/cut.js";
import { pieceFromGeometry, pieceToGeometry } from "../../src/modules/regions/geometry/planar.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid } from "../helpers/orders.js";

const gcoord = gcoordModule as unknown as (typeof gcoordModule)["default"];

type Shape = Polygon | MultiPolygon;
interface GridFeature {
  type: "Feature";
  properties: { code: string; name: string; partyBranch?: string };
  geometry: Shape;
}

let t: TestApp;
/** A community of 南院门街道 with at least three grids, and the grids of another community. */
let community: string;
let grids: GridFeature[];
let neighbour: GridFeature;

async function gridsOf(within: string): Promise<GridFeature[]> {
  const response = await t.app.inject({
    url: `/api/grids?within=${within}`,
    headers: { cookie: await t.login("admin") },
  });
  return response
    .json()
    .features.map((f: Feature<Shape, { code: string; name: string; partyBranch: string }>) => ({
      type: "Feature",
      properties: { code: f.properties.code, name: f.properties.name },
      geometry: f.geometry,
    }));
}

beforeAll(async () => {
  t = await createTestApp();
  const counts = await t.ctx.db
    .selectFrom("regions")
    .select(["parent_code", (eb) => eb.fn.countAll<string>().as("n")])
    .where("level", "=", "grid")
    .where("code", "like", "610103001%")
    .groupBy("parent_code")
    .orderBy("parent_code")
    .execute();
  community = counts.find((c) => Number(c.n) >= 3)?.parent_code as string;
  grids = await gridsOf(community);
  neighbour = (await gridsOf("610103008"))[0];
});
afterAll(() => t.close());

async function importGrids(features: unknown[], query = "", user = "admin", password?: string) {
  const cookie = await t.login(user, password);
  return t.app.inject({
    method: "POST",
    url: `/api/grids/import${query}`,
    headers: { cookie },
    payload: { type: "FeatureCollection", features },
  });
}
const feature = (code: string, name: string, geometry: Shape): GridFeature => ({
  type: "Feature",
  properties: { code, name },
  geometry,
});
const gridCount = async () =>
  (
    await t.ctx.db
      .selectFrom("regions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("level", "=", "grid")
      .executeTakeFirstOrThrow()
  ).n;
const nextCode = (serial: number) => `${community}${String(serial).padStart(3, "0")}`;

/** The last grid of the community cut along a meridian into a west and an east half. */
function splitLast(): { west: Shape; east: Shape; cut: number } {
  const piece = pieceFromGeometry(grids[grids.length - 1].geometry);
  const cut = findCut(piece, 0, 0.5);
  const { below, above } = splitPiece(piece, 0, cut);
  return { west: pieceToGeometry(below), east: pieceToGeometry(above), cut };
}

function toGcj02(shape: Shape): Shape {
  const convert = (rings: Position[][]) =>
    rings.map((ring) =>
      ring.map((p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as Position),
    );
  return shape.type === "Polygon"
    ? { type: "Polygon", coordinates: convert(shape.coordinates) }
    : { type: "MultiPolygon", coordinates: shape.coordinates.map(convert) };
}

describe("POST /api/grids/import: a valid import replaces the community's grids", () => {
  let features: GridFeature[];
  let half: ReturnType<typeof splitLast>;
  beforeAll(() => {
    half = splitLast();
    const last = grids[grids.length - 1].properties;
    features = [
      ...grids.slice(0, -1),
      feature(last.code, `${last.name}西`, half.west),
      feature(nextCode(grids.length + 1), `${last.name}东`, half.east),
    ];
  });

  it("a dry run reports what would happen and writes nothing", async () => {
    const before = await gridCount();
    const response = await importGrids(features, "?dryRun=true");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dryRun: true,
      imported: grids.length + 1,
      replaced: grids.length,
      errors: [],
    });
    expect(await gridCount()).toBe(before);
  });

  it("splits the last grid in two: stored, located, party branches kept or given", async () => {
    const directory = t.ctx.regions;
    const response = await importGrids(features);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      imported: grids.length + 1,
      replaced: grids.length,
      errors: [],
    });
    expect(t.ctx.regions).not.toBe(directory);
    const eastCode = nextCode(grids.length + 1);
    const east = await pointInGrid(t, eastCode);
    const west = await pointInGrid(t, grids[grids.length - 1].properties.code);
    expect(east.lng).toBeGreaterThan(half.cut);
    expect(west.lng).toBeLessThan(half.cut);
    const rows = await t.ctx.db
      .selectFrom("regions")
      .select(["code", "name", "party_branch"])
      .where("parent_code", "=", community)
      .orderBy("code")
      .execute();
    expect(rows).toHaveLength(grids.length + 1);
    expect(rows[0].party_branch).toBe(`${grids[0].properties.name}党支部`);
    expect(rows.at(-1)).toEqual({
      code: eastCode,
      name: `${grids[grids.length - 1].properties.name}东`,
      party_branch: `${grids[grids.length - 1].properties.name}东党支部`,
    });
  });

  it("removes a grid left out of the import when nothing belongs to it (joining the halves again)", async () => {
    const response = await importGrids(grids);
    expect(response.json()).toEqual({
      dryRun: false,
      imported: grids.length,
      replaced: grids.length + 1,
      errors: [],
    });
    expect(t.ctx.regions.get(nextCode(grids.length + 1))).toBeUndefined();
    expect((await pointInGrid(t, grids[grids.length - 1].properties.code)).lng).toBeGreaterThan(0);
  });

  it("accepts GCJ-02 coordinates when told (crs=gcj02)", async () => {
    const current = await gridsOf(community);
    const response = await importGrids(
      current.map((f) => ({ ...f, geometry: toGcj02(f.geometry) })),
      "?crs=gcj02&dryRun=true",
    );
    expect(response.json()).toEqual({
      dryRun: true,
      imported: current.length,
      replaced: current.length,
      errors: [],
    });
  });
});

describe("POST /api/grids/import: an invalid import reports every feature and writes nothing", () => {
  it("reports a bad code, a grid outside the district, an overlap, an open ring, a duplicate, a wrong type and grids it cannot remove", async () => {
    const current = await gridsOf(community);
    const [first, second, third] = current;
    const square: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [109.2, 34.3],
          [109.21, 34.3],
          [109.21, 34.31],
          [109.2, 34.31],
          [109.2, 34.3],
        ],
      ],
    };
    const openRing = structuredClone(second.geometry) as Polygon;
    openRing.coordinates[0].pop();
    const features = [
      first,
      feature("6101030011", "编码错误", second.geometry),
      feature(nextCode(90), "区外网格", square),
      feature(nextCode(91), "重叠网格", first.geometry),
      feature(nextCode(92), "未闭合", openRing),
      feature(first.properties.code, "重复编码", third.geometry),
      feature(nextCode(93), "压邻社区", neighbour.geometry),
      {
        type: "Feature",
        properties: { code: nextCode(94), name: "点" },
        geometry: { type: "Point", coordinates: [108.95, 34.25] },
      },
    ];
    const before = await gridCount();
    const directory = t.ctx.regions;
    const response = await importGrids(features);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.any(String),
      dryRun: false,
      imported: 0,
      replaced: 0,
    });
    const of = (index: number | null, code?: string) =>
      body.errors
        .find(
          (e: { index: number | null; code: string }) =>
            e.index === index && (code === undefined || e.code === code),
        )
        ?.messages.join(" | ");
    expect(of(0)).toMatch(/overlaps feature 3/);
    expect(of(1)).toMatch(/community code followed by 001–999/);
    expect(of(2)).toMatch(/outside the district boundary/);
    expect(of(3)).toMatch(/overlaps feature 0/);
    expect(of(4)).toMatch(/ring is not closed/);
    expect(of(5)).toMatch(/duplicate code: also used by feature 0/);
    expect(of(6)).toMatch(new RegExp(`overlaps the existing grid ${neighbour.properties.code}`));
    expect(of(7)).toMatch(/Polygon or MultiPolygon/);
    // Every grid left out still has its grid workers.
    for (const left of current.slice(1))
      expect(of(null, left.properties.code)).toMatch(/grid workers .* reassign them first/);
    expect(body.errors.filter((e: { index: number | null }) => e.index === null)).toHaveLength(
      current.length - 1,
    );
    expect(await gridCount()).toBe(before);
    expect(t.ctx.regions).toBe(directory);
  });

  it("a dry run reports problems with 200 rather than 400", async () => {
    const response = await importGrids([feature(nextCode(95), "", grids[0].geometry)], "?dryRun=true");
    expect(response.statusCode).toBe(200);
    expect(response.json().errors[0]).toEqual({
      index: 0,
      code: nextCode(95),
      messages: [expect.stringMatching(/name is required/)],
    });
  });

  it("refuses a community outside the importer's jurisdiction", async () => {
    const admin = await t.login("admin");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: {
        username: "street-admin",
        displayName: "街道管理员",
        password: "Copper-owl-harbour-73",
        role: "admin",
        regionCode: "610103001",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await importGrids([neighbour], "?dryRun=true", "street-admin", "Copper-owl-harbour-73");
    expect(response.json().errors[0].messages[0]).toMatch(/outside your jurisdiction/);
  });

  it("refuses a body that is not a FeatureCollection (schema, VALIDATION_FAILED)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/grids/import",
      headers: { cookie: await t.login("admin") },
      payload: { type: "Feature" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("is refused to a dispatcher (403)", async () => {
    const response = await importGrids(grids, "?dryRun=true", "district-dispatcher");
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FORBIDDEN");
  });
});
