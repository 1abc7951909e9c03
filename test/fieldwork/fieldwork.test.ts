import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../src/platform/calendar/china-time.js";
import { seedDemoFieldwork } from "../../src/seed/fieldwork/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { regionOf } from "../helpers/orders.js";

let t: TestApp;
let today: string;
/** The `leader` account's linked community (the first community of 南院门街道) and the gridworker's grid. */
let community: string;
let grid: string;

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoFieldwork(t.ctx.db)).toBeGreaterThan(0);
  expect(await seedDemoFieldwork(t.ctx.db)).toBe(0);
  today = chinaDate(new Date());
  community = await regionOf(t, "leader");
  grid = await regionOf(t, "gridworker");
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const response = await t.app.inject({ method, url, payload, headers: { cookie: await t.login(user) } });
  return { status: response.statusCode, body: response.json() };
}

const count = async (query: string) =>
  (await sql<{ n: number }>`${sql.raw(query)}`.execute(t.ctx.db)).rows[0].n;

const DEMAND = { content: "小区东门路灯损坏一个多月，夜间出行不便，请尽快维修" };

describe("the demo field work reproduces the source's counts", () => {
  it("has 98 linked leaders, each in one community and working there one day a month on the topic", async () => {
    expect(
      await count(`SELECT count(DISTINCT l.user_id)::int AS n FROM field_links l JOIN users u ON u.id = l.user_id
        WHERE l.kind = 'leader_community' AND l.active AND u.role = 'leader' AND u.region_code = l.region_code`),
    ).toBe(98);
    expect(
      await count(
        "SELECT count(DISTINCT region_code)::int AS n FROM field_links WHERE kind = 'leader_community'",
      ),
    ).toBe(98);
    expect(await count("SELECT count(*)::int AS n FROM work_days")).toBe(98 * 12);
    expect(await count("SELECT sum(cases_coordinated)::int AS n FROM work_days")).toBe(365);
    expect(await count("SELECT sum(problems_solved)::int AS n FROM work_days")).toBeGreaterThanOrEqual(2600);
    expect(await count("SELECT count(*)::int AS n FROM work_days WHERE topic_id IS NULL")).toBe(0);
    // Every work day and diary entry is the 走访清单 line of the same visitor, place and day.
    expect(
      await count(`SELECT count(*)::int AS n FROM work_days w JOIN field_visits f ON f.id = w.field_visit_id
        WHERE f.visitor_id <> w.leader_id OR f.region_code <> w.region_code OR f.visited_on <> w.worked_on`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM work_days WHERE worked_on > '${today}'`)).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM diary_entries d JOIN users u ON u.id = d.author_id
        WHERE d.region_code NOT LIKE u.region_code || '%'`),
    ).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM visit_campaign_targets")).toBe(383);
  });
});

describe("社区工作日: a leader records a day in the linked community and raises what was found", () => {
  it("records the day, raises a demand linked to it, and shows both on the community page and the 走访清单", async () => {
    const topic = await call("supervisor", "PUT", `/api/fieldwork/topics/${today.slice(0, 7)}`, {
      title: "背街小巷照明",
    });
    expect(topic.status).toBe(200);
    const day = await call("leader", "POST", "/api/fieldwork/work-days", {
      workedOn: today,
      places: "东门小区、社区服务站",
      people: "社区书记、楼栋长",
      peopleMet: 6,
      problems: "东门路灯损坏",
      casesCoordinated: 1,
    });
    expect(day.status, JSON.stringify(day.body)).toBe(201);
    const demand = await call("leader", "POST", `/api/fieldwork/work-days/${day.body.id}/demands`, DEMAND);
    expect(demand.status, JSON.stringify(demand.body)).toBe(201);
    const order = await t.ctx.db
      .selectFrom("orders")
      .select(["channel", "community_code"])
      .where("id", "=", demand.body.orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ channel: "field_inspection", community_code: community });
    const page = await call("leader", "GET", "/api/fieldwork/community");
    expect(page.status).toBe(200);
    expect(page.body.community.code).toBe(community);
    expect(page.body.topic.title).toBe("背街小巷照明");
    expect(page.body.open.items.map((o: { id: string }) => o.id)).toContain(demand.body.orderId);
    const recorded = page.body.workDays.find((w: { id: string }) => w.id === day.body.id);
    expect(recorded.topic).toBe("背街小巷照明");
    expect(recorded.orders.map((o: { id: string }) => o.id)).toEqual([demand.body.orderId]);
    const list = await call("leader", "GET", `/api/lists/visits?period=${today.slice(0, 7)}&pageSize=200`);
    expect(list.body.items.some((v: { summary: string }) => v.summary.includes("东门小区"))).toBe(true);
    // The 走访清单 says it was a work day by a code the reader's language renders, not a prefix in the text.
    const visit = list.body.items.find((v: { summary: string }) => v.summary.includes("东门小区"));
    expect(visit).toMatchObject({ source: "work_day" });
    expect(visit.summary).not.toMatch(/社区工作日/);
    // Counted per leader in assessment: the supervisor sees all 98, the leader only their own row.
    const month = today.slice(0, 7);
    const all = await call("supervisor", "GET", `/api/assessment/leaders?period=${month}`);
    expect(all.body.rows).toHaveLength(98);
    const own = await call("leader", "GET", `/api/assessment/leaders?period=${month}`);
    expect(own.body.rows).toHaveLength(1);
    expect(own.body.rows[0]).toMatchObject({ communityCode: community, demandsRaised: 1, demandsClosed: 0 });
    const seeded = await count(`SELECT count(*)::int AS n FROM work_days w JOIN users u ON u.id = w.leader_id
      WHERE u.username = 'leader' AND to_char(w.worked_on, 'YYYY-MM') = '${month}'`);
    expect(own.body.rows[0].workDays).toBe(seeded);
  });

  it("denies what is not the leader's: another community's page, another leader's day, and others recording days", async () => {
    const other = await t.ctx.db
      .selectFrom("field_links")
      .select("region_code")
      .where("region_code", "<>", community)
      .executeTakeFirstOrThrow();
    expect((await call("leader", "GET", `/api/fieldwork/community?code=${other.region_code}`)).status).toBe(
      404,
    );
    const theirs = await t.ctx.db
      .selectFrom("work_days as w")
      .innerJoin("users as u", "u.id", "w.leader_id")
      .select("w.id")
      .where("u.username", "=", "leader-002")
      .executeTakeFirstOrThrow();
    const raised = await call("leader", "POST", `/api/fieldwork/work-days/${theirs.id}/demands`, DEMAND);
    expect(raised.status).toBe(404);
    const body = { workedOn: today, places: "某处", people: "某人" };
    expect((await call("gridworker", "POST", "/api/fieldwork/work-days", body)).status).toBe(403);
    expect(
      (await call("leader", "POST", "/api/fieldwork/work-days", { ...body, workedOn: "2099-01-01" })).status,
    ).toBe(400);
    expect(
      (await call("leader", "PUT", `/api/fieldwork/topics/${today.slice(0, 7)}`, { title: "x" })).status,
    ).toBe(403);
    expect((await call("leader", "GET", "/api/fieldwork/diary?region=610103")).status).toBe(403);
  });
});

