import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion, scopeOf } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { findOrganisation, insertMember, setSecretary } from "./repository.js";
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
  const row = await ctx.db
    .insertInto("party_organisations")
    .values({
      kind: input.kind,
      name: input.name,
      region_code: input.regionCode,
      parent_id: input.parentId ?? null,
      place_id: input.placeId ?? null,
      secretary: input.secretary ?? null,
      founded_on: input.foundedOn ?? null,
      updated_by: actor.id,
      updated_at: ctx.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a member; a secretary's name also becomes the organisation's 书记 in the same transaction. */
export function addMember(db: Kysely<DB>, member: Insertable<DB["party_members"]>) {
  return db.transaction().execute(async (trx) => {
    const row = await insertMember(trx, member);
    if (member.duty === "secretary") await setSecretary(trx, member.organisation_id, member.name);
    return row;
  });
}
