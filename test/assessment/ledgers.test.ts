import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { cn, type Fixture, loadFixture } from "./fixture.js";

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await loadFixture(t);
  t.setNow(cn("12-01 12:00"));
});
afterAll(() => t.close());

async function get(user: string, url: string) {
  return t.app.inject({ url, headers: { cookie: await t.login(user) } });
}
async function json(user: string, url: string) {
  const response = await get(user, url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const numbers = (items: { orderNo: string }[]) => items.map((i) => i.orderNo);

describe("四本台账", () => {
  it("lists the orders registered in the period and filed in one ledger, newest first", async () => {
    const general = await json("admin", "/api/ledgers/general?period=2026-11");
    expect(general).toMatchObject({
      title: "一般问题台账",
      period: "2026-11",
      total: 8,
      page: 1,
      pageSize: 20,
    });
    // q1 was registered on 12-01 06:30 China time (still 11-30 in UTC): not November's.
    expect(numbers(general.items)).toEqual([
      "FX-o10",
      "FX-o7",
      "FX-p2",
      "FX-o5",
      "FX-p1",
      "FX-o3",
      "FX-o1",
      "FX-o6",
    ]);
    expect(numbers((await json("admin", "/api/ledgers/difficult?period=2026-11")).items)).toEqual(["FX-o2"]);
    expect(numbers((await json("admin", "/api/ledgers/common?period=2026-11")).items)).toEqual(["FX-o4"]);
    expect((await json("admin", "/api/ledgers/suggestion?period=2026-11")).total).toBe(0);
  });

  it("pages on the server", async () => {
    const page = await json("admin", "/api/ledgers/general?period=2026-11&page=2&pageSize=3");
    expect(page.total).toBe(8);
    expect(numbers(page.items)).toEqual(["FX-o5", "FX-p1", "FX-o3"]);
  });

  it("shows an order line with its places, unit and latest visit", async () => {
    const { items } = await json("admin", "/api/ledgers/general?period=2026-11");
    const o1 = items.find((i: { orderNo: string }) => i.orderNo === "FX-o1");
    expect(o1).toMatchObject({
      id: f.ids.o1,
      state: "closed",
      ledger: "general",
      category: { code: "0501" },
      region: { street: "南院门街道" },
      unitName: "碑林区人力资源和社会保障局",
      disposition: "solved",
      visit: { solved: "solved", satisfied: "satisfied" },
    });
  });

  it("keeps to the caller's jurisdiction", async () => {
    const general = await json("street-dispatcher", "/api/ledgers/general?period=2026-11");
    expect(numbers(general.items)).not.toContain("FX-p1");
    expect(general.total).toBe(6);
    expect((await get("street-dispatcher", `/api/ledgers/general?region=${f.S2}`)).statusCode).toBe(403);
    expect((await get("rsj-handler", "/api/ledgers/general")).statusCode).toBe(403);
  });
});

describe("四张清单", () => {
  it("问题清单: every order registered in the period", async () => {
    expect((await json("admin", "/api/lists/problems?period=2026-11")).total).toBe(10);
  });

  it("解决清单: orders closed in the period with the disposition solved, with the visit's verdict", async () => {
    const solved = await json("admin", "/api/lists/solved?period=2026-11&pageSize=200");
    // o2 was closed too, but explained (解释安抚), not solved.
    expect(numbers(solved.items)).toEqual(["FX-p2", "FX-p1", "FX-o1", "FX-o8", "FX-o6"]);
    expect(solved.items[0].visit).toEqual({ solved: "solved", satisfied: "basically" });
  });

  it("走访清单: field visits of the period inside the jurisdiction", async () => {
    const all = await json("admin", "/api/lists/visits?period=2026-11");
    expect(all.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
      "2026-11-30",
      "2026-11-15",
      "2026-11-10",
    ]);
    const street = await json("street-dispatcher", "/api/lists/visits?period=2026-11");
    expect(street.items.map((v: { households: number }) => v.households)).toEqual([30, 12]);
    expect(street.items[1]).toMatchObject({
      visitorRole: "leader",
      region: { code: f.C1, street: "南院门街道" },
    });
  });

  it("refuses an unknown list", async () => {
    expect((await get("admin", "/api/lists/meetings")).statusCode).toBe(400);
  });
});

describe("filing an order in a ledger", () => {
  const put = async (user: string, id: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: "PUT",
      url: `/api/orders/${id}/ledger`,
      headers: { cookie: await t.login(user) },
      payload,
    });

  it("records a `refile` event with the state unchanged, once", async () => {
    const before = await t.ctx.db
      .selectFrom("orders")
      .select(["state", "version"])
      .where("id", "=", f.ids.o3)
      .executeTakeFirstOrThrow();
    const response = await put("street-dispatcher", f.ids.o3, {
      ledger: "difficult",
      note: "涉及多部门，列入疑难问题",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      id: f.ids.o3,
      orderNo: "FX-o3",
      ledger: "difficult",
      version: before.version + 1,
      changed: true,
    });
    const events = await t.ctx.db
      .selectFrom("order_events")
      .selectAll()
      .where("order_id", "=", f.ids.o3)
      .where("action", "=", "refile")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      from_state: "verified",
      to_state: "verified",
      actor_role: "dispatcher",
      note: "涉及多部门，列入疑难问题",
      data: { from: "general", to: "difficult" },
    });
    expect(events[0].at).toEqual(cn("12-01 12:00"));
    const after = await t.ctx.db
      .selectFrom("orders")
      .select(["state", "ledger"])
      .where("id", "=", f.ids.o3)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ state: before.state, ledger: "difficult" });

    const again = await put("street-dispatcher", f.ids.o3, { ledger: "difficult" });
    expect(again.json().changed).toBe(false);
    const count = await t.ctx.db
      .selectFrom("order_events")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("order_id", "=", f.ids.o3)
      .where("action", "=", "refile")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    // The history shows it like any other event.
    const history = (await json("street-dispatcher", `/api/orders/${f.ids.o3}`)).history;
    expect(history.at(-1)).toMatchObject({
      action: "refile",
      from: "verified",
      to: "verified",
      data: { from: "general", to: "difficult" },
    });
  });

  it("is for dispatchers, inside their jurisdiction", async () => {
    expect((await put("zjj-handler", f.ids.o3, { ledger: "common" })).statusCode).toBe(403);
    expect((await put("supervisor", f.ids.o3, { ledger: "common" })).statusCode).toBe(403);
    expect((await put("community-dispatcher", f.ids.p1, { ledger: "common" })).statusCode).toBe(404);
    expect((await put("street-dispatcher", f.ids.o3, { ledger: "urgent" })).statusCode).toBe(400);
  });
});

