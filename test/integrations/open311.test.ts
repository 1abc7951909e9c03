import { Ajv } from "ajv";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geocode } from "../../src/modules/places/geocode.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, must, pointInGrid, submit } from "../helpers/orders.js";
import {
  discoverySchema,
  errorsSchema,
  postResponseSchema,
  requestsSchema,
  serviceDefinitionSchema,
  servicesSchema,
  tokenSchema,
} from "./open311-schemas.js";

/**
 * Open311 GeoReport v2: every endpoint's JSON is valid against the spec's schemas and its XML
 * parses; a request posted through Open311 is a normal order in the command centre; a stranger
 * sees what the district works on but not a resident's words or whereabouts.
 */
let t: TestApp;
let gridCode: string;
let serviceCode: string;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp();
  gridCode = (
    await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "grid")
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
  // A leaf under a category the catalogue routes to a district department: the district accepts it.
  const routed = await categoryAt(t, "district");
  serviceCode = (
    await t.ctx.db
      .selectFrom("categories")
      .select("code")
      .where("code", "like", `${routed}%`)
      .where("level", "=", 3)
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
  const issued = await t.app.inject({
    method: "POST",
    url: "/api/open311/keys",
    headers: { cookie: await t.login("admin") },
    payload: { name: "随手拍 App" },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  apiKey = issued.json().key;
}, 180_000);
afterAll(() => t.close());

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
function expectValid(schema: object, value: unknown) {
  const validate = ajv.compile(schema);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}
const xml = new XMLParser({ parseTagValue: false });
function parseXml(body: string) {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xml.parse(body);
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
function post(fields: Record<string, string>, format = "json", headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: `/open311/v2/requests.${format}`,
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}
async function orderCount() {
  return Number(
    (
      await t.ctx.db
        .selectFrom("orders")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe("Open311 discovery and services", () => {
  it("describes itself, in JSON and XML", async () => {
    const json = await get("/open311/v2/discovery.json");
    expect(json.statusCode).toBe(200);
    expectValid(discoverySchema, json.json());
    expect(json.json().endpoints[0].url).toMatch(/\/open311\/v2$/);
    const parsed = parseXml((await get("/open311/v2/discovery.xml")).body);
    expect(parsed.discovery.endpoints.endpoint.formats.format).toEqual(["text/xml", "application/json"]);
  });

  it("lists every active leaf category as a service, named in the reader's language", async () => {
    const zh = await get("/open311/v2/services.json");
    expect(zh.headers["content-type"]).toBe("application/json; charset=utf-8");
    expectValid(servicesSchema, zh.json());
    const leaves = await t.ctx.db
      .selectFrom("categories as c")
      .select("c.code")
      .where("c.active", "=", true)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("categories as child")
              .select("child.code")
              .whereRef("child.parent_code", "=", "c.code"),
          ),
        ),
      )
      .execute();
    expect(
      zh
        .json()
        .map((s: { service_code: string }) => s.service_code)
        .sort(),
    ).toEqual(leaves.map((row) => row.code).sort());
    const service = zh.json().find((s: { service_code: string }) => s.service_code === serviceCode);
    expect(service.service_name).toMatch(/[\u4e00-\u9fff]/);
    const en = await get("/open311/v2/services.json", { "accept-language": "en-US" });
    const english = en.json().find((s: { service_code: string }) => s.service_code === serviceCode);
    expect(english.service_name).toMatch(/^[\x20-\x7e]+$/);

    const parsed = parseXml((await get("/open311/v2/services.xml")).body);
    expect(parsed.services.service).toHaveLength(leaves.length);
  });

  it("defines each service's one attribute, and answers an unknown service in the spec's error shape", async () => {
    const definition = await get(`/open311/v2/services/${serviceCode}.json`);
    expect(definition.statusCode).toBe(200);
    expectValid(serviceDefinitionSchema, definition.json());
    expect(definition.json().attributes[0].values.map((v: { key: string }) => v.key)).toContain("complaint");
    const parsed = parseXml((await get(`/open311/v2/services/${serviceCode}.xml`)).body);
    expect(parsed.service_definition.attributes.attribute.code).toBe("demand_type");

    const unknown = await get("/open311/v2/services/999999.json");
    expect(unknown.statusCode).toBe(404);
    expectValid(errorsSchema, unknown.json());
    expect(unknown.headers["x-minhu-error-code"]).toBe("NOT_FOUND");
    const unknownXml = parseXml((await get("/open311/v2/services/999999.xml")).body);
    expect(unknownXml.errors.error.code).toBe("404");
    expect((await get("/open311/v2/services.json?jurisdiction_id=elsewhere.gov")).statusCode).toBe(404);
    expect((await get("/open311/v2/services.json?jurisdiction_id=610103")).statusCode).toBe(200);
  });
});

describe("posting a service request", () => {
  it("becomes a normal order the district command centre accepts", async () => {
    const point = await pointInGrid(t, gridCode);
    const response = await post({
      api_key: apiKey,
      service_code: serviceCode,
      lat: String(point.lat),
      long: String(point.lng),
      description: "小区门口的路灯坏了一个多星期，晚上很黑，老人出门不方便",
      first_name: "明",
      last_name: "李",
      phone: "13800138000",
      account_id: "u-42",
      "attribute[demand_type]": "help",
    });
    expect(response.statusCode, response.body).toBe(200);
    expectValid(postResponseSchema, response.json());
    const { service_request_id: orderNo, token, account_id } = response.json()[0];
    expect(account_id).toBe("u-42");

    const order = await t.ctx.db
      .selectFrom("orders")
      .selectAll()
      .where("order_no", "=", orderNo)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      channel: "online",
      category_code: serviceCode,
      demand_type: "help",
      grid_code: gridCode,
      caller_name: "李明",
      caller_phone_masked: "138****8000",
      state: "registered",
    });
    const list = await get(`/api/orders?q=${orderNo}`, { cookie: await t.login("district-dispatcher") });
    expect(list.json().items.map((o: { orderNo: string }) => o.orderNo)).toEqual([orderNo]);
    await must(t, "district-dispatcher", order.id, "accept");

    const byToken = await get(`/open311/v2/tokens/${token}.json`);
    expectValid(tokenSchema, byToken.json());
    expect(byToken.json()).toEqual([{ service_request_id: orderNo, token }]);

    const mine = await get(`/open311/v2/requests/${orderNo}.json?api_key=${apiKey}`);
    expectValid(requestsSchema, mine.json());
    expect(mine.json()[0]).toMatchObject({
      status: "open",
      service_code: serviceCode,
      description: expect.stringContaining("路灯"),
      address_id: gridCode,
    });
    expect(mine.json()[0].lat).toBeCloseTo(point.lat, 6);

    // Anyone sees the request's category and status, not the resident's words or exact place.
    const stranger = (await get(`/open311/v2/requests/${orderNo}.json`)).json()[0];
    expectValid(requestsSchema, [stranger]);
    expect(stranger.status).toBe("open");
    expect(stranger).not.toHaveProperty("description");
    expect(stranger).not.toHaveProperty("lat");
    expect(JSON.stringify(stranger)).not.toMatch(/李明|13800138000|138\*/);

    const asXml = parseXml((await get(`/open311/v2/requests/${orderNo}.xml?api_key=${apiKey}`)).body);
    expect(asXml.service_requests.request.service_request_id).toBe(orderNo);
  });

  it("places a typed address with the district gazetteer, and takes XML answers", async () => {
    const places = await t.ctx.db
      .selectFrom("places")
      .select("name")
      .where("kind", "=", "compound")
      .execute();
    const address = places.map((p) => p.name).find((name) => geocode(t.ctx.places, name).placed);
    expect(address).toBeDefined();
    const response = await post(
      {
        api_key: apiKey,
        service_code: serviceCode,
        address_string: address as string,
        description: "楼道里堆满杂物，影响通行",
      },
      "xml",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const orderNo = parseXml(response.body).service_requests.request.service_request_id;
    const order = await t.ctx.db
      .selectFrom("orders")
      .select(["grid_code", "address"])
      .where("order_no", "=", orderNo)
      .executeTakeFirstOrThrow();
    expect(order.address).toBe(address);
    expect(order.grid_code).toBe(geocode(t.ctx.places, address as string).grid?.code);
  });

  it("refuses bad requests with the spec's errors and stores nothing", async () => {
    const before = await orderCount();
    const base = {
      api_key: apiKey,
      service_code: serviceCode,
      address_id: gridCode,
      description: "垃圾桶满了没人清运",
    };
    const cases: [Record<string, string>, number, Record<string, string>?][] = [
      [{ ...base, api_key: "not-a-key" }, 403],
      [{ ...base, api_key: "" }, 400],
      [{ ...base, service_code: "999999" }, 400],
      [{ ...base, address_id: undefined as unknown as string }, 400],
      [{ ...base, address_id: "", address_string: "火星基地" }, 400],
      [{ ...base, description: "坏了\u0000" }, 400],
      [{ ...base, lat: "34.25" }, 400],
      [{ ...base, jurisdiction_id: "elsewhere.gov" }, 404],
      [{ ...base, unknown_field: "x" }, 400],
      // A browser's session gives a request no key.
      [{ ...base, api_key: undefined as unknown as string }, 400, { cookie: await t.login("admin") }],
    ];
    for (const [fields, status, headers] of cases) {
      const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const response = await post(clean, "json", headers);
      expect(response.statusCode, `${JSON.stringify(clean)} → ${response.body}`).toBe(status);
      expectValid(errorsSchema, response.json());
    }
    const repeated = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `${new URLSearchParams(base)}&description=again`,
    });
    expect(repeated.statusCode).toBe(400);
    const plain = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { "content-type": "text/plain" },
      payload: new URLSearchParams(base).toString(),
    });
    expect(plain.statusCode).toBe(415);
    expect(await orderCount()).toBe(before);
  });

  it("stops accepting a revoked key; only admins manage keys", async () => {
    const admin = await t.login("admin");
    const issued = (
      await t.app.inject({
        method: "POST",
        url: "/api/open311/keys",
        headers: { cookie: admin },
        payload: { name: "临时测试" },
      })
    ).json();
    const fields = {
      api_key: issued.key,
      service_code: serviceCode,
      address_id: gridCode,
      description: "井盖松动，车压过去响",
    };
    expect((await post(fields)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: "POST",
      url: `/api/open311/keys/${issued.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await post(fields)).statusCode).toBe(403);

    const keys = (await get("/api/open311/keys", { cookie: admin })).json().items;
    const listed = keys.find((k: { id: number }) => k.id === issued.id);
    expect(listed).toMatchObject({ name: "临时测试", requests: 1, hint: `…${issued.key.slice(-4)}` });
    expect(listed.revokedAt).not.toBeNull();
    expect(JSON.stringify(keys)).not.toContain(issued.key);

    for (const user of ["district-dispatcher", "operator", "resident"]) {
      const cookie = await t.login(user);
      expect((await get("/api/open311/keys", { cookie })).statusCode).toBe(403);
    }
    expect((await get("/api/open311/keys")).statusCode).toBe(401);
  });
});

describe("finding service requests", () => {
  it("filters by id, service, status and dates; hides confidential demands from strangers", async () => {
    const point = await pointInGrid(t, gridCode);
    const confidential = await submit(t, "operator", {
      channel: "online",
      content: "举报某单位夜间偷排污水，请为我保密",
      location: point,
      caller: { name: "王女士", phone: "13900139000", confidential: true },
    });
    expect(confidential.statusCode, confidential.body).toBe(201);
    const secretNo = confidential.json().orderNo;

    const all = await get("/open311/v2/requests.json");
    expect(all.statusCode).toBe(200);
    expectValid(requestsSchema, all.json());
    const numbers = all.json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(numbers).not.toContain(secretNo);
    expect((await get(`/open311/v2/requests/${secretNo}.json`)).statusCode).toBe(404);
    expect(JSON.stringify(all.json())).not.toMatch(/description|"lat"/);

    const two = numbers.slice(0, 2).join(",");
    const byId = await get(`/open311/v2/requests.json?service_request_id=${two}`);
    expect(
      byId
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual(numbers.slice(0, 2).sort());
    const byService = (await get(`/open311/v2/requests.json?service_code=${serviceCode}`)).json();
    expect(byService.every((r: { service_code: string }) => r.service_code === serviceCode)).toBe(true);
    expect((await get("/open311/v2/requests.json?status=closed")).json()).toEqual([]);
    expect((await get("/open311/v2/requests.json?status=open")).json()).toHaveLength(numbers.length);
    const future = encodeURIComponent("2099-01-01T00:00:00+08:00");
    expect((await get(`/open311/v2/requests.json?start_date=${future}`)).json()).toEqual([]);

    for (const bad of [
      "start_date=2026-02-30T00:00:00Z",
      "start_date=yesterday",
      "end_date=2026-12-01T00:00:00",
      "status=pending",
      "api_key=nope",
      "page=2",
    ]) {
      const response = await get(`/open311/v2/requests.json?${bad}`);
      expect(response.statusCode, bad).toBeGreaterThanOrEqual(400);
      expectValid(errorsSchema, response.json());
    }
    const parsed = parseXml((await get("/open311/v2/requests.xml")).body);
    expect([parsed.service_requests.request].flat().length).toBe(numbers.length);
  });
});
