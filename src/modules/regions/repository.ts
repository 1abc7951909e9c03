import { type Kysely, sql } from "kysely";
import type { DB, RegionLevel } from "../../db/schema.js";

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
}

/** Regions with their number of children, filtered by parent or level. */
export async function listRegions(
  db: Kysely<DB>,
  filter: { parent?: string; level?: RegionLevel; within?: string },
): Promise<RegionRow[]> {
  let query = db
    .selectFrom("regions as r")
    .select([
      "r.code",
      "r.name",
      "r.level",
      "r.parent_code",
      sql<number>`(SELECT count(*) FROM regions c WHERE c.parent_code = r.code)::int`.as("child_count"),
    ])
    .orderBy("r.code");
  if (filter.parent) query = query.where("r.parent_code", "=", filter.parent);
  if (filter.level) query = query.where("r.level", "=", filter.level);
  if (!filter.parent && !filter.level) query = query.where("r.parent_code", "is", null);
  if (filter.within) query = query.where("r.code", "like", `${filter.within}%`);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    childCount: r.child_count,
  }));
}

export async function findRegion(db: Kysely<DB>, code: string) {
  return db
    .selectFrom("regions as r")
    .select([
      "r.code",
      "r.name",
      "r.level",
      "r.parent_code",
      "r.party_branch",
      sql<number>`(SELECT count(*) FROM regions c WHERE c.parent_code = r.code)::int`.as("child_count"),
    ])
    .where("r.code", "=", code)
    .executeTakeFirst();
}

/** Grid workers (网格员) assigned to a grid. */
export async function listGridWorkers(db: Kysely<DB>, gridCode: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "phone_cipher"])
    .where("region_code", "=", gridCode)
    .where("role", "=", "grid_worker")
    .where("active", "=", true)
    .orderBy("id")
    .execute();
}

/** Grid polygons inside a region prefix, with their community and street names. */
export async function listGridShapes(db: Kysely<DB>, within: string) {
  return db
    .selectFrom("regions as g")
    .innerJoin("regions as c", "c.code", "g.parent_code")
    .innerJoin("regions as s", "s.code", "c.parent_code")
    .select([
      "g.code",
      "g.name",
      "g.geometry",
      "g.party_branch",
      "c.code as community_code",
      "c.name as community_name",
      "s.code as street_code",
      "s.name as street_name",
    ])
    .where("g.level", "=", "grid")
    .where("g.code", "like", `${within}%`)
    .orderBy("g.code")
    .execute();
}
