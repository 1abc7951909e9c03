import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { literals } from "../../platform/schema.js";
import { listOrders } from "../orders/queries.js";
import { OPEN_STATES } from "../orders/workflow/lifecycle.js";
import { listCommonProblems, listLinks, listWorkDays } from "./repository.js";
import { LINK_KINDS } from "./rules.js";
import { BigId, Day, FieldDemandBody, IntId, Month, RegionCode, raised } from "./schemas.js";
import {
  createLink,
  pageCommunity,
  raiseFromWorkDay,
  readPrefix,
  recordWorkDay,
  setTopic,
  topicFor,
} from "./service.js";

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/**
 * 三联一进 and 社区工作日: who is linked where, the district's topic of the month (每月一题), the leaders'
 * work days and the demands they raised, and a leader's page on the linked community.
 */
export const fieldworkRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/fieldwork/links",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "三联一进: the links inside the jurisdiction",
        querystring: Type.Object(
          { region: Type.Optional(RegionCode), kind: Type.Optional(literals(LINK_KINDS)) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request), request.query.region);
      const rows = await listLinks(ctx.db, { prefix, kind: request.query.kind });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          userId: r.user_id,
          name: r.display_name,
          regionCode: r.region_code,
          regionName: r.region_name,
          placeId: r.place_id,
          placeName: r.place_name,
          since: r.since,
        })),
      };
    },
  );

  app.post(
    "/api/fieldwork/links",
    {
      config: { access: "links.manage" },
      schema: {
        tags: ["fieldwork"],
        summary:
          "Link a person to a community, grid, compound or courtyard (a leader's link moves their jurisdiction)",
        body: Type.Object(
          {
            userId: IntId,
            kind: literals(LINK_KINDS),
            regionCode: RegionCode,
            placeId: Type.Optional(IntId),
            since: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await createLink(ctx, actorOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    "/api/fieldwork/topics/:month",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "每月一题: the topic of the month and the 共性问题 it may be chosen from",
        params: Type.Object({ month: Month }),
      },
    },
    async (request) => {
      const topic = await topicFor(ctx, request.params.month);
      const candidates = await listCommonProblems(ctx.db, readPrefix(actorOf(request)), 20);
      return {
        topic: topic && { id: topic.id, month: topic.month, title: topic.title, warningId: topic.warning_id },
        candidates: candidates.map((w) => ({ id: w.id, title: w.title, regionCode: w.region_code })),
      };
    },
  );

  app.put(
    "/api/fieldwork/topics/:month",
    {
      config: { access: "topics.manage" },
      schema: {
        tags: ["fieldwork"],
        summary: "Set the district's topic of the month: entered, or chosen from a 共性问题 warning",
        params: Type.Object({ month: Month }),
        body: Type.Object(
          {
            title: Type.Optional(Text(200)),
            warningId: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$" })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const topic = await setTopic(ctx, actorOf(request), { month: request.params.month, ...request.body });
      return { id: topic.id, month: topic.month, title: topic.title, warningId: topic.warning_id };
    },
  );

  app.get(
    "/api/fieldwork/community",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "A leader's page: the linked community's open and overdue orders, the topic, the work days",
        querystring: Type.Object({ code: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = await pageCommunity(ctx, actor, request.query.code);
      const now = ctx.now();
      const page = { page: 1, pageSize: 20, region: code, state: [...OPEN_STATES] };
      const open = await listOrders(ctx.db, actor, page, now);
      const overdue = await listOrders(ctx.db, actor, { ...page, overdue: true }, now);
      const topic = await topicFor(ctx, chinaDate(now).slice(0, 7));
      const days = await listWorkDays(ctx.db, { prefix: code, limit: 20 });
      const line = (o: (typeof open.rows)[number]) => ({
        id: o.id,
        orderNo: o.order_no,
        title: o.title,
        state: o.state,
        handlingDueAt: o.handling_due_at,
        regionName: o.region_name,
      });
      return {
        community: { code, name: ctx.regions.get(code)?.name ?? code },
        topic: topic && { id: topic.id, month: topic.month, title: topic.title },
        open: { total: open.total, items: open.rows.map(line) },
        overdue: { total: overdue.total, items: overdue.rows.map(line) },
        workDays: days.map(presentWorkDay),
      };
    },
  );

  app.get(
    "/api/fieldwork/work-days",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "社区工作日 recorded inside the jurisdiction, newest first",
        querystring: Type.Object(
          { region: Type.Optional(RegionCode), leaderId: Type.Optional(IntId) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request), request.query.region);
      const rows = await listWorkDays(ctx.db, { prefix, leaderId: request.query.leaderId, limit: 200 });
      return { items: rows.map(presentWorkDay) };
    },
  );

  app.post(
    "/api/fieldwork/work-days",
    {
      config: { access: "workdays.record" },
      schema: {
        tags: ["fieldwork"],
        summary: "Record a work day in the linked community (it enters the 走访清单)",
        body: Type.Object(
          {
            workedOn: Day,
            places: Text(500),
            people: Text(500),
            peopleMet: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
            problems: Type.Optional(Type.String({ maxLength: 4000 })),
            casesCoordinated: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
            problemsSolved: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await recordWorkDay(ctx, actorOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    "/api/fieldwork/work-days/:id/demands",
    {
      config: { access: "workdays.record" },
      schema: {
        tags: ["fieldwork"],
        summary: "Raise a problem found on one's work day as a demand (实地查), linked to the day",
        params: BigId,
        body: FieldDemandBody,
      },
    },
    async (request, reply) => {
      const result = await raiseFromWorkDay(ctx, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(raised(result));
    },
  );
};

function presentWorkDay(r: Awaited<ReturnType<typeof listWorkDays>>[number]) {
  return {
    id: r.id,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    workedOn: r.worked_on,
    topic: r.topic,
    places: r.places,
    people: r.people,
    problems: r.problems,
    casesCoordinated: r.cases_coordinated,
    problemsSolved: r.problems_solved,
    orders: r.orders,
  };
}
