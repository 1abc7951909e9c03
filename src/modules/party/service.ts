import type { Insertable, Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion, scopeOf } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { recordChange } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import {
  findMember,
  findOrganisation,
  insertMember,
  insertOrganisation,
  insertReport,
  setSecretary,
  updateMember,
  updateOrganisation,
} from "./repository.js";
import { type OrganisationKind, placementProblem } from "./rules.js";

/** The region prefix a reader covers, narrowed by `region` (which must lie inside it). */
export function readPrefix(actor: Actor, region?: string): string {
  const scope = scopeOf(actor);
  if (scope === null) throw fail("OUTSIDE_SCOPE");
  if (region === undefined) return scope;
  if (!region.startsWith(scope)) throw fail("OUTSIDE_SCOPE");
  return region;
}

/** An organisation the actor may maintain; one outside the jurisdiction is reported as missing. */
export async function organisationToManage(ctx: AppContext, actor: Actor, id: number) {
  const organisation = await findOrganisation(ctx.db, id);
  if (!organisation || !coversRegion(actor, organisation.region_code))
    throw fail("NOT_FOUND", { what: `organisation ${id}` });
  return organisation;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId?: number;
  placeId?: number;
  secretary?: string;
  foundedOn?: string;
}

/** Adds an organisation in the actor's jurisdiction where the four-level tree allows it. */
export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  input: NewOrganisation,
): Promise<number> {
  const region = ctx.regions.get(input.regionCode);
  if (!region) throw fail("VALIDATION_FAILED", { detail: `unknown regionCode ${input.regionCode}` });
  if (!coversRegion(actor, input.regionCode)) throw fail("OUTSIDE_SCOPE");
  const parent = input.parentId === undefined ? null : await organisationToManage(ctx, actor, input.parentId);
  const problem = placementProblem({
    kind: input.kind,
    region,
    parent: parent && { kind: parent.kind, regionCode: parent.region_code },
  });
  if (problem) throw fail("VALIDATION_FAILED", { detail: problem });
  if (input.placeId !== undefined) {
    const place = ctx.places.get(`place:${input.placeId}`);
    if (!place || place.gridCode !== input.regionCode)
      throw fail("VALIDATION_FAILED", { detail: `place ${input.placeId} is not in ${input.regionCode}` });
  }
  const values = {
    kind: input.kind,
    name: input.name,
    region_code: input.regionCode,
    parent_id: input.parentId ?? null,
    place_id: input.placeId ?? null,
    secretary: input.secretary ?? null,
    founded_on: input.foundedOn ?? null,
  };
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const row = await insertOrganisation(trx, { ...values, updated_by: actor.id, updated_at: ctx.now() });
    return {
      result: row.id,
      entry: {
        action: "party.organisation",
        targetType: "party_organisation",
        targetId: row.id,
        after: values,
      },
    };
  });
}

/** Renames an organisation, changes its secretary or retires it, with what changed in the audit log. */
export async function changeOrganisation(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  id: number,
  changes: { name?: string; secretary?: string | null; active?: boolean },
): Promise<void> {
  const before = await organisationToManage(ctx, actor, id);
  await recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    await updateOrganisation(trx, id, { ...changes, updated_by: actor.id, updated_at: ctx.now() });
    const diff = changedFields(
      { name: before.name, secretary: before.secretary, active: before.active },
      {
        name: changes.name ?? before.name,
        secretary: changes.secretary === undefined ? before.secretary : changes.secretary,
        active: changes.active ?? before.active,
      },
    );
    return {
      result: undefined,
      entry: { action: "party.organisation", targetType: "party_organisation", targetId: id, ...diff },
    };
  });
}

/** Adds a member; a secretary's name also becomes the organisation's 书记 in the same transaction. */
export function addMember(
  ctx: AppContext,
  audit: AuditActor,
  member: Insertable<DB["party_members"]>,
): Promise<number> {
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const row = await insertMember(trx, member);
    if (member.duty === "secretary") await setSecretary(trx, member.organisation_id, member.name);
    const after = { organisationId: member.organisation_id, name: member.name, duty: member.duty };
    return {
      result: row.id,
      entry: { action: "party.member", targetType: "party_member", targetId: row.id, after },
    };
  });
}

/** Changes a member's duty or retires them; a member outside the jurisdiction is reported as missing. */
export async function changeMember(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  id: number,
  changes: Pick<Updateable<DB["party_members"]>, "duty" | "active">,
): Promise<void> {
  const member = await findMember(ctx.db, id);
  if (!member) throw fail("NOT_FOUND", { what: `member ${id}` });
  await organisationToManage(ctx, actor, member.organisation_id).catch(() => {
    throw fail("NOT_FOUND", { what: `member ${id}` });
  });
  await recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    await updateMember(trx, id, { ...changes, updated_by: actor.id, updated_at: ctx.now() });
    const diff = changedFields(
      { duty: member.duty, active: member.active },
      { duty: changes.duty ?? member.duty, active: changes.active ?? member.active },
    );
    return {
      result: undefined,
      entry: { action: "party.member", targetType: "party_member", targetId: id, ...diff },
    };
  });
}

export interface NewReport {
  regionCode: string;
  kind: "member" | "organisation";
  name: string;
  homeUnit: string;
  pledge: string;
  reportedOn: string;
}

/** 双报到: records a member or organisation of another unit reporting to a community of the jurisdiction. */
export async function recordReport(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  input: NewReport,
): Promise<number> {
  if (ctx.regions.get(input.regionCode)?.level !== "community")
    throw fail("VALIDATION_FAILED", { detail: `${input.regionCode} is not a community` });
  if (!coversRegion(actor, input.regionCode)) throw fail("OUTSIDE_SCOPE");
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const row = await insertReport(trx, {
      region_code: input.regionCode,
      kind: input.kind,
      name: input.name,
      home_unit: input.homeUnit,
      pledge: input.pledge,
      reported_on: input.reportedOn,
      recorded_by: actor.id,
      created_at: ctx.now(),
    });
    return {
      result: row.id,
      entry: { action: "party.report", targetType: "party_report", targetId: row.id, after: input },
    };
  });
}
