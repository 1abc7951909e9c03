import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_CITY } from "../../src/config.js";
import { RESULT_TOPIC } from "../../src/modules/city-hotline/results.js";
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
import { FakeCityPlatform } from "./city-platform.js";

const SECRET = "test-city-secret-0123456789";
let t: TestApp;
let city: FakeCityPlatform;
let point: { lng: number; lat: number };
let wage: string;
let rsj: number;

beforeAll(async () => {
  t = await createTestApp();
  city = new FakeCityPlatform(SECRET);
  await city.start();
  t.ctx.city = { ...NO_CITY, secret: SECRET, resultsUrl: city.url, retryBackoffMs: 1000, maxAttempts: 3 };
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
  rsj = await unitId(t, "rsj");
});
afterAll(async () => {
  await city.stop();
  await t.close();
});

/** A 12345 order taken through reply, verification and a satisfied visit (which closes it). */
async function closedOrder(workOrderNo: string, channel = "12345") {
  const response = await submit(t, "operator", {
    channel,
    channelFields: channel === "12345" ? { workOrderNo } : { client: "h5" },
    content: "老板拖欠我们三个月工资不给，请帮忙讨薪",
    categoryCode: wage,
    type: "complaint",
    location: point,
    caller: { name: "李女士", phone: "13700001111" },
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  await must(t, "district-dispatcher", id, "accept");
  await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
  await must(t, "rsj-handler", id, "sign");
  await must(t, "rsj-handler", id, "reply", REPLY);
  await must(t, "district-dispatcher", id, "verify");
  const visited = await must(t, "operator", id, "visit", SATISFIED);
  expect(visited.state).toBe("closed");
  return id;
}

async function outbox(state?: string) {
  let query = t.ctx.db.selectFrom("outbox_messages").selectAll().where("topic", "=", RESULT_TOPIC);
  if (state) query = query.where("state", "=", state as "pending");
  return query.orderBy("id").execute();
}

describe("12345 results back out through the outbox", () => {
  it("writes a reply, a visit and a closure for a 12345 order, none for other channels", async () => {
    await closedOrder("SX-OUT-0001");
    await closedOrder("", "online");
    const messages = await outbox();
    expect(messages.map((m) => m.payload.反馈类型)).toEqual(["答复", "回访", "办结"]);
    expect(messages.every((m) => m.payload.工单编号 === "SX-OUT-0001")).toBe(true);
    expect(messages[0].payload).toMatchObject({
      办理结果: "限时解决到位",
      答复内容: REPLY.text,
      承办单位: expect.any(String),
    });
    expect(messages[1].payload).toMatchObject({ 解决情况: "已解决", 满意度: "满意" });
  });

  it("delivers them signed, once each, and marks them delivered", async () => {
    const result = await deliverOutbox(t.ctx, [RESULT_TOPIC]);
    expect(result).toEqual({ delivered: 3, failed: 0 });
    expect(city.accepted.map((m) => m.body.反馈类型)).toEqual(["答复", "回访", "办结"]);
    expect(city.badSignatures).toBe(0);
    expect(await outbox("pending")).toHaveLength(0);
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 0, failed: 0 });
  });

  it("with the platform down they wait, back off, and arrive in order once it is back", async () => {
    await city.stop();
    const base = new Date();
    t.setNow(base);
    await closedOrder("SX-OUT-0002");
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 0, failed: 1 });
    const [first] = await outbox("pending");
    expect(first.attempts).toBe(1);
    expect(first.last_error).toMatch(/^unreachable/);
    expect(first.next_attempt_at.getTime()).toBe(base.getTime() + 1000);
    // Not due yet: nothing is tried.
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 0, failed: 0 });
    t.setNow(new Date(base.getTime() + 1000));
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 0, failed: 1 });
    expect((await outbox("pending"))[0].next_attempt_at.getTime()).toBe(base.getTime() + 3000);
    await city.start();
    t.setNow(new Date(base.getTime() + 3000));
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 3, failed: 0 });
    const keys = city.accepted.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(city.accepted.slice(3).map((m) => [m.body.工单编号, m.body.反馈类型])).toEqual([
      ["SX-OUT-0002", "答复"],
      ["SX-OUT-0002", "回访"],
      ["SX-OUT-0002", "办结"],
    ]);
    t.setNow(null);
  });

  it("after its attempts a message fails; an administrator sees it and sends it again", async () => {
    await city.stop();
    await closedOrder("SX-OUT-0003");
    const base = new Date();
    for (let attempt = 0; attempt < 3; attempt++) {
      t.setNow(new Date(base.getTime() + attempt * 10_000));
      await deliverOutbox(t.ctx, [RESULT_TOPIC]);
    }
    t.setNow(null);
    const admin = await t.login("admin");
    const failed = await t.app.inject({
      url: `/api/outbox?state=failed&topic=${RESULT_TOPIC}`,
      headers: { cookie: admin },
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().counts).toMatchObject({ failed: 1, pending: 2 });
    const id = failed.json().items[0].id as string;
    await city.start();
    const retried = await t.app.inject({
      method: "POST",
      url: "/api/outbox/retry",
      headers: { cookie: await t.login("district-dispatcher") },
      payload: { ids: [id] },
    });
    expect(retried.json()).toEqual({ retried: 1 });
    expect(await deliverOutbox(t.ctx, [RESULT_TOPIC])).toEqual({ delivered: 3, failed: 0 });
    expect(city.accepted).toHaveLength(9);
    expect(city.repeats).toBe(0);
  });

  it("exports the results in the city's Excel format", async () => {
    const response = await t.app.inject({
      url: `/api/outbox/export.xlsx?topic=${RESULT_TOPIC}`,
      headers: { cookie: await t.login("admin") },
    });
    expect(response.statusCode).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("工单编号");
    expect(sheet.rowCount).toBe(10);
    expect(sheet.getRow(2).getCell(2).value).toBe("答复");
  });

  it.each([
    ["street-dispatcher", 403],
    ["operator", 403],
    ["rsj-handler", 403],
    ["supervisor", 403],
  ])("denies %s the outbox (%i) and its retry", async (user, status) => {
    const cookie = await t.login(user);
    expect((await t.app.inject({ url: "/api/outbox", headers: { cookie } })).statusCode).toBe(status);
    const before = await outbox("delivered");
    const retry = await t.app.inject({
      method: "POST",
      url: "/api/outbox/retry",
      headers: { cookie },
      payload: { ids: [before[0].id] },
    });
    expect(retry.statusCode).toBe(status);
    expect(await outbox("delivered")).toHaveLength(before.length);
  });
});
