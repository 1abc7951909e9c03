import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDateTime } from "../../src/platform/calendar/china-time.js";
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

async function assessment(user: string, query: string) {
  return t.app.inject({ url: `/api/assessment?${query}`, headers: { cookie: await t.login(user) } });
}

async function rowsOf(user: string, query: string) {
  const response = await assessment(user, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows as Record<string, unknown>[];
}

describe("KPIs of a street for November 2026 (the fixture's table)", () => {
  it("computes every count and rate of 南院门街道 (S1)", async () => {
    const rows = await rowsOf("admin", "level=street&period=2026-11");
    expect(rows.find((r) => r.key === f.S1)).toEqual({
      key: f.S1,
      name: "南院门街道",
      // o1–o7 were dispatched in November (o6 on 11-01 07:00 China time); o8, o9 in October, q1 in December.
      dispatched: 7,
      // o3 was signed after its limit; o6 has no limit but was solved on the spot.
      responded: 6,
      responseRate: 85.71,
      // Deadlines in November: o1 o2 o3 o4 o6 o7 o8 o9 (o5's is in December).
      due: 8,
      // o2 replied late, o4 not at all.
      onTime: 6,
      onTimeRate: 75,
      // o1 o2 o6 o8 closed.
      closed: 4,
      closeRate: 50,
      // Visits done in November: o8 o1 o6 solved+satisfied, o2 partly+basically, o9 unsolved+unsatisfied; o3's is pending.
      rated: 5,
      resolutionRate: 70, // (3 + 1 × 0.5) / 5
      satisfactionRate: 76, // (3 + 1 × 0.8) / 5
      reopenRate: 20, // o9 reopened once / 5 visits
      returnRate: 14.29, // o5 returned once / 7 dispatches (o5 twice)
      supervisionCount: 3, // o2 urged, o4 supervised and urged
      // Replied in November, dispatch → reply: o1 96 h, o2 216, o3 336, o6 0, o7 144, o8 144, o9 480 → 1416 / 7.
      avgHandlingHours: 202.29,
      // 85.714 × 10% + 75 × 20% + 70 × 35% + 76 × 35% − 3 督办 × 1
      supervisionDeduction: 3,
      score: 71.67,
      insufficient: false,
      rank: 1,
    });
  });

  it("ranks the streets by score and leaves the streets with too little data unranked, their rates null", async () => {
    const rows = await rowsOf("supervisor", "level=street&period=2026-11");
    expect(rows).toHaveLength(8);
    // S2's two orders are perfect, but 2 due orders and 2 visits are below the sample of 3: 数据不足, not first.
    expect(rows.slice(0, 2).map((r) => [r.key, r.score, r.rank, r.insufficient])).toEqual([
      [f.S1, 71.67, 1, false],
      [f.S2, null, null, true],
    ]);
    const s2 = rows[1];
    expect(s2).toMatchObject({
      dispatched: 2,
      responseRate: 100,
      onTimeRate: 100,
      closeRate: 100,
      resolutionRate: 100,
      satisfactionRate: 90,
      reopenRate: 0,
      returnRate: 0,
      avgHandlingHours: 120,
    });
    for (const empty of rows.slice(2)) {
      expect(empty).toMatchObject({
        dispatched: 0,
        due: 0,
        rated: 0,
        responseRate: null,
        onTimeRate: null,
        closeRate: null,
        resolutionRate: null,
        satisfactionRate: null,
        reopenRate: null,
        returnRate: null,
        avgHandlingHours: null,
        score: null,
        insufficient: true,
        rank: null,
      });
    }
  });

  it("computes the district as the sum of everything", async () => {
    const [district] = await rowsOf("admin", "level=district&period=2026-11");
    expect(district).toMatchObject({
      key: "610103",
      dispatched: 9,
      responded: 8,
      responseRate: 88.89,
      due: 10,
      onTimeRate: 80,
      closeRate: 60,
      rated: 7,
      resolutionRate: 78.57, // (5 + 0.5) / 7
      satisfactionRate: 80, // (4 + 2 × 0.8) / 7
      reopenRate: 14.29,
      returnRate: 11.11,
      supervisionCount: 3,
      avgHandlingHours: 184, // (1416 + 240) / 9
      score: 77.39, // 88.889 × 10% + 80 × 20% + 78.571 × 35% + 80 × 35% − 3
      rank: 1,
    });
  });

  it("ranks the communities of a street", async () => {
    const rows = await rowsOf("street-dispatcher", "level=community&period=2026-11");
    expect(rows[0]).toMatchObject({
      key: f.C1,
      dispatched: 4,
      responseRate: 75,
      onTimeRate: 80,
      closeRate: 80,
      resolutionRate: 87.5,
      satisfactionRate: 95,
      supervisionCount: 1,
      avgHandlingHours: 158.4,
      score: 86.38, // 75 × 10% + 80 × 20% + 87.5 × 35% + 95 × 35% − 1
      rank: 1,
    });
    expect(rows[1]).toMatchObject({
      key: f.C2,
      dispatched: 3,
      responseRate: 100,
      onTimeRate: 66.67,
      closeRate: 0,
      resolutionRate: 0,
      satisfactionRate: 0,
      reopenRate: 100,
      returnRate: 25,
      supervisionCount: 2,
      avgHandlingHours: 312,
      // One return visit: 数据不足 (it scored 10 on that one visit before).
      score: null,
      insufficient: true,
      rank: null,
    });
  });

  it("attributes orders to their main unit and events to the unit they name", async () => {
    const rows = await rowsOf("admin", "level=unit&period=2026-11");
    expect(rows.map((r) => [r.key, r.rank])).toEqual([
      [String(f.units.rsj), 1],
      [String(f.units.zjj), null],
    ]);
    expect(rows[0]).toMatchObject({
      name: "碑林区人力资源和社会保障局",
      dispatched: 6,
      responseRate: 100,
      due: 7,
      onTimeRate: 71.43,
      closeRate: 71.43,
      rated: 5,
      resolutionRate: 90,
      satisfactionRate: 92,
      returnRate: 14.29,
      reopenRate: 0,
      supervisionCount: 3,
      avgHandlingHours: 140,
      score: 84.99, // 100 × 10% + 71.43 × 20% + 90 × 35% + 92 × 35% − 3
    });
    // o5 is zjj's now and was signed in time after the redispatch; rsj's return is charged to rsj. o9's 重办 names no unit: its main unit's.
    expect(rows[1]).toMatchObject({
      name: "碑林区住房和城乡建设局",
      dispatched: 2,
      responded: 1,
      responseRate: 50,
      onTimeRate: 100,
      closeRate: 0,
      rated: 1,
      reopenRate: 100,
      returnRate: 0,
      avgHandlingHours: 408,
      score: null,
      insufficient: true,
    });
  });

  it("counts a day, a quarter and a year by China-time bounds", async () => {
    const day = await rowsOf("admin", "level=district&period=2026-11-01");
    // o6 was solved on the spot at 07:00 on 11-01 China time (10-31 23:00 UTC).
    expect(day[0]).toMatchObject({ dispatched: 1, responded: 1, due: 0, onTimeRate: null });
    const quarter = await rowsOf("admin", "level=district&period=2026-Q4");
    expect(quarter[0]).toMatchObject({ dispatched: 12 });
    const year = await rowsOf("admin", "level=district&period=2026");
    expect(year[0]).toMatchObject({ dispatched: 12, rated: 7 });
  });

  it("answers a period without any data with null rates, not 0 or 100", async () => {
    const [district] = await rowsOf("admin", "level=district&period=2025-06");
    expect(district).toMatchObject({
      dispatched: 0,
      responseRate: null,
      onTimeRate: null,
      closeRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      score: null,
      rank: null,
    });
    expect(await rowsOf("admin", "level=unit&period=2025-06")).toEqual([]);
  });

  it("refuses a malformed period", async () => {
    expect((await assessment("admin", "level=street&period=2026-13")).statusCode).toBe(400);
  });
});

describe("jurisdiction", () => {
  it("shows a street's dispatcher its own street and its communities only", async () => {
    expect((await rowsOf("street-dispatcher", "level=street&period=2026-11")).map((r) => r.key)).toEqual([
      f.S1,
    ]);
    const communities = await rowsOf("street-dispatcher", "level=community&period=2026-11");
    expect(communities.length).toBeGreaterThan(2);
    expect(communities.every((r) => String(r.key).startsWith(f.S1))).toBe(true);
    expect(communities.map((r) => r.key)).not.toContain(f.C3);
  });

  it("assesses units on the orders inside the jurisdiction only", async () => {
    const rows = await rowsOf("street-dispatcher", "level=unit&period=2026-11");
    // rsj's p1 and p2 lie in S2: only o1 o2 o4 o7 count here.
    expect(rows.find((r) => r.key === String(f.units.rsj))).toMatchObject({ dispatched: 4 });
  });

  it("refuses levels above the jurisdiction and regions outside it", async () => {
    expect((await assessment("street-dispatcher", "level=district&period=2026-11")).json().code).toBe(
      "OUTSIDE_SCOPE",
    );
    expect(
      (await assessment("street-dispatcher", `level=community&period=2026-11&region=${f.S2}`)).statusCode,
    ).toBe(403);
    expect((await assessment("leader", "level=street&period=2026-11")).statusCode).toBe(403);
    expect((await rowsOf("leader", "level=community&period=2026-11")).map((r) => r.key)).toEqual([f.C1]);
  });

  it("lets a district supervisor narrow to one street", async () => {
    const rows = await rowsOf("supervisor", `level=community&period=2026-11&region=${f.S2}`);
    expect(rows.every((r) => String(r.key).startsWith(f.S2))).toBe(true);
    expect(rows.find((r) => r.key === f.C3)).toMatchObject({ dispatched: 2, rank: null, insufficient: true });
  });

  it("is closed to roles without assessment.read", async () => {
    expect((await assessment("rsj-handler", "level=unit")).statusCode).toBe(403);
    expect((await assessment("resident", "level=unit")).statusCode).toBe(403);
  });
});

describe("weights (settings)", () => {
  const body = {
    response: 20,
    onTime: 20,
    resolution: 30,
    satisfaction: 30,
    partialWeight: 0.5,
    basicWeight: 1,
    supervisionPenalty: 2,
    supervisionCap: 5,
    minSample: 2,
  };

  it("are editable by the admin only and must sum to 100", async () => {
    const put = async (user: string, payload: unknown) =>
      t.app.inject({
        method: "PUT",
        url: "/api/assessment/settings",
        headers: { cookie: await t.login(user) },
        payload: payload as object,
      });
    expect((await put("supervisor", body)).statusCode).toBe(403);
    const wrongSum = await put("admin", { ...body, response: 30 });
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.json().message).toContain("must be 100");
    expect((await put("admin", body)).json()).toEqual(body);
    const read = await t.app.inject({
      url: "/api/assessment/settings",
      headers: { cookie: await t.login("supervisor") },
    });
    expect(read.json()).toEqual(body);
  });

  it("change the score, the 基本满意 weight, the 督办 deduction and the sample", async () => {
    const response = await assessment("admin", "level=street&period=2026-11");
    expect(response.json().weights).toEqual(body);
    const [s2, s1] = response.json().rows;
    // A sample of 2 scores S2 now.
    expect([s2.key, s2.satisfactionRate, s2.score, s2.rank]).toEqual([f.S2, 100, 100, 1]);
    // S1: satisfaction (3 + 1 × 1) / 5 = 80; 85.714 × 20% + 75 × 20% + 70 × 30% + 80 × 30% − min(3 × 2, 5)
    expect([s1.key, s1.satisfactionRate, s1.supervisionDeduction, s1.score]).toEqual([f.S1, 80, 5, 72.14]);
  });
});

