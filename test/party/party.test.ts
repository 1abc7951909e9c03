import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoParty } from "../../src/seed/party/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
/** community-staff's community (the first of 南院门街道), and another street's community. */
let own: string;
let other: string;

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoParty(t.ctx.db)).toBeGreaterThan(0);
  expect(await seedDemoParty(t.ctx.db)).toBe(0);
  const staff = await t.ctx.db
    .selectFrom("users")
    .select("region_code")
    .where("username", "=", "community-staff")
    .executeTakeFirstOrThrow();
  own = staff.region_code as string;
  const elsewhere = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "community")
    .where("code", "not like", `${own.slice(0, 9)}%`)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  other = elsewhere.code;
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  const response = await t.app.inject({ method, url, payload, headers: { cookie: await t.login(user) } });
  return { status: response.statusCode, body: response.json() };
}

const count = async (query: string) =>
  (await sql<{ n: number }>`${sql.raw(query)}`.execute(t.ctx.db)).rows[0].n;

describe("the demo party organisations and joint building reproduce the source's counts", () => {
  it("has 12 社区党委, a 网格党支部/党小组 in each of the 383 grids, 78 councils, 416 meetings, 137 projects, 122 solved", async () => {
    expect(await count("SELECT count(*)::int AS n FROM party_organisations WHERE kind = 'committee'")).toBe(
      12,
    );
    expect(await count("SELECT count(*)::int AS n FROM regions WHERE level = 'grid'")).toBe(383);
    expect(
      await count(`SELECT count(DISTINCT region_code)::int AS n FROM party_organisations
        WHERE kind IN ('grid_branch', 'grid_group') AND region_code IN (SELECT code FROM regions WHERE level = 'grid')`),
    ).toBe(383);
    expect(await count("SELECT count(*)::int AS n FROM joint_councils WHERE kind = 'council'")).toBe(78);
    expect(await count("SELECT count(*)::int AS n FROM joint_meetings")).toBe(416);
    expect(await count("SELECT count(*)::int AS n FROM joint_projects")).toBe(137);
    expect(await count("SELECT count(*)::int AS n FROM joint_projects WHERE state = 'solved'")).toBe(122);
    const { body } = await call("admin", "GET", "/api/joint/totals");
    expect(body.total).toMatchObject({ councils: 78, meetings: 416, projects: 137, solved: 122 });
    expect(body.total.alliances).toBe(1);
  });

  it("keeps every grid organisation under its own community's, and each project's steps ending in its state", async () => {
    expect(
      await count(`SELECT count(*)::int AS n FROM party_organisations g JOIN party_organisations c ON c.id = g.parent_id
        WHERE g.kind IN ('grid_branch', 'grid_group') AND g.region_code NOT LIKE c.region_code || '%'`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM joint_projects p WHERE p.state = 'solved'
        AND NOT EXISTS (SELECT 1 FROM joint_project_steps s WHERE s.project_id = p.id AND s.action = 'solve' AND s.on_date = p.closed_on)`),
    ).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM joint_projects WHERE closed_on < set_on")).toBe(0);
  });
});

describe("scope: a community's staff maintain only their community's organisations, members and meetings", () => {
  it("lets community staff add a grid branch and a member in their community, and no one else's", async () => {
    const grids = await t.ctx.db
      .selectFrom("regions")
      .select(["code", "parent_code"])
      .where("level", "=", "grid")
      .where("parent_code", "in", [own, other])
      .execute();
    const ownGrid = grids.find((g) => g.parent_code === own)?.code as string;
    const otherGrid = grids.find((g) => g.parent_code === other)?.code as string;
    const orgs = (
      await call("admin", "GET", "/api/party/organisations?kind=committee&kind=general_branch&kind=branch")
    ).body.items as { id: number; regionCode: string }[];
    const ownTop = orgs.find((o) => o.regionCode === own);
    const otherTop = orgs.find((o) => o.regionCode === other);
    if (!ownTop || !otherTop) throw new Error("demo organisations missing");

    const added = await call("community-staff", "POST", "/api/party/organisations", {
      kind: "grid_group",
      name: "测试网格第二党小组",
      regionCode: ownGrid,
      parentId: ownTop.id,
    });
    expect(added.status).toBe(201);
    expect(
      (
        await call("community-staff", "POST", `/api/party/organisations/${added.body.id}/members`, {
          name: "张三",
          duty: "secretary",
        })
      ).status,
    ).toBe(201);

    const before = await count("SELECT count(*)::int AS n FROM party_organisations");
    const membersBefore = await count("SELECT count(*)::int AS n FROM party_members");
    const denied = [
      await call("community-staff", "POST", "/api/party/organisations", {
        kind: "grid_group",
        name: "越权党小组",
        regionCode: otherGrid,
        parentId: otherTop.id,
      }),
      await call("community-staff", "POST", `/api/party/organisations/${otherTop.id}/members`, {
        name: "李四",
        duty: "member",
      }),
      await call("community-staff", "PATCH", `/api/party/organisations/${otherTop.id}`, { name: "改名" }),
      await call("gridworker", "POST", `/api/party/organisations/${ownTop.id}/members`, {
        name: "王五",
        duty: "member",
      }),
      await call("community-staff", "POST", "/api/party/reports", {
        regionCode: other,
        kind: "member",
        name: "赵六",
        homeUnit: "区教育局",
        pledge: "志愿服务",
        reportedOn: "2026-11-01",
      }),
    ];
    expect(denied.map((d) => d.status)).toEqual([403, 404, 404, 403, 403]);
    expect(denied.map((d) => d.body.code)).toEqual([
      "OUTSIDE_SCOPE",
      "NOT_FOUND",
      "NOT_FOUND",
      "FORBIDDEN",
      "OUTSIDE_SCOPE",
    ]);
    expect(await count("SELECT count(*)::int AS n FROM party_organisations")).toBe(before);
    expect(await count("SELECT count(*)::int AS n FROM party_members")).toBe(membersBefore);
    // The admin maintains any community's.
    expect(
      (await call("admin", "PATCH", `/api/party/organisations/${otherTop.id}`, { secretary: "王书记" }))
        .status,
    ).toBe(200);
    // A reader outside the jurisdiction does not see the other community's organisation.
    expect((await call("community-staff", "GET", `/api/party/organisations/${otherTop.id}`)).status).toBe(
      404,
    );
    expect((await call("community-staff", "GET", `/api/party/organisations?region=${other}`)).status).toBe(
      403,
    );
  });

  it("lets community staff record meetings only for their community's council", async () => {
    const councils = (await call("admin", "GET", "/api/joint/councils")).body.items as {
      id: number;
      regionCode: string;
    }[];
    const mine = (await call("community-staff", "GET", "/api/joint/councils")).body.items as {
      id: number;
      regionCode: string;
    }[];
    expect(mine.every((c) => own.startsWith(c.regionCode) || c.regionCode.startsWith(own))).toBe(true);
    const foreign = councils.find(
      (c) => c.regionCode.length === 12 && !c.regionCode.startsWith(own.slice(0, 9)),
    );
    if (!foreign) throw new Error("no foreign council");
    const meeting = {
      heldOn: "2026-11-20",
      topic: "越权会议",
      attendees: ["甲"],
      minutes: "",
      decisions: ["x"],
    };
    const before = await count("SELECT count(*)::int AS n FROM joint_meetings");
    const denied = await call(
      "community-staff",
      "POST",
      `/api/joint/councils/${foreign.id}/meetings`,
      meeting,
    );
    expect([denied.status, denied.body.code]).toEqual([404, "NOT_FOUND"]);
    expect(
      (await call("gridworker", "POST", `/api/joint/councils/${foreign.id}/meetings`, meeting)).status,
    ).toBe(403);
    expect(await count("SELECT count(*)::int AS n FROM joint_meetings")).toBe(before);
    expect((await call("admin", "POST", `/api/joint/councils/${foreign.id}/meetings`, meeting)).status).toBe(
      201,
    );
  });
});

describe("a meeting's decision becomes a project tracked to solved and counted in the street's totals", () => {
  it("founds a council, records a meeting, sets, advances and solves the project", async () => {
    const street = own.slice(0, 9);
    const existing = (await call("community-staff", "GET", "/api/joint/councils")).body.items as {
      id: number;
      kind: string;
      regionCode: string;
    }[];
    let councilId = existing.find((c) => c.kind === "council" && c.regionCode === own)?.id;
    if (!councilId) {
      const founded = await call("community-staff", "POST", "/api/joint/councils", {
        kind: "council",
        name: "测试共建联合会",
        regionCode: own,
        foundedOn: "2026-01-01",
      });
      expect(founded.status).toBe(201);
      councilId = founded.body.id as number;
    }
    const member = await call("community-staff", "POST", `/api/joint/councils/${councilId}/members`, {
      kind: "property_company",
      name: "测试物业公司",
      joinedOn: "2026-02-01",
    });
    const need = await call("community-staff", "POST", `/api/joint/councils/${councilId}/list-items`, {
      list: "needs",
      title: "楼道照明",
    });
    const before = (await call("street-staff", "GET", `/api/joint/totals?region=${street}`)).body.total;
    const meeting = await call("community-staff", "POST", `/api/joint/councils/${councilId}/meetings`, {
      heldOn: "2026-11-20",
      topic: "楼道照明议事协商会",
      attendees: ["测试物业公司", "业主委员会"],
      minutes: "议定更换楼道灯",
      decisions: ["更换3号楼楼道灯"],
    });
    const detail = (await call("community-staff", "GET", `/api/joint/meetings/${meeting.body.id}`)).body;
    const project = await call("community-staff", "POST", "/api/joint/projects", {
      decisionId: detail.decisions[0].id,
      ownerMemberId: member.body.id,
      dueOn: "2026-12-31",
      itemIds: [need.body.id],
    });
    expect(project.status).toBe(201);
    const again = await call("community-staff", "POST", "/api/joint/projects", {
      decisionId: detail.decisions[0].id,
      owner: "x",
    });
    expect(again.body.code).toBe("CONFLICT");
    const id = project.body.id as number;
    expect(
      (
        await call("community-staff", "POST", `/api/joint/projects/${id}/steps`, {
          action: "resume",
          note: "x",
        })
      ).body.code,
    ).toBe("ILLEGAL_PROJECT_STEP");
    expect(
      (await call("community-staff", "POST", `/api/joint/projects/${id}/steps`, { action: "advance" })).body
        .state,
    ).toBe("advancing");
    expect(
      (
        await call("community-staff", "POST", `/api/joint/projects/${id}/steps`, {
          action: "report",
          note: "灯具已采购",
        })
      ).body.state,
    ).toBe("advancing");
    expect(
      (await call("gridworker", "POST", `/api/joint/projects/${id}/steps`, { action: "solve", note: "x" }))
        .status,
    ).toBe(403);
    expect(
      (
        await call("community-staff", "POST", `/api/joint/projects/${id}/steps`, {
          action: "solve",
          note: "已更换",
        })
      ).body.state,
    ).toBe("solved");
    const view = (await call("street-staff", "GET", `/api/joint/projects/${id}`)).body;
    expect(view.steps.map((s: { action: string }) => s.action)).toEqual([
      "set",
      "advance",
      "report",
      "solve",
    ]);
    expect(view.actions).toEqual([]);
    const after = (await call("street-staff", "GET", `/api/joint/totals?region=${street}`)).body.total;
    expect(after).toMatchObject({
      meetings: before.meetings + 1,
      projects: before.projects + 1,
      solved: before.solved + 1,
    });
  });
});
