import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, stateOf, submit } from "../helpers/orders.js";

let t: TestApp;
let nearby: string;
let farAway: string;

/** An order registered by the hotline at a point of a grid. */
async function orderIn(grid: string): Promise<string> {
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `W${grid}` },
    content: "小区门口道路破损严重，雨天积水，请尽快修复",
    categoryCode: "020501",
    type: "help",
    location: await pointInGrid(t, grid),
    caller: { name: "王先生", phone: "13700002222" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date("2026-11-10T10:00:00+08:00"));
  nearby = await orderIn(await regionOf(t, "gridworker"));
  const otherGrid = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "grid")
    .where("code", "like", "610103008%")
    .orderBy("code")
    .executeTakeFirstOrThrow();
  farAway = await orderIn(otherGrid.code);
  // A supervisor of one street only, to see the second layer of authorization at work.
  const admin = await t.login("admin");
  const created = await t.app.inject({
    method: "POST",
    url: "/api/users",
    headers: { cookie: admin },
    payload: {
      username: "street-supervisor",
      displayName: "街道督查 钱敏",
      password: "Lantern-quiet-river-58",
      role: "supervisor",
      regionCode: "610103001",
    },
  });
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(() => t.close());

async function record(user: string, orderId: string, body: object, password?: string) {
  const cookie = await t.login(user, password);
  return t.app.inject({
    method: "POST",
    url: `/api/orders/${orderId}/spot-checks`,
    headers: { cookie },
    payload: body,
  });
}
async function list(user: string, query = "") {
  return t.app.inject({ url: `/api/spot-checks${query}`, headers: { cookie: await t.login(user) } });
}
const check = {
  checkerKind: "third_party",
  checkerName: "西安民意调查中心",
  result: "fail",
  comment: "回访称路面仍未修复",
};

describe("POST /api/orders/:id/spot-checks (社会评价)", () => {
  it("records the check and an order event through the executor: the state stays, the version moves", async () => {
    const before = await stateOf(t, nearby);
    const response = await record("supervisor", nearby, check);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      orderId: nearby,
      checkerKind: "third_party",
      checkerName: "西安民意调查中心",
      result: "fail",
      comment: "回访称路面仍未修复",
    });
    const after = await stateOf(t, nearby);
    expect(after).toEqual({ ...before, version: before.version + 1, events: before.events + 1 });
    const order = (
      await t.app.inject({ url: `/api/orders/${nearby}`, headers: { cookie: await t.login("supervisor") } })
    ).json();
    expect(order.history.at(-1)).toMatchObject({
      action: "spot_check",
      from: before.state,
      to: before.state,
      actorRole: "supervisor",
      note: "回访称路面仍未修复",
      data: { spotCheckId: response.json().id, checkerKind: "third_party", result: "fail" },
    });
  });

  it("answers 404 for an order outside the recorder's jurisdiction, as for a missing one", async () => {
    const outside = await record("street-supervisor", farAway, check, "Lantern-quiet-river-58");
    const missing = await record("supervisor", "999999", check);
    expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect([outside.json().code, missing.json().code]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
  });

  it.each([
    ["an unknown checker kind", { ...check, checkerKind: "journalist" }, /checkerKind/],
    ["no checker name", { ...check, checkerName: "" }, /checkerName/],
    ["an unknown result", { ...check, result: "maybe" }, /result/],
  ])("refuses %s with VALIDATION_FAILED", async (_, body, message) => {
    const response = await record("supervisor", nearby, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
  });

  it("is refused to a dispatcher (403)", async () => {
    const response = await record("district-dispatcher", nearby, check);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FORBIDDEN");
  });
});

describe("GET /api/spot-checks", () => {
  beforeAll(async () => {
    await record("admin", farAway, { checkerKind: "deputy", checkerName: "区人大代表 赵红", result: "pass" });
    t.setNow(new Date("2026-12-02T09:00:00+08:00"));
    await record("supervisor", farAway, {
      checkerKind: "supervisor",
      checkerName: "督查考核 徐刚",
      result: "pass",
    });
  });

  it("lists every check in the caller's scope, newest first, with counts", async () => {
    const response = await list("supervisor");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 3, passed: 2, failed: 1, page: 1 });
    expect(body.items.map((c: { checkerKind: string }) => c.checkerKind)).toEqual([
      "supervisor",
      "deputy",
      "third_party",
    ]);
    expect(body.items[2]).toMatchObject({
      orderId: nearby,
      orderNo: expect.any(String),
      title: expect.any(String),
      regionName: expect.any(String),
    });
  });

  it("filters by period (China-time month) and result", async () => {
    expect((await list("supervisor", "?period=2026-11")).json()).toMatchObject({
      total: 2,
      passed: 1,
      failed: 1,
    });
    expect((await list("supervisor", "?period=2026-12")).json().total).toBe(1);
    const failed = (await list("supervisor", "?period=2026-11&result=fail")).json();
    expect(failed.total).toBe(1);
    expect(failed.items.map((c: { result: string }) => c.result)).toEqual(["fail"]);
  });

  it("shows street staff only the checks of orders in their street", async () => {
    const body = (await list("street-staff")).json();
    expect(body.total).toBe(1);
    expect(body.items.map((c: { orderId: string }) => c.orderId)).toEqual([nearby]);
  });

  it("refuses a malformed period with VALIDATION_FAILED", async () => {
    const response = await list("supervisor", "?period=2026-13");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/period 2026-13/),
    });
  });

  it("is refused to a unit handler (403)", async () => {
    expect((await list("cgj-handler")).statusCode).toBe(403);
  });
});
