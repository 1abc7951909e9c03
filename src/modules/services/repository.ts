import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Services with the communities offering them; optionally only active ones offered in a community. */
export function listServices(db: Db, filter: { community?: string; activeOnly?: boolean; id?: number } = {}) {
  return db
    .selectFrom("community_services as s")
    .selectAll("s")
    .select(
      sql<
        string[]
      >`COALESCE((SELECT array_agg(r.region_code ORDER BY r.region_code) FROM community_service_regions r WHERE r.service_id = s.id), '{}')`.as(
        "regions",
      ),
    )
    .$if(filter.activeOnly === true, (qb) => qb.where("s.active", "=", true))
    .$if(filter.id !== undefined, (qb) => qb.where("s.id", "=", filter.id as number))
    .$if(filter.community !== undefined, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("community_service_regions as r")
            .select("r.service_id")
            .whereRef("r.service_id", "=", "s.id")
            .where("r.region_code", "=", filter.community as string),
        ),
      ),
    )
    .orderBy("s.id")
    .execute();
}

export type ServiceRow = Awaited<ReturnType<typeof listServices>>[number];

export function findServiceByCode(db: Db, code: string) {
  return db.selectFrom("community_services").select("id").where("code", "=", code).executeTakeFirst();
}

export function insertService(trx: Db, row: Insertable<DB["community_services"]>) {
  return trx.insertInto("community_services").values(row).returning("id").executeTakeFirstOrThrow();
}

export function updateService(trx: Db, id: number, row: Updateable<DB["community_services"]>) {
  return trx.updateTable("community_services").set(row).where("id", "=", id).executeTakeFirst();
}

/** Replaces the communities offering a service. */
export async function setServiceRegions(trx: Db, serviceId: number, regions: readonly string[]) {
  await trx.deleteFrom("community_service_regions").where("service_id", "=", serviceId).execute();
  if (regions.length > 0)
    await trx
      .insertInto("community_service_regions")
      .values(regions.map((region_code) => ({ service_id: serviceId, region_code })))
      .execute();
}

export function insertApplication(trx: Db, row: Insertable<DB["service_applications"]>) {
  return trx.insertInto("service_applications").values(row).returning("id").executeTakeFirstOrThrow();
}

export function insertStep(trx: Db, row: Insertable<DB["service_application_steps"]>) {
  return trx.insertInto("service_application_steps").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function insertFiles(trx: Db, rows: Insertable<DB["service_files"]>[]) {
  if (rows.length > 0) await trx.insertInto("service_files").values(rows).execute();
}

/** Moves an application only from the version it was read at; false when someone else moved it first. */
export async function moveApplication(
  trx: Db,
  id: string,
  version: number,
  change: Updateable<DB["service_applications"]>,
): Promise<boolean> {
  const result = await trx
    .updateTable("service_applications")
    .set({ ...change, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

const APPLICATION_COLUMNS = [
  "a.id",
  "a.service_id",
  "s.code as service_code",
  "s.name as service_name",
  "s.name_en as service_name_en",
  "a.applicant_id",
  "u.display_name as applicant_name",
  "a.community_code",
  "a.state",
  "a.level",
  "a.answers",
  "a.definition",
  "a.submitted_at",
  "a.due_at",
  "a.closed_at",
  "a.result",
  "a.version",
] as const;

/** Applications, newest first: one applicant's, or those of communities under a region prefix. */
export function listApplications(
  db: Db,
  filter: { applicantId?: number; prefix?: string; state?: string; id?: string; limit?: number },
) {
  return db
    .selectFrom("service_applications as a")
    .innerJoin("community_services as s", "s.id", "a.service_id")
    .innerJoin("users as u", "u.id", "a.applicant_id")
    .select(APPLICATION_COLUMNS)
    .$if(filter.applicantId !== undefined, (qb) =>
      qb.where("a.applicant_id", "=", filter.applicantId as number),
    )
    .$if(filter.prefix !== undefined && filter.prefix !== "", (qb) =>
      qb.where("a.community_code", "like", `${filter.prefix}%`),
    )
    .$if(filter.state !== undefined, (qb) => qb.where("a.state", "=", filter.state as string))
    .$if(filter.id !== undefined, (qb) => qb.where("a.id", "=", filter.id as string))
    .orderBy("a.id", "desc")
    .limit(filter.limit ?? 200)
    .execute();
}

export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>[number];

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await listApplications(db, { id, limit: 1 });
  return row;
}

export function applicationSteps(db: Db, id: string) {
  return db
    .selectFrom("service_application_steps as s")
    .leftJoin("users as u", "u.id", "s.actor_id")
    .select(["s.id", "s.action", "s.from_state", "s.to_state", "s.level", "s.actor_role", "s.note", "s.at"])
    .select("u.display_name as actor_name")
    .where("s.application_id", "=", id)
    .orderBy("s.id")
    .execute();
}

/** The files' descriptions (not their bytes), in upload order. */
export function applicationFiles(db: Db, id: string) {
  return db
    .selectFrom("service_files")
    .select(["id", "step_id", "material", "file_name", "mime", "size_bytes"])
    .where("application_id", "=", id)
    .orderBy("step_id")
    .orderBy("file_name")
    .execute();
}

export function findFile(db: Db, applicationId: string, fileId: string) {
  return db
    .selectFrom("service_files")
    .select(["id", "mime", "content"])
    .where("application_id", "=", applicationId)
    .where("id", "=", fileId)
    .executeTakeFirst();
}

/**
 * 办件统计 per service for the communities under a prefix: applications, open, approved, refused,
 * open past their due instant (超期), and closed on time.
 */
export function serviceStats(db: Db, prefix: string, now: Date) {
  const open = sql`a.state IN ('community_review', 'street_review', 'supplement')`;
  return db
    .selectFrom("community_services as s")
    .leftJoin("service_applications as a", (join) =>
      join.onRef("a.service_id", "=", "s.id").on("a.community_code", "like", `${prefix}%`),
    )
    .select([
      "s.id",
      "s.code",
      "s.name",
      "s.name_en",
      "s.time_limit_days",
      sql<number>`count(a.id)::int`.as("total"),
      sql<number>`count(a.id) FILTER (WHERE ${open})::int`.as("open"),
      sql<number>`count(a.id) FILTER (WHERE a.state = 'approved')::int`.as("approved"),
      sql<number>`count(a.id) FILTER (WHERE a.state = 'refused')::int`.as("refused"),
      sql<number>`count(a.id) FILTER (WHERE ${open} AND a.due_at < ${now})::int`.as("overdue"),
      sql<number>`count(a.id) FILTER (WHERE a.closed_at IS NOT NULL AND a.state <> 'withdrawn' AND a.closed_at <= a.due_at)::int`.as(
        "closed_on_time",
      ),
      sql<number>`count(a.id) FILTER (WHERE a.closed_at IS NOT NULL AND a.state <> 'withdrawn')::int`.as(
        "closed",
      ),
    ])
    .groupBy(["s.id", "s.code", "s.name", "s.name_en", "s.time_limit_days"])
    .orderBy("s.id")
    .execute();
}
