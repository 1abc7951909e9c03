import type { MultiPolygon, Polygon } from "geojson";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { CheckedGrid } from "./import-checks.js";
import type { KeptGrid } from "./import-overlaps.js";

type Trx = Transaction<DB>;

/**
 * The district's outline, its row locked so that grid imports run one at a time (each checks
 * overlaps against the grids the others write). NO KEY UPDATE leaves rows that merely reference
 * the district free to be inserted meanwhile.
 */
export async function lockDistrict(trx: Trx, code: string): Promise<Polygon | MultiPolygon | null> {
  const row = await trx
    .selectFrom("regions")
    .select("geometry")
    .where("code", "=", code)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return (row?.geometry as Polygon | MultiPolygon | null | undefined) ?? null;
}

/** The stored grids of some communities, with the party branch an update keeps when none is given. */
export async function gridsOf(
  trx: Trx,
  communities: readonly string[],
): Promise<{ code: string; partyBranch: string | null }[]> {
  if (communities.length === 0) return [];
  return trx
    .selectFrom("regions")
    .select(["code", "party_branch as partyBranch"])
    .where("level", "=", "grid")
    .where("parent_code", "in", [...communities])
    .orderBy("code")
    .execute();
}

/** Stored grids whose bounds meet `bounds`, except those of the communities being replaced. */
export async function keptGridsNear(
  trx: Trx,
  bounds: readonly number[],
  replaced: readonly string[],
): Promise<KeptGrid[]> {
  const [minLng, minLat, maxLng, maxLat] = bounds;
  let query = trx
    .selectFrom("regions")
    .select(["code", "geometry", "min_lng", "min_lat", "max_lng", "max_lat"])
    .where("level", "=", "grid")
    .where("geometry", "is not", null)
    .where("max_lng", ">=", minLng)
    .where("min_lng", "<=", maxLng)
    .where("max_lat", ">=", minLat)
    .where("min_lat", "<=", maxLat);
  if (replaced.length > 0) query = query.where("parent_code", "not in", [...replaced]);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    geometry: r.geometry as Polygon | MultiPolygon,
    bounds: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] as [number, number, number, number],
  }));
}

/** What still points at a region code, per table and column, with how to say it to the admin. */
const REFERENCES = [
  {
    table: "users",
    column: "region_code",
    says: (n: number) =>
      `${n} 名用户（网格员等）仍属于此网格，请先调整 / ${n} users (grid workers …) are assigned to it; reassign them first`,
  },
  {
    table: "orders",
    column: "region_code",
    says: (n: number) => `${n} 件工单位于此网格 / ${n} orders are located in it`,
  },
  {
    table: "orders",
    column: "holder_region_code",
    says: (n: number) => `${n} 件工单由此网格承办 / ${n} orders are held at it`,
  },
  {
    table: "units",
    column: "region_code",
    says: (n: number) => `${n} 个单位以此网格为辖区 / ${n} units serve it`,
  },
  {
    table: "dispatch_catalogue",
    column: "region_code",
    says: (n: number) => `${n} 条派单目录针对此网格 / ${n} dispatch catalogue rows name it`,
  },
  {
    table: "field_visits",
    column: "region_code",
    says: (n: number) => `${n} 条走访记录位于此网格 / ${n} field visits are recorded in it`,
  },
  {
    table: "institution_rules",
    column: "region_code",
    says: (n: number) => `${n} 项制度针对此网格 / ${n} institution rules name it`,
  },
] as const;

/** Why each of these grid codes cannot be deleted (codes nothing references are absent). */
export async function gridReferences(trx: Trx, codes: readonly string[]): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>();
  if (codes.length === 0) return reasons;
  for (const { table, column, says } of REFERENCES) {
    const { rows } = await sql<{ code: string; n: number }>`
      SELECT ${sql.ref(column)} AS code, count(*)::int AS n FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IN (${sql.join([...codes])}) GROUP BY 1`.execute(trx);
    for (const { code, n } of rows) reasons.set(code, [...(reasons.get(code) ?? []), says(n)]);
  }
  return reasons;
}

/** Writes the grids: new codes are inserted, existing ones get the new name, outline and branch. */
export async function upsertGrids(
  trx: Trx,
  grids: readonly (CheckedGrid & { partyBranch: string })[],
): Promise<void> {
  for (const grid of grids) {
    const [minLng, minLat, maxLng, maxLat] = grid.bounds;
    const values = {
      name: grid.name,
      geometry: JSON.stringify(grid.geometry),
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      party_branch: grid.partyBranch,
    };
    await trx
      .insertInto("regions")
      .values({ code: grid.code, level: "grid", parent_code: grid.code.slice(0, 12), ...values })
      .onConflict((oc) => oc.column("code").doUpdateSet(values))
      .execute();
  }
}

export async function deleteGrids(trx: Trx, codes: readonly string[]): Promise<void> {
  if (codes.length > 0)
    await trx
      .deleteFrom("regions")
      .where("level", "=", "grid")
      .where("code", "in", [...codes])
      .execute();
}
