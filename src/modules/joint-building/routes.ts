import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { coversRegion } from "../../platform/auth/permissions.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";
import { calendarDay, literals } from "../../platform/schema.js";
import { PERIOD_PATTERN, resolvePeriod } from "../assessment/scope.js";
import { auditActor } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import { addCouncilMember, addListItem, foundCouncil, MEMBER_KINDS } from "./councils.js";
import { availableActions, PROJECT_ACTIONS, PROJECT_STATES } from "./lifecycle.js";
import {
  type CouncilRow,
  councilDetail,
  findMeeting,
  listCouncils,
  listProjects,
  meetingDecisions,
  type ProjectRow,
  projectParts,
  totals,
} from "./repository.js";
import {
  councilFor,
  createProject,
  linkToProject,
  projectFor,
  readPrefix,
  recordMeeting,
  takeStep,
} from "./service.js";
import { sumByRegion } from "./totals.js";

const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Day = calendarDay();
const Name = Type.String({ minLength: 1, maxLength: 80 });
const OrderIds = Type.Array(Type.String({ pattern: "^[0-9]{1,18}$" }), { maxItems: 200, default: [] });

function presentCouncil(row: CouncilRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionCode: row.region_code,
    foundedOn: row.founded_on,
    members: row.members,
    meetings: row.meetings,
    projects: row.projects,
    solved: row.solved,
  };
}

function presentProject(row: ProjectRow) {
  return {
    id: row.id,
    councilId: row.council_id,
    councilName: row.council_name,
    regionCode: row.region_code,
    decisionId: row.decision_id,
    meetingId: row.meeting_id,
    title: row.title,
    owner: row.owner,
    ownerMemberId: row.owner_member_id,
    dueOn: row.due_on,
    state: row.state,
    setOn: row.set_on,
    closedOn: row.closed_on,
  };
}

async function projectView(ctx: AppContext, canManage: boolean, row: ProjectRow) {
  const [steps, members, orders, warnings] = await projectParts(ctx.db, row.id);
  return {
    ...presentProject(row),
    actions: canManage ? availableActions(row.state) : [],
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      note: s.note,
      onDate: s.on_date,
      byName: s.by_name,
    })),
    members,
    orders: orders.map((o) => ({ id: o.id, orderNo: o.order_no, title: o.title, state: o.state })),
    warnings,
  };
}

/**
 * 联建共建: 党建共建联合会 and 地区党建联盟, their members and 需求/资源清单, 议事协商会议 whose
 * decisions become 共建项目 tracked to solved, and the counts per street and community.
 */
