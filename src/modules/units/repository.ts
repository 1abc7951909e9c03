import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, Unit, UnitKind } from "../../db/schema.js";

type Executor = Kysely<DB> | Transaction<DB>;

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  regionCode: string;
  parentId: number | null;
  active: boolean;
}

const COLUMNS = ["id", "code", "name", "name_en", "kind", "region_code", "parent_id", "active"] as const;

function toRow(r: Pick<Unit, (typeof COLUMNS)[number]>): UnitRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    regionCode: r.region_code,
    parentId: r.parent_id,
    active: r.active,
  };
}

/** Units whose jurisdiction lies inside a region prefix; inactive ones only when asked for. */
export async function listUnits(
  db: Kysely<DB>,
  filter: { kind?: UnitKind; regionPrefix?: string; includeInactive?: boolean },
): Promise<UnitRow[]> {
  let query = db.selectFrom("units").select(COLUMNS).orderBy("kind").orderBy("code");
  if (!filter.includeInactive) query = query.where("active", "=", true);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.regionPrefix) query = query.where("region_code", "like", `${filter.regionPrefix}%`);
  return (await query.execute()).map(toRow);
}

export async function findUnit(db: Executor, id: number): Promise<UnitRow | undefined> {
  const row = await db.selectFrom("units").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row && toRow(row);
}

/** The ids of a unit's ancestors, nearest first (for refusing a parent that would close a cycle). */
export async function ancestorIds(db: Executor, id: number): Promise<number[]> {
  const ids: number[] = [];
  for (let next = (await findUnit(db, id))?.parentId ?? null; next !== null && !ids.includes(next); ) {
    ids.push(next);
    next = (await findUnit(db, next))?.parentId ?? null;
  }
  return ids;
}

/** Where the catalogue routes to a unit: the region of each row naming it (null = district-wide). */
export async function catalogueReachOf(
  db: Executor,
  unitId: number,
): Promise<{ id: number; regionCode: string | null }[]> {
  return db
    .selectFrom("dispatch_catalogue")
    .select(["id", "region_code as regionCode"])
    .where((eb) =>
      eb.or([
        eb("unit_id", "=", unitId),
        eb(sql<number>`${unitId}`, "=", sql<number>`ANY(assisting_unit_ids)`),
      ]),
    )
    .orderBy("id")
    .execute();
}

/** Inserts a unit; undefined when the code is taken (checked by the database, race-free). */
export async function createUnitRow(
  db: Executor,
  unit: Omit<UnitRow, "id" | "active"> & { active?: boolean },
): Promise<UnitRow | undefined> {
  const row = await db
    .insertInto("units")
    .values({
      code: unit.code,
      name: unit.name,
      name_en: unit.nameEn,
      kind: unit.kind,
      region_code: unit.regionCode,
      parent_id: unit.parentId,
      active: unit.active ?? true,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return row && toRow(row);
}

export async function updateUnitRow(
  db: Executor,
  id: number,
  unit: Omit<UnitRow, "id" | "code">,
): Promise<UnitRow> {
  const row = await db
    .updateTable("units")
    .set({
      name: unit.name,
      name_en: unit.nameEn,
      kind: unit.kind,
      region_code: unit.regionCode,
      parent_id: unit.parentId,
      active: unit.active,
    })
    .where("id", "=", id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function insertUnit(
  db: Kysely<DB>,
  unit: {
    code: string;
    name: string;
    nameEn?: string | null;
    kind: UnitKind;
    regionCode: string;
    parentId?: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto("units")
    .values({
      code: unit.code,
      name: unit.name,
      name_en: unit.nameEn ?? null,
      kind: unit.kind,
      region_code: unit.regionCode,
      parent_id: unit.parentId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
