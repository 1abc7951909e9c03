import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWarningRules } from "../../src/modules/warning/run.js";
import { chinaDateTime } from "../../src/platform/calendar/china-time.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { DAY, grids, leafOf, pastDemand, warnings, wipe } from "./fixtures.js";

let t: TestApp;
let elevator: string;
const NOW = chinaDateTime("2026-11-26", "10:00");
/** The demo dispatchers of streets and communities sit in 南院门街道 (610103001). */
const OWN_STREET = "610103001";
const OTHER_STREET = "610103008";

beforeAll(async () => {
  t = await createTestApp();
  elevator = await leafOf(t, "0101");
});
beforeEach(async () => {
  await wipe(t);
  t.setNow(NOW);
});
afterAll(() => t.close());

async function get(user: string, url: string) {
  return t.app.inject({ url, headers: { cookie: await t.login(user) } });
}
async function post(user: string, url: string, payload?: Record<string, unknown>) {
  return t.app.inject({
    method: "POST",
    url,
    headers: { cookie: await t.login(user) },
    ...(payload ? { payload } : {}),
  });
}

/** A repeat caller in a grid of the street: three demands in the last days. */
async function repeatCallerIn(street: string, phone: string): Promise<string> {
  const [grid] = await grids(t, 1, { street });
  for (const daysAgo of [1, 2, 3])
    await pastDemand(t, { grid, category: elevator, at: new Date(NOW.getTime() - daysAgo * DAY), phone });
  const before = new Set((await warnings(t, "repeat_caller")).map((w) => w.id));
  await runWarningRules(t.ctx);
  const found = (await warnings(t, "repeat_caller")).find(
    (w) => !before.has(w.id) && w.region_code.startsWith(street),
  );
  if (!found) throw new Error(`no warning in ${street}`);
  return found.id;
}

/** Elevator demands in three communities of the own street, proposed as a common problem. */
async function commonProblem(): Promise<{ id: string; orderIds: string[] }> {
  for (const [i, grid] of (await grids(t, 3, { street: OWN_STREET })).entries()) {
    await pastDemand(t, {
      grid,
      category: elevator,
      at: new Date(NOW.getTime() - (i + 1) * DAY),
      state: "handling",
    });
  }
  await runWarningRules(t.ctx);
  const [found] = await warnings(t, "common_problem");
  return { id: found.id, orderIds: found.order_ids };
}

describe("GET /api/warnings", () => {
  it("lists only the warnings inside the caller's jurisdiction", async () => {
    const own = await repeatCallerIn(OWN_STREET, "13800000001");
    const other = await repeatCallerIn(OTHER_STREET, "13800000002");
    const street = await get("street-dispatcher", "/api/warnings");
    expect(street.statusCode).toBe(200);
    const items: { id: string; region: { code: string } }[] = street.json().items;
    expect(items.map((w) => w.id)).toContain(own);
    expect(items.map((w) => w.id)).not.toContain(other);
    expect(items.every((w) => w.region.code.startsWith(OWN_STREET))).toBe(true);
    const district = await get("district-dispatcher", "/api/warnings?rule=repeat_caller&state=open");
    expect(
      district
        .json()
        .items.map((w: { id: string }) => w.id)
        .sort(),
    ).toEqual([own, other].sort());
    expect(district.json().total).toBe(2);
  });

  it("state=undecided lists the warnings still waiting for a decision: open and acknowledged", async () => {
    const open = await repeatCallerIn(OWN_STREET, "13800000001");
    const acknowledged = await repeatCallerIn(OWN_STREET, "13800000003");
    const dismissed = await repeatCallerIn(OWN_STREET, "13800000004");
    expect((await post("street-dispatcher", `/api/warnings/${acknowledged}/acknowledge`)).statusCode).toBe(
      200,
    );
    const note = { note: "同一户家庭成员分别来电，并非重复诉求" };
    expect((await post("street-dispatcher", `/api/warnings/${dismissed}/dismiss`, note)).statusCode).toBe(
      200,
    );
    const undecided = await get("street-dispatcher", "/api/warnings?state=undecided");
    expect(undecided.statusCode).toBe(200);
    const ids = undecided.json().items.map((w: { id: string }) => w.id);
    expect(ids).toEqual(expect.arrayContaining([open, acknowledged]));
    expect(ids).not.toContain(dismissed);
    expect((await get("street-dispatcher", "/api/warnings?state=decided")).statusCode).toBe(400);
  });

  it("answers a warning outside the jurisdiction as not found", async () => {
    const other = await repeatCallerIn(OTHER_STREET, "13800000002");
    expect((await post("street-dispatcher", `/api/warnings/${other}/acknowledge`)).statusCode).toBe(404);
    expect((await warnings(t))[0].state).toBe("open");
  });

  it("is closed to unit handlers, and read-only for leaders", async () => {
    const id = await repeatCallerIn(OWN_STREET, "13800000001");
    expect((await get("cgj-handler", "/api/warnings")).statusCode).toBe(403);
    const leader = await get("leader", "/api/warnings");
    expect(leader.statusCode).toBe(200);
    expect(leader.json().items[0]?.actions ?? []).toEqual([]);
    expect((await post("leader", `/api/warnings/${id}/acknowledge`)).statusCode).toBe(403);
  });
});

