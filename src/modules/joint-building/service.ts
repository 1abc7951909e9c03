import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion, scopeOf, seesRegion } from "../../platform/auth/permissions.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";
import { recordChange } from "../audit/repository.js";
import type { AuditActor } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import { type ProjectAction, type ProjectState, step } from "./lifecycle.js";
import { findCouncil } from "./repository.js";

/** The region prefix a reader covers, narrowed by `region` (which must lie inside it). */
export function readPrefix(actor: Actor, region?: string): string {
  const scope = scopeOf(actor);
  if (scope === null) throw fail("OUTSIDE_SCOPE");
  if (region === undefined) return scope;
  if (!region.startsWith(scope)) throw fail("OUTSIDE_SCOPE");
  return region;
}

/** A council the actor may read (or, with `manage`, maintain); others are reported as missing. */
export async function councilFor(ctx: AppContext, actor: Actor, id: number, manage: boolean) {
  const council = await findCouncil(ctx.db, id);
  const allowed = council && (manage ? coversRegion : seesRegion)(actor, council.region_code);
  if (!council || !allowed) throw fail("NOT_FOUND", { what: `council ${id}` });
  return council;
}

/** The council of a project, checked like the council itself. */
export async function projectFor(ctx: AppContext, actor: Actor, id: number, manage: boolean) {
  const project = await ctx.db
    .selectFrom("joint_projects")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!project) throw fail("NOT_FOUND", { what: `project ${id}` });
  await councilFor(ctx, actor, project.council_id, manage).catch(() => {
    throw fail("NOT_FOUND", { what: `project ${id}` });
  });
  return project;
}

export interface NewMeeting {
  heldOn: string;
  topic: string;
  attendees: string[];
  minutes: string;
  decisions: string[];
}

/** Records a consultation meeting (议事协商会议) with its decisions. */
export async function recordMeeting(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  councilId: number,
  meeting: NewMeeting,
) {
  await councilFor(ctx, actor, councilId, true);
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const row = await trx
      .insertInto("joint_meetings")
      .values({
        council_id: councilId,
        held_on: meeting.heldOn,
        topic: meeting.topic,
        attendees: JSON.stringify(meeting.attendees),
        minutes: meeting.minutes,
        created_by: actor.id,
        created_at: ctx.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (meeting.decisions.length > 0)
      await trx
        .insertInto("joint_decisions")
        .values(meeting.decisions.map((text) => ({ meeting_id: row.id, text })))
        .execute();
    const { minutes: _minutes, ...recorded } = meeting;
    return {
      result: row.id,
      entry: {
        action: "joint.meeting" as const,
        targetType: "joint_meeting",
        targetId: row.id,
        after: { councilId, ...recorded },
      },
    };
  });
}

export interface NewProject {
  decisionId: number;
  title?: string;
  ownerMemberId?: number;
  owner?: string;
  memberIds: number[];
  dueOn?: string;
  itemIds: number[];
  orderIds: string[];
  warningIds: string[];
}

/** 立项: a meeting's decision becomes a joint project, with its owner, members and matched list items. */
export async function createProject(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  input: NewProject,
): Promise<number> {
  const decision = await ctx.db
    .selectFrom("joint_decisions as d")
    .innerJoin("joint_meetings as m", "m.id", "d.meeting_id")
    .select(["d.id", "d.text", "m.council_id"])
    .where("d.id", "=", input.decisionId)
    .executeTakeFirst();
  if (!decision) throw fail("NOT_FOUND", { what: `decision ${input.decisionId}` });
  const council = await councilFor(ctx, actor, decision.council_id, true).catch(() => {
    throw fail("NOT_FOUND", { what: `decision ${input.decisionId}` });
  });
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const taken = await trx
      .selectFrom("joint_projects")
      .select("id")
      .where("decision_id", "=", decision.id)
      .executeTakeFirst();
    if (taken) throw fail("CONFLICT", { detail: `decision ${decision.id} is already project ${taken.id}` });
    const memberIds = [
      ...new Set([...input.memberIds, ...(input.ownerMemberId ? [input.ownerMemberId] : [])]),
    ];
    const members = await councilMembers(trx, council.id, memberIds);
    const owner = input.ownerMemberId ? members.get(input.ownerMemberId) : input.owner;
    if (!owner)
      throw fail("VALIDATION_FAILED", { detail: "a project needs an owner (ownerMemberId or owner)" });
    const today = chinaDate(ctx.now());
    const project = await trx
      .insertInto("joint_projects")
      .values({
        council_id: council.id,
        decision_id: decision.id,
        title: input.title ?? decision.text,
        owner_member_id: input.ownerMemberId ?? null,
        owner,
        due_on: input.dueOn ?? null,
        set_on: today,
        created_by: actor.id,
        updated_at: ctx.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (memberIds.length > 0)
      await trx
        .insertInto("joint_project_members")
        .values(memberIds.map((member_id) => ({ project_id: project.id, member_id })))
        .execute();
    await trx
      .insertInto("joint_project_steps")
      .values({
        project_id: project.id,
        action: "set",
        note: decision.text,
        on_date: today,
        by_user: actor.id,
      })
      .execute();
    if (input.itemIds.length > 0) {
      const matched = await trx
        .updateTable("joint_list_items")
        .set({ project_id: project.id })
        .where("id", "in", input.itemIds)
        .where("council_id", "=", council.id)
        .where("project_id", "is", null)
        .returning("id")
        .execute();
      if (matched.length !== new Set(input.itemIds).size)
        throw fail("VALIDATION_FAILED", { detail: "list items must be this council's and not yet matched" });
    }
    await linkInside(trx, project.id, council.region_code, input.orderIds, input.warningIds);
    const after = { decisionId: decision.id, owner, dueOn: input.dueOn ?? null, memberIds, ...links(input) };
    return {
      result: project.id,
      entry: { action: "joint.project" as const, targetType: "joint_project", targetId: project.id, after },
    };
  });
}

