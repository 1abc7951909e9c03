import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let wageCategory: string;
let rsj: number;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wageCategory = await categoryAt(t, "district", "rsj");
  rsj = await unitId(t, "rsj");
});
afterAll(() => t.close());

/** Every channel, the account that uses it and its own fields (群众呼声全收集). */
const CHANNELS: [channel: string, user: string, fields: Record<string, unknown>][] = [
  ["12345", "operator", { workOrderNo: "SX12345-20261126-0001", callAt: "2026-11-26T09:00:00+08:00" }],
  ["online", "resident", { client: "h5" }],
  ["grid_patrol", "gridworker", { patrolNote: "早巡" }],
  ["household_visit", "gridworker", { household: "3号楼2单元501 张女士" }],
  ["window", "street-staff", { windowName: "街道便民服务中心1号窗口" }],
  ["deputy", "operator", { deputyName: "刘代表", deputyKind: "npc" }],
  ["media", "operator", { outlet: "西安晚报", publishedOn: "2026-11-20" }],
  ["petition", "street-dispatcher", { petitionNo: "XF2026-0088", petitionKind: "letter" }],
  ["field_inspection", "supervisor", { inspector: "督查组 徐刚" }],
  ["forum", "leader", { forumName: "社区议事协商会", heldOn: "2026-11-18" }],
  ["grassroots_report", "community-staff", { reportingOrganisation: "社区党委" }],
];

describe("every channel runs the whole loop: intake → accept → dispatch → sign → reply → verify → visit → closed", () => {
  it.each(CHANNELS)("%s (by %s)", async (channel, user, channelFields) => {
    const submitted = await submit(t, user, {
      channel,
      channelFields,
      content: `工地老板拖欠我们十几个工人三个月工资，一直不给，渠道${channel}`,
      categoryCode: wageCategory,
      type: "complaint",
      location: point,
      caller: { name: "张先生", phone: "13912345678" },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const order = submitted.json();
    expect(order.orderNo).toMatch(/^BL\d{8}\d{4,}$/);
    expect(order.channel).toBe(channel);
    expect(order.state).toBe("registered");
    expect(order.handlingLevel).toBe("district");
    expect(order.region.grid.code).toBe(await regionOf(t, "gridworker"));

    await must(t, "district-dispatcher", order.id, "accept");
    const dispatched = await must(t, "district-dispatcher", order.id, "dispatch", { mainUnitId: rsj });
    expect(dispatched.handlingDueAt).not.toBeNull();
    await must(t, "rsj-handler", order.id, "sign");
    await must(t, "rsj-handler", order.id, "reply", REPLY);
    await must(t, "district-dispatcher", order.id, "verify");
    const closed =
      user === "resident"
        ? await t.app.inject({
            method: "POST",
            url: `/api/visits/${t.ctx.tokens.visitToken(order.id, 1)}`,
            payload: SATISFIED,
          })
        : null;
    if (closed) expect(closed.statusCode, closed.body).toBe(200);
    else await must(t, "operator", order.id, "visit", SATISFIED);

    const final = (
      await t.app.inject({
        url: `/api/orders/${order.id}`,
        headers: { cookie: await t.login("district-dispatcher") },
      })
    ).json();
    expect(final.state).toBe("closed");
    expect(final.history.map((e: { action: string }) => e.action)).toEqual([
      "register",
      "accept",
      "dispatch",
      "sign",
      "reply",
      "verify",
      "visit",
      "close",
    ]);
  });
});
