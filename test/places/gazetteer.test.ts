import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geocode } from "../../src/modules/places/geocode.js";
import { alongPath } from "../../src/modules/places/geometry.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let admin: string;
let operator: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  operator = await t.login("operator");
});
afterAll(() => t.close());

const get = async (url: string, cookie?: string) => {
  const response = await t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
  return { status: response.statusCode, body: response.json() };
};
const send = async (method: "POST" | "PUT" | "DELETE", url: string, cookie: string, payload?: unknown) => {
  const response = await t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  return { status: response.statusCode, body: response.body ? response.json() : null };
};

describe("the district gazetteer", () => {
  it("holds every grid, community and street, and places each stored entry in a grid", () => {
    const entries = t.ctx.places.entries;
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect(count("grid")).toBe(383);
    expect(count("community")).toBeGreaterThan(100);
    expect(count("road")).toBeGreaterThan(40);
    expect(count("landmark")).toBeGreaterThan(40);
    expect(count("compound")).toBeGreaterThanOrEqual(383 * 3);
    for (const entry of entries.filter((e) => e.kind === "compound" || e.kind === "landmark"))
      expect(entry.gridCode, entry.name).not.toBeNull();
    const gridsWithCompounds = new Set(entries.filter((e) => e.kind === "compound").map((e) => e.gridCode));
    expect(gridsWithCompounds.size).toBe(383);
  });

  it("finds places by any part of their name, exact names and landmarks first", async () => {
    const { status, body } = await get(`/api/places/search?q=${encodeURIComponent("钟楼")}`, operator);
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ kind: "landmark", name: "钟楼" });
    expect(body.items[0].grid.code).toMatch(/^610103/);
    const middle = await get(`/api/places/search?q=${encodeURIComponent("博物馆")}&kinds=landmark`, operator);
    expect(middle.body.items.map((i: { name: string }) => i.name)).toContain("碑林博物馆");
    expect(middle.body.items.every((i: { kind: string }) => i.kind === "landmark")).toBe(true);
  });

  it("places a building of a known compound in the compound's grid, whatever the prefix and numerals", () => {
    const building = t.ctx.places.entries.find((e) => e.kind === "building" && e.name.endsWith("3号楼"));
    expect(building).toBeDefined();
    const compound = building?.compound as string;
    const placement = geocode(t.ctx.places, `陕西省西安市碑林区 ${compound}三号楼２单元501室`);
    expect(placement).toMatchObject({ precision: "building", placed: true });
    expect(placement.grid?.code).toBe(building?.gridCode);
    expect(placement.confidence).toBeGreaterThan(0.9);
  });

  it("places a door number along its road, a landmark with its relation, and two roads where they meet", () => {
    const numbered = geocode(t.ctx.places, "文艺北路120号");
    expect(numbered.precision).toMatch(/house_number|compound/);
    expect(numbered.grid).not.toBeNull();
    const plain = geocode(t.ctx.places, "南院门小学");
    const near = geocode(t.ctx.places, "南院门小学附近");
    expect(near.precision).toBe("landmark");
    expect(near.grid?.code).toBe(plain.grid?.code);
    expect(near.confidence).toBeLessThanOrEqual(plain.confidence);
    const meeting = geocode(t.ctx.places, "和平路与东木头市交叉口");
    expect(meeting).toMatchObject({ precision: "crossing", placed: true });
  });

  it("reads a name written with a dot as addresses write it, without one", () => {
    const station = geocode(t.ctx.places, "碑林区建筑科技大学·李家村站西边");
    expect(station.matched.map((m) => m.name)).toEqual(["建筑科技大学·李家村站"]);
  });

  it("gives only a university a campus's ground: a school or hospital named after one is its own size, a community clinic a house's", () => {
    const extent = (name: string) => t.ctx.places.entries.find((e) => e.name === name)?.extent;
    expect(extent("西安交通大学兴庆校区")).toBe(350);
    expect(extent("西安交通大学附属中学")).toBe(80);
    expect(extent("西安交通大学第一附属医院东院")).toBe(120);
    expect(extent("文艺路社区卫生服务中心")).toBe(30);
    expect(extent("建筑科技大学·李家村站")).toBe(30);
  });

  it("places a door number across the road, less surely, when its numbered side lies outside the district", () => {
    const inDistrict = ([lng, lat]: [number, number]) => t.ctx.places.locate(lng, lat) !== null;
    const cases = t.ctx.places.entries.flatMap((road) => {
      const numbering = road.road;
      if (!numbering) return [];
      return Array.from({ length: numbering.to - numbering.from + 1 }, (_, i) => numbering.from + i)
        .filter((number) => {
          const fraction = (number - numbering.from) / (numbering.to - numbering.from);
          const side = number % 2 === 1 ? 35 : -35;
          return (
            !inDistrict(alongPath(numbering.path, fraction, side)) &&
            inDistrict(alongPath(numbering.path, fraction, -side)) &&
            !t.ctx.places.named("compound", `${road.name}${number}号院`)
          );
        })
        .map((number) => `${road.name}${number}号`);
    });
    expect(cases.length).toBeGreaterThan(0);
    for (const address of cases.slice(0, 20)) {
      const placement = geocode(t.ctx.places, address);
      expect(placement.precision, address).toBe("house_number");
      expect(placement.grid, address).not.toBeNull();
      expect(placement.confidence, address).toBeLessThanOrEqual(0.7);
    }
  });

  it("does not place what it cannot: a community alone, an unknown place, a place outside the district", () => {
    const community = geocode(t.ctx.places, "南院门社区");
    expect(community).toMatchObject({ precision: "community", placed: false, grid: null });
    expect(community.community?.name).toBe("南院门社区");
    expect(geocode(t.ctx.places, "大雁塔北广场")).toMatchObject({ placed: false, confidence: 0 });
  });

  it("lowers the confidence when a named community contradicts the place", () => {
    const compound = t.ctx.places.entries.find((e) => e.kind === "compound");
    const elsewhere = t.ctx.places.entries.find(
      (e) => e.kind === "community" && e.code !== compound?.communityCode,
    );
    const alone = geocode(t.ctx.places, compound?.name ?? "");
    const contradicted = geocode(t.ctx.places, `${elsewhere?.name}${compound?.name}`);
    expect(contradicted.grid?.code).toBe(alone.grid?.code);
    expect(contradicted.confidence).toBeLessThan(alone.confidence);
  });

  it("lets an administrator add, correct and retire entries, and nobody else", async () => {
    const resident = await t.login("resident");
    expect((await get(`/api/places/search?q=${encodeURIComponent("交大")}`, resident)).status).toBe(200);
    expect((await get(`/api/places/search?q=${encodeURIComponent("交大")}`)).status).toBe(401);
    const grid = t.ctx.places.entries.find((e) => e.kind === "grid");
    const other = t.ctx.places.entries.find((e) => e.kind === "grid" && e.code !== grid?.code);
    const landmark = {
      kind: "landmark",
      name: "碑林测试便民驿站",
      category: "government",
      lng: grid?.lng,
      lat: grid?.lat,
    };
    expect((await send("POST", "/api/places", operator, landmark)).status).toBe(403);

    const created = await send("POST", "/api/places", admin, landmark);
    expect(created.status).toBe(201);
    expect(created.body.grid.code).toBe(grid?.code);
    expect(geocode(t.ctx.places, "碑林测试便民驿站门口").grid?.code).toBe(grid?.code);
    expect((await send("POST", "/api/places", admin, landmark)).status).toBe(409);

    const moved = await send("PUT", `/api/places/${created.body.id}`, admin, {
      ...landmark,
      lng: other?.lng,
      lat: other?.lat,
    });
    expect(moved.status).toBe(200);
    expect(geocode(t.ctx.places, "碑林测试便民驿站").grid?.code).toBe(other?.code);

    expect((await send("DELETE", `/api/places/${created.body.id}`, admin)).status).toBe(204);
    const after = await get(
      `/api/places/search?q=${encodeURIComponent("碑林测试便民驿站")}&kinds=landmark`,
      operator,
    );
    expect(after.body.items.map((i: { name: string }) => i.name)).not.toContain("碑林测试便民驿站");
  });

  it("refuses entries outside the district and incomplete ones, changing nothing", async () => {
    const before = t.ctx.places.entries.length;
    const outside = await send("POST", "/api/places", admin, {
      kind: "landmark",
      name: "大雁塔",
      category: "sight",
      lng: 108.964,
      lat: 34.219,
    });
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe("OUTSIDE_JURISDICTION");
    const grid = t.ctx.places.entries.find((e) => e.kind === "grid");
    const orphan = await send("POST", "/api/places", admin, {
      kind: "building",
      name: "9号楼",
      lng: grid?.lng,
      lat: grid?.lat,
    });
    expect(orphan.status).toBe(400);
    const noCategory = await send("POST", "/api/places", admin, {
      kind: "landmark",
      name: "无类地标",
      lng: grid?.lng,
      lat: grid?.lat,
    });
    expect(noCategory.status).toBe(400);
    expect(t.ctx.places.entries.length).toBe(before);
  });

  it("gives map labels inside a box", async () => {
    const grid = t.ctx.places.entries.find((e) => e.kind === "grid");
    const [minLng, minLat, maxLng, maxLat] = grid?.bbox ?? [0, 0, 0, 0];
    const { status, body } = await get(
      `/api/places/labels?bbox=${minLng},${minLat},${maxLng},${maxLat}`,
      operator,
    );
    expect(status).toBe(200);
    expect(body.items.some((i: { kind: string }) => i.kind === "compound")).toBe(true);
    expect((await get("/api/places/labels?bbox=108,34,109,35", operator)).status).toBe(400);
  });
});
