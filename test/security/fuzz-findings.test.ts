import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/**
 * What `npm run fuzz` found answering 500 (each failed before its fix): numbers Ajv coerced to
 * Infinity, ids past PostgreSQL's integer and bigint, days that do not exist or that PostgreSQL
 * cannot keep. All of them are 400 VALIDATION_FAILED now, and none reaches the database.
 */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
}, 180_000);
afterAll(() => t.close());

async function statusOf(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: admin },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return `${method} ${url} ${response.statusCode} ${response.json().code ?? ""}`;
}

const refused = (method: string, url: string) => `${method} ${url} 400 VALIDATION_FAILED`;

describe("numbers Ajv coerces to Infinity", () => {
  it.each([
    ["GET", "/api/holidays?year=Infinity"],
    ["GET", "/api/orders?page=1e400"],
    ["GET", "/api/orders?unitId=Infinity"],
    ["GET", "/api/dashboard/trend?months=Infinity"],
    ["GET", "/api/party/organisations/Infinity"],
    ["DELETE", "/api/catalogue/1e400"],
  ] as const)("%s %s is 400", async (method, url) => {
    expect(await statusOf(method, url)).toBe(refused(method, url));
  });

  it("refuses Infinity as text in a JSON body", async () => {
    expect(await statusOf("PATCH", "/api/catalogue/1", { unitId: "Infinity" })).toBe(
      refused("PATCH", "/api/catalogue/1"),
    );
  });
});

describe("ids past PostgreSQL's integer and bigint", () => {
  it.each([
    ["GET", "/api/places/2147483648"],
    ["DELETE", "/api/places/9007199254740993"],
    ["GET", "/api/outbox?offset=9223372036854775808"],
    ["GET", "/api/integrations/12345/queue?offset=1e308"],
    ["GET", `/api/integrations/12345/imports/${"9".repeat(40)}`],
  ] as const)("%s %s is 400", async (method, url) => {
    expect(await statusOf(method, url)).toBe(refused(method, url));
  });

  it("refuses a joint project naming decision 2147483648", async () => {
    const body = { decisionId: 2147483648, memberIds: [], itemIds: [], orderIds: [], warningIds: [] };
    expect(await statusOf("POST", "/api/joint/projects", body)).toBe(refused("POST", "/api/joint/projects"));
  });

  it("refuses merging into an order number of 40 digits", async () => {
    const order = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: "W-fuzz-merge" },
      content: "小区门口道路破损严重，雨天积水，请尽快修复",
      location: await pointInGrid(t, await regionOf(t, "gridworker")),
      caller: { name: "王先生", phone: "13700002222" },
    });
    expect(order.statusCode, order.body).toBe(201);
    const url = `/api/orders/${order.json().id}/actions/merge`;
    expect(await statusOf("POST", url, { version: 1, targetOrderId: "9".repeat(40) })).toBe(
      refused("POST", url),
    );
  });
});

describe("days that do not exist or that PostgreSQL cannot keep", () => {
  it.each([
    ["DELETE", "/api/holidays/2026-02-30"],
    ["DELETE", "/api/holidays/2026-13-01"],
    ["GET", "/api/lists/visits?period=0000"],
    ["GET", "/api/rules?period=0000-01"],
  ] as const)("%s %s is 400", async (method, url) => {
    expect(await statusOf(method, url)).toBe(refused(method, url));
  });
});
