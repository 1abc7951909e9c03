import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { Gazetteer } from "../../src/modules/places/gazetteer.js";
import { geocode } from "../../src/modules/places/geocode.js";
import {
  alongPath,
  distanceAlong,
  type LngLat,
  offsetMetres,
  pathLength,
} from "../../src/modules/places/geometry.js";
import type { PlaceEntry } from "../../src/modules/places/types.js";
import { RegionDirectory } from "../../src/modules/regions/directory.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let places: Gazetteer;

beforeAll(async () => {
  database = await openTestDatabase({ prepared: true });
  places = await Gazetteer.load(database.db, await RegionDirectory.load(database.db));
});
afterAll(() => database.close());

/** The district's gazetteer with a few entries of a test's own, made like stored compounds and buildings. */
function withEntries(
  extra: { kind: "compound" | "building"; name: string; at: LngLat; compound?: string }[],
) {
  const made = extra.map(
    ({ kind, name, at, compound }, i): PlaceEntry => ({
      key: `test:${i}`,
      id: -1 - i,
      code: null,
      kind,
      name,
      aliases: [],
      category: null,
      lng: at[0],
      lat: at[1],
      road: null,
      compound: compound ?? null,
      extent: null,
      bbox: [at[0], at[1], at[0], at[1]],
      gridCode: places.locate(at[0], at[1])?.grid.code ?? null,
      communityCode: null,
      streetCode: null,
    }),
  );
  return new Gazetteer(places.regions, [...places.entries, ...made]);
}

const gridOf = ([lng, lat]: LngLat) => places.locate(lng, lat)?.grid.code ?? null;

/** A point inside the district `inset` metres west of where a grid gives way to its eastern neighbour. */
function nearEasternEdge(inset: number): { point: LngLat; grid: string } {
  for (const grid of places.entries.filter((e) => e.kind === "grid")) {
    let point: LngLat = [grid.lng, grid.lat];
    for (let east = 0; east < 600; east += 2) {
      const next = offsetMetres([grid.lng, grid.lat], east, 0);
      const code = gridOf(next);
      if (code !== grid.code) {
        if (!code) break;
        const inside = offsetMetres(point, -inset, 0);
        if (gridOf(inside) === grid.code && gridOf(offsetMetres(inside, -60, 0)) === grid.code)
          return { point: inside, grid: grid.code as string };
        break;
      }
      point = next;
    }
  }
  throw new Error("no grid edge found");
}

describe("resemblance stands in for a misspelt name, not for another door", () => {
  it("does not take a door number for a compound of a different number or a different road", () => {
    const road = places.entries.find((e) => e.kind === "road" && e.road) as PlaceEntry;
    const numbering = road.road as NonNullable<PlaceEntry["road"]>;
    const beyond = numbering.to + 11;
    const elsewhere = offsetMetres([road.lng, road.lat], 0, 0);
    const gazetteer = withEntries([
      // Alike in writing to "<road><beyond>号", but a door a tenth as far along, and a door of another road.
      { kind: "compound", name: `${road.name}${Math.floor(beyond / 10)}号院`, at: elsewhere },
      { kind: "compound", name: `另一条路${beyond}号院`, at: elsewhere },
    ]);
    const placement = geocode(gazetteer, `${road.name}${beyond}号`);
    expect(placement.placed).toBe(false);
    expect(placement.matched.map((m) => m.name)).toEqual([road.name]);
    // A misspelt name still finds its place.
    const market = places.entries.find((e) => e.name === "东关南街农贸市场");
    expect(market).toBeDefined();
    expect(geocode(places, "东关南街菜市场").matched.map((m) => m.name)).toContain("东关南街农贸市场");
  });
});

describe("a door number beside a known door", () => {
  it("is reckoned from the known door of its side, not from the even spacing, and never lies beyond it", () => {
    const road = places.entries.find(
      (e) => e.kind === "road" && e.road && e.road.to > 200 && !places.named("compound", `${e.name}101号院`),
    ) as PlaceEntry;
    const { path, from, to } = road.road as NonNullable<PlaceEntry["road"]>;
    const length = pathLength(path);
    const evenly = (number: number) => ((number - from) / (to - from)) * length;
    // 103号院 stands 40 m before where the even spacing puts it: 101 is before it too.
    const known = alongPath(path, (evenly(103) - 40) / length, 35);
    const gazetteer = withEntries([{ kind: "compound", name: `${road.name}103号院`, at: known }]);
    const placement = geocode(gazetteer, `${road.name}101号`);
    expect(placement.precision).toBe("house_number");
    const at = distanceAlong(path, [placement.point?.lng ?? 0, placement.point?.lat ?? 0]);
    expect(at).toBeLessThan(distanceAlong(path, known));
    expect(at).toBeLessThan(evenly(101) - 20);
  });
});

describe("a numbered building the gazetteer does not know", () => {
  it("is placed by where its compound's known buildings stand, not by a circle round the compound's point", () => {
    const { point, grid } = nearEasternEdge(8);
    const bare = withEntries([{ kind: "compound", name: "测试边缘小区", at: point }]);
    const alone = geocode(bare, "测试边缘小区9号楼");
    expect(alone.grid?.code).toBe(grid);
    const built = withEntries([
      { kind: "compound", name: "测试边缘小区", at: point },
      ...[20, 35, 50].map((west, i) => ({
        kind: "building" as const,
        name: `测试边缘小区${i + 1}号楼`,
        at: offsetMetres(point, -west, 0),
        compound: "测试边缘小区",
      })),
    ]);
    const placement = geocode(built, "测试边缘小区9号楼");
    expect(placement).toMatchObject({ precision: "compound", placed: true });
    expect(placement.grid?.code).toBe(grid);
    expect(placement.confidence).toBeGreaterThan(alone.confidence);
  });
});

describe("a landmark whose ground spans many grids (属地)", () => {
  const campus = () => places.named("landmark", "西北工业大学友谊校区") as PlaceEntry;

  it("is placed on the grid of its own point when named alone or with 门口/对面/附近, the vaguer the less surely", () => {
    const own = places.locate(campus().lng, campus().lat)?.grid.code;
    const [alone, gate, near] = [
      "西北工业大学友谊校区",
      "西北工业大学友谊校区门口",
      "西北工业大学友谊校区附近",
    ].map((address) => geocode(places, address));
    for (const placement of [alone, gate, near]) {
      expect(placement).toMatchObject({ precision: "landmark", placed: true });
      expect(placement.grid?.code).toBe(own);
    }
    expect(near.confidence).toBeLessThan(alone.confidence);
    // The operator still sees where else the caller may be.
    expect(near.alternatives.length).toBeGreaterThan(3);
  });

  it("is moved to the side named, and judged there, when the caller says which side", () => {
    const south = geocode(places, "西北工业大学友谊校区南门");
    expect(south.precision).toBe("landmark");
    expect(south.point?.lat).toBeLessThan(campus().lat);
  });

  it("is not taken on a loose resemblance alone: a misspelt market 附近 still waits for a person", () => {
    const market = geocode(places, "东关南街菜市场附近");
    expect(market.matched.map((m) => m.name)).toEqual(["东关南街农贸市场"]);
    expect(market.placed).toBe(false);
  });
});
