import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { unitId } from "../helpers/orders.js";

let t: TestApp;
let community: string;
beforeAll(async () => {
  t = await createTestApp();
  community = (
    await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "community")
      .where("code", "like", "610103001%")
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.login(user) }, payload });
}
const property = () => ({
  code: "wy-jinxiu",
  name: "锦绣物业",
  nameEn: "Jinxiu Property",
  kind: "enterprise",
  regionCode: community,
});

describe("POST /api/units (units.manage)", () => {
  let created: { id: number };

  it("creates a unit in a region its kind serves, listed by GET /api/units", async () => {
    const response = await call("admin", "POST", "/api/units", {
      ...property(),
      parentId: await unitId(t, "jd610103001"),
    });
    expect(response.statusCode).toBe(201);
    created = response.json();
    expect(created).toEqual({
      id: expect.any(Number),
      code: "wy-jinxiu",
      name: "锦绣物业",
      nameEn: "Jinxiu Property",
      kind: "enterprise",
      regionCode: community,
      parentId: await unitId(t, "jd610103001"),
      active: true,
    });
    const listed = (await call("community-staff", "GET", "/api/units?kind=enterprise")).json().items;
    expect(listed.map((u: { code: string }) => u.code)).toEqual(["wy-jinxiu"]);
  });

  it.each([
    [
      "a department below the district",
      () => ({ ...property(), code: "new-dept", kind: "department" }),
      400,
      /department serves a district, not a community/,
    ],
    [
      "an unknown region",
      () => ({ ...property(), code: "new-1", regionCode: "610103099" }),
      400,
      /unknown region/,
    ],
    ["a taken code", () => ({ ...property(), code: "cgj" }), 409, /unit code cgj exists/],
    [
      "a parent that does not cover the region",
      async () => ({ ...property(), code: "new-2", parentId: await unitId(t, "jd610103002") }),
      400,
      /does not cover region/,
    ],
    [
      "an unknown parent",
      () => ({ ...property(), code: "new-3", parentId: 99999 }),
      400,
      /unknown parent unit 99999/,
    ],
    ["a malformed code", () => ({ ...property(), code: "有空格 code" }), 400, /code/],
  ])("refuses %s", async (_, body, status, message) => {
    const response = await call("admin", "POST", "/api/units", await body());
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({
      code: status === 409 ? "CONFLICT" : "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
  });

  it("is refused to a dispatcher (403)", async () => {
    expect(
      (await call("district-dispatcher", "POST", "/api/units", { ...property(), code: "new-4" })).statusCode,
    ).toBe(403);
  });

  it("PATCH renames; deactivating hides the unit unless an admin asks for inactive ones too", async () => {
    const renamed = await call("admin", "PATCH", `/api/units/${created.id}`, {
      name: "锦绣物业服务有限公司",
      active: false,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "锦绣物业服务有限公司", active: false, code: "wy-jinxiu" });
    const codes = async (url: string) =>
      (await call("admin", "GET", url)).json().items.map((u: { code: string }) => u.code);
    expect(await codes("/api/units?kind=enterprise")).toEqual([]);
    expect(await codes("/api/units?kind=enterprise&includeInactive=true")).toEqual(["wy-jinxiu"]);
    expect((await call("district-dispatcher", "GET", "/api/units?includeInactive=true")).statusCode).toBe(
      403,
    );
  });

  it("PATCH refuses a parent that would close a cycle", async () => {
    const child = (
      await call("admin", "POST", "/api/units", { ...property(), code: "wy-child", parentId: created.id })
    ).json();
    const self = await call("admin", "PATCH", `/api/units/${created.id}`, { parentId: created.id });
    const loop = await call("admin", "PATCH", `/api/units/${created.id}`, { parentId: child.id });
    expect([self.statusCode, loop.statusCode]).toEqual([400, 400]);
    expect(loop.json().message).toMatch(/cycle/);
  });

  it("PATCH refuses to strand the dispatch catalogue: deactivating or moving a unit it routes to", async () => {
    const gas = await unitId(t, "rqj");
    const off = await call("admin", "PATCH", `/api/units/${gas}`, { active: false });
    const moved = await call("admin", "PATCH", `/api/units/${gas}`, {
      kind: "enterprise",
      regionCode: "610103001",
    });
    for (const response of [off, moved]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/dispatch catalogue rows \d+/),
      });
    }
  });

  it("PATCH answers 404 for an unknown unit and is refused to a supervisor (403)", async () => {
    expect((await call("admin", "PATCH", "/api/units/99999", { name: "x" })).statusCode).toBe(404);
    expect((await call("supervisor", "PATCH", `/api/units/${created.id}`, { name: "x" })).statusCode).toBe(
      403,
    );
  });
});
