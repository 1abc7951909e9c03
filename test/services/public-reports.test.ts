import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cn, type Fixture, loadFixture } from "../assessment/fixture.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/**
 * What the district publishes beside its key projects, with no sign-in: the monthly 三率 by street
 * (the assessment's own numbers, the November 2026 fixture) and 每月一题 with what came of it.
 */
let t: TestApp;
let f: Fixture;
const DISTRICT = "610103";
/** 路灯不亮 (level 3): the 共性问题 the September topic is chosen from. */
const PROBLEM = "020501";
const CALLER = { name: "欧阳明月", phone: "13912345678" };
const LEADERS_MET = "社区书记司马青云";
let street = "";

const anonymous = (url: string) => t.app.inject({ method: "GET", url });

/** A demand of the problem registered at `at` (China time, 2026) in the grid worker's grid. */
async function demandAt(at: string, grid: string): Promise<string> {
  t.setNow(cn(at));
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `PR-${at.replace(/\D/g, "")}` },
    content: "胡同口路灯不亮已经一周，晚上走路很危险",
    categoryCode: PROBLEM,
    type: "help",
    location: await pointInGrid(t, grid),
    caller: CALLER,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await loadFixture(t);
  const grid = await regionOf(t, "gridworker");
  street = grid.slice(0, 9);
  // August (the month before the topic): two demands, one closed; September: one; October: one,
  // closed; one more in September that was rejected, and one in another street: neither counts.
  const ids = {
    aug1: await demandAt("08-10 10:00", grid),
    aug2: await demandAt("08-20 10:00", grid),
    sep1: await demandAt("09-10 10:00", grid),
    sepRejected: await demandAt("09-15 10:00", grid),
    oct1: await demandAt("10-05 10:00", grid),
  };
  await t.ctx.db
    .updateTable("orders")
    .set({ state: "closed" })
    .where("id", "in", [ids.aug1, ids.oct1])
    .execute();
  await t.ctx.db.updateTable("orders").set({ state: "rejected" }).where("id", "=", ids.sepRejected).execute();
  const elsewhere = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "grid")
    .where("code", "not like", `${street}%`)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  await demandAt("09-12 10:00", elsewhere.code);
  t.setNow(cn("12-01 12:00"));

  const warning = await t.ctx.db
    .insertInto("warnings")
    .values({
      rule: "common_problem",
      dedupe_key: `common_problem:${PROBLEM}:2026-08`,
      region_code: street,
      category_code: PROBLEM,
      title: "共性问题「路灯不亮」：30天内 3 个社区 12 件",
      detail: JSON.stringify({
        count: 12,
        windowDays: 30,
        communities: [1, 2, 3].map((n) => ({ code: `${street}00${n}`, name: `社区${n}`, count: 4 })),
      }),
      order_ids: [ids.aug1, ids.aug2],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const topics = await t.ctx.db
    .insertInto("monthly_topics")
    .values([
      { region_code: DISTRICT, month: "2026-09", title: "路灯照亮回家路", warning_id: warning.id },
      { region_code: DISTRICT, month: "2026-11", title: "冬季供暖保障", warning_id: null },
      // Set ahead for January: not published before its month.
      { region_code: DISTRICT, month: "2027-01", title: "春节前欠薪清零", warning_id: null },
    ])
    .returning(["id", "month"])
    .execute();
  const september = topics.find((x) => x.month === "2026-09")?.id ?? 0;
  const leaders = await t.ctx.db
    .selectFrom("users")
    .select("id")
    .where("username", "in", ["leader", "supervisor"])
    .execute();
  for (const [n, leader] of leaders.entries()) {
    const visit = await t.ctx.db
      .insertInto("field_visits")
      .values({
        visitor_id: leader.id,
        region_code: f.C1,
        visited_on: `2026-09-1${n}`,
        households: 5,
        summary: "路灯",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const day = await t.ctx.db
      .insertInto("work_days")
      .values({
        leader_id: leader.id,
        region_code: n === 0 ? f.C1 : f.C2,
        worked_on: `2026-09-1${n}`,
        topic_id: september,
        places: "背街小巷",
        people: LEADERS_MET,
        problems: "路灯不亮",
        cases_coordinated: 2,
        problems_solved: 3 + n,
        field_visit_id: visit.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (n === 0)
      await t.ctx.db
        .insertInto("work_day_orders")
        .values({ work_day_id: day.id, order_id: ids.sep1 })
        .execute();
  }
});
afterAll(() => t.close());

/** Nothing that names or reaches a person: no caller, phone, demand text, staff name or point. */
function expectNoPersonalData(body: string): void {
  for (const secret of [
    CALLER.name,
    CALLER.phone,
    "5678",
    "路灯不亮已经",
    LEADERS_MET,
    "背街小巷",
    '"lng"',
    '"lat"',
  ])
    expect(body).not.toContain(secret);
}

describe("the monthly 三率 by street", () => {
  it("shows each street's and the district's rates of the last ended month without sign-in", async () => {
    const response = await anonymous("/api/public/rates");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.month).toBe("2026-11");
    expect(body.months.slice(0, 2)).toEqual(["2026-11", "2026-10"]);
    expect(body.streets.find((s: { code: string }) => s.code === f.S1)).toEqual({
      code: f.S1,
      name: "南院门街道",
      // o1–o7 dispatched in November, o3 signed late; 5 visits (see the fixture's table).
      dispatched: 7,
      rated: 5,
      responseRate: 85.71,
      resolutionRate: 70, // (3 + 1 × 0.5) / 5
      satisfactionRate: 76, // (3 + 1 × 0.8) / 5
    });
    expect(body.streets.find((s: { code: string }) => s.code === f.S2)).toMatchObject({
      dispatched: 2,
      rated: 2,
      responseRate: 100,
      resolutionRate: 100,
      satisfactionRate: 90, // (1 + 1 × 0.8) / 2
    });
    // The district: 9 dispatched, 8 in time; 7 visits, 5 solved and 1 partly, 4 satisfied and 2 basically.
    expect(body.district).toEqual({
      code: DISTRICT,
      name: "碑林区",
      dispatched: 9,
      rated: 7,
      responseRate: 88.89,
      resolutionRate: 78.57,
      satisfactionRate: 80,
    });
    // Every street is listed, those without data with no rate rather than 0 or 100.
    const streets = await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "street")
      .execute();
    expect(body.streets).toHaveLength(streets.length);
    const quiet = body.streets.find(
      (s: { dispatched: number; rated: number }) => s.dispatched + s.rated === 0,
    );
    expect([quiet.responseRate, quiet.resolutionRate, quiet.satisfactionRate]).toEqual([null, null, null]);
  });

  it("gives the same rates as the 考核 table (one place computes them)", async () => {
    const cookie = await t.login("supervisor");
    const assessed = (
      await t.app.inject({ url: "/api/assessment?level=street&period=2026-11", headers: { cookie } })
    ).json();
    const published = (await anonymous("/api/public/rates?month=2026-11")).json();
    for (const row of assessed.rows) {
      const shown = published.streets.find((s: { code: string }) => s.code === row.key);
      expect([shown.responseRate, shown.resolutionRate, shown.satisfactionRate]).toEqual([
        row.responseRate,
        row.resolutionRate,
        row.satisfactionRate,
      ]);
    }
  });

  it("refuses a month that is malformed, still running or to come, with a code and a message", async () => {
    for (const month of ["2026-13", "2026-1", "november", "2026-12", "2027-01"]) {
      const response = await anonymous(`/api/public/rates?month=${month}`);
      expect(response.statusCode, month).toBe(400);
      expect(Object.keys(response.json()).sort()).toEqual(["code", "message"]);
      expect(response.json().code).toBe("VALIDATION_FAILED");
    }
    expect((await anonymous("/api/public/rates?street=610103001")).statusCode).toBe(400);
  });

  it("names no unit or person", async () => {
    const response = await anonymous("/api/public/rates?month=2026-11");
    expectNoPersonalData(response.body);
    for (const row of response.json().streets)
      expect(Object.keys(row).sort()).toEqual([
        "code",
        "dispatched",
        "name",
        "rated",
        "resolutionRate",
        "responseRate",
        "satisfactionRate",
      ]);
  });
});

describe("the monthly 三率, served from memory for ten minutes", () => {
  it("shows a late return visit of November once the month's rates are ten minutes old", async () => {
    const before = (await anonymous("/api/public/rates?month=2026-11")).json();
    const s2 = () => before.streets.find((s: { code: string }) => s.code === f.S2);
    expect(s2().rated).toBe(2);
    // p1 gets a second, unsatisfied visit dated in November, recorded late.
    await t.ctx.db
      .insertInto("visits")
      .values({
        order_id: f.ids.p1,
        round: 2,
        token_hash: "late-p1-2",
        state: "done",
        method: "phone",
        solved: "unsolved",
        satisfied: "unsatisfied",
        visited_at: cn("11-30 09:00"),
      })
      .execute();
    const soon = (await anonymous("/api/public/rates?month=2026-11")).json();
    expect(soon.streets.find((s: { code: string }) => s.code === f.S2).rated).toBe(2);
    t.setNow(cn("12-01 12:11"));
    const later = (await anonymous("/api/public/rates?month=2026-11")).json();
    expect(later.streets.find((s: { code: string }) => s.code === f.S2)).toMatchObject({
      rated: 3,
      resolutionRate: 66.67,
    });
    t.setNow(cn("12-01 12:00"));
  });
});

describe("每月一题", () => {
  it("lists the topics up to this month, newest first, without sign-in", async () => {
    const response = await anonymous("/api/public/topics");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((i: { month: string }) => i.month)).toEqual(["2026-11", "2026-09"]);
  });

  it("says which 共性问题 a topic came from and what came of it, in counts", async () => {
    const items = (await anonymous("/api/public/topics")).json().items;
    const september = items.find((i: { month: string }) => i.month === "2026-09");
    expect(september).toEqual({
      month: "2026-09",
      title: "路灯照亮回家路",
      origin: {
        category: { code: PROBLEM, name: expect.any(String), nameEn: expect.anything() },
        area: { code: street, name: expect.any(String), level: "street" },
        count: 12,
        communities: 3,
        windowDays: 30,
      },
      // Two leaders' days in two communities: 2 + 2 coordinated, 3 + 4 solved, 5 + 5 households met,
      // and the one demand the first day raised, not closed.
      work: {
        workDays: 2,
        leaders: 2,
        communities: 2,
        households: 10,
        casesCoordinated: 4,
        problemsSolved: 7,
        demandsRaised: 1,
        demandsClosed: 0,
      },
      // In the street only, rejected demands left out.
      demands: [
        { month: "2026-08", phase: "before", registered: 2, closed: 1 },
        { month: "2026-09", phase: "during", registered: 1, closed: 0 },
        { month: "2026-10", phase: "after", registered: 1, closed: 1 },
      ],
    });
    const november = items.find((i: { month: string }) => i.month === "2026-11");
    expect([november.origin, november.demands, november.work.workDays]).toEqual([null, [], 0]);
  });

  it("shows no caller, demand text, staff name or point", async () => {
    const response = await anonymous("/api/public/topics");
    expectNoPersonalData(response.body);
  });
});
