import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { unitId } from "../helpers/orders.js";

let t: TestApp;
const ids: Record<string, number> = {};
let gridOfStreet1: string;
let gridOfStreet2: string;
beforeAll(async () => {
  t = await createTestApp();
  for (const code of ["cgj", "rqj", "hbj", "jd610103001", "jd610103002"]) ids[code] = await unitId(t, code);
  const firstGrid = async (street: string) =>
    (
      await t.ctx.db
        .selectFrom("regions")
        .select("code")
        .where("level", "=", "grid")
        .where("code", "like", `${street}%`)
        .orderBy("code")
        .executeTakeFirstOrThrow()
    ).code;
  gridOfStreet1 = await firstGrid("610103001");
  gridOfStreet2 = await firstGrid("610103002");
});
afterAll(() => t.close());

async function call(
  user: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url, headers: { cookie: await t.login(user) }, payload });
}
const suggest = (user: string, category: string | null, region: string) =>
  call(user, "GET", `/api/routing/suggest?region=${region}${category ? `&category=${category}` : ""}`);

/** 商业经营噪声: district-wide to 城管局 at street level; tests add a local row for 南院门街道. */
const NOISE = "030102";
const localNoise = () => ({
  categoryCode: NOISE,
  regionCode: "610103001",
  handlingLevel: "street",
  unitId: ids.jd610103001,
  assistingUnitIds: [ids.cgj],
});

describe("GET /api/catalogue: staff read the catalogue with names", () => {
  it("lists a branch's rows with category, region and unit names", async () => {
    const response = await call("district-dispatcher", "GET", "/api/catalogue?category=0201");
    expect(response.statusCode).toBe(200);
    const gas = response.json().items.find((r: { categoryCode: string }) => r.categoryCode === "0201");
    expect(gas).toEqual({
      id: expect.any(Number),
      categoryCode: "0201",
      categoryName: "燃气",
      regionCode: null,
      regionName: null,
      handlingLevel: "district",
      unit: { id: ids.rqj, name: "西安秦华燃气碑林分公司" },
      assistingUnits: [],
    });
    expect(
      response.json().items.every((r: { categoryCode: string }) => r.categoryCode.startsWith("0201")),
    ).toBe(true);
  });

  it("is refused to a resident (403)", async () => {
    expect((await call("resident", "GET", "/api/catalogue")).statusCode).toBe(403);
  });
});

