import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDeadlines } from "../../src/modules/time-limits/sweep.js";
import { ORDER_CHANNEL, type OrderChange, parseOrderChange } from "../../src/platform/events/publish.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  categoryAt,
  getOrder,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  SATISFIED,
  submit,
  unitId,
} from "../helpers/orders.js";

/**
 * Changes Minhu makes itself or records beside the loop (supervision, refiling, spot checks, merged
 * orders following their main order) go through the one executor like every step: each bumps the
 * order's version, appears in its history and is announced live.
 */
let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;
let rsj: number;
const live: OrderChange[] = [];
let stopListening: () => Promise<void>;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
  rsj = await unitId(t, "rsj");
  stopListening = await t.database.listen(ORDER_CHANNEL, (payload) => {
    const change = parseOrderChange(payload);
    if (change) live.push(change);
  });
});
afterAll(async () => {
  await stopListening();
  await t.close();
});

async function newOrder(): Promise<string> {
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `W${Math.random()}` },
    content: "老板拖欠我们三个月工资不给，请帮忙讨薪",
    categoryCode: wage,
    type: "complaint",
    location: point,
    caller: { name: "李女士", phone: "13700001111" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function dispatched(): Promise<string> {
  const id = await newOrder();
  await must(t, "district-dispatcher", id, "accept");
  await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
  return id;
}

interface HistoryEvent {
  action: string;
  note: string | null;
  data: Record<string, unknown>;
  actorRole: string;
}

async function detail(id: string): Promise<{ version: number; history: HistoryEvent[] }> {
  return (await getOrder(t, "supervisor", id)).json();
}

/** Resolves with the live change for this order and action; fails after a few seconds. */
async function announced(orderId: string, action: string): Promise<OrderChange> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const change = live.find((c) => c.orderId === orderId && c.action === action);
    if (change) return change;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no live ${action} for order ${orderId}`);
}

describe("changes outside the loop's steps, through the one executor", () => {
  it("supervision of an overdue order: a version, a history entry with a message code, a live notice", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    const before = await detail(id);
    const due = new Date((await getOrder(t, "district-dispatcher", id)).json().handlingDueAt);
    t.setNow(new Date(due.getTime() + 60_000));
    try {
      await sweepDeadlines(t.ctx);
    } finally {
      t.setNow(null);
    }
    const after = await detail(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toMatchObject({
      action: "supervise",
      actorRole: "system",
      note: null,
      data: { message: { code: "overdue_supervised" } },
    });
    expect(await announced(id, "supervise")).toMatchObject({ orderId: id, state: "handling" });
  });

  it("refiling in another ledger: a version, a `refile` entry, a live notice; the same ledger records nothing", async () => {
    const id = await newOrder();
    const before = await detail(id);
    const cookie = await t.login("district-dispatcher");
    const refile = (ledger: string) =>
      t.app.inject({
        method: "PUT",
        url: `/api/orders/${id}/ledger`,
        headers: { cookie },
        payload: { ledger, note: "需要多部门会商" },
      });
    const response = await refile("difficult");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ changed: true, version: before.version + 1 });
    const after = await detail(id);
    expect(after.history.at(-1)).toMatchObject({
      action: "refile",
      note: "需要多部门会商",
      data: { from: "general", to: "difficult" },
    });
    expect(await announced(id, "refile")).toMatchObject({ orderId: id });
    const again = await refile("difficult");
    expect(again.json()).toMatchObject({ changed: false, version: before.version + 1 });
    expect((await detail(id)).history).toHaveLength(after.history.length);
  });

  it("a spot check: a version, a `spot_check` entry, a live notice", async () => {
    const id = await newOrder();
    const before = await detail(id);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/orders/${id}/spot-checks`,
      headers: { cookie: await t.login("supervisor") },
      payload: { checkerKind: "deputy", checkerName: "人大代表 张华", result: "pass" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const after = await detail(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toMatchObject({
      action: "spot_check",
      data: { checkerKind: "deputy", result: "pass" },
    });
    expect(await announced(id, "spot_check")).toMatchObject({ orderId: id });
  });

  it("a merged order follows its main order's reply and closing, each a version, an entry and a notice", async () => {
    const main = await dispatched();
    const duplicate = await newOrder();
    await must(t, "operator", duplicate, "merge", { targetOrderId: main });
    const merged = await detail(duplicate);
    await must(t, "rsj-handler", main, "sign");
    const { orderNo } = await must(t, "rsj-handler", main, "reply", REPLY);
    const replied = await detail(duplicate);
    expect(replied.version).toBe(merged.version + 1);
    expect(replied.history.at(-1)).toMatchObject({
      action: "share_reply",
      actorRole: "system",
      data: { message: { code: "merged_reply", params: { orderNo } } },
    });
    expect(await announced(duplicate, "share_reply")).toMatchObject({ state: "merged" });
    await must(t, "district-dispatcher", main, "verify");
    const closed = await must(t, "operator", main, "visit", SATISFIED);
    expect(closed.state).toBe("closed");
    const mainHistory = (await detail(main)).history;
    expect(mainHistory.at(-1)).toMatchObject({
      action: "close",
      actorRole: "system",
      note: null,
      data: { message: { code: "satisfied_visit_closed" } },
    });
    const followed = await detail(duplicate);
    expect(followed.history.at(-1)).toMatchObject({
      action: "share_close",
      data: { message: { code: "merged_close", params: { orderNo } } },
    });
    expect(await announced(duplicate, "share_close")).toMatchObject({ state: "merged" });
  });
});
