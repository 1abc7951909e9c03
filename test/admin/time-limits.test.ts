import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIME_LIMIT_RULES, type TimeLimitRule } from "../../src/modules/time-limits/rules.js";
import { endOfChinaDay } from "../../src/platform/calendar/china-time.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.login(user) }, payload });
}

const gasRule: TimeLimitRule = {
  categoryPrefix: "0201",
  type: null,
  urgent: false,
  responseMinutes: 60,
  handling: { unit: "working_days", amount: 3 },
};
const gasHelp = { categoryCode: "020101", type: "help", urgent: false } as const;

describe("GET /api/time-limits: every staff role reads the rules", () => {
  it("lists the default rules in table order", async () => {
    const response = await call("operator", "GET", "/api/time-limits");
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual(DEFAULT_TIME_LIMIT_RULES);
  });

  it("is refused to a resident (403)", async () => {
    expect((await call("resident", "GET", "/api/time-limits")).statusCode).toBe(403);
  });
});

describe("PUT /api/time-limits replaces the whole table", () => {
  it("stores the new table and the next deadline follows it without a restart", async () => {
    expect(t.ctx.timeLimits.ruleFor(gasHelp).handling.amount).toBe(5);
    const response = await call("admin", "PUT", "/api/time-limits", {
      rules: [...DEFAULT_TIME_LIMIT_RULES, gasRule],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(DEFAULT_TIME_LIMIT_RULES.length + 1);
    expect(t.ctx.timeLimits.ruleFor(gasHelp)).toEqual(gasRule);
    // Dispatched Friday 2026-11-27: 3 working days → Wednesday 12-02, not the 5-day Friday 12-04.
    const { handlingDueAt } = t.ctx.timeLimits.deadlinesFor(gasHelp, new Date("2026-11-27T10:00:00+08:00"));
    expect(handlingDueAt).toEqual(endOfChinaDay("2026-12-02"));
  });

  const withoutUrgent = DEFAULT_TIME_LIMIT_RULES.filter((r) => !r.urgent);
  const withoutComplaint = DEFAULT_TIME_LIMIT_RULES.filter((r) => r.type !== "complaint");
  it.each([
    [
      "fractional working days",
      [...DEFAULT_TIME_LIMIT_RULES, { ...gasRule, handling: { unit: "working_days", amount: 1.5 } }],
      7,
      /working_days amount/,
    ],
    [
      "zero response minutes (the column needs ≥ 1)",
      [...DEFAULT_TIME_LIMIT_RULES, { ...gasRule, responseMinutes: 0 }],
      7,
      /responseMinutes/,
    ],
    [
      "an unknown category prefix",
      [...DEFAULT_TIME_LIMIT_RULES, { ...gasRule, categoryPrefix: "0288" }],
      7,
      /unknown category 0288/,
    ],
    [
      "a duplicate of an earlier rule",
      [...DEFAULT_TIME_LIMIT_RULES, gasRule, gasRule],
      8,
      /duplicates rule 7/,
    ],
    [
      "no urgent rule",
      withoutUrgent,
      null,
      /no urgent rule .* covers consult, help, complaint, report, suggestion, praise/,
    ],
    ["a demand type without a catch-all", withoutComplaint, null, /no non-urgent rule .* covers complaint/],
  ])("refuses %s with VALIDATION_FAILED and keeps the table", async (_, rules, index, problem) => {
    const before = t.ctx.timeLimits;
    const response = await call("admin", "PUT", "/api/time-limits", { rules });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(problem),
    });
    expect(response.json().details).toContainEqual({ index, problem: expect.stringMatching(problem) });
    expect(t.ctx.timeLimits).toBe(before);
    expect((await call("admin", "GET", "/api/time-limits")).json().items).toContainEqual(gasRule);
  });

  it("refuses a malformed rule by schema", async () => {
    const response = await call("admin", "PUT", "/api/time-limits", {
      rules: [{ ...gasRule, type: "gossip" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("is refused to a dispatcher (403)", async () => {
    expect(
      (await call("district-dispatcher", "PUT", "/api/time-limits", { rules: DEFAULT_TIME_LIMIT_RULES }))
        .statusCode,
    ).toBe(403);
  });
});

describe("holidays (节假日)", () => {
  // 表扬 praise: 2 working days. Dispatched on 2026-12-31 (Thursday).
  const praise = { categoryCode: null, type: "praise", urgent: false } as const;
  const dueOfPraise = () =>
    t.ctx.timeLimits.deadlinesFor(praise, new Date("2026-12-31T10:00:00+08:00")).handlingDueAt;

  it("lists a year's official days with their source, and the years the official data covers", async () => {
    const response = await call("community-staff", "GET", "/api/holidays?year=2026");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.year).toBe(2026);
    expect(body.officialYears).toContain(2026);
    expect(body.officialYears).not.toContain(2027);
    expect(body.items).toContainEqual({
      day: "2026-10-01",
      kind: "holiday",
      name: "国庆节",
      source: "official",
    });
    expect(body.items).toContainEqual({
      day: "2026-10-10",
      kind: "workday",
      name: "国庆节",
      source: "official",
    });
  });

  it("adding 元旦 2027 moves a deadline computed through ctx.timeLimits by a day", async () => {
    // Without 2027 data: 1 = Friday 2027-01-01, 2 = Monday 01-04.
    expect(dueOfPraise()).toEqual(endOfChinaDay("2027-01-04"));
    const response = await call("admin", "POST", "/api/holidays", {
      day: "2027-01-01",
      kind: "holiday",
      name: "元旦",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ day: "2027-01-01", kind: "holiday", name: "元旦", source: "admin" });
    expect(dueOfPraise()).toEqual(endOfChinaDay("2027-01-05"));
    const listed = (await call("admin", "GET", "/api/holidays?year=2027")).json().items;
    expect(listed).toEqual([{ day: "2027-01-01", kind: "holiday", name: "元旦", source: "admin" }]);
  });

  it("upserts: the same day again replaces kind and name", async () => {
    await call("admin", "POST", "/api/holidays", {
      day: "2027-01-01",
      kind: "workday",
      name: "元旦调休上班",
    });
    const listed = (await call("admin", "GET", "/api/holidays?year=2027")).json().items;
    expect(listed).toEqual([{ day: "2027-01-01", kind: "workday", name: "元旦调休上班", source: "admin" }]);
    expect(dueOfPraise()).toEqual(endOfChinaDay("2027-01-04"));
  });

  it("an admin row overrides the official entry of its day in the list", async () => {
    await call("admin", "POST", "/api/holidays", { day: "2026-10-10", kind: "holiday", name: "取消调休" });
    const items = (await call("admin", "GET", "/api/holidays?year=2026")).json().items;
    expect(items.filter((d: { day: string }) => d.day === "2026-10-10")).toEqual([
      { day: "2026-10-10", kind: "holiday", name: "取消调休", source: "admin" },
    ]);
  });

  it("deleting the admin row brings the calendar back", async () => {
    await call("admin", "POST", "/api/holidays", { day: "2027-01-01", kind: "holiday", name: "元旦" });
    expect(dueOfPraise()).toEqual(endOfChinaDay("2027-01-05"));
    const response = await call("admin", "DELETE", "/api/holidays/2027-01-01");
    expect(response.statusCode).toBe(204);
    expect(dueOfPraise()).toEqual(endOfChinaDay("2027-01-04"));
  });

  it.each([
    ["an impossible date", { day: "2027-02-30", kind: "holiday", name: "x" }, /day/],
    ["an unknown kind", { day: "2027-02-03", kind: "vacation", name: "x" }, /kind/],
    ["an empty name", { day: "2027-02-03", kind: "holiday", name: "" }, /name/],
  ])("refuses %s with VALIDATION_FAILED", async (_, body, message) => {
    const response = await call("admin", "POST", "/api/holidays", body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
  });

  it("answers 404 when deleting a day without an admin row", async () => {
    const response = await call("admin", "DELETE", "/api/holidays/2027-03-03");
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("NOT_FOUND");
  });

  it("is maintained by admins only (403) and read by staff only (403 for residents)", async () => {
    expect(
      (
        await call("supervisor", "POST", "/api/holidays", {
          day: "2027-01-01",
          kind: "holiday",
          name: "元旦",
        })
      ).statusCode,
    ).toBe(403);
    expect((await call("supervisor", "DELETE", "/api/holidays/2026-10-10")).statusCode).toBe(403);
    expect((await call("resident", "GET", "/api/holidays?year=2026")).statusCode).toBe(403);
  });
});
