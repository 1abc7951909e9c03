import type { Kysely } from "kysely";
import type { DB, UnitKind } from "../../db/schema.js";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  regionCode: string;
  parentId: number | null;
}

/** Units whose jurisdiction lies inside (or contains) a region prefix. */
export async function listUnits(db: Kysely<DB>, filter: { kind?: UnitKind; regionPrefix?: string }): Promise<UnitRow[]> {
  let query = db
    .selectFrom("units")
    .select(["id", "code", "name", "name_en", "kind", "region_code", "parent_id"])
    .where("active", "=", true)
    .orderBy("kind")
    .orderBy("code");
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.regionPrefix) query = query.where("region_code", "like", `${filter.regionPrefix}%`);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    regionCode: r.region_code,
    parentId: r.parent_id,
  }));
}

export async function insertUnit(
  db: Kysely<DB>,
  unit: { code: string; name: string; nameEn?: string | null; kind: UnitKind; regionCode: string; parentId?: number | null },
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