describe("deciding on a warning", () => {
  it("acknowledge records who took it in hand, once", async () => {
    const id = await repeatCallerIn(OWN_STREET, "13800000001");
    const response = await post("street-dispatcher", `/api/warnings/${id}/acknowledge`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      state: "acknowledged",
      acknowledgedBy: { name: expect.stringContaining("张丽") },
      actions: ["action", "dismiss"],
    });
    expect((await post("district-dispatcher", `/api/warnings/${id}/acknowledge`)).statusCode).toBe(409);
  });

  it("a re-run keeps the decision and does not reopen the warning", async () => {
    const id = await repeatCallerIn(OWN_STREET, "13800000001");
    await post("district-dispatcher", `/api/warnings/${id}/acknowledge`);
    await runWarningRules(t.ctx);
    expect(await warnings(t, "repeat_caller")).toMatchObject([{ id, state: "acknowledged" }]);
  });

  it("dismiss needs the reason, then closes the warning", async () => {
    const id = await repeatCallerIn(OWN_STREET, "13800000001");
    expect((await post("supervisor", `/api/warnings/${id}/dismiss`, {})).statusCode).toBe(400);
    const dismissed = await post("supervisor", `/api/warnings/${id}/dismiss`, {
      note: "同一户多人来电，已合并回访",
    });
    expect(dismissed.json()).toMatchObject({
      state: "dismissed",
      actionNote: "同一户多人来电，已合并回访",
      handledBy: { name: expect.stringContaining("徐刚") },
      actions: [],
    });
  });

  it("action with markCommon files a common problem's orders as 共性问题 through `refile` events, states untouched", async () => {
    const { id, orderIds } = await commonProblem();
    const response = await post("district-dispatcher", `/api/warnings/${id}/action`, {
      note: "列入本月每月一题",
      markCommon: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      state: "actioned",
      actionNote: "列入本月每月一题",
      ledgerChanged: 3,
    });
    const orders = await t.ctx.db
      .selectFrom("orders")
      .select(["ledger", "state"])
      .where("id", "in", orderIds)
      .execute();
    expect(orders).toEqual(orderIds.map(() => ({ ledger: "common", state: "handling" })));
    const events = await t.ctx.db
      .selectFrom("order_events")
      .select(["action", "from_state", "to_state", "data"])
      .where("order_id", "in", orderIds)
      .execute();
    expect(events).toEqual(
      orderIds.map(() => ({
        action: "refile",
        from_state: "handling",
        to_state: "handling",
        data: {
          from: "general",
          to: "common",
          message: { code: "common_problem_filed", params: { warningId: id } },
        },
      })),
    );
    // Filed demands are no longer proposed.
    await runWarningRules(t.ctx);
    expect(await warnings(t, "common_problem")).toHaveLength(1);
  });

  it("markCommon is refused for other rules and for roles that do not keep the ledgers, leaving all as it was", async () => {
    const repeat = await repeatCallerIn(OWN_STREET, "13800000001");
    expect(
      (
        await post("district-dispatcher", `/api/warnings/${repeat}/action`, {
          note: "已上门走访",
          markCommon: true,
        })
      ).statusCode,
    ).toBe(400);
    const { id, orderIds } = await commonProblem();
    expect(
      (await post("supervisor", `/api/warnings/${id}/action`, { note: "列入每月一题", markCommon: true }))
        .statusCode,
    ).toBe(403);
    expect((await warnings(t, "common_problem"))[0].state).toBe("open");
    const ledgers = await t.ctx.db
      .selectFrom("orders")
      .select("ledger")
      .where("id", "in", orderIds)
      .execute();
    expect(ledgers.every((o) => o.ledger === "general")).toBe(true);
  });
});