describe("POST /api/catalogue: a local row overrides the district-wide one in its region", () => {
  let rowId: number;

  it("adds the row and the suggested route changes there, not elsewhere", async () => {
    const before = (await suggest("district-dispatcher", NOISE, gridOfStreet1)).json();
    expect(before.unit).toEqual({ id: ids.cgj, name: "碑林区城市管理和综合执法局" });
    const response = await call("admin", "POST", "/api/catalogue", localNoise());
    expect(response.statusCode).toBe(201);
    rowId = response.json().id;
    expect(response.json()).toMatchObject({
      categoryName: "商业经营噪声",
      regionCode: "610103001",
      regionName: "南院门街道",
      unit: { id: ids.jd610103001, name: "南院门街道办事处" },
      assistingUnits: [{ id: ids.cgj, name: "碑林区城市管理和综合执法局" }],
    });
    const here = (await suggest("district-dispatcher", NOISE, gridOfStreet1)).json();
    expect(here).toEqual({
      handlingLevel: "street",
      holder: { level: "street", code: "610103001", name: "南院门街道" },
      unit: { id: ids.jd610103001, name: "南院门街道办事处" },
      assistingUnits: [{ id: ids.cgj, name: "碑林区城市管理和综合执法局" }],
      catalogueId: rowId,
    });
    const elsewhere = (await suggest("district-dispatcher", NOISE, gridOfStreet2)).json();
    expect(elsewhere.unit.id).toBe(ids.cgj);
  });

  it.each([
    ["a second row for the same category and region", () => localNoise(), 409, /already routes/],
    [
      "a second district-wide row",
      () => ({ ...localNoise(), regionCode: null, unitId: ids.cgj, assistingUnitIds: [] }),
      409,
      /already routes/,
    ],
    [
      "a unit that does not serve the region",
      () => ({ ...localNoise(), categoryCode: "030101", unitId: ids.jd610103002 }),
      400,
      /does not serve region 610103001/,
    ],
    [
      "a street office on a district-wide row",
      () => ({ ...localNoise(), categoryCode: "03", regionCode: null, assistingUnitIds: [] }),
      400,
      /does not serve region 610103\b/,
    ],
    [
      "an unknown unit",
      () => ({ ...localNoise(), categoryCode: "030101", unitId: 99999 }),
      400,
      /unknown unit 99999/,
    ],
    [
      "the main unit assisting too",
      () => ({ ...localNoise(), categoryCode: "030101", assistingUnitIds: [ids.jd610103001] }),
      400,
      /both main and assisting/,
    ],
    [
      "an unknown category",
      () => ({ ...localNoise(), categoryCode: "030188" }),
      400,
      /unknown category 030188/,
    ],
    [
      "an unknown region",
      () => ({ ...localNoise(), categoryCode: "030101", regionCode: "610103099" }),
      400,
      /unknown region 610103099/,
    ],
    [
      "an unknown handling level",
      () => ({ ...localNoise(), categoryCode: "030101", handlingLevel: "city" }),
      400,
      /handlingLevel/,
    ],
  ])("refuses %s", async (_, body, status, message) => {
    const response = await call("admin", "POST", "/api/catalogue", body());
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({
      code: status === 409 ? "CONFLICT" : "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
  });

  it("PATCH changes the level and units; an unknown id is 404", async () => {
    const response = await call("admin", "PATCH", `/api/catalogue/${rowId}`, {
      handlingLevel: "community",
      assistingUnitIds: [ids.cgj, ids.hbj],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      handlingLevel: "community",
      unit: { id: ids.jd610103001 },
      assistingUnits: [{ id: ids.cgj }, { id: ids.hbj }],
    });
    const here = (await suggest("street-dispatcher", NOISE, gridOfStreet1)).json();
    expect(here.holder).toMatchObject({ level: "community", code: gridOfStreet1.slice(0, 12) });
    const bad = await call("admin", "PATCH", `/api/catalogue/${rowId}`, { unitId: ids.jd610103002 });
    expect(bad.statusCode).toBe(400);
    expect((await call("admin", "PATCH", "/api/catalogue/99999", { unitId: null })).statusCode).toBe(404);
  });

  it("DELETE removes the row and the district-wide one applies again", async () => {
    const response = await call("admin", "DELETE", `/api/catalogue/${rowId}`);
    expect(response.statusCode).toBe(204);
    expect((await suggest("district-dispatcher", NOISE, gridOfStreet1)).json().unit.id).toBe(ids.cgj);
    expect((await call("admin", "DELETE", `/api/catalogue/${rowId}`)).statusCode).toBe(404);
  });

  it("writes are refused to a dispatcher (403)", async () => {
    expect((await call("district-dispatcher", "POST", "/api/catalogue", localNoise())).statusCode).toBe(403);
    expect(
      (await call("district-dispatcher", "PATCH", "/api/catalogue/1", { unitId: null })).statusCode,
    ).toBe(403);
    expect((await call("district-dispatcher", "DELETE", "/api/catalogue/1")).statusCode).toBe(403);
  });
});

describe("GET /api/routing/suggest", () => {
  it("keeps a grid-level matter in the grid (小事不出格)", async () => {
    const response = await suggest("gridworker", "110403", gridOfStreet1);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      handlingLevel: "grid",
      holder: { level: "grid", code: gridOfStreet1 },
    });
  });

  it("sends an unclassified demand to the district command centre with no unit", async () => {
    expect((await suggest("operator", null, gridOfStreet1)).json()).toMatchObject({
      handlingLevel: "district",
      holder: { level: "district", code: "610103", name: "碑林区" },
      unit: null,
      catalogueId: null,
    });
  });

  it("refuses a region outside the caller's jurisdiction, an unknown region or category", async () => {
    const outside = await suggest("street-dispatcher", NOISE, gridOfStreet2);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe("OUTSIDE_SCOPE");
    expect((await suggest("operator", NOISE, "610103099")).json().code).toBe("VALIDATION_FAILED");
    expect((await suggest("operator", "030188", gridOfStreet1)).json().code).toBe("VALIDATION_FAILED");
  });

  it("is refused to a resident (403)", async () => {
    expect((await suggest("resident", NOISE, gridOfStreet1)).statusCode).toBe(403);
  });
});
