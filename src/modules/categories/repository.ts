import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** A category row (诉求分类) as the API speaks of it. */
export interface CategoryRow {
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
  level: number;
  active: boolean;
}

const COLUMNS = ["code", "name", "name_en", "parent_code", "level", "active"] as const;

function toRow(r: {
  code: string;
  name: string;
  name_en: string | null;
  parent_code: string | null;
  level: number;
  active: boolean;
}): CategoryRow {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    parentCode: r.parent_code,
    level: r.level,
    active: r.active,
  };
}

/** Every category in code order (parents before their children), optionally only the active ones. */
export async function listCategories(
  db: Executor,
  filter: { activeOnly?: boolean } = {},
): Promise<CategoryRow[]> {
  let query = db.selectFrom("categories").select(COLUMNS).orderBy("code");
  if (filter.activeOnly) query = query.where("active", "=", true);
  return (await query.execute()).map(toRow);
}

export async function findCategoryRow(db: Executor, code: string): Promise<CategoryRow | undefined> {
  const row = await db.selectFrom("categories").select(COLUMNS).where("code", "=", code).executeTakeFirst();
  return row && toRow(row);
}

/** Whether a sibling under the same parent already carries the name. */
export async function siblingNamed(
  db: Executor,
  parentCode: string | null,
  name: string,
  exceptCode?: string,
): Promise<boolean> {
  let query = db.selectFrom("categories").select("code").where("name", "=", name);
  query =
    parentCode === null
      ? query.where("parent_code", "is", null)
      : query.where("parent_code", "=", parentCode);
  if (exceptCode) query = query.where("code", "!=", exceptCode);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts a category; undefined when the code exists already (checked by the database, race-free). */
export async function insertCategory(
  db: Executor,
  row: Omit<CategoryRow, "active">,
): Promise<CategoryRow | undefined> {
  const inserted = await db
    .insertInto("categories")
    .values({
      code: row.code,
      name: row.name,
      name_en: row.nameEn,
      parent_code: row.parentCode,
      level: row.level,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return inserted && toRow(inserted);
}

/** Renames a category. */
export async function renameCategory(
  db: Executor,
  code: string,
  names: { name?: string; nameEn?: string | null },
): Promise<void> {
  if (names.name === undefined && names.nameEn === undefined) return;
  await db
    .updateTable("categories")
    .set({
      ...(names.name === undefined ? {} : { name: names.name }),
      ...(names.nameEn === undefined ? {} : { name_en: names.nameEn }),
    })
    .where("code", "=", code)
    .execute();
}

/** Deactivates a category with all its descendants (codes extend their parent's). */
export async function deactivateSubtree(db: Executor, code: string): Promise<void> {
  await db.updateTable("categories").set({ active: false }).where("code", "like", `${code}%`).execute();
}

/** Reactivates one category; its descendants keep their own state. */
export async function activateCategory(db: Executor, code: string): Promise<void> {
  await db.updateTable("categories").set({ active: true }).where("code", "=", code).execute();
}
