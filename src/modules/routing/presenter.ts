import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { CatalogueRow } from "./repository.js";
import { unitsByIds } from "./repository.js";

/** A unit named in a route or catalogue row. */
export interface NamedUnit {
  id: number;
  name: string;
}

/** Looks up the names of every unit the given routes name, in one query. */
export async function unitNamer(
  db: Kysely<DB>,
  routes: readonly { unitId: number | null; assistingUnitIds: number[] }[],
) {
  const ids = new Set(
    routes.flatMap((r) => [...(r.unitId === null ? [] : [r.unitId]), ...r.assistingUnitIds]),
  );
  const names = new Map((await unitsByIds(db, [...ids])).map((u) => [u.id, u.name]));
  const named = (id: number): NamedUnit => ({ id, name: names.get(id) ?? String(id) });
  return {
    unit: (id: number | null) => (id === null ? null : named(id)),
    units: (ids: readonly number[]) => ids.map(named),
  };
}

/** Catalogue rows as the admin table shows them: category, region and unit names. */
export async function presentCatalogue(db: Kysely<DB>, rows: readonly CatalogueRow[]) {
  const name = await unitNamer(db, rows);
  return rows.map((row) => ({
    id: row.id,
    categoryCode: row.categoryCode,
    categoryName: row.categoryName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    handlingLevel: row.handlingLevel,
    unit: name.unit(row.unitId),
    assistingUnits: name.units(row.assistingUnitIds),
  }));
}
