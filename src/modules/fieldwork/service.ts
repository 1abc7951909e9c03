import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion, scopeOf } from "../../platform/auth/permissions.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { type DemandSubmission, submitDemand } from "../demands/intake.js";
import {
  findActiveLink,
  findCommonProblem,
  findTopic,
  findUser,
  findWorkDay,
  insertFieldVisit,
  insertLink,
  insertWorkDay,
  linkWorkDayOrder,
  saveTopic,
} from "./repository.js";
import { isAfter, type LinkKind, linkProblem, monthOf } from "./rules.js";

/** The region prefix a reader covers, narrowed by `region` (which must lie inside it). */
export function readPrefix(actor: Actor, region?: string): string {
  const scope = scopeOf(actor);
  if (scope === null) throw fail("OUTSIDE_SCOPE");
  if (region === undefined) return scope;
  if (!region.startsWith(scope)) throw fail("OUTSIDE_SCOPE");
  return region;
}

/** A day of work already done: not in the future (China time). */
export function pastDay(ctx: AppContext, day: string): string {
  if (isAfter(day, chinaDate(ctx.now())))
    throw fail("VALIDATION_FAILED", { detail: `${day} is in the future` });
  return day;
}

/** 三联一进: links a person to a community, grid, compound or courtyard (administrators). */
export async function createLink(
  ctx: AppContext,
  actor: Actor,
  input: { userId: number; kind: LinkKind; regionCode: string; placeId?: number; since?: string },
): Promise<number> {
  const user = await findUser(ctx.db, input.userId);
  if (!user) throw fail("NOT_FOUND", { what: `user ${input.userId}` });
  const region = ctx.regions.get(input.regionCode);
  if (!region) throw fail("VALIDATION_FAILED", { detail: `unknown regionCode ${input.regionCode}` });
  if (!coversRegion(actor, input.regionCode)) throw fail("OUTSIDE_SCOPE");
  const problem = linkProblem({
    kind: input.kind,
    role: user.role,
    regionLevel: region.level,
    hasPlace: input.placeId !== undefined,
  });
  if (problem) throw fail("VALIDATION_FAILED", { detail: problem });
  if (input.placeId !== undefined) {
    const place = ctx.places.get(`place:${input.placeId}`);
    if (!place || !place.gridCode?.startsWith(input.regionCode))
      throw fail("VALIDATION_FAILED", { detail: `place ${input.placeId} is not in ${input.regionCode}` });
  }
  const since = input.since ?? chinaDate(ctx.now());
  return ctx.db
    .transaction()
    .execute((trx) => insertLink(trx, { ...input, placeId: input.placeId ?? null, since, by: actor.id }));
}

/** 每月一题: the district's topic, entered or chosen from a 共性问题 warning in the district. */
export async function setTopic(
  ctx: AppContext,
  actor: Actor,
  input: { month: string; title?: string; warningId?: string },
) {
  const district = ctx.regions.root();
  if (!district || !coversRegion(actor, district.code)) throw fail("OUTSIDE_SCOPE");
  let title = input.title?.trim();
  if (input.warningId !== undefined) {
    const warning = await findCommonProblem(ctx.db, input.warningId);
    if (!warning || !warning.region_code.startsWith(district.code))
      throw fail("NOT_FOUND", { what: `common problem ${input.warningId}` });
    title = title || warning.title;
  }
  if (!title) throw fail("VALIDATION_FAILED", { detail: "a title or a common problem is needed" });
  return saveTopic(ctx.db, {
    regionCode: district.code,
    month: input.month,
    title,
    warningId: input.warningId ?? null,
    by: actor.id,
  });
}

/** The topic of the month for the district the region lies in (null when none was set). */
export async function topicFor(ctx: AppContext, month: string) {
  const district = ctx.regions.root();
  return district ? ((await findTopic(ctx.db, district.code, month)) ?? null) : null;
}

/**
 * The community a leader's page shows: the leader's linked community, and only that one; others
 * (supervisors, staff) any community inside their jurisdiction. Outside it is "not found".
 */
export async function pageCommunity(ctx: AppContext, actor: Actor, code?: string): Promise<string> {
  if (actor.role === "leader") {
    const link = await findActiveLink(ctx.db, actor.id, "leader_community");
    if (!link || (code !== undefined && code !== link.region_code))
      throw fail("NOT_FOUND", { what: `community ${code ?? ""}` });
    return link.region_code;
  }
  const region = code === undefined ? undefined : ctx.regions.get(code);
  if (!region || region.level !== "community" || !coversRegion(actor, region.code))
    throw fail("NOT_FOUND", { what: `community ${code ?? ""}` });
  return region.code;
}

export interface WorkDayInput {
  workedOn: string;
  places: string;
  people: string;
  problems?: string;
  casesCoordinated?: number;
  problemsSolved?: number;
  peopleMet?: number;
}

/**
 * 社区工作日: a leader records a day in the linked community. It carries that month's topic and
 * writes the field visit the 走访清单 lists, in one transaction.
 */
export async function recordWorkDay(ctx: AppContext, actor: Actor, input: WorkDayInput): Promise<string> {
  const link = await findActiveLink(ctx.db, actor.id, "leader_community");
  if (!link) throw fail("NOT_FOUND", { what: "linked community" });
  const workedOn = pastDay(ctx, input.workedOn);
  const topic = await topicFor(ctx, monthOf(workedOn));
  return ctx.db.transaction().execute(async (trx) => {
    const fieldVisitId = await insertFieldVisit(trx, {
      visitorId: actor.id,
      regionCode: link.region_code,
      visitedOn: workedOn,
      households: input.peopleMet ?? 0,
      // The 走访清单 shows it was a work day (its source); the summary is what was written.
      summary: [input.places, input.problems].filter(Boolean).join("；").slice(0, 1000),
    });
    return insertWorkDay(trx, {
      leaderId: actor.id,
      regionCode: link.region_code,
      workedOn,
      topicId: topic?.id ?? null,
      places: input.places,
      people: input.people,
      problems: input.problems ?? "",
      casesCoordinated: input.casesCoordinated ?? 0,
      problemsSolved: input.problemsSolved ?? 0,
      fieldVisitId,
    });
  });
}

/** What a demand raised from the field says; the channel and its fields come from the record. */
export type FieldDemand = Pick<
  DemandSubmission,
  "content" | "title" | "type" | "categoryCode" | "urgent" | "location" | "address" | "caller"
>;

/**
 * A problem found on a work day becomes a demand in one step: through intake as 实地查 (field
 * inspection) by the leader, placed in the linked community, and linked to the work day.
 */
export async function raiseFromWorkDay(
  ctx: AppContext,
  actor: Actor,
  workDayId: string,
  demand: FieldDemand,
) {
  const day = await findWorkDay(ctx.db, workDayId);
  if (!day || day.leader_id !== actor.id) throw fail("NOT_FOUND", { what: `work day ${workDayId}` });
  const user = await findUser(ctx.db, actor.id);
  const submission: DemandSubmission = {
    ...demand,
    channel: "field_inspection",
    channelFields: { inspector: (user?.display_name ?? actor.username).slice(0, 40) },
    regionCode: demand.location ? undefined : day.region_code,
  };
  return submitDemand(ctx, actor, submission, undefined, (trx, order) =>
    linkWorkDayOrder(trx, day.id, order.id),
  );
}