describe("制度清单 entries", () => {
  const post = async (user: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/rules", headers: { cookie: await t.login(user) }, payload });
  const rule = (overrides: Record<string, unknown> = {}) => ({
    title: "欠薪问题快速处置机制",
    content: "街道劳动保障所接到欠薪诉求后当日联系用人单位，三个工作日内调解。",
    regionCode: f.S1,
    categoryCode: "0501",
    adoptedOn: "2026-11-20",
    orderIds: [f.ids.o4, f.ids.o2],
    ...overrides,
  });

  it("records a rule linked to the demands it answers", async () => {
    const response = await post("street-dispatcher", rule());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      title: "欠薪问题快速处置机制",
      regionCode: f.S1,
      regionName: "南院门街道",
      category: { code: "0501", name: "工资纠纷" },
      adoptedOn: "2026-11-20",
      orderCount: 2,
      orders: [
        { id: f.ids.o2, orderNo: "FX-o2" },
        { id: f.ids.o4, orderNo: "FX-o4" },
      ],
    });
    const read = await json("street-dispatcher", `/api/rules/${response.json().id}`);
    expect(read.orders).toHaveLength(2);
  });

  it("refuses orders, regions and roles outside the jurisdiction", async () => {
    expect((await post("street-dispatcher", rule({ orderIds: [f.ids.p1] }))).statusCode).toBe(400);
    expect((await post("street-dispatcher", rule({ regionCode: f.S2, orderIds: [] }))).statusCode).toBe(403);
    expect((await post("leader", rule())).statusCode).toBe(403);
    expect((await post("street-dispatcher", rule({ categoryCode: "7777" }))).statusCode).toBe(400);
  });

  it("lists the rules that apply to a jurisdiction: its own and its ancestors', with the linked orders it may see", async () => {
    const district = await post(
      "admin",
      rule({
        title: "全区欠薪联动机制",
        regionCode: "610103",
        adoptedOn: "2026-10-15",
        orderIds: [f.ids.o4, f.ids.p1],
      }),
    );
    const other = await post(
      "admin",
      rule({ title: "柏树林街道机制", regionCode: f.S2, orderIds: [f.ids.p2] }),
    );
    const listed = await json("street-dispatcher", "/api/rules");
    expect(listed.items.map((r: { title: string }) => r.title)).toEqual([
      "欠薪问题快速处置机制",
      "全区欠薪联动机制",
    ]);
    expect(listed.items[1]).toMatchObject({ orderCount: 2, orders: [{ orderNo: "FX-o4" }] });
    expect((await json("street-dispatcher", "/api/rules?period=2026-11")).total).toBe(1);
    expect((await json("street-dispatcher", `/api/rules/${district.json().id}`)).regionName).toBe("碑林区");
    expect((await get("street-dispatcher", `/api/rules/${other.json().id}`)).statusCode).toBe(404);
    expect((await json("admin", "/api/lists/rules?period=2026-11")).total).toBe(2);
  });

  it("rewrites a rule inside the jurisdiction, replacing its linked demands; one above it is not found", async () => {
    const put = async (user: string, id: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: "PUT",
        url: `/api/rules/${id}`,
        headers: { cookie: await t.login(user) },
        payload,
      });
    const own = (await post("street-dispatcher", rule({ title: "待修订机制" }))).json().id as string;
    const rewritten = await put(
      "street-dispatcher",
      own,
      rule({ title: "修订后的机制", orderIds: [f.ids.o2] }),
    );
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(rewritten.json()).toMatchObject({
      id: own,
      title: "修订后的机制",
      orderCount: 1,
      orders: [{ id: f.ids.o2 }],
    });
    expect((await json("street-dispatcher", `/api/rules/${own}`)).title).toBe("修订后的机制");
    expect((await put("street-dispatcher", own, rule({ orderIds: [f.ids.p1] }))).statusCode).toBe(400);
    expect((await put("leader", own, rule())).statusCode).toBe(403);
    const above = (await post("admin", rule({ regionCode: "610103", orderIds: [] }))).json().id as string;
    expect((await put("street-dispatcher", above, rule())).statusCode).toBe(404);
  });
});
