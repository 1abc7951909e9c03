import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

export function listPublications(db: Db, id?: number) {
  return db
    .selectFrom("publications")
    .selectAll()
    .$if(id !== undefined, (qb) => qb.where("id", "=", id as number))
    .orderBy("id")
    .execute();
}

export type PublicationRow = Awaited<ReturnType<typeof listPublications>>[number];

/** Every version of the given items (content included), oldest first. */
export function versionsOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("publication_versions")
    .selectAll()
    .where("publication_id", "in", ids)
    .orderBy("publication_id")
    .orderBy("version")
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export function insertPublication(db: Db, row: Insertable<DB["publications"]>) {
  return db.insertInto("publications").values(row).returning("id").executeTakeFirstOrThrow();
}

export function updateDraft(db: Db, id: number, draft: unknown, at: Date) {
  return db
    .updateTable("publications")
    .set({ draft: JSON.stringify(draft), updated_at: at })
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Withdraws an item (with the editor's reason), or with null ends a withdrawal. */
export function setRetracted(db: Db, id: number, retraction: { at: Date; reason: string } | null) {
  return db
    .updateTable("publications")
    .set({ retracted_at: retraction?.at ?? null, retracted_reason: retraction?.reason ?? null })
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Every version of one item with who published it, oldest first. */
export function versionHistory(db: Db, id: number) {
  return db
    .selectFrom("publication_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select(["v.version", "v.content", "v.visible_from", "v.created_at", "u.display_name as published_by"])
    .where("v.publication_id", "=", id)
    .orderBy("v.version")
    .execute();
}

/** Appends the next version of an item. */
export async function appendVersion(
  db: Db,
  row: { publicationId: number; content: unknown; visibleFrom: Date; by: number | null; at: Date },
) {
  const last = await db
    .selectFrom("publication_versions")
    .select(sql<number>`COALESCE(max(version), 0)::int`.as("version"))
    .where("publication_id", "=", row.publicationId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("publication_versions")
    .values({
      publication_id: row.publicationId,
      version: last.version + 1,
      content: JSON.stringify(row.content),
      visible_from: row.visibleFrom,
      published_by: row.by,
      created_at: row.at,
    })
    .execute();
  return last.version + 1;
}

export function insertPhoto(db: Db, row: Insertable<DB["publication_photos"]>) {
  return db.insertInto("publication_photos").values(row).execute();
}

export function findPhoto(db: Db, id: string) {
  return db
    .selectFrom("publication_photos")
    .select(["id", "publication_id", "mime", "content"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * 诉求地图 Demands per grid, top-level category and open/closed since an instant: counts only, no
 * caller, no text, no point; confidential demands are left out altogether.
 */
export function demandsByGrid(db: Db, since: Date) {
  return db
    .selectFrom("orders")
    .select([
      "grid_code",
      sql<string>`substr(category_code, 1, 2)`.as("category"),
      sql<number>`count(*) FILTER (WHERE closed_at IS NULL)::int`.as("open"),
      sql<number>`count(*) FILTER (WHERE closed_at IS NOT NULL)::int`.as("closed"),
    ])
    .where("grid_code", "is not", null)
    .where("category_code", "is not", null)
    .where("confidential", "=", false)
    .where("created_at", ">=", since)
    .groupBy(["grid_code", sql`substr(category_code, 1, 2)`])
    .execute();
}
