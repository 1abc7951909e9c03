import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { regionOf } from "../helpers/orders.js";

/**
 * 智慧云社区 the catalogue an administrator configures: a new service is offered where it says; a
 * definition that does not hold together is refused with where the problem lies, and nothing changes.
 */
let t: TestApp;
let community: string;
beforeAll(async () => {
  t = await createTestApp();
  community = await regionOf(t, "community-staff");
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const cookie = await t.login(user);
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const service = (overrides: object = {}) => ({
  code: "bike_shed",
  name: "车棚预约",
  nameEn: "Bike shed booking",
  description: "",
  fields: [{ key: "plate", label: "车牌", labelEn: "Plate", type: "text", required: true }],
  materials: [{ key: "photo", label: "车辆照片", labelEn: "Photo", required: true, pdf: false }],
  reviewLevels: ["community"],
  timeLimitDays: 3,
  resultKind: "appointment",
  active: true,
  regions: [community],
  ...overrides,
});

const codes = async () =>
  (await call("admin", "GET", "/api/services")).json().items.map((s: { code: string }) => s.code);

describe("the service catalogue", () => {
  it("offers a new service in the communities it names", async () => {
    const created = await call("admin", "POST", "/api/services", service());
    expect(created.statusCode, created.body).toBe(201);
    const offered = await call("resident", "GET", `/api/services?community=${community}`);
    expect(offered.json().items.map((s: { code: string }) => s.code)).toContain("bike_shed");
  });

  it("refuses a definition that does not hold together, saying where, and stores nothing", async () => {
    const before = await codes();
    const cases: [object, number, string][] = [
      [{ code: "bike_shed" }, 409, "/code"],
      [{ code: "shed_a", fields: [{ ...service().fields[0], type: "choice" }] }, 400, "/fields/0/options"],
      [{ code: "shed_b", regions: [community.slice(0, 9)] }, 400, "/regions/0"],
      [{ code: "shed_c", reviewLevels: ["street"] }, 400, "/reviewLevels"],
      [{ code: "shed_d", name: "" }, 400, "/name"],
    ];
    for (const [overrides, status, at] of cases) {
      const response = await call("admin", "POST", "/api/services", service(overrides));
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().details[0].instancePath).toBe(at);
    }
    expect(await codes()).toEqual(before);
  });

  it("lets only administrators configure services", async () => {
    const response = await call("community-staff", "POST", "/api/services", service({ code: "shed_e" }));
    expect(response.statusCode).toBe(403);
  });
});
