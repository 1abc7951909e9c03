import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sweepDeadlines } from "../../src/modules/time-limits/sweep.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  act,
  categoryAt,
  getOrder,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  SATISFIED,
  stateOf,
  submit,
  UNSATISFIED,
  unitId,
} from "../helpers/orders.js";

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;
let gridMatter: string;
let rsj: number;
let zjj: number;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
  gridMatter = await categoryAt(t, "grid");
  rsj = await unitId(t, "rsj");
  zjj = await unitId(t, "zjj");
});
beforeEach(() => {
  t.setNow(null);
});
afterAll(() => t.close());

async function newOrder(categoryCode = wage, content = "老板拖欠我们三个月工资不给，请帮忙讨薪") {
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `W${Math.random()}` },
    content,
    categoryCode,
    type: "complaint",
    location: point,
    caller: { name: "李女士", phone: "13700001111" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function dispatched(unit = rsj) {
  const id = await newOrder();
  await must(t, "district-dispatcher", id, "accept");
  await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: unit });
  return id;
}

describe("branches of the closed loop", () => {
  it("reject: an invalid demand is rejected with its reason and ends", async () => {
    const id = await newOrder();
    const rejected = await must(t, "district-dispatcher", id, "reject", { reason: "重复来电，已在办" });
    expect(rejected.state).toBe("rejected");
    expect(rejected.actions).toEqual([]);
  });

  it("return and redispatch: the wrong unit returns it, the dispatcher sends it to the right one", async () => {
    const id = await dispatched(zjj);
    const returned = await must(t, "zjj-handler", id, "return", { reason: "不属于住建职责，应由人社处理" });
    expect(returned.state).toBe("accepted");
    expect(returned.returnCount).toBe(1);
    expect(returned.mainUnit).toBeNull();
    const redispatched = await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
    expect(redispatched.mainUnit.id).toBe(rsj);
    // The handling clock started at the first dispatch and does not restart.
    expect(redispatched.handlingDueAt).toBe(returned.handlingDueAt);
    expect((await act(t, "zjj-handler", id, "sign")).statusCode).toBe(404);
    await must(t, "rsj-handler", id, "sign");
  });

  it("return is refused after 2 working days", async () => {
    const id = await dispatched(zjj);
    t.setNow(new Date(Date.now() + 10 * 86_400_000));
    const late = await act(t, "zjj-handler", id, "return", { reason: "不属于住建职责" });
    expect(late.statusCode).toBe(409);
    expect((await stateOf(t, id)).state).toBe("dispatched");
  });

  it("escalate: a grid-level matter goes up grid → community → street → district, and no further", async () => {
    const grid = await regionOf(t, "gridworker");
    const response = await submit(t, "gridworker", {
      channel: "grid_patrol",
      content: "楼道里堆满了杂物，影响通行和消防安全",
      categoryCode: gridMatter,
      location: point,
    });
    const id = response.json().id as string;
    expect(response.json().handlingLevel).toBe("grid");
    expect(response.json().holderRegionCode).toBe(grid);
    const community = await must(t, "gridworker", id, "escalate", { reason: "需要社区协调物业" });
    expect([community.handlingLevel, community.holderRegionCode]).toEqual(["community", grid.slice(0, 12)]);
    expect((await act(t, "gridworker", id, "escalate", { reason: "again" })).statusCode).toBe(403);
    const street = await must(t, "community-dispatcher", id, "escalate", { reason: "需要街道执法" });
    expect([street.handlingLevel, street.holderRegionCode]).toEqual(["street", grid.slice(0, 9)]);
    const district = await must(t, "street-dispatcher", id, "escalate", { reason: "跨部门，需区级协调" });
    expect([district.handlingLevel, district.holderRegionCode]).toEqual(["district", "610103"]);
    const top = await act(t, "district-dispatcher", id, "escalate", { reason: "no higher level" });
    expect(top.statusCode).toBe(409);
    expect(top.json().code).toBe("ILLEGAL_TRANSITION");
  });

  it("on-the-spot: a grid worker registers and solves a grid-level matter in one step", async () => {
    const response = await submit(t, "gridworker", {
      channel: "grid_patrol",
      content: "楼道里堆放纸箱杂物，已现场清理",
      categoryCode: gridMatter,
      location: point,
      solveOnSpot: { disposition: "solved", text: "已协调住户当场清理完毕" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ state: "replied", solvedOnSpot: true, disposition: "solved" });
  });

  it("on-the-spot: a matter the catalogue sends up is refused before anything is stored, saying who handles it", async () => {
    const streetMatter = await categoryAt(t, "street");
    const before = await t.ctx.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const response = await submit(t, "gridworker", {
      channel: "grid_patrol",
      content: "路口的井盖松动了，车辆经过时响动很大",
      categoryCode: streetMatter,
      location: point,
      solveOnSpot: { disposition: "solved", text: "已现场处理" },
    });
    expect(response.statusCode, response.body).toBe(422);
    const street = t.ctx.regions.get((await regionOf(t, "gridworker")).slice(0, 9));
    expect(response.json()).toMatchObject({ code: "NOT_SOLVABLE_ON_SPOT" });
    expect(response.json().message).toContain(street?.name);
    expect(response.json().message).toContain("不能就地办结");
    const after = await t.ctx.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("extension: the unit asks, the dispatcher approves, the deadline moves by working days", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    const before = (await getOrder(t, "district-dispatcher", id)).json().handlingDueAt;
    await must(t, "rsj-handler", id, "request_extension", { workingDays: 5, reason: "需劳动仲裁程序" });
    expect(
      (await act(t, "rsj-handler", id, "request_extension", { workingDays: 3, reason: "再延" })).statusCode,
    ).toBe(409);
    const approved = await must(t, "district-dispatcher", id, "decide_extension", {
      approve: true,
      note: "同意",
    });
    expect(new Date(approved.handlingDueAt).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(approved.originalHandlingDueAt).toBe(before);
  });

  it("rework: a poor reply goes back to the unit", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    await must(t, "rsj-handler", id, "reply", { disposition: "explained", text: "已电话解释。" });
    const reworked = await must(t, "district-dispatcher", id, "rework", { reason: "未说明处理结果" });
    expect(reworked.state).toBe("handling");
    expect(reworked.disposition).toBeNull();
  });

  it("reopen: an unsatisfied visit reopens the order for a second round, which closes after a good visit", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    await must(t, "rsj-handler", id, "reply", REPLY);
    await must(t, "district-dispatcher", id, "verify");
    const visited = await must(t, "operator", id, "visit", UNSATISFIED);
    expect(visited.state).toBe("visited");
    const reopened = await must(t, "district-dispatcher", id, "reopen", { reason: "群众反映未解决，重办" });
    expect(reopened).toMatchObject({ state: "handling", reopenCount: 1 });
    await must(t, "rsj-handler", id, "reply", REPLY);
    await must(t, "district-dispatcher", id, "verify");
    const closed = await must(t, "operator", id, "visit", SATISFIED);
    expect(closed.state).toBe("closed");
    const visits = await t.ctx.db
      .selectFrom("visits")
      .select(["round", "satisfied"])
      .where("order_id", "=", id)
      .orderBy("round")
      .execute();
    expect(visits).toEqual([
      { round: 1, satisfied: "unsatisfied" },
      { round: 2, satisfied: "satisfied" },
    ]);
  });

  it("a satisfactory visit cannot be reopened", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    await must(t, "rsj-handler", id, "reply", REPLY);
    await must(t, "district-dispatcher", id, "verify");
    await must(t, "operator", id, "visit", { solved: "partly", satisfied: "basically" });
    expect((await stateOf(t, id)).state).toBe("closed");
  });

  it("merge: the duplicate follows the main order, and each caller is replied to and visited", async () => {
    const main = await dispatched();
    const duplicate = await newOrder();
    const merged = await must(t, "operator", duplicate, "merge", { targetOrderId: main });
    expect(merged).toMatchObject({ state: "merged", mergedIntoId: main });
    await must(t, "rsj-handler", main, "sign");
    await must(t, "rsj-handler", main, "reply", REPLY);
    expect((await getOrder(t, "operator", duplicate)).json().replyText).toBe(REPLY.text);
    await must(t, "district-dispatcher", main, "verify");
    const duplicateVisit = await t.app.inject({
      method: "POST",
      url: `/api/visits/${t.ctx.tokens.visitToken(duplicate, 1)}`,
      payload: SATISFIED,
    });
    expect(duplicateVisit.statusCode, duplicateVisit.body).toBe(200);
    await must(t, "operator", main, "visit", SATISFIED);
    expect((await stateOf(t, main)).state).toBe("closed");
    const done = await t.ctx.db
      .selectFrom("visits")
      .select(["order_id", "state"])
      .where("order_id", "in", [main, duplicate])
      .orderBy("order_id")
      .execute();
    expect(done.map((v) => v.state)).toEqual(["done", "done"]);
    expect((await getOrder(t, "operator", duplicate)).json().closedAt).not.toBeNull();
  });

  it("supervision: an order past its handling deadline turns red and is put under supervision with an event, once", async () => {
    const id = await dispatched();
    await must(t, "rsj-handler", id, "sign");
    const due = new Date((await getOrder(t, "district-dispatcher", id)).json().handlingDueAt);
    t.setNow(new Date(due.getTime() + 60_000));
    const first = await sweepDeadlines(t.ctx);
    expect(first.supervised).toBeGreaterThanOrEqual(1);
    const order = (await getOrder(t, "supervisor", id)).json();
    expect(order.warningLevel).toBe("red");
    expect(order.supervisedAt).not.toBeNull();
    expect(order.history.filter((e: { action: string }) => e.action === "supervise")).toHaveLength(1);
    await sweepDeadlines(t.ctx);
    const again = (await getOrder(t, "supervisor", id)).json();
    expect(again.history.filter((e: { action: string }) => e.action === "supervise")).toHaveLength(1);
    const overdue = (
      await t.app.inject({
        url: "/api/orders?overdue=true",
        headers: { cookie: await t.login("supervisor") },
      })
    ).json();
    expect(overdue.items.map((o: { id: string }) => o.id)).toContain(id);
    await must(t, "supervisor", id, "urge", { note: "请加快办理" });
  });

  it("a stale version is refused with 409 and changes nothing", async () => {
    const id = await newOrder();
    const before = await stateOf(t, id);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/orders/${id}/actions/accept`,
      headers: { cookie: await t.login("district-dispatcher") },
      payload: { version: before.version + 5 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("STALE_VERSION");
    expect(await stateOf(t, id)).toEqual(before);
  });
});
