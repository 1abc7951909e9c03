import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";

/** Organisations whose region lies under a prefix ("" for all), each with its active member count. */
export function listOrganisations(db: Kysely<DB>, filter: { prefix: string; kinds?: readonly string[] }) {
  return db
    .selectFrom("party_organisations as o")
    .leftJoin("places as p", "p.id", "o.place_id")
    .select([
      "o.id",
      "o.kind",
      "o.name",
      "o.region_code",
      "o.parent_id",
      "o.place_id",
      "p.name as place_name",
      "o.secretary",
      "o.founded_on",
      "o.active",
      sql<number>`(SELECT count(*)::int FROM party_members m WHERE m.organisation_id = o.id AND m.active)`.as(
        "member_count",
      ),
    ])
    .$if(filter.prefix !== "", (qb) => qb.where("o.region_code", "like", `${filter.prefix}%`))
    .$if(filter.kinds !== undefined, (qb) => qb.where("o.kind", "in", filter.kinds as string[] as never[]))
    .orderBy("o.region_code")
    .orderBy("o.id")
    .execute();
}

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

export function findOrganisation(db: Kysely<DB>, id: number) {
  return db.selectFrom("party_organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listMembers(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom("party_members")
    .select(["id", "name", "duty", "joined_on", "active"])
    .where("organisation_id", "=", organisationId)
    .orderBy("active", "desc")
    .orderBy("id")
    .execute();
}

/** 双报到 records of communities under a prefix, newest first. */
export function listReports(db: Kysely<DB>, prefix: string) {
  return db
    .selectFrom("party_reports")
    .select(["id", "region_code", "kind", "name", "home_unit", "pledge", "reported_on", "active"])
    .$if(prefix !== "", (qb) => qb.where("region_code", "like", `${prefix}%`))
    .orderBy("reported_on", "desc")
    .orderBy("id", "desc")
    .limit(1000)
    .execute();
}

/** Renames an organisation, changes its secretary or retires it (undefined fields stay as they are). */
export function updateOrganisation(
  db: Kysely<DB>,
  id: number,
  changes: Updateable<DB["party_organisations"]>,
) {
  return db.updateTable("party_organisations").set(changes).where("id", "=", id).execute();
}

/** Records the name of an organisation's secretary. */
export function setSecretary(db: Kysely<DB>, organisationId: number, name: string) {
  return db
    .updateTable("party_organisations")
    .set({ secretary: name })
    .where("id", "=", organisationId)
    .execute();
}

export function insertMember(db: Kysely<DB>, member: Insertable<DB["party_members"]>) {
  return db.insertInto("party_members").values(member).returning("id").executeTakeFirstOrThrow();
}

/** A member with the organisation they belong to, if the member exists. */
export function findMember(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom("party_members")
    .select(["organisation_id", "duty", "active"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

export function insertOrganisation(db: Kysely<DB>, organisation: Insertable<DB["party_organisations"]>) {
  return db.insertInto("party_organisations").values(organisation).returning("id").executeTakeFirstOrThrow();
}

export function updateMember(db: Kysely<DB>, id: number, changes: Updateable<DB["party_members"]>) {
  return db.updateTable("party_members").set(changes).where("id", "=", id).execute();
}

export function insertReport(db: Kysely<DB>, report: Insertable<DB["party_reports"]>) {
  return db.insertInto("party_reports").values(report).returning("id").executeTakeFirstOrThrow();
}