export const jointRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/joint/councils",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary:
          "Councils and alliances of the jurisdiction with members, meetings, projects and solved counts",
        querystring: Type.Object({ region: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const rows = await listCouncils(ctx.db, readPrefix(actorOf(request), request.query.region));
      return { items: rows.map(presentCouncil) };
    },
  );

  app.post(
    "/api/joint/councils",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "Found a community's 共建联合会 (council) or a street's 党建联盟 (alliance)",
        body: Type.Object(
          { kind: literals(["council", "alliance"]), name: Name, regionCode: RegionCode, foundedOn: Day },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await foundCouncil(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/joint/councils/:id",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary: "A council with members, lists, meetings and projects",
        params: Id,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const council = await councilFor(ctx, actor, request.params.id, false);
      const [[row], [members, items, meetings], projects] = await Promise.all([
        listCouncils(ctx.db, "", council.id),
        councilDetail(ctx.db, council.id),
        listProjects(ctx.db, { prefix: "", councilId: council.id }),
      ]);
      return {
        ...presentCouncil(row),
        canManage: coversRegion(actor, council.region_code),
        memberList: members.map((m) => ({
          id: m.id,
          kind: m.kind,
          name: m.name,
          contact: m.contact,
          active: m.active,
          joinedOn: m.joined_on,
        })),
        listItems: items.map((i) => ({
          id: i.id,
          list: i.list,
          memberId: i.member_id,
          title: i.title,
          projectId: i.project_id,
        })),
        meetingList: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, topic: m.topic })),
        projectList: projects.map(presentProject),
      };
    },
  );

  app.post(
    "/api/joint/councils/:id/members",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary:
          "Add a member organisation (resident unit, property company, owners' committee, police station …)",
        params: Id,
        body: Type.Object(
          {
            kind: literals(MEMBER_KINDS),
            name: Name,
            contact: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            joinedOn: Day,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await addCouncilMember(
        ctx,
        actorOf(request),
        auditActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/api/joint/councils/:id/list-items",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "Add to the 需求清单 (the community's needs) or a member's 资源清单 (what it offers)",
        params: Id,
        body: Type.Object(
          {
            list: literals(["needs", "resources"]),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            memberId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await addListItem(
        ctx,
        actorOf(request),
        auditActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/api/joint/councils/:id/meetings",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "Record a consultation meeting (议事协商) with attendees, minutes and decisions",
        params: Id,
        body: Type.Object(
          {
            heldOn: Day,
            topic: Type.String({ minLength: 1, maxLength: 200 }),
            attendees: Type.Array(Name, { maxItems: 100 }),
            minutes: Type.String({ maxLength: 20_000, default: "" }),
            decisions: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await recordMeeting(
        ctx,
        actorOf(request),
        auditActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/joint/meetings/:id",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary: "A meeting with its decisions and the projects they became",
        params: Id,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const meeting = await findMeeting(ctx.db, id);
      if (!meeting) throw fail("NOT_FOUND", { what: `meeting ${id}` });
      const council = await councilFor(ctx, actor, meeting.council_id, false).catch(() => {
        throw fail("NOT_FOUND", { what: `meeting ${id}` });
      });
      const decisions = await meetingDecisions(ctx.db, id);
      return {
        id: meeting.id,
        councilId: council.id,
        councilName: council.name,
        canManage: coversRegion(actor, council.region_code),
        heldOn: meeting.held_on,
        topic: meeting.topic,
        attendees: meeting.attendees,
        minutes: meeting.minutes,
        decisions: decisions.map((d) => ({
          id: d.id,
          text: d.text,
          projectId: d.project_id,
          projectState: d.project_state,
        })),
      };
    },
  );

  app.post(
    "/api/joint/projects",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "立项: turn a meeting's decision into a joint project",
        body: Type.Object(
          {
            decisionId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            ownerMemberId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            owner: Type.Optional(Name),
            memberIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
              maxItems: 50,
              default: [],
            }),
            dueOn: Type.Optional(Day),
            itemIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
              maxItems: 50,
              default: [],
            }),
            orderIds: OrderIds,
            warningIds: OrderIds,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await createProject(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/joint/projects",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary: "Joint projects of the jurisdiction, newest first",
        querystring: Type.Object(
          {
            region: Type.Optional(RegionCode),
            state: Type.Optional(literals(PROJECT_STATES)),
            closedIn: Type.Optional(
              Type.String({
                pattern: PERIOD_PATTERN,
                description: "closed in this period (2026-11 · 2026-Q4 · 2026, China time): the 解决清单's",
              }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { region, state, closedIn } = request.query;
      const prefix = readPrefix(actorOf(request), region);
      const range = closedIn === undefined ? undefined : resolvePeriod(closedIn, ctx.now()).range;
      const closed = range && { from: chinaDate(range.start), to: chinaDate(range.end) };
      const rows = await listProjects(ctx.db, { prefix, state, closed });
      return { items: rows.map(presentProject) };
    },
  );

  app.get(
    "/api/joint/projects/:id",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary: "A project with its steps, members, linked orders and 共性问题, and the steps you may take",
        params: Id,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await projectFor(ctx, actor, request.params.id, false);
      const [row] = await listProjects(ctx.db, { prefix: "", id: request.params.id });
      return projectView(ctx, coversRegion(actor, row.region_code), row);
    },
  );

  app.post(
    "/api/joint/projects/:id/steps",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "推进 / 进展 / 解决 / 搁置 / 恢复: take a lifecycle step with a note",
        params: Id,
        body: Type.Object(
          { action: literals(PROJECT_ACTIONS), note: Type.String({ maxLength: 2000, default: "" }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const state = await takeStep(
        ctx,
        actorOf(request),
        auditActor(request),
        request.params.id,
        request.body.action,
        request.body.note,
      );
      return { id: request.params.id, state };
    },
  );

  app.post(
    "/api/joint/projects/:id/links",
    {
      config: { access: "joint.manage" },
      schema: {
        tags: ["joint-building"],
        summary: "Link the orders and 共性问题 a project resolves",
        params: Id,
        body: Type.Object({ orderIds: OrderIds, warningIds: OrderIds }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { orderIds, warningIds } = request.body;
      await linkToProject(
        ctx,
        actorOf(request),
        auditActor(request),
        request.params.id,
        orderIds,
        warningIds,
      );
      return { id: request.params.id };
    },
  );

  app.get(
    "/api/joint/totals",
    {
      config: { access: "joint.read" },
      schema: {
        tags: ["joint-building"],
        summary: "Councils, meetings held, projects set and solved, per street and community",
        querystring: Type.Object({ region: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request), request.query.region);
      const rows = await totals(ctx.db, prefix);
      return sumByRegion(rows, (code) => ctx.regions.get(code)?.name ?? code);
    },
  );
};
