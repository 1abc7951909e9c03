import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { RegionDirectory } from "../../modules/regions/directory.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { type CommunityFrame, generateParty, type PartyRows } from "./generate.js";

/** Tables in the order their rows reference each other; those with a serial id get their sequence moved on. */
const TABLES: readonly (keyof PartyRows)[] = [
  "party_organisations",
  "party_members",
  "party_reports",
  "joint_councils",
  "joint_members",
  "joint_meetings",
  "joint_decisions",
  "joint_projects",
  "joint_project_members",
  "joint_project_steps",
  "joint_list_items",
];
const WITH_EXPLICIT_IDS = new Set([
  "party_organisations",
  "joint_councils",
  "joint_members",
  "joint_meetings",
  "joint_decisions",
  "joint_projects",
  "joint_list_items",
]);

/**
 * The demo party organisations and joint building (一核), on the regions and buildings in the
 * database, in one transaction; nothing when there are party organisations already. Returns the rows written.
 */
export async function seedDemoParty(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const seeded = await db.selectFrom("party_organisations").select("id").limit(1).executeTakeFirst();
  if (seeded) return 0;
  const regions = await RegionDirectory.load(db);
  const rows = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "parent_code", "party_branch"])
    .where("level", "in", ["street", "community", "grid"])
    .orderBy("code")
    .execute();
  const buildings = await db
    .selectFrom("places as b")
    .innerJoin("places as c", "c.id", "b.compound_id")
    .select(["b.id", "b.name", "b.lng", "b.lat", "c.name as compound"])
    .where("b.kind", "=", "building")
    .where("b.active", "=", true)
    .orderBy("b.id")
    .execute();
  const buildingOf = new Map<string, { id: number; name: string }>();
  for (const b of buildings) {
    const grid = regions.locate(b.lng, b.lat)?.grid.code;
    if (grid && !buildingOf.has(grid)) buildingOf.set(grid, { id: b.id, name: `${b.compound}${b.name}` });
  }
  const communities = new Map<string, CommunityFrame>();
  for (const row of rows)
    if (row.level === "community")
      communities.set(row.code, {
        code: row.code,
        name: row.name,
        streetCode: row.parent_code ?? "",
        grids: [],
      });
  for (const row of rows)
    if (row.level === "grid")
      communities.get(row.parent_code ?? "")?.grids.push({
        code: row.code,
        name: row.name,
        partyBranch: row.party_branch,
        building: buildingOf.get(row.code) ?? null,
      });
  const streets = rows
    .filter((row) => row.level === "street")
    .map((row) => ({ code: row.code, name: row.name }));
  const generated = generateParty([...communities.values()], streets, chinaDate(now));
  return db.transaction().execute(async (trx) => {
    let written = 0;
    for (const table of TABLES) {
      const values = generated[table];
      for (let i = 0; i < values.length; i += 1000) {
        await trx
          .insertInto(table)
          .values(values.slice(i, i + 1000) as never)
          .execute();
      }
      written += values.length;
      if (WITH_EXPLICIT_IDS.has(table) && values.length > 0)
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${values.length})`.execute(trx);
    }
    return written;
  });
}
