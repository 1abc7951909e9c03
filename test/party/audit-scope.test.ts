import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * Issue 12: every write to the party organisations and joint building is in the audit log, written
 * in the change's transaction (a refused change leaves no row); a community's staff read and
 * maintain only their community's organisations, members, 双报到, councils, meetings and projects.
 */
let t: TestApp;
/** community-staff's community and grid, and a community (with a grid) of another street. */
let own: string;
let ownGrid: string;
let other: string;
let otherGrid: string;
/** What the admin sets up in each: a 社区党委 and a 共建联合会 with a meeting and a project. */
const made = {} as Record<
  "own" | "other",
  { committee: number; council: number; meeting: number; project: number }
>;

async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  const response = await t.app.inject({ method, url, payload, headers: { cookie: await t.login(user) } });
  return { status: response.statusCode, body: response.json() };
}

const auditRows = async (action: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(
      t.ctx.db,
    )
  ).rows[0].n;

async function lastAudit(action: string) {
  return t.ctx.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

/** Sets up one community's committee, council, meeting and project as the admin. */
async function setUp(community: string) {
  const committee = await call("admin", "POST", "/api/party/organisations", {
    kind: "committee",
    name: "测试社区党委",
    regionCode: community,
  });
  const council = await call("admin", "POST", "/api/joint/councils", {
    kind: "council",
    name: "测试共建联合会",
    regionCode: community,
    foundedOn: "2026-01-01",
  });
  const meeting = await call("admin", "POST", `/api/joint/councils/${council.body.id}/meetings`, {
    heldOn: "2026-11-02",
    topic: "停车难议事",
    attendees: ["物业", "业委会"],
    minutes: "议定划线",
    decisions: ["划定停车位", "设置充电桩"],
  });
  const decisions = (await call("admin", "GET", `/api/joint/meetings/${meeting.body.id}`)).body.decisions;
  const project = await call("admin", "POST", "/api/joint/projects", {
    decisionId: decisions[0].id,
    owner: "社区居委会",
  });
  expect([committee.status, council.status, meeting.status, project.status]).toEqual([201, 201, 201, 201]);
  return {
    committee: committee.body.id,
    council: council.body.id,
    meeting: meeting.body.id,
    project: project.body.id,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const staff = await t.ctx.db
    .selectFrom("users")
    .select("region_code")
    .where("username", "=", "community-staff")
    .executeTakeFirstOrThrow();
  own = staff.region_code as string;
  const grids = await t.ctx.db
    .selectFrom("regions")
    .select(["code", "parent_code"])
    .where("level", "=", "grid")
    .orderBy("code")
    .execute();
  ownGrid = grids.find((g) => g.parent_code === own)?.code as string;
  const foreign = grids.find((g) => !g.code.startsWith(own.slice(0, 9)));
  otherGrid = foreign?.code as string;
  other = foreign?.parent_code as string;
  made.own = await setUp(own);
  made.other = await setUp(other);
}, 60_000);
afterAll(() => t.close());

describe("audit of party and joint-building writes", () => {
  it("records each write with who and what, and a refused write leaves no row", async () => {
    expect(await lastAudit("joint.project")).toMatchObject({
      actor_username: "admin",
      target_type: "joint_project",
      target_id: String(made.other.project),
    });
    const added = await call("community-staff", "POST", "/api/party/organisations", {
      kind: "grid_branch",
      name: "第一网格党支部",
      regionCode: ownGrid,
      parentId: made.own.committee,
    });
    expect(added.status).toBe(201);
    expect(await lastAudit("party.organisation")).toMatchObject({
      actor_username: "community-staff",
      actor_role: "staff",
      target_id: String(added.body.id),
      after: { kind: "grid_branch", name: "第一网格党支部", region_code: ownGrid },
    });
    await call("community-staff", "PATCH", `/api/party/organisations/${added.body.id}`, {
      secretary: "刘书记",
    });
    expect(await lastAudit("party.organisation")).toMatchObject({
      before: { secretary: null },
      after: { secretary: "刘书记" },
    });
    const member = await call(
      "community-staff",
      "POST",
      `/api/party/organisations/${added.body.id}/members`,
      {
        name: "陈党员",
        duty: "member",
      },
    );
    await call("community-staff", "PATCH", `/api/party/members/${member.body.id}`, { duty: "deputy" });
    expect(await lastAudit("party.member")).toMatchObject({
      target_id: String(member.body.id),
      before: { duty: "member" },
      after: { duty: "deputy" },
    });
    const step = await call("community-staff", "POST", `/api/joint/projects/${made.own.project}/steps`, {
      action: "advance",
    });
    expect(step.body.state).toBe("advancing");
    expect(await lastAudit("joint.project")).toMatchObject({
      before: { state: "set" },
      after: { state: "advancing", step: "advance" },
    });

    const refused: Array<[string, () => ReturnType<typeof call>, number]> = [
      [
        "party.organisation",
        () =>
          call("community-staff", "POST", "/api/party/organisations", {
            kind: "grid_branch",
            name: "越权",
            regionCode: otherGrid,
            parentId: made.other.committee,
          }),
        403,
      ],
      [
        "party.member",
        () => call("community-staff", "PATCH", `/api/party/members/${member.body.id}`, { duty: "secretary" }),
        -1,
      ],
      [
        "party.report",
        () =>
          call("community-staff", "POST", "/api/party/reports", {
            regionCode: other,
            kind: "member",
            name: "赵六",
            homeUnit: "区教育局",
            pledge: "志愿服务",
            reportedOn: "2026-11-01",
          }),
        403,
      ],
      [
        "joint.council",
        () =>
          call("community-staff", "POST", "/api/joint/councils", {
            kind: "council",
            name: "重复",
            regionCode: own,
            foundedOn: "2026-01-01",
          }),
        409,
      ],
      [
        "joint.list_item",
        () =>
          call("community-staff", "POST", `/api/joint/councils/${made.own.council}/list-items`, {
            list: "resources",
            title: "场地",
            memberId: 999_999,
          }),
        400,
      ],
      [
        "joint.project",
        () =>
          call("community-staff", "POST", `/api/joint/projects/${made.own.project}/steps`, {
            action: "resume",
            note: "x",
          }),
        409,
      ],
      [
        "joint.project",
        () =>
          call("community-staff", "POST", `/api/joint/projects/${made.own.project}/links`, {
            orderIds: ["999999999"],
          }),
        400,
      ],
    ];
    for (const [action, change, status] of refused) {
      const before = await auditRows(action);
      const answer = await change();
      // The member's duty change is allowed: it proves an accepted write is counted, then nothing more.
      if (status === -1) {
        expect(answer.status).toBe(200);
        expect(await auditRows(action)).toBe(before + 1);
        continue;
      }
      expect([action, answer.status]).toEqual([action, status]);
      expect(await auditRows(action)).toBe(before);
    }
  });
});

describe("scope: a community's staff read and maintain only their community's", () => {
  it("does not show another community's organisations, 双报到, meetings or projects", async () => {
    const reads = [
      await call("community-staff", "GET", `/api/party/organisations/${made.other.committee}`),
      await call("community-staff", "GET", `/api/joint/councils/${made.other.council}`),
      await call("community-staff", "GET", `/api/joint/meetings/${made.other.meeting}`),
      await call("community-staff", "GET", `/api/joint/projects/${made.other.project}`),
      await call("community-staff", "GET", `/api/party/reports?region=${other}`),
      await call("community-staff", "GET", `/api/joint/projects?region=${other}`),
    ];
    expect(reads.map((r) => r.status)).toEqual([404, 404, 404, 404, 403, 403]);
    const organisations = (await call("community-staff", "GET", "/api/party/organisations")).body.items;
    expect(organisations.length).toBeGreaterThan(0);
    expect(organisations.every((o: { regionCode: string }) => o.regionCode.startsWith(own))).toBe(true);
    const projects = (await call("community-staff", "GET", "/api/joint/projects")).body.items;
    expect(projects.map((p: { id: number }) => p.id)).toContain(made.own.project);
    expect(projects.map((p: { id: number }) => p.id)).not.toContain(made.other.project);
    // Their own community's read as usual, with the right to maintain them.
    expect(
      (await call("community-staff", "GET", `/api/joint/meetings/${made.own.meeting}`)).body.canManage,
    ).toBe(true);
  });

  it("refuses their writes to another community's members, council, meeting and project, changing nothing", async () => {
    const otherMember = await call(
      "admin",
      "POST",
      `/api/party/organisations/${made.other.committee}/members`,
      {
        name: "外社区党员",
        duty: "member",
      },
    );
    const decisions = (await call("admin", "GET", `/api/joint/meetings/${made.other.meeting}`)).body
      .decisions;
    const writes = [
      await call("community-staff", "PATCH", `/api/party/members/${otherMember.body.id}`, { active: false }),
      await call("community-staff", "POST", `/api/joint/councils/${made.other.council}/members`, {
        kind: "police_station",
        name: "派出所",
        joinedOn: "2026-01-01",
      }),
      await call("community-staff", "POST", `/api/joint/councils/${made.other.council}/list-items`, {
        list: "needs",
        title: "加装电梯",
      }),
      await call("community-staff", "POST", "/api/joint/projects", {
        decisionId: decisions[1].id,
        owner: "x",
      }),
      await call("community-staff", "POST", `/api/joint/projects/${made.other.project}/steps`, {
        action: "solve",
        note: "x",
      }),
    ];
    expect(writes.map((w) => [w.status, w.body.code])).toEqual(Array(5).fill([404, "NOT_FOUND"]));
    const project = (await call("admin", "GET", `/api/joint/projects/${made.other.project}`)).body;
    expect(project.state).toBe("set");
    const council = (await call("admin", "GET", `/api/joint/councils/${made.other.council}`)).body;
    expect([council.memberList.length, council.listItems.length, council.projects]).toEqual([0, 0, 1]);
    const member = (await call("admin", "GET", `/api/party/organisations/${made.other.committee}`)).body
      .members;
    expect(member[0].active).toBe(true);
  });
});
