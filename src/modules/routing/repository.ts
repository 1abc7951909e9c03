import type { Kysely, Transaction } from "kysely";
import type { DB, HandlingLevel } from "../../db/schema.js";
import type { CatalogueEntry } from "./catalogue.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** A catalogue row (派单目录) with the names a reader needs. */
export interface CatalogueRow extends CatalogueEntry {
  categoryName: string;
  regionName: string | null;
}

/** A unit as the catalogue needs it: who it is, where it serves, whether it still takes orders. */
export interface UnitRef {
  id: number;
  name: string;
  regionCode: string;
  active: boolean;
}

export type CatalogueFields = Omit<CatalogueEntry, "id">;

function query(db: Executor) {
  return db
    .selectFrom("dispatch_catalogue as d")
    .innerJoin("categories as c", "c.code", "d.category_code")
    .leftJoin("regions as r", "r.code", "d.region_code")
    .select([
      "d.id",
      "d.category_code",
      "c.name as category_name",
      "d.region_code",
      "r.name as region_name",
      "d.handling_level",
      "d.unit_id",
      "d.assisting_unit_ids",
    ]);
}

type Selected = Awaited<ReturnType<ReturnType<typeof query>["executeTakeFirstOrThrow"]>>;

function toRow(r: Selected): CatalogueRow {
  return {
    id: r.id,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    handlingLevel: r.handling_level,
    unitId: r.unit_id,
    assistingUnitIds: r.assisting_unit_ids,
  };
}

/** Catalogue rows of a category branch (its code as prefix), district-wide rows before local ones. */
export async function listCatalogue(db: Executor, categoryPrefix?: string): Promise<CatalogueRow[]> {
  let q = query(db)
    .orderBy("d.category_code")
    .orderBy("d.region_code", (ob) => ob.asc().nullsFirst());
  if (categoryPrefix) q = q.where("d.category_code", "like", `${categoryPrefix}%`);
  return (await q.execute()).map(toRow);
}

export async function findCatalogueRow(db: Executor, id: number): Promise<CatalogueRow | undefined> {
  const row = await query(db).where("d.id", "=", id).executeTakeFirst();
  return row && toRow(row);
}

/**
 * Locks the category row for the rest of the transaction. The table's UNIQUE (category, region)
 * does not stop two district-wide rows (NULLs are distinct in PostgreSQL 15), so writers of one
 * category queue here and check for a twin themselves.
 */
export async function lockCategory(
  trx: Transaction<DB>,
  code: string,
): Promise<{ code: string; active: boolean } | undefined> {
  return trx
    .selectFrom("categories")
    .select(["code", "active"])
    .where("code", "=", code)
    .forUpdate()
    .executeTakeFirst();
}

/** The id of the row for exactly this category and region (null = district-wide), if any. */
export async function twinRow(
  db: Executor,
  categoryCode: string,
  regionCode: string | null,
): Promise<number | undefined> {
  let q = db.selectFrom("dispatch_catalogue").select("id").where("category_code", "=", categoryCode);
  q = regionCode === null ? q.where("region_code", "is", null) : q.where("region_code", "=", regionCode);
  return (await q.executeTakeFirst())?.id;
}

export async function insertCatalogueRow(trx: Executor, fields: CatalogueFields): Promise<number> {
  const row = await trx
    .insertInto("dispatch_catalogue")
    .values({
      category_code: fields.categoryCode,
      region_code: fields.regionCode,
      handling_level: fields.handlingLevel,
      unit_id: fields.unitId,
      assisting_unit_ids: fields.assistingUnitIds,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCatalogueRow(
  trx: Executor,
  id: number,
  fields: { handlingLevel: HandlingLevel; unitId: number | null; assistingUnitIds: number[] },
): Promise<void> {
  await trx
    .updateTable("dispatch_catalogue")
    .set({
      handling_level: fields.handlingLevel,
      unit_id: fields.unitId,
      assisting_unit_ids: fields.assistingUnitIds,
    })
    .where("id", "=", id)
    .execute();
}

export async function deleteCatalogueRow(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom("dispatch_catalogue").where("id", "=", id).execute();
}

/** The units with these ids (missing ids are simply absent). */
export async function unitsByIds(db: Executor, ids: readonly number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("units")
    .select(["id", "name", "region_code", "active"])
    .where("id", "in", [...ids])
    .execute();
  return rows.map((u) => ({ id: u.id, name: u.name, regionCode: u.region_code, active: u.active }));
}