describe("民情日记 and 大走访: a grid worker writes in their grid and raises a demand in one step", () => {
  it("writes an entry counted in the campaign, raises a demand once, and lists the visit", async () => {
    const campaign = (await call("gridworker", "GET", "/api/fieldwork/campaigns")).body.items[0];
    const before = campaign.grids.find((g: { gridCode: string }) => g.gridCode === grid).done.households;
    const entry = await call("gridworker", "POST", "/api/fieldwork/diary", {
      writtenOn: today,
      household: "书院门小区3号楼2单元501",
      heard: "楼道灯坏了一个多月",
      mood: "worried",
      followUp: "三天后回访",
      campaignId: campaign.id,
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const after = (await call("gridworker", "GET", `/api/fieldwork/campaigns/${campaign.id}`)).body;
    expect(after.grids.find((g: { gridCode: string }) => g.gridCode === grid).done.households).toBe(
      before + 1,
    );
    const demand = await call("gridworker", "POST", `/api/fieldwork/diary/${entry.body.id}/demand`, DEMAND);
    expect(demand.status, JSON.stringify(demand.body)).toBe(201);
    const order = await t.ctx.db
      .selectFrom("orders")
      .select(["channel", "grid_code", "channel_fields"])
      .where("id", "=", demand.body.orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ channel: "household_visit", grid_code: grid });
    expect(order.channel_fields).toMatchObject({ household: "书院门小区3号楼2单元501", visitedOn: today });
    expect(
      (await call("gridworker", "POST", `/api/fieldwork/diary/${entry.body.id}/demand`, DEMAND)).status,
    ).toBe(409);
    const mine = (await call("gridworker", "GET", "/api/fieldwork/diary?mine=true")).body.items[0];
    expect(mine.order.orderNo).toBe(demand.body.orderNo);
    const list = await call(
      "community-staff",
      "GET",
      `/api/lists/visits?period=${today.slice(0, 7)}&pageSize=200`,
    );
    expect(
      list.body.items.some((v: { summary: string }) => v.summary.includes("书院门小区3号楼2单元501")),
    ).toBe(true);
    const visit = list.body.items.find((v: { summary: string }) =>
      v.summary.includes("书院门小区3号楼2单元501"),
    );
    expect(visit).toMatchObject({ source: "diary" });
    expect(visit.summary).not.toMatch(/民情日记/);
  });

  it("keeps a grid worker to their grid: no entry elsewhere, no demand from another grid's entry", async () => {
    const elsewhere = await t.ctx.db
      .selectFrom("diary_entries")
      .select(["id", "region_code"])
      .where("region_code", "not like", `${grid.slice(0, 9)}%`)
      .executeTakeFirstOrThrow();
    const body = { writtenOn: today, household: "某户", heard: "某事", mood: "neutral" };
    const written = await call("gridworker", "POST", "/api/fieldwork/diary", {
      ...body,
      regionCode: elsewhere.region_code,
    });
    expect(written.status).toBe(403);
    expect(
      (await call("gridworker", "POST", `/api/fieldwork/diary/${elsewhere.id}/demand`, DEMAND)).status,
    ).toBe(404);
    expect(
      (await call("gridworker", "GET", `/api/fieldwork/diary?region=${elsewhere.region_code}`)).status,
    ).toBe(403);
    expect((await call("cgj-handler", "POST", "/api/fieldwork/diary", body)).status).toBe(403);
    expect(await count(`SELECT count(*)::int AS n FROM diary_entries WHERE household = '某户'`)).toBe(0);
  });
});
