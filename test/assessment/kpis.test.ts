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
      // 85.714 × 10% + 70 × 45% + 76 × 45%
      score: 74.27,
      rank: 2,
    });
  });

  it("ranks the streets by score and leaves the streets without data unranked, their rates null", async () => {
    const rows = await rowsOf("supervisor", "level=street&period=2026-11");
    expect(rows).toHaveLength(8);
    expect(rows.slice(0, 2).map((r) => [r.key, r.score, r.rank])).toEqual([
      [f.S2, 95.5, 1], // 100 × 10% + 100 × 45% + (1 + 0.8) / 2 × 45%
      [f.S1, 74.27, 2],
    ]);
    const s2 = rows[0];
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
      score: 80.25,
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
      score: 89.63,
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
      score: 10,
      rank: 2,
    });
  });

  it("attributes orders to their main unit and events to the unit they name", async () => {
    const rows = await rowsOf("admin", "level=unit&period=2026-11");
    expect(rows.map((r) => [r.key, r.rank])).toEqual([
      [String(f.units.rsj), 1],
      [String(f.units.zjj), 2],
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
      score: 91.9,
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
      score: 5,
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
    expect(rows.find((r) => r.key === f.C3)).toMatchObject({ dispatched: 2, rank: 1 });
  });

  it("is closed to roles without assessment.read", async () => {
    expect((await assessment("rsj-handler", "level=unit")).statusCode).toBe(403);
    expect((await assessment("resident", "level=unit")).statusCode).toBe(403);
  });
});

describe("weights (settings)", () => {
  const body = { response: 20, resolution: 40, satisfaction: 40, partialWeight: 0.5, basicWeight: 1 };

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

  it("change the score and the 基本满意 weight in the rates", async () => {
    const response = await assessment("admin", "level=street&period=2026-11");
    expect(response.json().weights).toEqual(body);
    const [s2, s1] = response.json().rows;
    expect([s2.key, s2.satisfactionRate, s2.score]).toEqual([f.S2, 100, 100]);
    // S1: satisfaction (3 + 1 × 1) / 5 = 80; score 85.714 × 20% + 70 × 40% + 80 × 40%
    expect([s1.key, s1.satisfactionRate, s1.score]).toEqual([f.S1, 80, 77.14]);
  });
});