/**
 * September 2025, a month with missing data: in C1, rsj's four orders were all replied, two of them
 * late (按期办结率 50%), all visited solved and satisfied, and two were urged (督办); in C2, zjj signed
 * its four orders in time but replied none and no return visit is done yet.
 */
async function loadSeptember() {
  const sep = (day: number, time: string) => chinaDateTime(`2025-09-${String(day).padStart(2, "0")}`, time);
  const gridOf = async (community: string) =>
    (
      await t.ctx.db
        .selectFrom("regions")
        .select("code")
        .where("parent_code", "=", community)
        .orderBy("code")
        .executeTakeFirstOrThrow()
    ).code;
  const plan = [
    ...[1, 2, 3, 4].map((n) => ({ n, place: f.C1, unit: f.units.rsj, late: n > 2, visited: true })),
    ...[5, 6, 7, 8].map((n) => ({ n, place: f.C2, unit: f.units.zjj, late: false, visited: false })),
  ];
  for (const o of plan) {
    const grid = await gridOf(o.place);
    const replied = o.visited ? sep(o.n + (o.late ? 12 : 5), "09:00") : null;
    const { id } = await t.ctx.db
      .insertInto("orders")
      .values({
        order_no: `SEP-${o.n}`,
        channel: "12345",
        channel_fields: "{}",
        demand_type: "complaint",
        category_code: "0501",
        urgent: false,
        ledger: "general",
        title: `九月样例 ${o.n}`,
        content: `九月样例工单 ${o.n}`,
        region_code: grid,
        grid_code: grid,
        community_code: o.place,
        street_code: o.place.slice(0, 9),
        confidential: false,
        state: o.visited ? "closed" : "handling",
        handling_level: "district",
        holder_region_code: "610103",
        main_unit_id: o.unit,
        solved_on_spot: false,
        disposition: o.visited ? "solved" : null,
        reply_text: o.visited ? "已处理" : null,
        created_at: sep(o.n, "08:30"),
        dispatched_at: sep(o.n, "09:00"),
        response_due_at: sep(o.n, "11:00"),
        signed_at: sep(o.n, "10:00"),
        handling_due_at: sep(o.n + 8, "18:00"),
        replied_at: replied,
        closed_at: o.visited ? sep(o.n + 14, "10:00") : null,
        reopen_count: 0,
        return_count: 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const events = [{ action: "dispatch", at: sep(o.n, "09:00") }];
    if (o.late) events.push({ action: "urge", at: sep(o.n + 9, "10:00") });
    await t.ctx.db
      .insertInto("order_events")
      .values(
        events.map((e) => ({
          order_id: id,
          action: e.action,
          from_state: null,
          to_state: null,
          actor_id: null,
          actor_role: "system",
          unit_id: o.unit,
          data: "{}",
          at: e.at,
        })),
      )
      .execute();
    if (o.visited)
      await t.ctx.db
        .insertInto("visits")
        .values({
          order_id: id,
          round: 1,
          token_hash: `sep-${o.n}`,
          state: "done",
          solved: "solved",
          satisfied: "satisfied",
          visited_at: sep(o.n + 15, "09:00"),
        })
        .execute();
  }
}

describe("a month with missing data (September 2025)", () => {
  beforeAll(async () => {
    await t.app.inject({
      method: "PUT",
      url: "/api/assessment/settings",
      headers: { cookie: await t.login("admin") },
      payload: {
        response: 10,
        onTime: 20,
        resolution: 35,
        satisfaction: 35,
        partialWeight: 0.5,
        basicWeight: 0.8,
        supervisionPenalty: 1,
        supervisionCap: 10,
        minSample: 3,
      },
    });
    await loadSeptember();
  });

  it("scores a community with 50% 按期办结率 and 2 督办 88, not 100", async () => {
    const rows = await rowsOf("street-dispatcher", "level=community&period=2025-09");
    // 100 × 10% + 50 × 20% + 100 × 35% + 100 × 35% − 2 × 1
    expect(rows[0]).toMatchObject({
      key: f.C1,
      responseRate: 100,
      onTimeRate: 50,
      resolutionRate: 100,
      satisfactionRate: 100,
      supervisionCount: 2,
      supervisionDeduction: 2,
      score: 88,
      rank: 1,
      insufficient: false,
    });
  });

  it("shows 数据不足 for a unit with no return visits yet instead of ranking it first on 响应率", async () => {
    const rows = await rowsOf("supervisor", "level=unit&period=2025-09");
    expect(rows.map((r) => [r.key, r.rank, r.score, r.insufficient])).toEqual([
      [String(f.units.rsj), 1, 88, false],
      [String(f.units.zjj), null, null, true],
    ]);
    expect(rows[1]).toMatchObject({
      responseRate: 100,
      closeRate: 0,
      resolutionRate: null,
      satisfactionRate: null,
    });
    const c2 = (await rowsOf("supervisor", "level=community&period=2025-09")).find((r) => r.key === f.C2);
    expect(c2).toMatchObject({ onTimeRate: 0, score: null, rank: null, insufficient: true });
  });

  it("replaces weights saved before 按期办结率 and 督办 counted with the defaults", async () => {
    await t.ctx.db
      .updateTable("settings")
      .set({ value: JSON.stringify({ response: 10, resolution: 45, satisfaction: 45 }) })
      .where("key", "=", "assessment.weights")
      .execute();
    const read = await t.app.inject({
      url: "/api/assessment/settings",
      headers: { cookie: await t.login("supervisor") },
    });
    expect(read.json()).toMatchObject({ response: 10, onTime: 20, resolution: 35, satisfaction: 35 });
  });
});