async function councilMembers(
  trx: Kysely<DB>,
  councilId: number,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom("joint_members")
    .select(["id", "name"])
    .where("council_id", "=", councilId)
    .where("active", "=", true)
    .where("id", "in", ids)
    .execute();
  if (rows.length !== ids.length)
    throw fail("VALIDATION_FAILED", { detail: "members must belong to the council" });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Links the orders and 共性问题 a project resolves; both must lie inside the council's region (a
 * street alliance's: its street), so a link never reveals what the council's staff may not see.
 */
async function linkInside(
  trx: Kysely<DB>,
  projectId: number,
  regionCode: string,
  orderIds: string[],
  warningIds: string[],
): Promise<void> {
  const orders = [...new Set(orderIds)];
  const warnings = [...new Set(warningIds)];
  if (orders.length > 0) {
    const found = await trx
      .selectFrom("orders")
      .select("id")
      .where("id", "in", orders)
      .where("region_code", "like", `${regionCode}%`)
      .execute();
    if (found.length !== orders.length)
      throw fail("VALIDATION_FAILED", { detail: `orders not found in ${regionCode}` });
    await trx
      .insertInto("joint_project_orders")
      .values(orders.map((order_id) => ({ project_id: projectId, order_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (warnings.length > 0) {
    const found = await trx
      .selectFrom("warnings")
      .select("id")
      .where("id", "in", warnings)
      .where("rule", "=", "common_problem")
      .where(sql<boolean>`(region_code LIKE ${`${regionCode}%`} OR ${regionCode} LIKE region_code || '%')`)
      .execute();
    if (found.length !== warnings.length)
      throw fail("VALIDATION_FAILED", { detail: "共性问题 warnings not found for this region" });
    await trx
      .insertInto("joint_project_warnings")
      .values(warnings.map((warning_id) => ({ project_id: projectId, warning_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** What a project resolves, as the audit log records it. */
function links(input: { itemIds?: number[]; orderIds: string[]; warningIds: string[] }) {
  return { itemIds: input.itemIds ?? [], orderIds: input.orderIds, warningIds: input.warningIds };
}

/** Links orders and 共性问题 to a project in one transaction: all of them, or none. */
export async function linkToProject(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  projectId: number,
  orderIds: string[],
  warningIds: string[],
): Promise<void> {
  const project = await projectFor(ctx, actor, projectId, true);
  const council = await councilFor(ctx, actor, project.council_id, true);
  await recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    await linkInside(trx, projectId, council.region_code, orderIds, warningIds);
    return {
      result: undefined,
      entry: {
        action: "joint.project" as const,
        targetType: "joint_project",
        targetId: projectId,
        after: { linked: links({ orderIds, warningIds }) },
      },
    };
  });
}

/** Takes a lifecycle step (推进, 进展, 解决, 搁置, 恢复) and records it; a refused step changes nothing. */
export async function takeStep(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  projectId: number,
  action: ProjectAction,
  note: string,
): Promise<ProjectState> {
  await projectFor(ctx, actor, projectId, true);
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const current = await trx
      .selectFrom("joint_projects")
      .select("state")
      .where("id", "=", projectId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const outcome = step(current.state, action, note);
    if (!outcome.ok)
      throw outcome.reason === "illegal"
        ? fail("ILLEGAL_PROJECT_STEP", { state: current.state, action })
        : fail("VALIDATION_FAILED", { detail: `${action} needs a note` });
    const today = chinaDate(ctx.now());
    await trx
      .updateTable("joint_projects")
      .set({ state: outcome.state, closed_on: outcome.closed ? today : null, updated_at: ctx.now() })
      .where("id", "=", projectId)
      .execute();
    await trx
      .insertInto("joint_project_steps")
      .values({ project_id: projectId, action, note, on_date: today, by_user: actor.id })
      .execute();
    return {
      result: outcome.state,
      entry: {
        action: "joint.project" as const,
        targetType: "joint_project",
        targetId: projectId,
        before: { state: current.state },
        after: { state: outcome.state, step: action, note },
      },
    };
  });
}
