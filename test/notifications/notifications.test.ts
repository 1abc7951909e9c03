import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDeadlines } from "../../src/modules/time-limits/sweep.js";
import { deliverOutbox } from "../../src/server/jobs.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  categoryAt,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  SATISFIED,
  submit,
  unitId,
} from "../helpers/orders.js";

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;
let rsj: number;
const CALLER_PHONE = "13700002222";

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
  rsj = await unitId(t, "rsj");
});
afterAll(async () => {
  await t.close();
});

async function dispatchedOrder(content = "老板拖欠我们三个月工资不给，请帮忙讨薪") {
  const response = await submit(t, "operator", {
    channel: "online",
    channelFields: { client: "h5" },
    content,
    categoryCode: wage,
    type: "complaint",
    location: point,
    caller: { name: "李女士", phone: CALLER_PHONE },
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  await must(t, "district-dispatcher", id, "accept");
  await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
  return id;
}

async function get(user: string, url: string) {
  return t.app.inject({ url, headers: { cookie: await t.login(user) } });
}

async function send(user: string, method: "POST" | "PUT", url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: { cookie: await t.login(user) }, payload: payload as object });
}

describe("in-app notifications (通知中心)", () => {
  it("tells the unit of a new dispatch; another unit's handler sees none of it", async () => {
    const id = await dispatchedOrder();
    const mine = (await get("rsj-handler", "/api/notifications")).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ event: "order_dispatched", orderId: id, readAt: null });
    expect(mine.items[0].params.orderNo).toMatch(/.+/);
    const theirs = (await get("cgj-handler", "/api/notifications")).json();
    expect(theirs).toEqual({ unread: 0, items: [] });
    // Marking someone else's notification read changes nothing.
    const foreign = await send("cgj-handler", "POST", "/api/notifications/read", { ids: [mine.items[0].id] });
    expect(foreign.json()).toEqual({ marked: 0 });
    expect((await get("rsj-handler", "/api/notifications")).json().unread).toBe(1);
    const marked = await send("rsj-handler", "POST", "/api/notifications/read", { ids: [mine.items[0].id] });
    expect(marked.json()).toEqual({ marked: 1 });
    expect((await get("rsj-handler", "/api/notifications")).json().unread).toBe(0);
  });

  it("tells the unit and its dispatcher when an order goes overdue and under 督办", async () => {
    const id = await dispatchedOrder("工地拖欠农民工工资两个月");
    await send("rsj-handler", "POST", "/api/notifications/read", {});
    t.setNow(new Date(Date.now() + 60 * 24 * 60 * 60_000));
    try {
      await sweepDeadlines(t.ctx);
    } finally {
      t.setNow(null);
    }
    for (const user of ["rsj-handler", "district-dispatcher"]) {
      const list = (await get(user, "/api/notifications?unreadOnly=true")).json();
      expect(list.items.map((n: { event: string }) => n.event)).toContain("order_supervised");
      expect(list.items.find((n: { orderId: string }) => n.orderId === id)?.urgent).toBe(true);
    }
  });

  it("keeps each user's preferences their own; a muted event reaches no one", async () => {
    const prefs = {
      mutedEvents: ["order_dispatched"],
      channels: ["inapp", "sms"],
      quietHours: { from: 22 * 60, until: 7 * 60 },
      locale: "en-US",
      email: null,
      wechatOpenid: null,
    };
    expect((await send("rsj-handler", "PUT", "/api/notifications/preferences", prefs)).statusCode).toBe(204);
    expect((await get("rsj-handler", "/api/notifications/preferences")).json()).toMatchObject(prefs);
    // Another user still has the defaults: no id in the request can reach someone else's.
    expect((await get("cgj-handler", "/api/notifications/preferences")).json()).toMatchObject({
      mutedEvents: [],
      channels: ["inapp"],
      quietHours: null,
    });
    const bad = await send("rsj-handler", "PUT", "/api/notifications/preferences", { ...prefs, userId: 1 });
    expect(bad.statusCode).toBe(400);
    await send("rsj-handler", "POST", "/api/notifications/read", {});
    await dispatchedOrder("公司欠薪不发，已经半年");
    expect((await get("rsj-handler", "/api/notifications")).json().unread).toBe(0);
    await send("rsj-handler", "PUT", "/api/notifications/preferences", {
      ...prefs,
      mutedEvents: [],
      channels: ["inapp"],
    });
  });
});

describe("the caller hears the reply and gets a rating link that works (log provider)", () => {
  it("sends both by SMS through the outbox, kept in the log an administrator reads", async () => {
    const id = await dispatchedOrder("单位拖欠工资，要求支付");
    await must(t, "rsj-handler", id, "sign");
    await must(t, "rsj-handler", id, "reply", REPLY);
    await must(t, "district-dispatcher", id, "verify");
    const pending = await t.ctx.db
      .selectFrom("outbox_messages")
      .selectAll()
      .where("topic", "=", "notify.sms")
      .execute();
    expect(pending.length).toBeGreaterThanOrEqual(2);
    // The outbox holds codes and an encrypted phone, never the phone itself.
    expect(JSON.stringify(pending)).not.toContain(CALLER_PHONE);
    await deliverOutbox(t.ctx);
    const log = await get("admin", `/api/notifications/log?phone=${CALLER_PHONE}`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items as { event: string; body: string; recipient: string }[];
    expect(items.map((i) => i.event)).toEqual(["rating_link", "order_replied"]);
    expect(items[1].body).toContain(REPLY.text);
    expect(items[0].recipient).toBe("137****2222");
    const token = /\/rate\/([A-Za-z0-9_-]+)/.exec(items[0].body)?.[1] as string;
    expect((await t.app.inject({ url: `/api/visits/${token}` })).statusCode).toBe(200);
    const rated = await t.app.inject({ method: "POST", url: `/api/visits/${token}`, payload: SATISFIED });
    expect(rated.statusCode, rated.body).toBe(200);
    // Delivering again sends nothing twice.
    await deliverOutbox(t.ctx);
    const again = (await get("admin", `/api/notifications/log?phone=${CALLER_PHONE}`)).json().items;
    expect(again.length).toBe(items.length);
  });

  it("shows the log only to the district's administrators and command centre", async () => {
    for (const user of ["rsj-handler", "resident", "street-dispatcher"]) {
      const response = await get(user, "/api/notifications/log");
      expect(response.statusCode, user).toBeGreaterThanOrEqual(403);
      expect(response.statusCode, user).toBeLessThan(405);
    }
  });
});
