import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../../src/modules/context.js";
import { classifyDemand } from "../../src/modules/demands/classification.js";
import { TimeLimits } from "../../src/modules/time-limits/service.js";
import { endOfChinaDay } from "../../src/platform/calendar/china-time.js";
import { listenForConfigChanges } from "../../src/platform/config-sync/listener.js";
import { CONFIG_CHANNEL, parseConfigChange } from "../../src/platform/config-sync/publish.js";
import { createContext } from "../../src/server/bootstrap.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { regionOf, unitId } from "../helpers/orders.js";

let t: TestApp;
/** A second instance on the same database, as behind a load balancer. */
let other: AppContext;
const stops: (() => Promise<void>)[] = [];
const payloads: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  other = await createContext(t.database, {
    secretKey: randomBytes(32),
    tileUrl: null,
    tileAttribution: null,
  });
  stops.push(await listenForConfigChanges(other), await listenForConfigChanges(t.ctx));
  stops.push(await t.database.listen(CONFIG_CHANNEL, (payload) => payloads.push(payload)));
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await t.close();
});

async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5000) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
async function call(method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.login("admin") }, payload });
}
const praiseDue = (ctx: AppContext) =>
  ctx.timeLimits.deadlinesFor(
    { categoryCode: null, type: "praise", urgent: false },
    new Date("2026-12-31T10:00:00+08:00"),
  ).handlingDueAt;

describe("configuration changes reach every instance (NOTIFY minhu_config)", () => {
  it("a holiday added through one instance changes the other's deadlines", async () => {
    expect(praiseDue(other)).toEqual(endOfChinaDay("2027-01-04"));
    const before = payloads.length;
    expect(
      (await call("POST", "/api/holidays", { day: "2027-01-01", kind: "holiday", name: "元旦" })).statusCode,
    ).toBe(200);
    await eventually(() => praiseDue(other).getTime() === endOfChinaDay("2027-01-05").getTime());
    expect(payloads.slice(before).map((p) => parseConfigChange(p)?.parts)).toEqual([["time-limits"]]);
  });

  it("a grid import through one instance reloads the other's grid directory", async () => {
    const directory = other.regions;
    const community = (await regionOf(t, "gridworker")).slice(0, 12);
    const grids = (
      await t.app.inject({
        url: `/api/grids?within=${community}`,
        headers: { cookie: await t.login("admin") },
      })
    ).json();
    // What GET /api/grids serves can be imported again as it is.
    const response = await call("POST", "/api/grids/import", grids);
    expect(response.statusCode, response.body).toBe(200);
    await eventually(() => other.regions !== directory);
    expect(other.regions.get(`${community}001`)?.level).toBe("grid");
  });

  it("a dispatch catalogue row added through one instance reroutes intake on the other", async () => {
    // 商业经营噪声 goes to 城管局 district-wide; a row for 南院门街道 gives it to the street office there.
    const street = "610103001";
    const grid = `${street}001001`;
    expect(other.catalogue.route("030102", grid).handlingLevel).toBe("street");
    const before = other.catalogue.route("030102", grid).unitId;
    const streetOffice = await unitId(t, "jd610103001");
    const response = await call("POST", "/api/catalogue", {
      categoryCode: "030102",
      regionCode: street,
      handlingLevel: "street",
      unitId: streetOffice,
      assistingUnitIds: [],
    });
    expect(response.statusCode, response.body).toBe(201);
    await eventually(() => other.catalogue.route("030102", grid).unitId === streetOffice);
    expect(before).not.toBe(streetOffice);
    expect(other.catalogue.route("030102", "610103002001001").unitId).toBe(before);
  });

  it("a category deactivated through one instance is refused by the other's intake", async () => {
    expect(other.catalogue.activeCategoryName("030102")).toBe("商业经营噪声");
    const off = await call("PATCH", "/api/categories/030102", { active: false });
    expect(off.statusCode, off.body).toBe(200);
    await eventually(() => other.catalogue.activeCategoryName("030102") === undefined);
    expect(() => classifyDemand(other, { content: "楼下酒吧噪声扰民", categoryCode: "030102" })).toThrow(
      /030102/,
    );
    const on = await call("PATCH", "/api/categories/030102", { active: true });
    expect(on.statusCode, on.body).toBe(200);
    await eventually(() => other.catalogue.activeCategoryName("030102") === "商业经营噪声");
  });

  it("each instance reloads once: the one that made the change does not reload its own notice", async () => {
    const loads = vi.spyOn(TimeLimits, "load");
    try {
      await call("DELETE", "/api/holidays/2027-01-01");
      await eventually(() => praiseDue(other).getTime() === endOfChinaDay("2027-01-04").getTime());
      await settle();
      expect(loads).toHaveBeenCalledTimes(2);
    } finally {
      loads.mockRestore();
    }
  });

  it("a refused change announces nothing", async () => {
    const before = payloads.length;
    expect((await call("DELETE", "/api/holidays/2027-03-03")).statusCode).toBe(404);
    await settle();
    expect(payloads.length).toBe(before);
  });

  it.each([
    ["not JSON", "{"],
    ["no origin", JSON.stringify({ parts: ["regions"] })],
    ["only unknown parts", JSON.stringify({ parts: ["weather"], origin: "x" })],
  ])("ignores a payload with %s", (_, payload) => {
    expect(parseConfigChange(payload)).toBeNull();
  });
});
