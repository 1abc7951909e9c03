import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  categoryAt,
  getOrder,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  submit,
  unitId,
} from "../helpers/orders.js";

let t: TestApp;
let order: { id: string; orderNo: string; trackingCode: string };

beforeAll(async () => {
  t = await createTestApp();
  const point = await pointInGrid(t, await regionOf(t, "gridworker"));
  const response = await submit(t, "resident", {
    channel: "online",
    content: "工地老板拖欠工资三个月，多次讨要无果",
    categoryCode: await categoryAt(t, "district", "rsj"),
    location: point,
    caller: { phone: "13566667777" },
  });
  order = response.json();
});
afterAll(() => t.close());

describe("tracking and caller lookup", () => {
  it("tracks a demand by order number and the receipt's tracking code, without an account", async () => {
    expect(order.trackingCode).toMatch(/^[0-9A-F]{10}$/);
    const code = order.trackingCode.toLowerCase();
    const response = await t.app.inject({ url: `/api/track?orderNo=${order.orderNo}&code=${code}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().progress.map((p: { stage: string }) => p.stage)).toEqual([
      "registered",
      "accepted",
      "dispatched",
      "handling",
      "replied",
      "closed",
    ]);
    expect(JSON.stringify(response.json())).not.toContain("7777");
  });

  it("no longer takes the caller's phone as the password", async () => {
    const byPhone = await t.app.inject({ url: `/api/track?orderNo=${order.orderNo}&phone=13566667777` });
    expect(byPhone.statusCode).toBe(400);
  });

  it("answers a wrong code exactly like an unknown order number", async () => {
    const wrong = await t.app.inject({ url: `/api/track?orderNo=${order.orderNo}&code=0000000000` });
    const unknown = await t.app.inject({
      url: `/api/track?orderNo=BL209901010001&code=${order.trackingCode}`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it("shows the tracking code to the caller who submitted, and to no one else", async () => {
    expect((await getOrder(t, "resident", order.id)).json().trackingCode).toBe(order.trackingCode);
    expect((await getOrder(t, "district-dispatcher", order.id)).json().trackingCode).toBeUndefined();
  });

  it("shows the operator earlier demands from the same phone, and refuses units", async () => {
    const operator = await t.app.inject({
      url: "/api/callers/orders?phone=13566667777",
      headers: { cookie: await t.login("operator") },
    });
    expect(operator.json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    const unit = await t.app.inject({
      url: "/api/callers/orders?phone=13566667777",
      headers: { cookie: await t.login("rsj-handler") },
    });
    expect(unit.statusCode).toBe(403);
  });

  it("gives the resident their rating link once the reply is verified, and only to them", async () => {
    await must(t, "district-dispatcher", order.id, "accept");
    await must(t, "district-dispatcher", order.id, "dispatch", { mainUnitId: await unitId(t, "rsj") });
    await must(t, "rsj-handler", order.id, "sign");
    await must(t, "rsj-handler", order.id, "reply", REPLY);
    await must(t, "district-dispatcher", order.id, "verify");
    const mine = (await getOrder(t, "resident", order.id)).json();
    expect(mine.visits[0].token).toBe(t.ctx.tokens.visitToken(order.id, 1));
    expect((await getOrder(t, "district-dispatcher", order.id)).json().visits[0].token).toBeUndefined();
    const link = await t.app.inject({ url: `/api/visits/${mine.visits[0].token}` });
    expect(link.json()).toMatchObject({ orderNo: order.orderNo, state: "pending", replyText: REPLY.text });
  });
});
